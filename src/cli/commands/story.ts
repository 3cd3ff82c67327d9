import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import type { StoryFormat } from '../../stories/index.js';
import type { Story, StoryReport } from '../../types.js';
import { openStories } from './stories.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar story ID [--json | --md | --html] [--db PATH]

Shows one story: its title, cited summary, facts (shared by several outlets or reported by one),
conflicting numbers, quotes by speaker, timeline, entities with their spelling variants, its articles
(outlet, time, headline) and related stories (earlier or later events of the same storyline). ID is a story id as listed by \`khabar stories\`, or the id of one
of its articles.

Options:
  --json      the story as JSON (a StoryReport, plus articleInfo)
  --md        Markdown
  --html      an HTML page (RTL)
  --db PATH   the database (default $KHABAR_DB, else ./khabar.db)`;

export const command: Command = {
  name: 'story',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        md: { type: 'boolean', default: false },
        html: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one story ID');
    const formats = (['json', 'md', 'html'] as const).filter((f) => values[f]);
    if (formats.length > 1) throw new UsageError('choose one of --json, --md, --html');
    const format: StoryFormat = formats[0] ?? 'text';
    const opened = await openStories(dbPath(values.db, io.env), io);
    if (!opened) return 1;
    const [{ buildStoryReport }, { renderStory }] = await Promise.all([import('../../report.js'), import('../../stories/index.js')]);
    try {
      const { khabar, grouper } = opened;
      const id = positionals[0];
      // An article's id, or the id of an exact copy stored as it (an alias), names the article's story too.
      const viaArticle = grouper.storyOf(id) ?? grouper.storyOf(khabar.article(id)?.id ?? id);
      const story = grouper.story(id) ?? (viaArticle ? grouper.story(viaArticle.id) : null);
      if (!story) {
        io.err(`khabar story: no story or article "${terminalSafe(id)}" (see \`khabar stories\`)`);
        return 1;
      }
      const report: StoryReport = buildStoryReport(story, khabar.store.getArticles(story.articles));
      const related = report.related.map((r) => grouper.story(r)).filter((s): s is Story => s !== null);
      const articles = khabar.store.getArticles(report.articles)
        .map(({ id: aid, source, title, url, published, duplicates }) => ({ id: aid, source, title, url, published, ...(duplicates ? { duplicates } : {}) }));
      const order = new Map(report.articles.map((a, i) => [a, i]));
      articles.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      io.out(renderStory(report, format, { articles, related }));
      return 0;
    } finally {
      opened.khabar.close();
    }
  },
};
