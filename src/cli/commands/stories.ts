import { parseArgs } from 'node:util';
import type { Command, CliIO } from '../command.js';
import { dbPath } from '../command.js';
import type { Khabar } from '../../khabar.js';
import { storyGrouperFor } from '../../report.js';
import { renderStoryList, type StoryGrouper } from '../../stories/index.js';
import { openExisting } from './show.js';
import { groupingProgress } from '../progress.js';
import { undatedNotice } from '../ingest-options.js';

const usage = `Usage: khabar stories [--json] [--db PATH]

Lists the stories: articles grouped by real-world event as they arrived (later events of the same
storyline are separate stories, linked as related when at most 90 days apart). Articles stored since the
last grouping are grouped first; the grouping is kept in the database.

Columns: id, article count, outlets, first → last publication time, title (a headline taken from the
article most central to the story).

Options:
  --json      print the stories as JSON: [{id, title, articles, related, sources, first, last}]
  --db PATH   the database (default $KHABAR_DB, else ./khabar.db)`;

/** Opens the database and brings its story grouping up to date; null (after a message) when there is none. */
export function openStories(path: string, io: CliIO): { khabar: Khabar; grouper: StoryGrouper } | null {
  const khabar = openExisting(path, io);
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
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const opened = openStories(dbPath(values.db, io.env), io);
    if (!opened) return 1;
    try {
      const stories = opened.grouper.stories();
      io.out(renderStoryList(stories, values.json ? 'json' : 'text'));
      const undated = undatedNotice(stories);
      if (undated) io.err(undated);
      return 0;
    } finally {
      opened.khabar.close();
    }
  },
};
