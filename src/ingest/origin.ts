// Where an article comes from, as the store tells sources apart: a key naming the source (a file, a URL, an
// item's own id with its outlet, or its content alone) and a hash of what the source said. The same key with the
// same hash is an input seen before (nothing changes); the same key with another hash is an update; another key
// never replaces this one's article.
import { createHash } from 'node:crypto';
import type { RawArticle } from '../types.js';
import { normalizeKey } from './norm.js';

export interface ArticleOrigin {
  /** The identity of the source (see RawArticle.key). */
  key: string;
  /** sha256 (hex) of the fields the source gave (not the id, the origin or command-line fallbacks). */
  sourceHash: string;
  /** Ids to use, in order, when the article's own id belongs to another source. */
  ids: string[];
}

/** The origin of a raw article (see ArticleOrigin). */
export function articleOrigin(raw: RawArticle): ArticleOrigin {
  const fields = [raw.title ?? null, raw.text ?? null, raw.html ?? null, raw.url ?? null, raw.source ?? null, raw.published ?? null, raw.lang ?? null];
  const sourceHash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  const ids = [...(raw.altIds ?? [])];
  let key: string;
  if (typeof raw.key === 'string') key = raw.key;
  else if (raw.key === undefined && raw.id !== undefined && String(raw.id).trim()) {
    // An id the item gives itself is unique within its outlet (a feed's guid, a JSON export's id).
    key = `item:${normalizeKey(raw.source ?? '')}:${String(raw.id).trim()}`;
  } else {
    // Known by its content alone: each distinct text is its own source, readable by a short hash of it.
    key = `content:${sourceHash}`;
    if (raw.id !== undefined && String(raw.id).trim()) ids.push(`${String(raw.id).trim()}-${sourceHash.slice(0, 8)}`);
  }
  return { key, sourceHash, ids };
}

/**
 * The more specific ids of a file path, shortest first, after its stem: dir/b/1.txt → b/1, dir/b/1 (the stem `1`
 * is the article's own id). `suffix` is appended to each (a JSON item's "-7").
 */
export function pathIds(path: string, suffix = ''): string[] {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.' && p !== '..');
  if (!parts.length) return [];
  const last = parts[parts.length - 1]!;
  const dot = last.lastIndexOf('.');
  parts[parts.length - 1] = dot > 0 ? last.slice(0, dot) : last;
  const out: string[] = [];
  for (let n = 2; n <= parts.length; n++) out.push(parts.slice(parts.length - n).join('/') + suffix);
  return out;
}
