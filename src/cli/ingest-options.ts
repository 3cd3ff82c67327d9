// The options `khabar ingest` and `khabar report` share: how much to read, from where, and what to assume for an
// article whose input names no date or outlet.
import { toIsoDate } from '../ingest/index.js';
import type { IngestOptions } from '../khabar.js';
import type { Story } from '../types.js';
import { UsageError } from './command.js';

export const INGEST_OPTIONS = {
  'max-bytes': { type: 'string' },
  'allow-private': { type: 'boolean', default: false },
  published: { type: 'string' },
  source: { type: 'string' },
} as const;

export const INGEST_OPTIONS_USAGE = `  --max-bytes N      refuse an input larger than N bytes (default 50 MB); local JSON-lines files are
                     streamed and have no cap (a line is at most 50 MB)
  --allow-private    allow URLs on loopback/private networks
  --published DATE   the publication date (ISO 8601: 2018-12-29 or 2018-12-29T14:05+03:00) of every article
                     whose input gives none, as a .txt file never does; an undated article is grouped by
                     content alone, and a later event on the same subject then joins the first one's story;
                     given with inputs already stored undated, it dates them and they are grouped again
  --source NAME      the outlet of every article whose input names none`;

/** The parsed values of INGEST_OPTIONS as Khabar.ingest options; a UsageError names a bad value. */
export function ingestOptions(values: { 'max-bytes'?: string; 'allow-private'?: boolean; published?: string; source?: string }): Pick<IngestOptions, 'maxBytes' | 'allowPrivate' | 'fallback'> {
  let maxBytes: number | undefined;
  if (values['max-bytes'] !== undefined) {
    maxBytes = Number(values['max-bytes']);
    if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive integer, not "${values['max-bytes']}"`);
  }
  let published: string | undefined;
  if (values.published !== undefined) {
    // ISO only: a day-first or month-first date (03/04/2018) would be read one way or the other without a word.
    const iso = /^\d{4}-\d{2}-\d{2}/.test(values.published.trim()) ? toIsoDate(values.published) : null;
    if (!iso || Number.isNaN(Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso))) {
      throw new UsageError(`--published must be an ISO 8601 date or date-time (2018-12-29, 2018-12-29T14:05+03:00), not "${values.published}"`);
    }
    published = iso;
  }
  const source = values.source?.trim();
  if (values.source !== undefined && !source) throw new UsageError('--source must name an outlet');
  const fallback = published || source ? { ...(published ? { published } : {}), ...(source ? { source } : {}) } : undefined;
  return { maxBytes, allowPrivate: values['allow-private'] ?? false, ...(fallback ? { fallback } : {}) };
}

/**
 * The line that says how many of the given stories' articles have no publication date (null when none): without a
 * date an article is grouped by content alone, and a follow-up weeks later reads like the first event.
 */
export function undatedNotice(stories: readonly Pick<Story, 'first' | 'articles'>[], remedy = '`khabar ingest --published DATE INPUT...` dates them, and they are grouped again'): string | null {
  const undated = stories.filter((s) => s.first === null);
  if (!undated.length) return null;
  const articles = undated.reduce((n, s) => n + s.articles.length, 0);
  return `khabar: ${articles === 1 ? '1 article' : `${articles} articles`} in ${undated.length === 1 ? '1 story' : `${undated.length} stories`} ` +
    `${articles === 1 ? 'has' : 'have'} no publication date and ${articles === 1 ? 'was' : 'were'} grouped by content alone, where a later event ` +
    `on the same subject may join the first one's story; ${remedy}`;
}
