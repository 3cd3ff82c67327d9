// The jobs on the queue, and how they are retried. A job is one URL to fetch (a page or a feed) or a batch of
// articles already read from local files (read where the files are, so a worker on another machine needs no access
// to them). A failing job is retried with exponential backoff; after its last attempt it stays in the queue's failed
// list, the dead letters `khabar jobs` shows.
import type { RawArticle } from '../types.js';

export interface IngestJobOptions {
  maxBytes?: number;
  allowPrivate?: boolean;
  fallback?: RawArticle['fallback'];
}

export type IngestJob =
  | { kind: 'url'; url: string; options: IngestJobOptions }
  | { kind: 'articles'; origin: string; articles: RawArticle[]; options: IngestJobOptions };

/** What a worker did with a job (its return value, kept with the completed job). */
export interface JobResult { stored: number; updated: number; duplicates: number; failed: number; problems: string[] }

/** Attempts of a job before it is a dead letter, and the first retry's delay (doubled at each attempt). */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 2000;

/** Articles per job read from files: a job is stored in one transaction, and small enough to retry cheaply. */
export const ARTICLES_PER_JOB = 64;
/** And at most about this many characters of article text per job (Redis holds the job until it is done). */
export const CHARS_PER_JOB = 4_000_000;

/** A job's name on the queue (what `khabar jobs` lists). */
export function jobName(job: IngestJob): string {
  return job.kind === 'url' ? job.url : `${job.origin} (${job.articles.length} article${job.articles.length === 1 ? '' : 's'})`;
}
