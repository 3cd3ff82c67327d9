import { parseArgs } from 'node:util';
import type { Command, CliIO } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import type { Khabar } from '../../khabar.js';
import type { StoryGrouper, StoryOrder } from '../../stories/index.js';
import { checkDate, positiveInteger } from '../option-values.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar stories [--limit N] [--min-articles N] [--from DATE] [--to DATE] [--source OUTLET]
                      [--sort recent|size] [--json] [--db PATH]

Lists the stories: articles grouped by real-world event as they arrived (later events of the same
storyline are separate stories, linked as related when at most 90 days apart). Articles stored since the
last grouping are grouped first; the grouping is kept in the database.

Columns: id, article count, outlets, first → last publication time, title (a headline taken from the
article most central to the story).

Options:
  --limit N           at most N stories (stderr says how many matched when the list is cut)
  --min-articles N    only stories of at least N articles (2: stories more than one article reports)
  --from DATE         only stories still running on or after DATE (their last article); DATE is
                      YYYY-MM-DD, YYYY-MM or YYYY
  --to DATE           only stories begun on or before DATE (inclusive: 2017-01 includes all of January)
  --source OUTLET     only stories with an article of this outlet (as listed in the outlets column)
  --sort recent|size  recent: latest article first (the default); size: most articles first
  --json              print the stories as JSON: [{id, title, articles, related, sources, first, last}]
  --db PATH           the database (default $KHABAR_DB, else ./khabar.db)

Stories without a publication date (grouped by content alone) match no --from or --to.`;

/**
 * Opens the database and brings its story grouping up to date; null (after a message) when there is none. The stages
 * load here, not with the command, so that `khabar stories --help` loads none of them.
 */
export async function openStories(path: string, io: CliIO): Promise<{ khabar: Khabar; grouper: StoryGrouper } | null> {
  const [{ openExisting }, { storyGrouperFor }, { groupingProgress }] = await Promise.all([
    import('./show.js'), import('../../report.js'), import('../progress.js'),
  ]);
  const khabar = await openExisting(path, io);
  if (!khabar) return null;
  try {
    const progress = groupingProgress(io, path);
    try {
      return { khabar, grouper: storyGrouperFor(khabar, progress) };
    } finally {
      progress.done();
    }
  } catch (e) {
    khabar.close();
    throw e;
  }
}

export const command: Command = {
  name: 'stories',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        'min-articles': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string' },
        sort: { type: 'string' },
      },
    });
    const limit = positiveInteger('--limit', values.limit);
    const minArticles = positiveInteger('--min-articles', values['min-articles']);
    checkDate('--from', values.from);
    checkDate('--to', values.to);
    if (values.sort !== undefined && values.sort !== 'recent' && values.sort !== 'size') {
      throw new UsageError(`--sort must be recent or size, not "${terminalSafe(values.sort)}"`);
    }
    const opened = await openStories(dbPath(values.db, io.env), io);
    if (!opened) return 1;
    const [{ renderStoryList, selectStories }, { undatedNotice }] = await Promise.all([import('../../stories/index.js'), import('../ingest-options.js')]);
    try {
      const all = opened.grouper.stories();
      const { stories, matched } = selectStories(all, {
        limit, minArticles, from: values.from, to: values.to, source: values.source, sort: values.sort as StoryOrder | undefined,
      });
      io.out(renderStoryList(stories, values.json ? 'json' : 'text'));
      if (stories.length < matched) io.err(`khabar: ${stories.length} of ${matched} matching stories shown (--limit ${limit})`);
      if (values.source !== undefined && matched === 0 && !all.some((s) => s.sources.includes(values.source!))) {
        io.err(`khabar: no story has an article of the outlet "${terminalSafe(values.source)}"`);
      }
      // said of the whole store: an undated story matches no date bound, and the reader should know it exists
      const undated = undatedNotice(all);
      if (undated) io.err(undated);
      return 0;
    } finally {
      opened.khabar.close();
    }
  },
};
