// RSS 2.0 / Atom feeds → RawArticle items, parsed with saxes (a strict, non-validating parser that never
// fetches external entities). A DOCTYPE declaring entities is refused outright, so entity-expansion bombs
// ("billion laughs") and external SYSTEM entities are never expanded or fetched.
import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { RawArticle } from '../types.js';
import { toIsoDate } from './html.js';

// saxes is loaded with the first feed: a command that reads no feed does not pay for it at start-up.
const requireLazily = createRequire(import.meta.url);
let saxes: typeof Saxes | null = null;

export type FeedResult = { ok: true; items: RawArticle[]; kind: 'rss' | 'atom' } | { ok: false; reason: string };

/** True when a text starts like an XML feed (prolog, <rss>, <feed>, <rdf:RDF>), after comments/whitespace. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return true;
  if (/^<\?xml/i.test(head)) return /<(rss|feed|rdf:RDF)[\s>]/i.test(head) || !/<html[\s>]/i.test(head);
  return false;
}

interface ItemFields { [k: string]: string }
const BLOCK_CLOSE = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

/** Parses a feed. `stem` names items without an id; `origin` is kept on each item for messages. */
export function parseFeed(xml: string, stem: string, origin: string): FeedResult {
  const parser = new (saxes ??= requireLazily('saxes') as typeof Saxes).SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  const items: ItemFields[] = [];
  let current: ItemFields | null = null;
  let field: string | null = null; // the item child whose text is being collected
  let fieldDepth = 0;
  let buf = '';
  let channelTitle = '';
  let collectingChannelTitle = false;
  let kind: 'rss' | 'atom' | null = null;
  let refused: string | null = null;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype) || /\bSYSTEM\b|\bPUBLIC\b/i.test(doctype)) {
      refused = 'DOCTYPE with entity declarations or an external DTD is refused (entity expansion and external entities are never processed)';
      throw new Error(refused);
    }
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name.toLowerCase();
    stack.push(name);
    if (stack.length === 1) kind = name === 'feed' ? 'atom' : name === 'rss' || name === 'rdf:rdf' ? 'rss' : null;
    if (name === 'item' || name === 'entry') {
      current = {};
      field = null;
      return;
    }
    if (current && field) {
      fieldDepth++;
      if (BLOCK_CLOSE.has(name)) buf += '\n';
      return;
    }
    if (current) {
      field = name;
      fieldDepth = 0;
      buf = '';
      const attrs = tag.attributes as Record<string, string>;
      if (name === 'link' && attrs.href && (!attrs.rel || attrs.rel === 'alternate') && !current.link) current.link = attrs.href;
      if ((name === 'content' || name === 'summary') && attrs.type) current[`${name}@type`] = attrs.type;
      return;
    }
    if (name === 'title' && (stack[stack.length - 2] === 'channel' || stack[stack.length - 2] === 'feed') && !channelTitle) {
      collectingChannelTitle = true;
      buf = '';
    }
  });
  const onText = (t: string): void => {
    if (field !== null || collectingChannelTitle) buf += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = tag.name.toLowerCase();
    stack.pop();
    if (collectingChannelTitle && name === 'title') {
      // "قناة النخيل الإخبارية - آخر الأخبار": the outlet is the part before a generic suffix.
      channelTitle = buf.trim().replace(/\s+[-–—|:]\s+(آخر الأخبار|أخبار|الأخبار|الرئيسية|أحدث الأخبار|كل الأخبار|RSS|Latest news|News|Home)\s*$/iu, '');
      collectingChannelTitle = false;
      return;
    }
    if (!current) return;
    if ((name === 'item' || name === 'entry') && field === null) {
      items.push(current);
      current = null;
      return;
    }
    if (field !== null) {
      if (fieldDepth > 0) {
        fieldDepth--;
        if (BLOCK_CLOSE.has(name)) buf += '\n';
        return;
      }
      const value = buf.trim();
      if (value && !(field in current)) current[field] = value;
      field = null;
    }
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    if (refused) return { ok: false, reason: refused };
    const msg = (e as Error).message;
    // saxes messages start with "line:column: "; keep them and say they are line/column.
    const m = /^(\d+):(\d+): (.*)$/s.exec(msg);
    return { ok: false, reason: m ? `malformed XML at line ${m[1]}, column ${Number(m[2]) + 1}: ${m[3]}` : `malformed XML: ${msg}` };
  }
  if (!kind) return { ok: false, reason: `not an RSS or Atom feed (root element <${stack[0] ?? '?'}>)` };
  const out: RawArticle[] = items.map((it, i) => {
    const contentType = (it['content@type'] ?? it['summary@type'] ?? '').toLowerCase();
    const body = it['content:encoded'] ?? it.content ?? it.description ?? it.summary ?? '';
    const isPlain = contentType === 'text';
    const rawDate = it.pubdate ?? it.published ?? it.updated ?? it['dc:date'] ?? null;
    return {
      id: it.guid ?? it.id ?? it.link ?? `${stem}-${i}`,
      title: it.title ?? null,
      url: it.link ?? null,
      published: toIsoDate(rawDate),
      source: it.source ?? (channelTitle || null),
      html: isPlain ? null : body || null,
      text: isPlain ? body : null,
      origin: `${origin} item ${i}`,
    };
  });
  return { ok: true, items: out, kind: kind! };
}
