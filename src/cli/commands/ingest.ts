import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import { ProgressLine, estimateArticles, openKhabar } from '../progress.js';
import { INGEST_OPTIONS, INGEST_OPTIONS_USAGE, commandInputs, ingestOptions } from '../ingest-options.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar ingest INPUT... [--db PATH] [--max-bytes N] [--allow-private] [--published DATE] [--source NAME] [--manifest FILE] [--lang ar]
                     [--queue URL [--wait] [--job-size N]]

Reads articles from files (.txt .html .json .jsonl .xml feeds), directories, http(s) URLs or - (stdin),
cleans them and stores them with their search index. Running it again on the same inputs stores nothing twice.

Options:
  --db PATH          the database (default $KHABAR_DB, else ./khabar.db)
${INGEST_OPTIONS_USAGE}
  --queue URL        enqueue the inputs for \`khabar worker\`s (redis://host:6379[/db][?prefix=NAME]) instead of
                     storing them: URLs are fetched by the workers, files are read here and sent as articles
  --job-size N       with --queue: articles per job read from files (default 64)
  --wait             with --queue: wait until the workers are done with the jobs and print what they stored

In a directory, a symbolic link is followed only when its target is inside the directory given on the command
line; a link that leads out of it (dir/passwd.txt -> /etc/passwd) is not read, and gets a line on stderr.

Every input that fails gets one line "khabar: INPUT: reason" on stderr.
Exit status: 0 all inputs ingested, 1 some failed, 2 usage error.`;

export const command: Command = {
  name: 'ingest',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        queue: { type: 'string' },
        wait: { type: 'boolean', default: false },
        'job-size': { type: 'string' },
        ...INGEST_OPTIONS,
      },
    });
    const options = await ingestOptions(values);
    if (values.wait && !values.queue) throw new UsageError('--wait goes with --queue');
    if (values.queue) {
      if (positionals.length === 0) throw new UsageError('give at least one INPUT');
      if (values.manifest !== undefined || values.lang !== undefined) throw new UsageError('--manifest and --lang do not go with --queue');
      // Loaded only here: the queue's client is not a cost of every ingest.
      const { ingestViaQueue, checkQueueUrl } = await import('../queue-ingest.js');
      checkQueueUrl(values.queue);
      const jobSize = values['job-size'] === undefined ? undefined : Number(values['job-size']);
      if (jobSize !== undefined && (!Number.isInteger(jobSize) || jobSize < 1)) throw new UsageError(`--job-size must be a positive integer, not "${values['job-size']}"`);
      return ingestViaQueue(values.queue, positionals, { ...options, jobSize }, values.wait ?? false, io);
    }
    const { inputs, bad } = await commandInputs(positionals, values, io);
    const total = io.isTTY ? await estimateArticles(inputs.map((i) => (typeof i === 'string' ? i : i.input))) : null;
    const khabar = await openKhabar(dbPath(values.db, io.env), io);
    const progress = new ProgressLine(io, total, 'articles read');
    try {
      const counts = await khabar.ingest(inputs, {
        ...options,
        stdin: io.stdin as AsyncIterable<Uint8Array | string>,
        onProblem: (p) => {
          progress.clear();
          io.err(`khabar: ${terminalSafe(p.input)}: ${terminalSafe(p.reason)}`);
        },
        onWarning: (p) => {
          progress.clear();
          io.err(`khabar: ${terminalSafe(p.input)}: ${terminalSafe(p.reason)}`);
        },
        // Counted as read, one by one (written articles are reported a batch at a time).
        onRead: (seen) => progress.update(seen),
      });
      progress.clear();
      counts.failed += bad;
      const parts = [`${counts.stored} stored`];
      if (counts.updated) parts.push(`${counts.updated} updated`);
      parts.push(`${counts.duplicates} duplicate${counts.duplicates === 1 ? '' : 's'}`);
      if (counts.nearDuplicates) parts.push(`${counts.nearDuplicates} near-duplicate${counts.nearDuplicates === 1 ? '' : 's'} linked`);
      if (counts.skipped) parts.push(`${counts.skipped} skipped (--lang ${options.lang})`);
      parts.push(`${counts.failed} failed`);
      io.err(`khabar: ${parts.join(', ')} (${khabar.count()} articles in the database)`);
      // Grouping is done by the commands that show stories, which catch up with the store (src/stories/sync.ts).
      if (counts.updated) io.err(`khabar: the next command that shows stories groups the ${counts.updated} updated article${counts.updated === 1 ? '' : 's'} again`);
      return counts.failed > 0 ? 1 : 0;
    } finally {
      khabar.close();
    }
  },
};
