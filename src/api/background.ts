// Work the server does off its request thread: building story reports (the start-up warm-up and first visits) and
// catching the grouping up after another process (a `khabar ingest` beside the server) wrote the database. Each
// runs in its own worker thread (background-worker.ts) over its own connection to the same database file, so a
// report of a huge article or the grouping of a large ingest never holds up a request, and stopping the server
// ends both at once (Worker.terminate interrupts what they are running). Grouping has a thread of its own so a
// long catch-up does not hold up the first visit of a story.
import { existsSync } from 'node:fs';
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

export class Background {
  #reports: Thread | null = null;
  #grouping: Thread | null = null;
  #stopped = false;

  /** The report thread, started again when it died (out of memory on a huge story, say): the next request gets a new one. */
  #reportThread(): Thread {
    if (!this.#reports || (this.#reports.broken && !this.#stopped)) this.#reports = new Thread(this.db, this.words);
    return this.#reports;
  }

  /** Background threads over the database file `db`, or null when the worker code is not built (running from
   * sources) or the database is not a file another connection can open; the caller then works in-thread. */
  static start(db: string, opts: { words?: number } = {}): Background | null {
    // (A database given by URL, a server's, is not opened here: its backend would need its own worker.)
    if (!db || db === ':memory:' || /^[a-z][a-z0-9+.-]*:\/\//i.test(db) || !existsSync(fileURLToPath(WORKER_FILE))) return null;
    return new Background(db, opts.words);
  }

  private constructor(private readonly db: string, private readonly words: number | undefined) {}

  /** The report of `story` (its analysis and summary), built from its stored articles. */
  async report(story: Story): Promise<StoryReport> {
    const reply = await this.#reportThread().request({ type: 'report', story });
    if (!('report' in reply)) throw new Error('the background thread answered a report request without a report');
    return reply.report;
  }

  /** Builds and persists the report of `story` unless persisted already (report-store.ts); says whether it built one. */
  async ensure(story: Story): Promise<boolean> {
    const reply = await this.#reportThread().request({ type: 'ensure', story });
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

  /** Stops both threads at once, whatever they are running. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([this.#reports?.stop(), this.#grouping?.stop()]);
  }
}
