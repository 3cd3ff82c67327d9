import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { dbPath } from '../command.js';
import { openExisting } from './show.js';
import { ProgressLine, formatSeconds } from '../progress.js';

const usage = `Usage: khabar regroup [--db PATH]

Groups every stored article into stories again, from scratch, with this version's grouping. Commands that
group say when a database's stories were grouped by another version (they keep those stories, and new
articles join them); this makes the whole database consistent with the current version.

Story ids are given afresh: links to old story ids stop working. The articles themselves are not touched.
If it stops half-way, the articles grouped so far stay grouped and the next command that groups carries on.

Options:
  --db PATH   the database (default $KHABAR_DB, else ./khabar.db)`;

export const command: Command = {
  name: 'regroup',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } } });
    const path = dbPath(values.db, io.env);
    // the stages load once the arguments are known to be good: `khabar regroup --help` loads none of them
    const [{ regroupStore }, { GROUPING_VERSION }] = await Promise.all([import('../../report.js'), import('../../stories/index.js')]);
    const khabar = await openExisting(path, io);
    if (!khabar) return 1;
    try {
      const started = Date.now();
      let line: ProgressLine | null = null;
      const grouper = regroupStore(khabar, {
        onProgress: (done, total) => {
          line ??= new ProgressLine(io, total, 'articles regrouped');
          line.update(done);
        },
      });
      (line as ProgressLine | null)?.clear();
      if (!grouper) {
        io.err(`khabar: ${path}: this store keeps no grouping (it is made anew at each run): nothing to regroup`);
        return 0;
      }
      const stories = grouper.stories().length;
      io.err(`khabar: ${path}: ${grouper.state.documentCount()} articles regrouped into ${stories} stories ` +
        `with grouping version ${GROUPING_VERSION} in ${formatSeconds((Date.now() - started) / 1000)}`);
      return 0;
    } finally {
      khabar.close();
    }
  },
};
