// Work the server does off its request thread: building story reports (the start-up warm-up, first visits and the
// report of every other story) and catching the grouping and the entity index up after another process (a `khabar
// ingest` beside the server) wrote the database. Each runs in worker threads (background-worker.ts), each over its own
// connection to the same database file, so a report of a huge article or the grouping of a large ingest never holds
// up a request, and stopping the server ends them all at once (Worker.terminate interrupts what they are running).
// Reports are built on a pool of threads, one a core: first visits asked at once are built side by side, and a visit
// goes before the background's own builds (it waits for at most the builds already running, not for a queue of
// them). Grouping has a thread of its own so a long catch-up does not hold up the first visit of a story.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Story, StoryReport } from '../types.js';
import type { IndexedEntity } from '../analysis/entity-index.js';

/** The entity index's entities as they changed since the last listing (all of them at the first): the entities read
 * again, those gone, and the order of every entity, those in most articles first (null: nothing changed). */
export interface EntityListing {
  upserts: IndexedEntity[];
  removed: string[];
  order: string[] | null;
}

/** Messages between Background and background-worker.ts. */
export type BackgroundRequest =
  | { id: number; type: 'report'; story: Story }
  | { id: number; type: 'ensure'; story: Story }
  | { id: number; type: 'group' }
  | { id: number; type: 'entities' };
export type BackgroundReply =
  | { id: number; report: StoryReport }
  | { id: number; grouped: number }
  | { id: number; built: boolean }
  | { id: number; entities: EntityListing }
  | { id: number; failure: string };

const WORKER_FILE = new URL('./background-worker.js', import.meta.url);

