// One linear pass over an HTML string, without building a DOM: the page's shape (deepest nesting, element count),
// what the page says about itself (meta tags, JSON-LD, <title>, the first <h1> and <time datetime>, <html lang>)
// and its text as lines: without page furniture (header, footer, aside, nav), and with all but navigation.
//
// Why: a DOM and Readability cost time that grows faster than the page (3,500 nested <div>s ran for minutes, a
// million levels overflowed the stack, and linkedom's parser alone is quadratic in depth). This pass is
// htmlparser2's tokenizer (a state machine, linear in the input) with our own element stack: every element is
// pushed and popped once, closing tags find their element through a count per name, and nothing recurses.
// The stack follows htmlparser2's Parser (implied closes, void elements), which linkedom uses, so the depth
// measured here is the depth the DOM would have.
import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import { HTML_MAX_DEPTH, HTML_MAX_ELEMENTS } from './config.js';

// Loaded with the first HTML scanned (as linkedom is, html.ts): reading .txt or JSON, as `khabar summarize` on
// text files does, never pays for htmlparser2 and its entity tables.
const requireLazily = createRequire(import.meta.url);
let htmlparser2: typeof Htmlparser2 | null = null;

/** Elements whose content is never text of the article. */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head', 'object', 'embed',
  'button', 'form', 'select', 'input', 'textarea', 'canvas', 'video', 'audio', 'math']);
/** Elements that start a new line. */
export const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote',
  'figcaption', 'figure', 'tr', 'table', 'section', 'article', 'header', 'footer', 'pre', 'hr', 'dd', 'dt', 'dl',
  'aside', 'nav', 'main', 'address', 'caption', 'td', 'th']);
/** Page furniture: outside the main text when no DOM scoring is done. */
export const FURNITURE = new Set(['nav', 'header', 'footer', 'aside']);
/** Site navigation: not even an "outside" line (it is site chrome, not article boilerplate). */
export const NAVIGATION = new Set(['nav', 'header']);

// htmlparser2's Parser tables (v10): void elements and the open tags that close the element on top of the stack.
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img',
  'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])], ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])], ['dd', DDT], ['dt', DDT], ['rt', RTP], ['rp', RTP],
  ['tbody', TABLE_SECTION], ['tfoot', TABLE_SECTION],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl',
    'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section',
    'table', 'ul'].map((t) => [t, P] as [string, Set<string>]),
]);
/** Foreign content, where `<x/>` closes itself (in HTML proper it opens an element). */
const FOREIGN = new Set(['svg', 'math']);

/** Attributes worth keeping, per element: the facts a page gives about itself. */
const WANTED_ATTRS: Record<string, Set<string>> = {
  meta: new Set(['property', 'name', 'content']),
  time: new Set(['datetime']),
  html: new Set(['lang']),
  script: new Set(['type']),
};

/** Longest JSON-LD block kept (real ones are a few KB); a longer one is ignored rather than parsed. */
const MAX_JSON_LD_CHARS = 1_000_000;

export interface HtmlShape {
  /** The deepest nesting of elements. */
  depth: number;
  /** Elements opened. */
  elements: number;
}

/** What a page says about itself, as both the DOM path and this scan read it. */
export interface PageFacts {
  /** meta[property|name] → content, first occurrence of each name. */
  meta: Map<string, string>;
  /** The text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** datetime of the first <time datetime>. */
  time: string | null;
  /** Text of the first <h1>, spaces collapsed. */
  h1: string | null;
  /** Text of the <title>. */
  title: string | null;
  /** <html lang>. */
  lang: string | null;
}

export interface HtmlScan {
  shape: HtmlShape;
  facts: PageFacts;
  /** The text outside skipped elements and furniture, one line per block (for a fragment: with furniture). */
  text: string;
  /** Every line of the page but navigation (nav, header), furniture included, in page order. */
  whole: string[];
}

/** Text parts → trimmed, non-empty lines. */
export function linesOf(parts: string[]): string[] {
  return parts.join('').split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l);
}

/**
 * Runs of white space that are not one plain space. Replacing only these is what makes collapsing fast: `\s+`
 * matches (and rewrites) every single space of the text, 8 s on 25 million characters where this takes 20 ms.
 */
export const LOOSE_SPACE = /[^\S ]\s*| \s+/g;

/** Lines built from text pieces: a piece's own line breaks are spaces; break() ends the line. */
class Lines {
  readonly lines: string[] = [];
  private current = '';
  add(t: string): void { this.current += t; }
  break(): void {
    if (!this.current) return;
    const line = this.current.replace(LOOSE_SPACE, ' ').trim();
    this.current = '';
    if (line) this.lines.push(line);
  }
}

// Flags of an open element, inherited by what it contains.
const F_SKIP = 1;
const F_FURNITURE = 2;
const F_NAV = 4;
const F_FOREIGN = 8;
const flagsOf = (name: string): number => (SKIP.has(name) ? F_SKIP : 0) | (FURNITURE.has(name) ? F_FURNITURE : 0)
  | (NAVIGATION.has(name) ? F_NAV : 0) | (FOREIGN.has(name) ? F_FOREIGN : 0);

/**
 * Scans HTML in one pass. `fragment`: a piece of a page (a feed item, a JSON "html" field), whose header or
 * aside is part of the text given. Throws, as soon as it is seen, when the page nests deeper than HTML_MAX_DEPTH
 * or opens more than HTML_MAX_ELEMENTS elements: no article page does, and the refusal costs nothing more.
 */
