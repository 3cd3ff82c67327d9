// `khabar ingest --queue URL`: enqueue the inputs for `khabar worker`s, and with --wait follow the jobs to their end.
import { UsageError, type CliIO } from './command.js';
import { checkReachable, enqueueInputs, IngestQueue, QueueAdmin, parseQueueUrl, type IngestJobOptions, type JobResult } from '../queue/index.js';

/** A UsageError naming what is wrong with a --queue URL. */
export function checkQueueUrl(url: string): void {
  try { parseQueueUrl(url); } catch (e) { throw new UsageError(`--queue: ${(e as Error).message}`); }
}

/** How often --wait asks the queue about the jobs. */
const POLL_MS = 250;

export async function ingestViaQueue(url: string, inputs: string[], options: IngestJobOptions & { jobSize?: number }, wait: boolean, io: CliIO): Promise<number> {
  const loc = parseQueueUrl(url);
  const shown = loc.display;
  try { await checkReachable(loc); } catch (e) { io.err(`khabar: ${(e as Error).message}`); return 1; }
  const queue = new IngestQueue(url);
  let lastError: string | null = null;
  queue.queue.on('error', (e) => { lastError = e.message; });
  let ids: string[] = [];
  let failedInputs = 0;
  try {
    const counts = await enqueueInputs(queue, inputs, {
      ...options,
      stdin: io.stdin as AsyncIterable<Uint8Array | string>,
      onProblem: (p) => io.err(`khabar: ${p.input}: ${p.reason}`),
    });
    ids = counts.ids;
    failedInputs = counts.failed;
    io.err(`khabar: ${counts.jobs} job${counts.jobs === 1 ? '' : 's'} enqueued on ${shown} (${counts.articles} articles read, ${counts.urls} URLs to fetch), ${counts.failed} failed`);
  } catch (e) {
    io.err(`khabar: the queue at ${shown}: ${(e as Error).message}${lastError && lastError !== (e as Error).message ? ` (${lastError})` : ''}; the inputs were not all enqueued: run the same ingest again (what is stored already is not stored twice)`);
    await queue.close().catch(() => undefined);
    return 1;
  }
  await queue.close();
  if (!wait) return failedInputs > 0 ? 1 : 0;
  const allDone = await waitForJobs(url, ids, shown, io);
  return allDone && failedInputs === 0 ? 0 : 1;
}

/** Follows the jobs until each is done or a dead letter; true when every one completed. */
async function waitForJobs(url: string, ids: string[], shown: string, io: CliIO): Promise<boolean> {
  const admin = new QueueAdmin(url);
  let unreachable: string | null = null;
  admin.on('error', (e) => { unreachable = e.message; });
  const total: JobResult = { stored: 0, updated: 0, duplicates: 0, failed: 0, problems: [] };
  let pending = [...ids];
  let dead = 0;
  let lost = 0;
  try {
    while (pending.length) {
      let states;
      try {
        states = await admin.states(pending);
        if (unreachable) { io.err(`khabar: the queue at ${shown} answers again`); unreachable = null; }
      } catch (e) {
        io.err(`khabar: the queue at ${shown} does not answer (${(e as Error).message}); still trying`);
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      const still: string[] = [];
      for (const s of states) {
        if (s.state === 'completed' && !s.result) {
          still.push(s.id); // completed between reading the job and its state: read again
        } else if (s.state === 'completed') {
          const r = s.result as JobResult;
          total.stored += r.stored; total.updated += r.updated; total.duplicates += r.duplicates; total.failed += r.failed;
          for (const p of r.problems) io.err(`khabar: ${p}`);
        } else if (s.state === 'failed') {
          dead++;
          io.err(`khabar: job ${s.id}: ${s.reason} (a dead letter: \`khabar jobs\` lists it)`);
        } else if (s.state === 'unknown') {
          lost++;
        } else {
          still.push(s.id);
        }
      }
      pending = still;
      if (pending.length) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await admin.close().catch(() => undefined);
  }
  const parts = [`${total.stored} stored`];
  if (total.updated) parts.push(`${total.updated} updated`);
  parts.push(`${total.duplicates} duplicate${total.duplicates === 1 ? '' : 's'}`, `${total.failed} failed`);
  if (dead) parts.push(`${dead} job${dead === 1 ? '' : 's'} failed`);
  io.err(`khabar: ${parts.join(', ')}`);
  if (lost) {
    io.err(`khabar: ${lost} job${lost === 1 ? ' is' : 's are'} no longer in the queue at ${shown} (Redis restarted without keeping its data, or the jobs were removed): run the same ingest again; what was stored already is not stored twice`);
  }
  return dead === 0 && lost === 0 && total.failed === 0;
}
