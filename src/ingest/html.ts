// HTML → title, outlet, publication time and main text (paragraphs as lines).
// Main text: @mozilla/readability over linkedom for full pages; a plain block walk for fragments (feed items,
// JSON "html" fields). Only text is kept, so scripts, event handlers and styles never matter.
import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';
import { BLOCK, SKIP, linesOf, scanHtml, type HtmlShape, type PageFacts } from './html-scan.js';
import { DOM_MAX_CHARS, DOM_MAX_DEPTH, DOM_MAX_ELEMENTS } from './config.js';

// linkedom is most of the start-up time of a command that loads the ingest stage (over a second of 2 on a loaded
// machine): it and Readability are loaded when the first HTML is parsed, so reading .txt or JSON never pays for them.
const requireLazily = createRequire(import.meta.url);
let linkedom: typeof Linkedom | null = null;
let readability: typeof ReadabilityModule | null = null;
const parseHTML = (html: string) => (linkedom ??= requireLazily('linkedom') as typeof Linkedom).parseHTML(html);

export interface ExtractedHtml {
  title: string | null;
  text: string;
  source: string | null;
  published: string | null;
  lang: string | null;
  /** Lines of the page outside the main text (navigation, share bars, asides, captions), in page order. */
  outside: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- linkedom's DOM types are loose */
function walk(node: any, out: string[]): void {
  for (const child of Array.from(node.childNodes ?? []) as any[]) {
    if (child.nodeType === 3) {
      out.push(String(child.textContent ?? '').replace(/\s+/g, ' '));
    } else if (child.nodeType === 1) {
      const tag = String(child.tagName).toLowerCase();
      if (SKIP.has(tag)) continue;
      const block = BLOCK.has(tag);
      if (block) out.push('\n');
      walk(child, out);
      if (block) out.push('\n');
    }
  }
}

/** Text of Readability's result with one line per block (paragraph). Recursive: only run within DOM_MAX_DEPTH. */
function textOf(node: any): string {
  const parts: string[] = [];
  walk(node, parts);
  return linesOf(parts).join('\n');
}

/** The first of the named meta tags that has content. */
function meta(facts: PageFacts, ...names: string[]): string | null {
  for (const name of names) {
    const v = facts.meta.get(name);
    if (v && v.trim()) return v.trim();
  }
  return null;
}

interface JsonLdFacts { headline?: string; datePublished?: string; publisher?: string }

/** datePublished / headline / publisher.name from JSON-LD blocks (objects, arrays, @graph). */
function jsonLd(blocks: string[]): JsonLdFacts {
  const facts: JsonLdFacts = {};
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) { x.forEach(visit); return; }
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.datePublished === 'string' && !facts.datePublished) facts.datePublished = o.datePublished;
    if (typeof o.headline === 'string' && !facts.headline) facts.headline = o.headline;
    const pub = o.publisher as Record<string, unknown> | undefined;
    if (pub && typeof pub === 'object' && typeof pub.name === 'string' && !facts.publisher) facts.publisher = pub.name;
    if (o['@graph']) visit(o['@graph']);
  };
  // A broken block, or one nested past the stack, is ignored.
  for (const block of blocks) {
    try { visit(JSON.parse(block)); } catch { /* ignored */ }
  }
  return facts;
}

/**
 * A numeric date as Arabic outlets and their exports write it, day first ("02/05/2017", "2.5.2017 14:30"), in ISO 8601
 * (2017-05-02, 2017-05-02T14:30); month first only where day first is impossible (05/25/2017). Undefined when `t` is
 * not such a date, null when it names no real day or time. Why our own: Date.parse reads 02/05/2017 month first, as
 * 5 February, where Arabic outlets write the day first (the ANT corpus's Tunisian outlets, 5,333 of its dates).
 * No offset is invented for the time.
 */
function numericDate(t: string): string | null | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return undefined;
  let [day, month] = [Number(m[1]), Number(m[2])];
  if (month > 12 && day <= 12) [day, month] = [month, day];
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const pad = (n: number | string): string => String(n).padStart(2, '0');
  const date = `${m[3]}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return date;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  return `${date}T${pad(m[4])}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`}`;
}

