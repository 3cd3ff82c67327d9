// A worker: takes ingest jobs from the queue and fetches, decodes, cleans, analyses and stores their articles, then
// brings the story grouping up to date. Any number of workers, on any machines, may share a queue and a database.
//
// Idempotent by the store: an article already stored comes back 'duplicate', so a job run twice (retried after a
// failure, or taken over from a worker killed after its transaction committed) stores nothing twice. A job's articles
// are stored in one transaction: a worker killed before it commits has stored none of them, and its job, whose lock
// is no longer renewed, is taken by another worker after the lock's duration.
//
// Grouping is serial: one grouper at a time over a database, through a lock in Redis. A worker that stored articles
// marks the grouping due; the lock's holder groups until nothing is due any more (the grouping catches up with every
// stored article, oldest first, src/stories/sync.ts), so articles stored while it groups are grouped by its next pass.
import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { RawArticle } from '../types.js';
import { articlesOfFetched, isProblem, safeFetch, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, type Fetched } from '../ingest/index.js';
import { Khabar } from '../khabar.js';
import { storyGrouperFor } from '../report.js';
import { INGEST_QUEUE, parseQueueUrl } from './connection.js';
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, type IngestJob, type JobResult } from './jobs.js';

export interface WorkerOptions {
  queueUrl: string;
  /** The database the articles are stored in. */
  db: string;
  /** Jobs processed at once by this worker (default 1): more helps when jobs wait on slow sites. */
  concurrency?: number;
  /** How long a job's lock lasts without renewal, ms (default 30 s): a killed worker's job is taken over after it. */
  lockMs?: number;
  /** Group stored articles into stories after each job (default true). */
  group?: boolean;
  /** One line per job done or failed, and per grouping. */
  onLine?: (line: string) => void;
}

/** The longest a grouping may hold the grouping lock before another worker may take it over. */
const GROUP_LOCK_MS = 10 * 60_000;

