import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

const usage = `Usage: khabar jobs --queue URL [--json] [--limit N] [--retry]

Shows the ingest queue: how many jobs wait, run, wait for a retry, are done, and the dead letters (jobs
that failed their last attempt), newest first, each with its input and the reason.

Options:
  --queue URL   the queue: redis://host:6379[/db][?prefix=NAME]
  --json        print {"counts": {...}, "deadLetters": [{id, name, attempts, reason, failedAt}], "deadLetterTotal"}
  --limit N     dead letters listed (default 50)
  --retry       put every dead letter back in the queue, its attempts counted afresh`;

export const command: Command = {
  name: 'jobs',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { queue: { type: 'string' }, json: { type: 'boolean', default: false }, limit: { type: 'string', default: '50' }, retry: { type: 'boolean', default: false } },
    });
    if (!values.queue) throw new UsageError('--queue URL is required');
    // the stages load once a queue is named: `khabar jobs --help` loads none of them
    const [{ checkQueueUrl }, { QueueAdmin, checkReachable, parseQueueUrl }] = await Promise.all([import('../queue-ingest.js'), import('../../queue/index.js')]);
    checkQueueUrl(values.queue);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, not "${values.limit}"`);
    try { await checkReachable(parseQueueUrl(values.queue)); } catch (e) { io.err(`khabar: ${(e as Error).message}`); return 1; }
    const admin = new QueueAdmin(values.queue);
    let lastError: string | null = null;
    admin.on('error', (e) => { lastError = e.message; });
    try {
      if (values.retry) {
        const n = await admin.retryDeadLetters();
        io.err(`khabar: ${n} dead letter${n === 1 ? '' : 's'} put back in the queue`);
      }
      const s = await admin.status(limit);
      if (values.json) { io.out(JSON.stringify(s, null, 2)); return 0; }
      const c = s.counts;
      io.out(`${parseQueueUrl(values.queue).display}: ${c.waiting ?? 0} waiting, ${c.active ?? 0} running, ${c.delayed ?? 0} waiting for a retry, ${c.completed ?? 0} done, ${c.failed ?? 0} dead letters`);
      if (s.deadLetters.length) {
        io.out(`dead letters${s.deadLetterTotal > s.deadLetters.length ? ` (${s.deadLetterTotal}; newest ${s.deadLetters.length})` : ''}:`);
        for (const d of s.deadLetters) io.out(`  ${d.id}\t${d.failedAt ?? ''}\t${d.attempts} attempt${d.attempts === 1 ? '' : 's'}\t${d.name}\t${d.reason}`);
      }
      return 0;
    } catch (e) {
      io.err(`khabar: the queue at ${parseQueueUrl(values.queue).display}: ${(e as Error).message}${lastError ? ` (${lastError})` : ''}`);
      return 1;
    } finally {
      await admin.close().catch(() => undefined);
    }
  },
};