class Thread {
  readonly worker: Worker;
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (r: BackgroundReply) => void; reject: (e: Error) => void }>();
  #broken: Error | null = null;

  constructor(db: string, words: number | undefined) {
    this.worker = new Worker(WORKER_FILE, { workerData: { db, words } });
    this.worker.on('message', (reply: BackgroundReply) => {
      const w = this.#waiting.get(reply.id);
      if (!w) return;
      this.#waiting.delete(reply.id);
      if ('failure' in reply) w.reject(new Error(reply.failure));
      else w.resolve(reply);
    });
    const fail = (e: Error): void => {
      this.#broken ??= e;
      for (const w of this.#waiting.values()) w.reject(e);
      this.#waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the server's background thread stopped (exit code ${code})`)));
  }

  get broken(): boolean { return this.#broken !== null; }

  request(message: { type: 'report' | 'ensure'; story: Story } | { type: 'group' | 'entities' }): Promise<BackgroundReply> {
    if (this.#broken) return Promise.reject(this.#broken);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  async stop(): Promise<void> {
    this.#broken ??= new Error('the server is stopping');
    await this.worker.terminate();
  }
}

/** Report threads when KHABAR_REPORT_THREADS does not say: one a core, at most 4 (each holds a connection, the
 * tagger's model and an extraction cache; beyond the cores they would only take turns). */
export function reportThreads(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.KHABAR_REPORT_THREADS;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`KHABAR_REPORT_THREADS must be an integer from 1 to 64, got "${given}"`);
    return n;
  }
  return Math.max(1, Math.min(4, availableParallelism()));
}

type ReportMessage = { type: 'report' | 'ensure'; story: Story };
interface Job { message: ReportMessage; resolve: (r: BackgroundReply) => void; reject: (e: Error) => void }

export class Background {
  /** The report threads (a slot is filled, or refilled after its thread died, when a job is given to it). */
  readonly #reports: (Thread | null)[];
  /** Whether each report thread has a job running: a thread is given one job at a time, so that a visit queued here
   * goes to the first thread free rather than behind jobs already handed to a thread. */
  readonly #running: boolean[];
  /** Jobs not yet given to a thread: first visits before the background's own builds, each in order of arrival. */
  readonly #visits: Job[] = [];
  readonly #later: Job[] = [];
  #grouping: Thread | null = null;
  #stopped = false;

  /** Background threads over the database file `db`, or null when the worker code is not built (running from
   * sources) or the database is not a file another connection can open; the caller then works in-thread. */
  static start(db: string, opts: { words?: number; threads?: number } = {}): Background | null {
    // (A database given by URL, a server's, is not opened here: its backend would need its own worker.)
    if (!db || db === ':memory:' || /^[a-z][a-z0-9+.-]*:\/\//i.test(db) || !existsSync(fileURLToPath(WORKER_FILE))) return null;
    return new Background(db, opts.words, opts.threads ?? reportThreads());
  }

  private constructor(private readonly db: string, private readonly words: number | undefined, threads: number) {
    this.#reports = Array.from({ length: threads }, () => null);
    this.#running = this.#reports.map(() => false);
  }

  /** How many reports are built at once. */
  get threads(): number { return this.#reports.length; }

  /** Gives queued jobs to the threads that have none running. */
  #dispatch(): void {
    for (let i = 0; i < this.#reports.length; i++) {
      if (this.#running[i]) continue;
      const job = this.#visits.shift() ?? this.#later.shift();
      if (!job) return;
      let thread = this.#reports[i];
      // A thread that died (out of memory on a huge story, say) is replaced for the next job.
      if (!thread || (thread.broken && !this.#stopped)) thread = this.#reports[i] = new Thread(this.db, this.words);
      this.#running[i] = true;
      thread.request(job.message).then(job.resolve, job.reject).finally(() => {
        this.#running[i] = false;
        this.#dispatch();
      });
    }
  }

  #schedule(message: ReportMessage, visit: boolean): Promise<BackgroundReply> {
    if (this.#stopped) return Promise.reject(new Error('the server is stopping'));
    return new Promise((resolve, reject) => {
      (visit ? this.#visits : this.#later).push({ message, resolve, reject });
      this.#dispatch();
    });
  }

  /** The report of `story` (its analysis and summary), built from its stored articles, before any queued `ensure`. */
  async report(story: Story): Promise<StoryReport> {
    const reply = await this.#schedule({ type: 'report', story }, true);
    if (!('report' in reply)) throw new Error('the background thread answered a report request without a report');
    return reply.report;
  }

  /** Builds and persists the report of `story` unless persisted already (report-store.ts); says whether it built one.
   * Queued after every first visit. */
  async ensure(story: Story): Promise<boolean> {
    const reply = await this.#schedule({ type: 'ensure', story }, false);
    return 'built' in reply && reply.built;
  }

  /** The grouping thread (also the entity index's), started again when it died. */
  #groupingThread(): Thread {
    if (!this.#grouping || (this.#grouping.broken && !this.#stopped)) this.#grouping = new Thread(this.db, this.words);
    return this.#grouping;
  }

  /** Groups the stored articles the grouping has not seen (or that changed since); resolves with how many. */
  async group(): Promise<number> {
    const reply = await this.#groupingThread().request({ type: 'group' });
    if (!('grouped' in reply)) throw new Error('the background thread answered a grouping request without a count');
    return reply.grouped;
  }

  /** Catches the store-wide entity index up with the store (the whole store the first time), then lists its
   * entities as they changed since the last call (EntityListing). On the grouping thread: a first visit of a story is
   * not held up. */
  async entities(): Promise<EntityListing> {
    const reply = await this.#groupingThread().request({ type: 'entities' });
    if (!('entities' in reply)) throw new Error('the background thread answered an entity request without entities');
    return reply.entities;
  }

  /** Stops every thread at once, whatever it is running; queued jobs fail. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const stopping = new Error('the server is stopping');
    for (const job of this.#visits.splice(0).concat(this.#later.splice(0))) job.reject(stopping);
    await Promise.all([...this.#reports.map((t) => t?.stop()), this.#grouping?.stop()]);
  }
}
