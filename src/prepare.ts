// Preparing a raw article for the store: cleaning (with the outlet's recurring-line memory), the search
// terms, the MinHash signature and its LSH bands. It is pure CPU work and half of an ingest's time, so a
// large ingest runs it in a worker thread (PrepareWorker) while the main thread writes to the store: the
// two cores of a small machine each do one half. The worker owns the cleaning context while it runs and
// prepares articles in the order given, so the result is the same as preparing them in-thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, RawArticle } from './types.js';
import { CleaningContext, articleOrigin, cleanArticle, lshBands, minhash, type ArticleOrigin, type ExtractedHtml } from './ingest/index.js';
import { indexText } from './search/index.js';
import type { IndexedText } from './store/index.js';

export interface PreparedArticle {
  article: Article;
  index: IndexedText;
  signature: Uint32Array;
  bands: string[];
  /** Which source it came from (the store keeps one article per source; see ArticleExtras.origin). */
  origin: ArticleOrigin;
}

/** Cleans a raw article and computes what the store indexes with it. Throws on unusable input. */
export function prepareArticle(raw: RawArticle, context: CleaningContext, extracted?: ExtractedHtml): PreparedArticle {
  const article = cleanArticle(raw, context, extracted);
  const signature = minhash(article.text);
  return { article, index: indexText(article), signature, bands: lshBands(signature), origin: articleOrigin(raw) };
}

/** One article's preparation: the result, or the message of the error that made it unusable. */
export type PrepareOutcome = { item: PreparedArticle } | { error: string };

/** Prepares each article in order, catching each one's error: one bad article never stops the others. */
export function prepareBatch(batch: RawArticle[], context: CleaningContext): PrepareOutcome[] {
  return batch.map((raw) => {
    try {
      return { item: prepareArticle(raw, context) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** Messages between PrepareWorker and src/prepare-worker.ts. */
export type PrepareRequest =
  | { id: number; type: 'prepare'; batch: RawArticle[]; snapshot: boolean }
  | { id: number; type: 'finish' };
export type PrepareReply =
  | { id: number; outcomes: PrepareOutcome[]; context?: unknown }
  | { id: number; context: unknown }
  | { id: number; failure: string };

const WORKER_FILE = new URL('./prepare-worker.js', import.meta.url);

/** A worker thread that prepares batches of articles with its own copy of the cleaning context. */
export class PrepareWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: PrepareReply) => void; reject: (e: Error) => void }>();
  private broken: Error | null = null;

  /** A worker started with this cleaning context (its toJSON()), or null when the worker code is not built. */
  static start(context: unknown): PrepareWorker | null {
    if (!existsSync(fileURLToPath(WORKER_FILE))) return null; // running from sources (tsx): prepare in-thread
    return new PrepareWorker(context);
  }

  private constructor(context: unknown) {
    this.worker = new Worker(WORKER_FILE, { workerData: { context } });
    this.worker.on('message', (reply: PrepareReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if ('failure' in reply) w.reject(new Error(reply.failure));
      else w.resolve(reply);
    });
    const fail = (e: Error): void => {
      this.broken ??= e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the prepare worker stopped (exit code ${code})`)));
  }

  private request(message: PrepareRequest): Promise<PrepareReply> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  /** Prepares a batch; with snapshot, the reply also carries the cleaning context after it. */
  async prepare(batch: RawArticle[], snapshot: boolean): Promise<{ outcomes: PrepareOutcome[]; context?: unknown }> {
    const reply = await this.request({ id: this.nextId++, type: 'prepare', batch, snapshot });
    if (!('outcomes' in reply)) throw new Error('the prepare worker answered a batch without outcomes');
    return { outcomes: reply.outcomes, context: reply.context };
  }

  /** The cleaning context after every batch sent, then the worker stops. */
  async finish(): Promise<unknown> {
    try {
      const reply = await this.request({ id: this.nextId++, type: 'finish' });
      return 'context' in reply ? reply.context : null;
    } finally {
      await this.terminate();
    }
  }

  async terminate(): Promise<void> {
    this.broken ??= new Error('the prepare worker was stopped');
    await this.worker.terminate();
  }
}
