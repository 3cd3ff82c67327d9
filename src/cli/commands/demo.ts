import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import { packageRoot } from '../../package-root.js';
import { groupingProgress, openKhabar } from '../progress.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar demo [--db PATH] [--words N] [--json]

Ingests the bundled sample corpus (samples/corpus: 13 Arabic articles from 4 invented outlets, as JSON,
HTML, text and RSS) into the store, groups it into stories and prints each story: its articles, cited
summary, facts the outlets share or report alone, conflicting numbers, quotes, timeline and entities.
Running it again is harmless: stored articles are not stored twice.

Options:
  --db PATH   the database (default $KHABAR_DB, else ./khabar.db)
  --words N   summary length in words (default 100)
  --json      print the report as JSON (the shape of \`khabar report --json\`)`;

/** samples/corpus of the installed package (or of the repository). */
export function sampleCorpusDir(): string {
  return join(packageRoot(), 'samples', 'corpus');
}

export const command: Command = {
  name: 'demo',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, words: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const words = values.words === undefined ? undefined : Number(values.words);
    if (words !== undefined && (!Number.isInteger(words) || words < 1)) throw new UsageError('--words takes a positive whole number');
    const corpus = sampleCorpusDir();
    if (!existsSync(corpus)) {
      io.err(`khabar demo: the sample corpus is missing (${corpus})`);
      return 1;
    }
    const path = dbPath(values.db, io.env);
    // the stages load once the arguments are known to be good: `khabar demo --help` loads none of them
    const [{ buildReport, storyGrouperFor }, { renderReport }] = await Promise.all([import('../../report.js'), import('../../stories/index.js')]);
    const khabar = await openKhabar(path, io);
    try {
      let failed = 0;
      const counts = await khabar.ingest([corpus], {
        onProblem: (p) => { failed++; io.err(`khabar: ${terminalSafe(p.input)}: ${terminalSafe(p.reason)}`); },
      });
      const progress = groupingProgress(io, path);
      const grouper = storyGrouperFor(khabar, progress);
      progress.done();
      const report = buildReport(khabar, { words, grouper });
      if (values.json) {
        io.out(JSON.stringify(report, null, 2));
        return failed ? 1 : 0;
      }
      io.err(`khabar demo: ${counts.stored} new articles stored in ${path} (${khabar.count()} in all), ${report.stories.length} stories\n`);
      io.out(renderReport(report));
      io.out('\n' + '─'.repeat(60) + '\n');
      // From a clone the bin is not on PATH: npx finds it in the package (and after a global install too).
      io.out(`Browse it: npx khabar serve --db ${path}   (then open http://127.0.0.1:8080/)`);
      return failed ? 1 : 0;
    } finally {
      khabar.close();
    }
  },
};