/** Fetch failures that another attempt cannot mend: the job is a dead letter at once. */
function permanent(reason: string): boolean {
  const http = /^HTTP (\d{3})/.exec(reason);
  if (http) return http[1]!.startsWith('4') && http[1] !== '408' && http[1] !== '429';
  return /^(refused|only http|not a valid URL|URLs with credentials|redirect loop|too many redirects)|limit of .*\(maxBytes\)/.test(reason);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The articles of a URL job; a failed fetch throws (retried, unless it is permanent). */
async function fetchArticles(job: Extract<IngestJob, { kind: 'url' }>): Promise<{ articles: RawArticle[]; problems: string[] }> {
  let fetched: Fetched;
  try {
    fetched = await safeFetch(job.url, {
      maxBytes: job.options.maxBytes ?? DEFAULT_MAX_BYTES,
      allowPrivate: job.options.allowPrivate ?? false,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxRedirects: DEFAULT_MAX_REDIRECTS,
    });
  } catch (e) {
    const reason = (e as Error).message;
    throw permanent(reason) ? new UnrecoverableError(reason) : e;
  }
  const articles: RawArticle[] = [];
  const problems: string[] = [];
  for (const x of articlesOfFetched(fetched, job.url)) {
    if (isProblem(x)) problems.push(x.reason);
    else articles.push(x);
  }
  // Nothing readable (a malformed feed, an undecodable page): the same bytes would fail again.
  if (!articles.length && problems.length) throw new UnrecoverableError(problems.join('; '));
  return { articles, problems };
}

export class IngestWorker {
  private readonly worker: Worker<IngestJob, JobResult>;
  private readonly redis: Redis;
  private readonly lockKey: string;
  private readonly dueKey: string;
  private grouping: Promise<void> | null = null;
  private readonly say: (line: string) => void;

  constructor(private readonly opts: WorkerOptions) {
    const loc = parseQueueUrl(opts.queueUrl);
    this.say = opts.onLine ?? (() => undefined);
    this.lockKey = `${loc.prefix}:${INGEST_QUEUE}:grouping-lock`;
    this.dueKey = `${loc.prefix}:${INGEST_QUEUE}:grouping-due`;
    // Its own connection for the grouping lock (the worker's are busy blocking on the queue).
    this.redis = new Redis({ ...loc.connection, lazyConnect: true });
    const lockMs = opts.lockMs ?? 30_000;
    this.worker = new Worker<IngestJob, JobResult>(INGEST_QUEUE, (job) => this.process(job), {
      connection: { ...loc.connection, maxRetriesPerRequest: null },
      prefix: loc.prefix,
      concurrency: opts.concurrency ?? 1,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // A job whose worker died is taken over, not failed: the takeover stores nothing twice.
      maxStalledCount: JOB_ATTEMPTS,
    });
    this.worker.on('completed', (job, r) => {
      const parts = [`${r.stored} stored`];
      if (r.updated) parts.push(`${r.updated} updated`);
      parts.push(plural(r.duplicates, 'duplicate'), `${r.failed} failed`);
      this.say(`khabar worker: job ${job.id} ${job.name}: ${parts.join(', ')}`);
      for (const p of r.problems) this.say(`khabar worker: job ${job.id} ${job.name}: ${p}`);
      if (r.stored + r.updated > 0 && opts.group !== false) this.groupSoon();
    });
    this.worker.on('failed', (job, e) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      const last = job.attemptsMade >= attempts || e instanceof UnrecoverableError || e.name === 'UnrecoverableError';
      const next = last ? 'a dead letter now (khabar jobs lists it)' : `attempt ${job.attemptsMade} of ${attempts}, tried again in ${(JOB_BACKOFF_MS * 2 ** (job.attemptsMade - 1)) / 1000} s`;
      this.say(`khabar worker: job ${job.id} ${job.name}: ${e.message} (${next})`);
    });
    this.worker.on('error', (e) => this.say(`khabar worker: ${e.message}`));
  }

  /** Resolves once the worker is connected and taking jobs. */
  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  private async process(job: Job<IngestJob, JobResult>): Promise<JobResult> {
    const data = job.data;
    const { articles, problems } = data.kind === 'url' ? await fetchArticles(data) : { articles: data.articles, problems: [] as string[] };
    // Opened per job: the cleaning context (an outlet's recurring lines) is read as the other workers left it.
    const khabar = Khabar.open({ db: this.opts.db });
    try {
      const counts = khabar.storeArticles(articles, {
        fallback: data.options.fallback,
        onProblem: (p) => problems.push(`${p.input}: ${p.reason}`),
      });
      // Every problem is one article (or feed entry) not stored: those of the fetched document and those of cleaning.
      return { stored: counts.stored, updated: counts.updated, duplicates: counts.duplicates, failed: problems.length, problems };
    } finally {
      khabar.close();
    }
  }

  /** Marks the grouping due and, unless this worker is grouping already, groups while it is due and the lock is ours. */
  private groupSoon(): void {
    const run = async (): Promise<void> => {
      const redis = this.redis;
      await redis.set(this.dueKey, '1');
      for (;;) {
        const token = randomUUID();
        if ((await redis.set(this.lockKey, token, 'PX', GROUP_LOCK_MS, 'NX')) !== 'OK') return; // another worker groups
        try {
          while ((await redis.getdel(this.dueKey)) !== null) {
            await redis.pexpire(this.lockKey, GROUP_LOCK_MS);
            this.group();
          }
        } finally {
          await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, this.lockKey, token);
        }
        // Marked due between our last look and the release, by a worker that found the lock taken: ours to do.
        if (!(await redis.exists(this.dueKey))) return;
      }
    };
    if (this.grouping) { this.redis.set(this.dueKey, '1').catch(() => undefined); return; }
    this.grouping = run().catch((e: Error) => this.say(`khabar worker: grouping: ${e.message} (the next grouping catches up)`)).finally(() => { this.grouping = null; });
  }

  private group(): void {
    const khabar = Khabar.open({ db: this.opts.db });
    try {
      const before = Date.now();
      const stories = storyGrouperFor(khabar).stories().length;
      this.say(`khabar worker: grouped ${plural(khabar.count(), 'article')} into ${plural(stories, 'story').replace('storys', 'stories')} (${Date.now() - before} ms)`);
    } finally {
      khabar.close();
    }
  }

  /** Stops taking jobs, waits for the jobs in progress and the grouping, and disconnects. */
  async close(): Promise<void> {
    await this.worker.close();
    await this.grouping;
    this.redis.disconnect();
  }
}
