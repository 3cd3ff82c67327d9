// Enqueueing inputs: URLs as they are (a worker fetches them), local files and directories read here and sent as
// batches of articles, in input order.
import { Queue } from 'bullmq';
import type { RawArticle } from '../types.js';
import { isProblem, readInputs, type InputProblem } from '../ingest/index.js';
import { INGEST_QUEUE, parseQueueUrl } from './connection.js';
import { ARTICLES_PER_JOB, CHARS_PER_JOB, JOB_ATTEMPTS, JOB_BACKOFF_MS, jobName, type IngestJob, type IngestJobOptions } from './jobs.js';

export interface EnqueueCounts { jobs: number; articles: number; urls: number; failed: number; ids: string[] }

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** Job options of every ingest job: retries with backoff, dead letters kept, completed jobs kept a day. */
export const JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: false,
} as const;

/** A connection to the ingest queue, for adding jobs. */
export class IngestQueue {
  readonly queue: Queue;

  constructor(url: string) {
    const loc = parseQueueUrl(url);
    this.queue = new Queue(INGEST_QUEUE, { connection: loc.connection, prefix: loc.prefix });
  }

  async add(job: IngestJob): Promise<string> {
    const added = await this.queue.add(jobName(job).slice(0, 200), job, JOB_OPTIONS);
    return added.id!;
  }

  /** Adds batches of articles already read (a watched feed's new items), ARTICLES_PER_JOB at a time. */
  async addArticles(origin: string, articles: RawArticle[], options: IngestJobOptions = {}): Promise<string[]> {
    const ids: string[] = [];
    for (const batch of batches(articles)) ids.push(await this.add({ kind: 'articles', origin, articles: batch, options }));
    return ids;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

const sizeOf = (a: RawArticle): number => (a.text?.length ?? 0) + (a.html?.length ?? 0);
/** Whether a batch of n articles and `chars` characters is full before one of `size` more. */
const full = (n: number, chars: number, size: number, most = ARTICLES_PER_JOB): boolean => n > 0 && (n >= most || chars + size > CHARS_PER_JOB);

function* batches(articles: RawArticle[]): Generator<RawArticle[]> {
  let batch: RawArticle[] = [];
  let chars = 0;
  for (const a of articles) {
    const size = sizeOf(a);
    if (full(batch.length, chars, size)) { yield batch; batch = []; chars = 0; }
    batch.push(a);
    chars += size;
  }
  if (batch.length) yield batch;
}

/**
 * Enqueues every input: each http(s) URL as one job; files, directories and '-' read here (an unreadable input
 * reported through onProblem) and enqueued as batches of articles. Returns the jobs' ids in order.
 */
export async function enqueueInputs(queue: IngestQueue, inputs: string[], options: IngestJobOptions & {
  stdin?: AsyncIterable<Uint8Array | string>;
  onProblem?: (p: InputProblem) => void;
  /** Articles per job (default ARTICLES_PER_JOB). */
  jobSize?: number;
} = {}): Promise<EnqueueCounts> {
  const jobSize = options.jobSize ?? ARTICLES_PER_JOB;
  const counts: EnqueueCounts = { jobs: 0, articles: 0, urls: 0, failed: 0, ids: [] };
  const jobOptions: IngestJobOptions = { maxBytes: options.maxBytes, allowPrivate: options.allowPrivate, fallback: options.fallback };
  for (const input of inputs) {
    if (isUrl(input) && /^https?:\/\//i.test(input)) {
      counts.ids.push(await queue.add({ kind: 'url', url: input, options: jobOptions }));
      counts.jobs++;
      counts.urls++;
      continue;
    }
    // Streamed: a batch is sent as soon as it is full, so a large directory is never held whole.
    let batch: RawArticle[] = [];
    let chars = 0;
    const send = async (): Promise<void> => {
      if (!batch.length) return;
      counts.ids.push(await queue.add({ kind: 'articles', origin: input, articles: batch, options: jobOptions }));
      counts.jobs++;
      batch = [];
      chars = 0;
    };
    for await (const x of readInputs([input], { maxBytes: options.maxBytes, allowPrivate: options.allowPrivate, stdin: options.stdin })) {
      if (isProblem(x)) { counts.failed++; options.onProblem?.(x); continue; }
      const size = sizeOf(x);
      if (full(batch.length, chars, size, jobSize)) await send();
      batch.push(x);
      chars += size;
      counts.articles++;
    }
    await send();
  }
  return counts;
}
