// The one check of an article's URL, on every path in (feed <link>, JSON and JSON-lines url fields, the API):
// only an absolute http(s) URL is kept. Any other (javascript:, data:, file:, relative, unparsable) is dropped
// with a warning and the article kept without it: a page or export that links it must never run script.
import type { RawArticle } from '../types.js';

/** Why `url` is not an absolute http(s) URL, or null when it is. */
export function nonHttpUrlReason(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'not an absolute URL';
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : `a ${parsed.protocol} URL, not http(s)`;
}

/**
 * Drops a raw article's url unless it is http(s) (in place); the warning to show, naming the value, or null.
 * Control characters in the value are escaped in the warning.
 */
export function dropNonHttpUrl(raw: RawArticle): string | null {
  if (typeof raw.url !== 'string' || raw.url.trim() === '') return null;
  const why = nonHttpUrlReason(raw.url);
  if (!why) return null;
  const shown = JSON.stringify(raw.url.length > 80 ? `${raw.url.slice(0, 80)}…` : raw.url);
  raw.url = null;
  return `url ${shown} dropped (${why}); the article is kept without it`;
}
