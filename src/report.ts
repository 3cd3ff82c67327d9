// Assembles what a reader sees of a story: the grouping (stories stage), the analysis (facts, entities,
// quotes, numbers, timeline) and the cited summary. Presentation layers (CLI, API, web) call this and
// render the result; they do no analysis of their own.
import type { Article, Report, Story, StoryReport } from './types.js';
import type { ArticleExtraction, ExtractionCache } from './analysis/index.js';
import { analyzeStoryDetailed, speakerMatches } from './analysis/index.js';
import { summarize } from './summary/index.js';
import type { Khabar } from './khabar.js';
import { storyStateFor } from './store/sqlite-stories.js';
import { GROUPING_VERSION, StoryGrouper, groupStoredArticles, groupingBehind } from './stories/index.js';

/** One quote of a speaker in one story, dated by the newest of the articles that carry it (`khabar quotes --speaker`, /api/quotes). */
export interface SpeakerQuote {
  date: string | null;
  speaker: string | null;
  speakerEntity: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  cue: string | null;
  story: string;
  articles: { id: string; source: string | null; published: string | null }[];
  spans: { article: string; start: number; end: number }[];
}

/**
 * The quotes of `speaker` in one story's report, each with the articles that carry it; with from/to (days), only
 * the articles published on those days count, and a quote none of them carries is left out. `articlesOf` is asked
 * for the report's articles only when the speaker has a quote there (most stories of a store have none).
 */
export function speakerQuotes(story: string, report: StoryReport, articlesOf: (ids: string[]) => Article[], speaker: string,
  from?: string, to?: string): SpeakerQuote[] {
  const quotes = (report.quotes ?? []).filter((q) => speakerMatches(q.speaker, speaker));
  if (!quotes.length) return [];
  const day = (d: string | null) => (d ? d.slice(0, 10) : '');
  const inRange = (a: Article) => (!from || day(a.published) >= from.slice(0, 10)) && (!to || (day(a.published) !== '' && day(a.published) <= to.slice(0, 10)));
  const byId = new Map(articlesOf(report.articles).map((a) => [a.id, a]));
  const out: SpeakerQuote[] = [];
  for (const q of quotes) {
    const cited = q.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined && inRange(a));
    if (!cited.length) continue;
    out.push({
      date: cited.map((a) => a.published ?? '').sort().reverse()[0] || null, speaker: q.speaker, speakerEntity: q.speakerEntity ?? null,
      text: q.text, kind: q.kind, cue: q.cue ?? null, story,
      articles: cited.map((a) => ({ id: a.id, source: a.source, published: a.published })), spans: q.spans ?? [],
    });
  }
  return out;
}

/** Newest first; undated last. */
export function newestFirst(quotes: SpeakerQuote[]): SpeakerQuote[] {
  return quotes.sort((x, y) => ((x.date ?? '') < (y.date ?? '') ? 1 : (x.date ?? '') > (y.date ?? '') ? -1 : 0));
}

export interface StoryReportOptions {
  /** Summary length in words (default 100). */
  words?: number;
  /** Per-article extraction cache shared across stories, so adding one article does not redo the others. */
  cache?: ExtractionCache;
}

function byPublishedThenId(a: Article, b: Article): number {
  // Undated articles last.
  return (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || a.id.localeCompare(b.id);
}

/** A story with its analysis and summary, from its member articles. */
export function buildStoryReport(story: Story, articles: Article[], opts: StoryReportOptions = {}): StoryReport {
  // Analysed in publication order, not in the order the articles joined the story: workers store and group as their
  // jobs end, and a fact's wording, the summary and an entity's spelling follow the first article that gives them.
  const inStory = new Set(story.articles);
  const members = articles.filter((a) => inStory.has(a.id)).sort(byPublishedThenId);
  // the summary cites what the facts cite: one set of articles per sentence everywhere
  const { factGroups, ...analysis } = analyzeStoryDetailed(members, { cache: opts.cache });
  const summary = summarize(members, { words: opts.words, factGroups });
  return { ...story, summary, ...analysis };
}

export interface GroupingOptions {
  onProgress?: (done: number, total: number) => void;
  /** Called when the persisted grouping was made by another GROUPING_VERSION (see regroupStore). */
  onStale?: (stored: number, current: number) => void;
}

/**
 * Opens the grouping persisted with the store (the same SQLite file) and groups only the stored articles
 * it has not seen yet, so reopening a store does not regroup it. A grouping made by another version of the
 * stories stage is kept (its story ids stay valid) and reported through onStale.
 */
export function storyGrouperFor(khabar: Khabar, opts: GroupingOptions = {}): StoryGrouper {
  const grouper = new StoryGrouper(storyStateFor(khabar.store));
  const state = grouper.state;
  const stored = state.groupingVersion ? state.groupingVersion() : GROUPING_VERSION;
  if (stored === null) state.setGroupingVersion?.(GROUPING_VERSION); // nothing grouped yet: this version groups it
  else if (stored !== GROUPING_VERSION) opts.onStale?.(stored, GROUPING_VERSION);
  // When every stored article is grouped and none was written since the grouping last read the store, the catch-up
  // (which reads the whole store's ids) is skipped: a restart of a large store stays fast.
  if (groupingBehind(khabar.store, grouper)) groupStoredArticles(khabar.store, grouper, opts);
  return grouper;
}

/**
 * Throws away the persisted grouping and groups every stored article again with this version's stories stage
 * (`khabar regroup`). Story ids are given afresh. The state is emptied and its new version recorded in one
 * transaction; the regrouping then commits batch by batch, so if it stops, what it grouped stays and the next
 * command that groups carries on from there. Returns the grouper, or null when the store keeps no grouping
 * (a backend whose grouping lives in memory, made anew at each run).
 */
export function regroupStore(khabar: Khabar, opts: Pick<GroupingOptions, 'onProgress'> = {}): StoryGrouper | null {
  const state = storyStateFor(khabar.store);
  if (!state.clear || !state.setGroupingVersion) return null;
  state.transaction(() => {
    state.clear!();
    state.setGroupingVersion!(GROUPING_VERSION);
  });
  const grouper = new StoryGrouper(state);
  groupStoredArticles(khabar.store, grouper, opts);
  return grouper;
}

export interface ReportOptions extends StoryReportOptions {
  /**
   * Only these stored articles (unknown ids are left out) and the stories holding at least one of them;
   * default: every stored article and every story.
   */
  ids?: string[];
  /** The grouping to use (default: storyGrouperFor(khabar)). */
  grouper?: StoryGrouper;
}

/** The `report --json` document (schema/report.schema.json): the articles (cleaned) and their stories with analysis. */
export function buildReport(khabar: Khabar, opts: ReportOptions = {}): Report {
  const articles = opts.ids ? khabar.store.getArticles([...new Set(opts.ids)]) : khabar.articles();
  articles.sort(byPublishedThenId);
  const grouper = opts.grouper ?? storyGrouperFor(khabar);
  const wanted = opts.ids ? new Set(articles.map((a) => a.id)) : null;
  const stories = wanted ? grouper.stories().filter((s) => s.articles.some((id) => wanted.has(id))) : grouper.stories();
  // The whole store is already in memory; a subset loads only its stories' members.
  const byId = wanted ? null : new Map(articles.map((a) => [a.id, a]));
  const membersOf = (s: Story): Article[] => byId
    ? s.articles.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined)
    : khabar.store.getArticles(s.articles);
  const cache = opts.cache ?? new Map<string, ArticleExtraction>();
  return {
    articles: articles.map(({ id, source, title, url, published, text, duplicates }) => ({ id, source, title, url, published, text, ...(duplicates ? { duplicates } : {}) })),
    stories: stories.map((s) => buildStoryReport(s, membersOf(s), { words: opts.words, cache })),
  };
}

