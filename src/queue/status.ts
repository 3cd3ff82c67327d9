// What `khabar jobs` shows: the queue's jobs by state, and the dead letters (jobs failed after their last attempt),
// each with its reason; and putting dead letters back to be tried again.
import { Queue } from 'bullmq';
import { INGEST_QUEUE, parseQueueUrl } from './connection.js';

export interface DeadLetter { id: string; name: string; attempts: number; reason: string; failedAt: string | null }
export interface QueueStatus { counts: Record<string, number>; deadLetters: DeadLetter[]; deadLetterTotal: number }

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

export class QueueAdmin {
  private readonly queue: Queue;

  constructor(url: string) {
    const loc = parseQueueUrl(url);
    this.queue = new Queue(INGEST_QUEUE, { connection: loc.connection, prefix: loc.prefix });
  }

  /** The counts by state and the latest `limit` dead letters, newest first. */
  async status(limit = 50): Promise<QueueStatus> {
    const counts = await this.queue.getJobCounts(...STATES);
    const failed = await this.queue.getFailed(0, limit - 1);
    return {
      counts,
      deadLetterTotal: counts.failed ?? 0,
      deadLetters: failed.map((j) => ({
        id: String(j.id), name: j.name, attempts: j.attemptsMade, reason: j.failedReason ?? '',
        failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      })),
    };
  }

  /** Puts every dead letter back in the queue, attempts counted afresh; returns how many. */
  async retryDeadLetters(): Promise<number> {
    let n = 0;
    for (;;) {
      const failed = await this.queue.getFailed(0, 999);
      if (!failed.length) return n;
      for (const j of failed) { await j.retry('failed', { resetAttemptsMade: true }); n++; }
    }
  }

  /** The state of each job (`unknown` for one the queue no longer has: removed, or lost with Redis's memory). */
  async states(ids: string[]): Promise<{ id: string; state: string; result: unknown; reason: string | null }[]> {
    return Promise.all(ids.map(async (id) => {
      const job = await this.queue.getJob(id);
      if (!job) return { id, state: 'unknown', result: null, reason: null };
      return { id, state: await job.getState(), result: job.returnvalue ?? null, reason: job.failedReason ?? null };
    }));
  }

  /** Connection errors (Redis down or restarting): without a listener they would end the process. */
  on(event: 'error', listener: (e: Error) => void): void {
    this.queue.on(event, listener);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
