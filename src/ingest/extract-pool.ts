// HTML extraction off the calling thread: a small pool of worker threads, each given a time limit. A server
// awaits extractHtmlAsync() and goes on answering other requests; a page that keeps a worker busy past its
// limit has the worker terminated (the only way to stop CPU-bound JavaScript), is tried once more with the linear
// scan alone, and is refused with a message if that does not finish either.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractHtml, type ExtractedHtml } from './html.js';
import { EXTRACT_DOM_TIMEOUT_MS, EXTRACT_LINEAR_TIMEOUT_MS, EXTRACT_WORKERS } from './config.js';

export interface ExtractRequest { id: number; html: string; dom: boolean }
export type ExtractReply = { id: number; result: ExtractedHtml } | { id: number; error: string };

const WORKER_FILE = new URL('./extract-worker.js', import.meta.url);

interface Job { html: string; dom: boolean; timeoutMs: number; resolve: (r: ExtractReply | null) => void }

/** A worker and the job it runs (null when idle); a job's time starts when the worker has loaded its code. */
interface Slot { worker: Worker; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null }

export interface ExtractPoolOptions {
  /** Worker threads at most (default EXTRACT_WORKERS). */
  size?: number;
  /** Limit of the extraction with the DOM and Readability, ms (default EXTRACT_DOM_TIMEOUT_MS). */
  domTimeoutMs?: number;
  /** Limit of the linear scan tried after it, ms (default EXTRACT_LINEAR_TIMEOUT_MS). */
  linearTimeoutMs?: number;
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly size: number;
  private readonly domTimeoutMs: number;
  private readonly linearTimeoutMs: number;
  private closed = false;

  constructor(options: ExtractPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? EXTRACT_WORKERS);
    this.domTimeoutMs = options.domTimeoutMs ?? EXTRACT_DOM_TIMEOUT_MS;
    this.linearTimeoutMs = options.linearTimeoutMs ?? EXTRACT_LINEAR_TIMEOUT_MS;
  }

  /** True when the worker code is built (running from sources under tsx, extraction runs in-thread). */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER_FILE));
  }

  /** The extraction of `html` (see extractHtml); rejects with an Error naming why it was refused. */
  async extract(html: string): Promise<ExtractedHtml> {
    if (this.closed) throw new Error('the extraction pool is closed');
    if (!ExtractPool.available()) return extractHtml(html);
    const first = await this.run(html, true, this.domTimeoutMs);
    if (first && 'result' in first) return first.result;
    if (first) throw new Error(first.error);
    const second = await this.run(html, false, this.linearTimeoutMs);
    if (second && 'result' in second) return second.result;
    if (second) throw new Error(second.error);
    throw new Error(`HTML extraction did not finish within ${this.domTimeoutMs + this.linearTimeoutMs} ms: refused`);
  }

  /** Terminates every worker; pending extractions are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ id: 0, error: 'the extraction pool is closed' });
    await Promise.all([...this.slots].map((s) => this.stop(s, 'the extraction pool is closed')));
  }

  /** Runs one job: its reply, or null when it ran past its time limit (its worker is then terminated). */
  private run(html: string, dom: boolean, timeoutMs: number): Promise<ExtractReply | null> {
    return new Promise((resolve) => {
      this.queue.push({ html, dom, timeoutMs, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      slot.job = this.queue.shift()!;
      slot.worker.ref(); // a job waiting for its answer keeps the process alive
      if (slot.ready) this.send(slot);
    }
  }

  private send(slot: Slot): void {
    const job = slot.job!;
    slot.timer = setTimeout(() => {
      // CPU-bound work cannot be interrupted: the worker goes, and a new one is started for the next job.
      void this.stop(slot, null);
    }, job.timeoutMs);
    slot.worker.postMessage({ id: this.nextId++, html: job.html, dom: job.dom } satisfies ExtractRequest);
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE);
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (reply: ExtractReply | 'ready') => {
      if (reply !== 'ready') this.finish(slot, reply);
      else if (!slot.ready) {
        slot.ready = true;
        if (slot.job) this.send(slot);
      }
    });
    worker.on('error', (e) => void this.stop(slot, `the extraction worker failed: ${e.message}`));
    worker.on('exit', () => void this.stop(slot, 'the extraction worker stopped'));
    worker.unref(); // an idle pool never keeps the process alive (after the listeners, which ref it again)
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, reply: ExtractReply | null): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    job?.resolve(reply);
    this.pump();
  }

  /** Removes a worker from the pool; its job gets `error` (null: it ran out of time). */
  private async stop(slot: Slot, error: string | null): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    this.finish(slot, error === null ? null : { id: 0, error });
    await slot.worker.terminate();
  }
}

let shared: ExtractPool | null = null;

/** extractHtml() in the process's shared pool of worker threads (see ExtractPool). */
export function extractHtmlAsync(html: string): Promise<ExtractedHtml> {
  shared ??= new ExtractPool();
  return shared.extract(html);
}
