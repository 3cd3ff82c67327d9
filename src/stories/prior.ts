// A prior for the grouper's document frequencies: how many of some 4,100 earlier Arabic news articles hold each
// term, counted as if those articles were in the store. Why: a store that holds only one batch (a first ingest, an
// evaluation window) takes idf from that batch alone, and there a big event's own name is common. In the held-out
// ANT June window 35 of 122 articles were about the Qatar crisis, so قطر weighed little and the event fell apart
// (pairwise F1 0.32; with these counts 0.62). Once the store holds many articles of its own, the prior is a small
// share of every count. Built by `npm run build-prior` from ../shared (the ANT articles published before 20 January
// 2017: none of the evaluation windows, none of the held-out days); data/stories-df-prior.json says where the counts come from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { Article } from '../types.js';
import { STORIES_CONFIG, type StoriesConfig } from './config.js';
import { documentTerms, extractFeatures } from './features.js';

export interface DocumentFrequencyPrior {
  /** Documents the counts were taken from. */
  documents: number;
  /** Documents holding each term or key (terms held by fewer than the file's minDf documents are left out). */
  df: ReadonlyMap<string, number>;
}

/** What data/stories-df-prior.json holds. */
export interface PriorFile {
  about: string;
  source: string;
  documents: number;
  minDf: number;
  df: Record<string, number>;
}

/** Counts the terms and keys of `articles` as the grouper counts them, keeping those held by at least `minDf`. */
export function buildPrior(articles: Iterable<Article>, minDf = 2, config: StoriesConfig = STORIES_CONFIG): { documents: number; df: Record<string, number> } {
  const counts = new Map<string, number>();
  let documents = 0;
  for (const a of articles) {
    documents++;
    for (const t of documentTerms(extractFeatures(a, config))) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // Sorted, so that the file is the same on every build.
  const kept = [...counts].filter(([, n]) => n >= minDf).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { documents, df: Object.fromEntries(kept) };
}

/** Where the shipped prior lives: data/ beside package.json (the repository or the installed package). */
export function defaultPriorPath(): string {
  return join(packageRoot(), 'data', 'stories-df-prior.json');
}

/** What every error about the prior file tells a user, who has no ../shared to rebuild it from. */
const RESTORE = 'it ships with khabar: reinstall, or restore data/stories-df-prior.json from the repository (npm run build-prior rebuilds it from ../shared)';

/** Reads a prior file; a clear error names the file and what is wrong with it. */
export function readPrior(path: string): DocumentFrequencyPrior {
  let parsed: PriorFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as PriorFile;
  } catch (e) {
    throw new Error(`stories: cannot read the document-frequency prior ${path}: ${(e as Error).message}; ${RESTORE}`);
  }
  if (!parsed || !Number.isInteger(parsed.documents) || parsed.documents < 1 || typeof parsed.df !== 'object' || parsed.df === null) {
    throw new Error(`stories: the document-frequency prior ${path} has no "documents" count or no "df" table; ${RESTORE}`);
  }
  const df = new Map<string, number>();
  for (const [t, n] of Object.entries(parsed.df)) {
    if (!Number.isInteger(n) || n < 1 || n > parsed.documents) throw new Error(`stories: the document-frequency prior ${path} counts ${JSON.stringify(t)} in ${n} of ${parsed.documents} documents; ${RESTORE}`);
    df.set(t, n);
  }
  return { documents: parsed.documents, df };
}

let shipped: DocumentFrequencyPrior | undefined;

/** The prior shipped with khabar, read once per process. */
export function defaultPrior(): DocumentFrequencyPrior {
  shipped ??= readPrior(defaultPriorPath());
  return shipped;
}
