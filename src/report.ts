// Assembles what a reader sees of a story: the grouping (stories stage), the analysis (facts, entities,
// quotes, numbers, timeline) and the cited summary. Presentation layers (CLI, API, web) call this and
// render the result; they do no analysis of their own.
import type { Article, Report, Story, StoryReport } from './types.js';
import type { ArticleExtraction } from './analysis/index.js';
import { analyzeStory } from './analysis/index.js';
import { summarize } from './summary/index.js';
import type { Khabar } from './khabar.js';
import { storyStateFor } from './store/sqlite-stories.js';
import { StoryGrouper, groupStoredArticles } from './stories/index.js';

export interface StoryReportOptions {
  /** Summary length in words (default 100). */
  words?: number;
  /** Per-article extraction cache shared across stories, so adding one article does not redo the others. */
  cache?: Map<string, ArticleExtraction>;
}

/** A story with its analysis and summary, from its member articles. */
export function buildStoryReport(story: Story, articles: Article[], opts: StoryReportOptions = {}): StoryReport {
  const order = new Map(story.articles.map((id, i) => [id, i]));
  const members = articles.filter((a) => order.has(a.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const analysis = analyzeStory(members, { cache: opts.cache });
  const summary = summarize(members, { words: opts.words, facts: analysis.facts });
  return { ...story, summary, ...analysis };
}

/** Opens the grouping of a store and brings it up to date with every stored article. */
export function storyGrouperFor(khabar: Khabar): StoryGrouper {
  const grouper = new StoryGrouper(storyStateFor(khabar.store));
  groupStoredArticles(khabar.store, grouper);
  return grouper;
}

/** The `report --json` document: every stored article (cleaned) and every story with its analysis. */
export function buildReport(khabar: Khabar, opts: StoryReportOptions = {}): Report {
  const all = khabar.articles();
  const grouper = storyGrouperFor(khabar);
  const byId = new Map(all.map((a) => [a.id, a]));
  const cache = opts.cache ?? new Map<string, ArticleExtraction>();
  const stories = grouper.stories().map((s) =>
    buildStoryReport(s, s.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined), { ...opts, cache }));
  return {
    articles: all.map(({ id, source, title, url, published, text }) => ({ id, source, title, url, published, text })),
    stories,
  };
}