/** An ISO 8601 form of a date string, or null when it does not parse. */
export function toIsoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  // ISO 8601's basic time (2017-01-22T185600, as some exports write it) in the extended form read below.
  const t = s.trim().replace(/^(\d{4}-\d{2}-\d{2}T)(\d{2})(\d{2})(\d{2})?(?=$|Z|[+-])/, (_, d: string, h: string, mi: string, se?: string) => `${d}${h}:${mi}${se ? `:${se}` : ''}`);
  const numeric = numericDate(t);
  if (numeric !== undefined) return numeric;
  // Already ISO 8601: kept as given, so the outlet's own offset (and so its calendar day) survives.
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) {
    return Number.isNaN(Date.parse(t.replace(' ', 'T'))) && t.length > 10 ? null : t.replace(' ', 'T');
  }
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return null;
  // RFC 822 (feeds): keep the given numeric offset rather than converting to UTC.
  const off = /([+-])(\d{2}):?(\d{2})\s*$/.exec(t);
  if (off) {
    const minutes = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]));
    return new Date(ms + minutes * 60_000).toISOString().replace(/\.000Z$|Z$/, `${off[1]}${off[2]}:${off[3]}`);
  }
  return new Date(ms).toISOString();
}

/** True when the string looks like a whole page rather than a fragment. */
function isFullPage(html: string): boolean {
  return /<(html|body|article|main)[\s>]/i.test(html.slice(0, 100_000));
}

/** Why a page is too large or too deep for the DOM and Readability, or null when it is not. */
export function pastDomBounds(shape: HtmlShape, chars: number): string | null {
  if (shape.depth > DOM_MAX_DEPTH) return `elements nested ${shape.depth} deep (more than ${DOM_MAX_DEPTH})`;
  if (shape.elements > DOM_MAX_ELEMENTS) return `${shape.elements} elements (more than ${DOM_MAX_ELEMENTS})`;
  if (chars > DOM_MAX_CHARS) return `${chars} characters of HTML (more than ${DOM_MAX_CHARS})`;
  return null;
}

/**
 * Title, outlet, date, language and main text of an HTML page or fragment. A page within the DOM bounds
 * (config.ts) gets Readability's main text; past them, for a fragment, or with `dom: false`, the text is the
 * linear scan's, with page furniture (header, footer, aside) outside it: its time is linear in the input,
 * whatever the nesting. Throws (a message saying why) for HTML past HTML_MAX_DEPTH or HTML_MAX_ELEMENTS.
 */
export function extractHtml(html: string, options: { dom?: boolean } = {}): ExtractedHtml {
  // A "fragment" without any tag is plain text (feeds often carry text with line breaks): keep its lines.
  // ([^<>]* keeps the test linear: "<a<a<a..." has no tag and is not rescanned from every "<".)
  if (!/<\/?[a-z][^<>]*>/i.test(html)) {
    const text = html.split(/\r?\n/).map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l).join('\n');
    return { title: null, text, source: null, published: null, lang: null, outside: [] };
  }
  const full = isFullPage(html);
  const scan = scanHtml(html, !full);
  if (!full) return { title: null, text: scan.text, source: null, published: null, lang: null, outside: [] };
  const { facts } = scan;
  const ld = jsonLd(facts.jsonLd);
  const published = toIsoDate(meta(facts, 'article:published_time', 'og:published_time', 'pubdate', 'date', 'DC.date.issued')
    ?? ld.datePublished ?? facts.time ?? null);
  const source = meta(facts, 'og:site_name', 'application-name') ?? ld.publisher ?? null;
  // <title> last: it usually carries the site name too ("headline | outlet").
  const title = meta(facts, 'og:title', 'twitter:title') ?? ld.headline ?? facts.h1 ?? (facts.title?.trim() || null);
  const lang = facts.lang || null;
  const fallback = scan.text;
  let text = fallback;
  if (options.dom !== false && !pastDomBounds(scan.shape, html.length)) {
    let main = '';
    try {
      const { document } = parseHTML(html);
      const parsed = new (readability ??= requireLazily('@mozilla/readability') as typeof ReadabilityModule).Readability<any>(document as any, { serializer: (n: any) => n, charThreshold: 200 }).parse();
      if (parsed?.content) main = textOf(parsed.content);
    } catch {
      main = '';
    }
    if (!(main.length < 0.2 * fallback.length && fallback.length > main.length)) text = main;
  }
  // Lines of the page outside the main text: the whole page (navigation left out: site chrome, not article
  // boilerplate) less the main text's lines, in page order.
  const inMain = new Map<string, number>();
  for (const l of text.split('\n')) inMain.set(l, (inMain.get(l) ?? 0) + 1);
  const outside: string[] = [];
  for (const l of scan.whole) {
    const n = inMain.get(l) ?? 0;
    if (n > 0) inMain.set(l, n - 1);
    else if (l) outside.push(l);
  }
  return { title, text, source, published, lang, outside };
}
