// Runs one ingest at a time in batches, so GET /api/ingest/status can report progress between batches.
import type { RawArticle } from '../types.js';
import type { IngestOutcome, KhabarSource } from './source.js';
import { ApiError } from './errors.js';

/** Articles per batch: small enough that status requests are answered while a large body is ingested. */
export const INGEST_BATCH = 25;

export interface IngestStatus {
  running: boolean;
  total: number;
  done: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** The outcome of the last finished ingest. */
  last: IngestOutcome | null;
}

export class IngestTracker {
  #status: IngestStatus = { running: false, total: 0, done: 0, startedAt: null, finishedAt: null, last: null };
  constructor(private readonly source: KhabarSource) {}

  status(): IngestStatus { return { ...this.#status }; }

  /** Starts an ingest; rejects with ingest_busy when one is running. The promise gives the outcome. */
  start(items: RawArticle[]): Promise<IngestOutcome> {
    if (this.#status.running) throw new ApiError('ingest_busy', 'another ingest is running; see GET /api/ingest/status');
    this.#status = { running: true, total: items.length, done: 0, startedAt: new Date().toISOString(), finishedAt: null, last: this.#status.last };
    return this.#run(items);
  }

  async #run(items: RawArticle[]): Promise<IngestOutcome> {
    const total: IngestOutcome = { stored: 0, updated: 0, duplicates: 0, failed: [], ids: [] };
    try {
      for (let i = 0; i < items.length; i += INGEST_BATCH) {
        const batch = items.slice(i, i + INGEST_BATCH);
        const r = await this.source.ingest(batch);
        total.stored += r.stored; total.updated += r.updated; total.duplicates += r.duplicates;
        total.failed.push(...r.failed.map((f) => ({ index: f.index + i, reason: f.reason })));
        if (r.warnings?.length) (total.warnings ??= []).push(...r.warnings.map((w) => ({ index: w.index + i, reason: w.reason })));
        total.ids.push(...r.ids);
        this.#status.done = Math.min(items.length, i + batch.length);
        // Let queued requests (status polls, page views) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return total;
    } finally {
      this.#status.running = false;
      this.#status.finishedAt = new Date().toISOString();
      this.#status.last = total;
    }
  }
}
