import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { groupingProgress, openKhabar } from '../progress.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { INGEST_OPTIONS, INGEST_OPTIONS_USAGE, commandInputs, ingestOptions, undatedNotice } from '../ingest-options.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar report INPUT... [--json] [--db PATH] [--max-bytes N] [--allow-private] [--published DATE] [--source NAME] [--manifest FILE] [--lang ar]

Ingests the inputs and prints the report of those articles: each story, largest first, with its cited summary,
the facts several articles share and those one reports alone, the numbers that disagree, quotes, timeline,
names and articles (as \`khabar story\` prints one). With --json, the report as JSON (schema/report.schema.json):
{"articles":[{id, source, title, url, published, text}], "stories":[…]}.
Without --db a temporary database is used and deleted afterwards.

Options:
  --json             print the report as JSON
  --db PATH          the database (default: a temporary one)
${INGEST_OPTIONS_USAGE}

Exit status: 0 all inputs read, 1 some failed (the report of the others is still printed), 2 usage error.`;

export const command: Command = {
  name: 'report',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        ...INGEST_OPTIONS,
      },
    });
    const options = await ingestOptions(values);
    const { inputs, bad } = await commandInputs(positionals, values, io);
    // the stages load once the arguments are known to be good: `khabar report --help` loads none of them
    const [{ buildReport, storyGrouperFor }, { renderReport }] = await Promise.all([import('../../report.js'), import('../../stories/index.js')]);
    const tempDir = values.db ? null : mkdtempSync(join(tmpdir(), 'khabar-report-'));
    const khabar = await openKhabar(values.db ?? join(tempDir!, 'report.db'), io);
    try {
      const ids: string[] = [];
      const counts = await khabar.ingest(inputs, {
        ...options,
        stdin: io.stdin as AsyncIterable<Uint8Array | string>,
        onProblem: (p) => io.err(`khabar: ${terminalSafe(p.input)}: ${terminalSafe(p.reason)}`),
        onWarning: (p) => io.err(`khabar: ${terminalSafe(p.input)}: ${terminalSafe(p.reason)}`),
        onResult: (r) => ids.push(r.id),
      });
      const progress = groupingProgress(io, values.db);
      const grouper = storyGrouperFor(khabar, progress);
      progress.done();
      const report = buildReport(khabar, { ids, grouper });
      io.out(values.json ? JSON.stringify(report, null, 2) : renderReport(report));
      const undated = undatedNotice(report.stories, '--published DATE gives the date of every article whose input names none');
      if (undated) io.err(undated);
      return counts.failed + bad > 0 ? 1 : 0;
    } finally {
      khabar.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  },
};