/** A Map that forgets its least recently used entries beyond `capacity` (for caches of a long-running server). */
export class LruMap<K, V> extends Map<K, V> {
  constructor(readonly capacity: number) {
    super();
  }

  override get(key: K): V | undefined {
    if (!super.has(key)) return undefined;
    const value = super.get(key) as V;
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    while (this.size > this.capacity) super.delete(super.keys().next().value as K);
    return this;
  }
}

/**
 * Extractions kept in memory (`memory`, the most recently used) in front of those kept in the store (`stored`,
 * src/store/extractions.ts): a miss in memory reads the store, a new extraction goes to both.
 */
export function layeredExtractions(memory: Map<string, ArticleExtraction>, stored: ExtractionCache | null): ExtractionCache {
  if (!stored) return memory;
  return {
    get(key) {
      let x = memory.get(key);
      if (!x) {
        x = stored.get(key);
        if (x) memory.set(key, x);
      }
      return x;
    },
    set(key, x) {
      memory.set(key, x);
      stored.set(key, x);
    },
  };
}

export interface StoryReportCacheOptions {
  words?: number;
  /** Story reports kept (default 2000). */
  stories?: number;
  /** Per-article extractions kept in memory (default 20000). */
  articles?: number;
  /** Extractions kept in the store, read before extracting an article and given each new one (flushed after each build). */
  stored?: (ExtractionCache & { flush(): void }) | null;
}

/**
 * Story reports of a long-running reader (the server): each report is built once and reused until its story
 * changes. A cached report is reused only while the story's article list is the same, and invalidate() drops
 * one explicitly (an article of the story was replaced). Per-article extractions are shared between stories,
 * so a story that gains an article re-analyses only the new one.
 */
export class StoryReportCache {
  private readonly reports: LruMap<string, { key: string; report: StoryReport }>;
  private readonly extractions: LruMap<string, ArticleExtraction>;
  private readonly cache: ExtractionCache;

  constructor(private readonly opts: StoryReportCacheOptions = {}) {
    this.reports = new LruMap(opts.stories ?? 2000);
    this.extractions = new LruMap(opts.articles ?? 20_000);
    this.cache = layeredExtractions(this.extractions, opts.stored ?? null);
  }

  /** The report of `story`, built from `load(ids)` (its member articles) when not cached or out of date. */
  get(story: Story, load: (ids: string[]) => Article[]): StoryReport {
    const key = story.articles.join('\n');
    const hit = this.reports.get(story.id);
    if (hit && hit.key === key) return hit.report;
    const report = buildStoryReport(story, load(story.articles), { words: this.opts.words, cache: this.cache });
    this.opts.stored?.flush();
    this.reports.set(story.id, { key, report });
    return report;
  }

  /** The cached report of a story, without building one. */
  peek(story: Story): StoryReport | null {
    const hit = this.reports.get(story.id);
    return hit && hit.key === story.articles.join('\n') ? hit.report : null;
  }

  /** Keeps a report of `story` built elsewhere (the server's background thread). */
  put(story: Story, report: StoryReport): void {
    this.reports.set(story.id, { key: story.articles.join('\n'), report });
  }

  invalidate(storyId: string): void {
    this.reports.delete(storyId);
  }

  /** Drops every report and extraction (another process changed the store: any article may have been replaced). */
  clear(): void {
    this.reports.clear();
    this.extractions.clear();
  }

}
