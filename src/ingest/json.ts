// JSON / JSON-lines articles → RawArticle, with field-type validation. A bad item becomes a problem that
// names the input, the item and the field; the other items of the batch are still read.
import type { RawArticle } from '../types.js';
import { toIsoDate } from './html.js';
import { checkIsoDate } from '../text/index.js';

export type ItemResult = { ok: true; raw: RawArticle } | { ok: false; reason: string };

/** Accepted spellings of each RawArticle field (first is ours; the others are common in exports). */
const FIELDS: Record<'id' | 'title' | 'text' | 'html' | 'source' | 'url' | 'published' | 'lang', string[]> = {
  id: ['id', 'guid', 'docno'],
  title: ['title', 'headline'],
  text: ['text', 'body', 'content'],
  html: ['html'],
  source: ['source', 'outlet', 'site'],
  url: ['url', 'link'],
  published: ['published', 'date', 'pubDate', 'datePublished', 'time'],
  lang: ['lang', 'language'],
};

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Validates one parsed JSON value as an article. `where` names the item ("item 3", "line 7") for messages. */
export function articleFromJson(value: unknown, where: string, defaultId: string, origin: string): ItemResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `${where}: expected an article object, got ${typeName(value)}` };
  }
  const o = value as Record<string, unknown>;
  // An article of a multi-article file is named by its place in it, so a later message (cleaning found no text)
  // says which one: "feed.jsonl line 7", "batch.json item 3".
  const raw: RawArticle = { origin: where === 'article' ? origin : `${origin} ${where}` };
  const errors: string[] = [];
  for (const [field, names] of Object.entries(FIELDS) as [keyof typeof FIELDS, string[]][]) {
    const name = names.find((n) => o[n] !== undefined);
    if (name === undefined) continue;
    const given = o[name];
    if (given === null) { if (field !== 'id') raw[field] = null; continue; }
    if (typeof given !== 'string' && !(field === 'id' && typeof given === 'number' && Number.isFinite(given))) {
      errors.push(`field "${name}" must be a string${field === 'id' ? ' or number' : ''}, got ${typeName(given)}`);
      continue;
    }
    let v = String(given);
    if (field === 'published' && v.trim()) {
      const iso = toIsoDate(v);
      // A well-formed date of a day that does not exist (2018-02-30, 31/04/2017) is refused, not stored.
      const impossible = iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? checkIsoDate(iso) : null;
      if (!iso || impossible) {
        errors.push(`field "${name}" is not a date (ISO 8601, or day/month/year): ${JSON.stringify(v.slice(0, 40))}${impossible ? ` (${impossible})` : ''}`);
        continue;
      }
      v = iso;
    }
    raw[field] = v as never;
  }
  if (errors.length) return { ok: false, reason: `${where}: ${errors.join('; ')}` };
  if (!(typeof raw.text === 'string' && raw.text.trim()) && !(typeof raw.html === 'string' && raw.html.trim())) {
    return { ok: false, reason: `${where}: no "text" or "html" field with content` };
  }
  if (raw.id === undefined) {
    // No id of its own: the reader keys it by its place in the input (see RawArticle.key).
    raw.id = defaultId;
    raw.key = null;
  }
  return { ok: true, raw };
}

/** Items of a .json document (one object or an array). */
export function* parseJsonDocument(text: string, stem: string, origin: string): Generator<ItemResult> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    yield { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
    return;
  }
  if (Array.isArray(doc)) {
    if (doc.length === 0) yield { ok: false, reason: 'empty JSON array' };
    for (let i = 0; i < doc.length; i++) yield articleFromJson(doc[i], `item ${i}`, `${stem}-${i}`, origin);
  } else {
    const one = articleFromJson(doc, 'article', stem, origin);
    yield one.ok ? one : { ok: false, reason: one.reason.replace(/^article: /, '') };
  }
}

/** Items of a JSON-lines document (one object per non-empty line; line numbers from 1). */
export function* parseJsonLines(text: string, stem: string, origin: string): Generator<ItemResult> {
  const lines = text.split(/\r?\n/);
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    any = true;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      yield { ok: false, reason: `line ${i + 1}: invalid JSON: ${(e as Error).message}` };
      continue;
    }
    yield articleFromJson(v, `line ${i + 1}`, `${stem}-${i + 1}`, origin);
  }
  if (!any) yield { ok: false, reason: 'empty file' };
}
