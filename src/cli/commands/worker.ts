import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import { parseDuration } from '../duration.js';

const usage = `Usage: khabar worker --queue URL [--db PATH] [--concurrency N] [--lock 30s] [--no-group]

Takes ingest jobs from the queue (\`khabar ingest --queue\`, \`khabar watch --queue\`) and fetches, decodes,
cleans, analyses and stores their articles, then groups the new articles into stories. Run any number of
workers, on any machines that reach the queue and the database. A job that fails (a site down, a timeout)
is tried again after 2, 4, 8 and 16 s; after its 5th attempt, or at once when another attempt cannot help
(HTTP 404, a refused address, a body over the limit), it is a dead letter that \`khabar jobs\` lists. A job
is stored in one transaction and stores nothing twice when it runs again, so a worker killed mid-job loses
nothing: its job is taken over by another worker once its lock runs out. One worker at a time groups.
One line per job on stderr. Ctrl-C (or SIGTERM) stops it after the jobs in progress.

Options:
  --queue URL        the queue: redis://host:6379[/db][?prefix=NAME] (rediss:// for TLS)
  --db PATH          the database (default $KHABAR_DB, else ./khabar.db)
  --concurrency N    jobs processed at once (default 1; more helps when jobs wait on slow sites)
  --lock D           how long a job stays locked to a worker that stopped answering before another
                     takes it over (default 30s)
  --no-group         store only; leave grouping to another worker or to the commands that show stories`;

export const command: Command = {
  name: 'worker',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        queue: { type: 'string' },
        db: { type: 'string' },
        concurrency: { type: 'string', default: '1' },
        lock: { type: 'string', default: '30s' },
        'no-group': { type: 'boolean', default: false },
      },
    });
    if (!values.queue) throw new UsageError('--queue URL is required');
    // the queue loads once one is named: `khabar worker --help` loads no stage
    const [{ checkQueueUrl }, { IngestWorker, checkReachable, parseQueueUrl }] = await Promise.all([import('../queue-ingest.js'), import('../../queue/index.js')]);
    checkQueueUrl(values.queue);
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive integer, not "${values.concurrency}"`);
    const lockMs = parseDuration(values.lock!, '--lock');
    const db = dbPath(values.db, io.env);
    try { await checkReachable(parseQueueUrl(values.queue)); } catch (e) { io.err(`khabar: ${(e as Error).message}`); return 1; }
    const worker = new IngestWorker({ queueUrl: values.queue, db, concurrency, lockMs, group: !values['no-group'], onLine: io.err });
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((r) => { stop = r; });
    let stopping = false;
    const onSignal = (): void => {
      if (stopping) process.exit(130);
      stopping = true;
      io.err('khabar worker: stopping after the jobs in progress (Ctrl-C again to quit at once)');
      stop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await worker.ready();
      io.err(`khabar worker: taking jobs from ${parseQueueUrl(values.queue).display} into ${db}`);
      await stopped;
    } finally {
      await worker.close();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    io.err('khabar worker: stopped');
    return 0;
  },
};