export function scanHtml(html: string, fragment = false): HtmlScan {
  // The open elements: names and flags in two stacks, and how many of each name are open.
  const names: string[] = [];
  const flagStack: number[] = [];
  const openCount = new Map<string, number>();
  const main = new Lines();
  const whole = new Lines();
  const facts: PageFacts = { meta: new Map(), jsonLd: [], time: null, h1: null, title: null, lang: null };
  let depth = 0;
  let elements = 0;
  let flags = 0; // of the innermost open element
  // The element being opened and its wanted attributes.
  let tag = '';
  let attrs: Record<string, string> | null = null;
  let attrName = '';
  let attrValue = '';
  // Text collected for <title>, the first <h1> and a JSON-LD script while they are open.
  let collect: { into: 'title' | 'h1' | 'ld'; at: number; parts: string[]; size: number } | null = null;

  const newline = (): void => { main.break(); whole.break(); };
  const text = (t: string): void => {
    if (collect) {
      collect.size += t.length;
      if (collect.size <= MAX_JSON_LD_CHARS) collect.parts.push(t);
    }
    if (flags & F_SKIP) return;
    if (!(flags & F_NAV)) whole.add(t);
    if (fragment || !(flags & F_FURNITURE)) main.add(t);
  };
  const pop = (): void => {
    const name = names.pop()!;
    flagStack.pop();
    flags = flagStack.length ? flagStack[flagStack.length - 1] : 0;
    openCount.set(name, openCount.get(name)! - 1);
    if (collect && collect.at === names.length) {
      const value = collect.parts.join('');
      if (collect.into === 'ld') { if (collect.size <= MAX_JSON_LD_CHARS) facts.jsonLd.push(value); }
      else facts[collect.into] = value.replace(/\s+/g, ' ').trim() || null;
      collect = null;
    }
    if (BLOCK.has(name)) newline();
  };
  const open = (name: string, selfClosing: boolean): void => {
    if (++elements > HTML_MAX_ELEMENTS) throw new Error(`HTML with more than ${HTML_MAX_ELEMENTS} elements is refused (an article page has a few thousand)`);
    const implies = IMPLIES_CLOSE.get(name);
    if (implies) while (names.length && implies.has(names[names.length - 1])) pop();
    if (BLOCK.has(name)) newline();
    const a = attrs ?? {};
    if (name === 'meta') {
      const key = a.property ?? a.name;
      if (key && a.content !== undefined && !facts.meta.has(key)) facts.meta.set(key, a.content);
    } else if (name === 'time' && a.datetime !== undefined && facts.time === null) facts.time = a.datetime;
    else if (name === 'html' && a.lang && facts.lang === null) facts.lang = a.lang;
    if (VOID.has(name) || (selfClosing && ((flags & F_FOREIGN) || FOREIGN.has(name)))) return;
    names.push(name);
    flags |= flagsOf(name);
    flagStack.push(flags);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (names.length > depth) {
      depth = names.length;
      if (depth > HTML_MAX_DEPTH) throw new Error(`HTML nested more than ${HTML_MAX_DEPTH} levels deep is refused (an article page nests a few dozen)`);
    }
    if (!collect) {
      const at = names.length - 1;
      if (name === 'title' && facts.title === null) collect = { into: 'title', at, parts: [], size: 0 };
      else if (name === 'h1' && facts.h1 === null) collect = { into: 'h1', at, parts: [], size: 0 };
      else if (name === 'script' && (a.type ?? '').trim().toLowerCase() === 'application/ld+json') collect = { into: 'ld', at, parts: [], size: 0 };
    }
  };
  const close = (name: string): void => {
    if (VOID.has(name)) { if (name === 'br') newline(); return; }
    if ((openCount.get(name) ?? 0) > 0) {
      while (names.length && names[names.length - 1] !== name) pop();
      pop();
    } else if (name === 'p') newline(); // a </p> with no <p> open: an empty paragraph
  };

  const { Tokenizer } = (htmlparser2 ??= requireLazily('htmlparser2') as typeof Htmlparser2);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      attrs = WANTED_ATTRS[tag] ? {} : null;
    },
    onattribname(start, end) { attrName = html.slice(start, end).toLowerCase(); attrValue = ''; },
    onattribdata(start, end) { if (attrs) attrValue += html.slice(start, end); },
    onattribentity(cp) { if (attrs) attrValue += String.fromCodePoint(cp); },
    onattribend() {
      if (attrs && WANTED_ATTRS[tag]!.has(attrName) && !(attrName in attrs)) attrs[attrName] = attrValue;
    },
    onopentagend() { open(tag, false); attrs = null; },
    onselfclosingtag() { open(tag, true); attrs = null; },
    onclosetag(start, end) { close(html.slice(start, end).toLowerCase()); },
    ontext(start, end) { text(html.slice(start, end)); },
    ontextentity(cp) { text(String.fromCodePoint(cp)); },
    oncdata() { /* CDATA is not HTML text */ },
    oncomment() { /* comments are not text */ },
    ondeclaration() { /* <!doctype> */ },
    onprocessinginstruction() { /* <?xml ...?> */ },
    onend() { while (names.length) pop(); newline(); },
  });
  tokenizer.write(html);
  tokenizer.end();
  return { shape: { depth, elements }, facts, text: main.lines.join('\n'), whole: whole.lines };
}
