// The options `khabar ingest` and `khabar report` share: how much to read, from where, and what to assume for an
// article whose input names no date or outlet.
import { terminalSafe } from '../text/safe-text.js';
import type { Manifest, ManifestEntry } from '../ingest/index.js';
import { checkIsoDate } from '../text/iso-date.js';
import type { IngestOptions } from '../khabar.js';
import type { Story } from '../types.js';
import { UsageError, type CliIO } from './command.js';

export const INGEST_OPTIONS = {
  'max-bytes': { type: 'string' },
  'allow-private': { type: 'boolean', default: false },
  published: { type: 'string' },
  source: { type: 'string' },
  manifest: { type: 'string' },
  lang: { type: 'string' },
} as const;

export const INGEST_OPTIONS_USAGE = `  --max-bytes N      refuse an input larger than N bytes (default 50 MB); local JSON-lines files are
                     streamed and have no cap (a line is at most 50 MB)
  --allow-private    allow URLs on loopback/private networks
  --published DATE   the publication date (ISO 8601: 2018-12-29 or 2018-12-29T14:05+03:00) of every article
                     whose input gives none, as a .txt file never does; an undated article is grouped by
                     content alone, and a later event on the same subject then joins the first one's story;
                     given with inputs already stored undated, it dates them and they are grouped again
  --source NAME      the outlet of every article whose input names none
  --manifest FILE    more inputs, each with its own date and outlet: a CSV file with a header row
                     (input,published,source[,title,url]) or JSON lines ({"input", "published", "source"});
                     a relative input is read from the manifest's folder; what a row gives applies to the
                     articles of its input that name none, before --published/--source; a bad row is named
                     by its line number and the other rows are still read
  --lang ar          keep only articles in this language (ISO 639-1 code); without it an article that is
                     not Arabic is still used, with a line on stderr naming its input`;

/**
 * A date given for articles (--published, a manifest's column) as stored: ISO only, since a day-first or month-first
 * date (03/04/2018) would be read one way or the other without a word, and a real calendar day (2018-02-30 is
 * refused, not stored). The UsageError names `what` and the value.
 */
export async function publishedOption(value: string, what = '--published'): Promise<string> {
  // the ingest stage loads once a command runs, not with this module: `khabar ingest --help` loads no stage
  const { toIsoDate } = await import('../ingest/index.js');
  const reason = checkIsoDate(value);
  const iso = reason ? null : toIsoDate(value.trim());
  if (!iso || Number.isNaN(Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso))) {
    throw new UsageError(`${what} must be an ISO 8601 date or date-time (2018-12-29, 2018-12-29T14:05+03:00), not "${value}"${reason ? `: ${reason}` : ''}`);
  }
  return iso;
}

/**
 * The inputs of a command: the positionals, then the rows of --manifest. Each bad manifest row gets one line on
 * stderr (`bad` counts them, as failed inputs); an unreadable manifest, or no input at all, is a UsageError.
 */
export async function commandInputs(positionals: string[], values: { manifest?: string }, io: CliIO): Promise<{ inputs: (string | ManifestEntry)[]; bad: number }> {
  const inputs: (string | ManifestEntry)[] = [...positionals];
  let bad = 0;
  if (values.manifest !== undefined) {
    let manifest: Manifest;
    try {
      manifest = (await import('../ingest/index.js')).readManifest(values.manifest);
    } catch (e) {
      throw new UsageError(`--manifest ${(e as Error).message}`);
    }
    for (const p of manifest.problems) io.err(`khabar: ${terminalSafe(p.input)}: ${terminalSafe(p.reason)}`);
    bad = manifest.problems.length;
    inputs.push(...manifest.entries);
    if (!inputs.length && !bad) throw new UsageError(`--manifest ${values.manifest}: no rows`);
  }
  if (!inputs.length && !bad) throw new UsageError('give at least one INPUT (or --manifest FILE)');
  return { inputs, bad };
}

/** The parsed values of INGEST_OPTIONS as Khabar.ingest options; a UsageError names a bad value. */
export async function ingestOptions(values: { 'max-bytes'?: string; 'allow-private'?: boolean; published?: string; source?: string; lang?: string }): Promise<Pick<IngestOptions, 'maxBytes' | 'allowPrivate' | 'fallback' | 'lang'>> {
  let maxBytes: number | undefined;
  if (values['max-bytes'] !== undefined) {
    maxBytes = Number(values['max-bytes']);
    if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive integer, not "${values['max-bytes']}"`);
  }
  let published: string | undefined;
  if (values.published !== undefined) {
    published = await publishedOption(values.published);
  }
  const source = values.source?.trim();
  if (values.source !== undefined && !source) throw new UsageError('--source must name an outlet');
  const fallback = published || source ? { ...(published ? { published } : {}), ...(source ? { source } : {}) } : undefined;
  const lang = values.lang?.trim().toLowerCase();
  if (values.lang !== undefined && !/^[a-z]{2,3}$/.test(lang ?? '')) throw new UsageError(`--lang must be a language code (ar, en, fr), not "${values.lang}"`);
  return { maxBytes, allowPrivate: values['allow-private'] ?? false, ...(fallback ? { fallback } : {}), ...(lang ? { lang } : {}) };
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
