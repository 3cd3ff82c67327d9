// KhabarSource over the library: articles, search and ingest from a Khabar (its store), stories from a
// StoryGrouper fed by every stored article, and per-story analysis + cited summary computed on demand and
// cached until the next ingest.
import type { Khabar } from '../khabar.js';
import type { Article, Entity, RawArticle, Story, StoryAnalysis, StoryReport } from '../types.js';
import { StoryGrouper, toStory } from '../stories/index.js';
import { summarize } from '../summary/index.js';
import type { ArticleView, EntitySummary, IngestOutcome, KhabarSource, Page, SearchHit, SnippetPart, StoryListQuery } from './source.js';
import { entityId } from './entity-id.js';

export interface KhabarSourceOptions {
  /** The analysis stage (facts, entities, quotes, numbers, timeline) of one story's articles. */
  analyze?: (articles: Article[]) => Partial<StoryAnalysis>;
  /** The cited summary; defaults to the summary stage's summarize(). */
  summarize?: (articles: Article[], facts: StoryAnalysis['facts'] | undefined) => StoryReport['summary'];
  /** Grouper to use (e.g. one over persisted story state); default: in memory, fed with the stored articles. */
  grouper?: StoryGrouper;
}

function byPublished(a: Article, b: Article): number {
  return (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id);
}

export class KhabarLibrarySource implements KhabarSource {
  readonly grouper: StoryGrouper;
  #reports = new Map<string, StoryReport>();
  #entities: EntitySummary[] | null = null;

  constructor(private readonly khabar: Khabar, private readonly opts: KhabarSourceOptions = {}) {
    this.grouper = opts.grouper ?? new StoryGrouper();
    if (!opts.grouper) this.grouper.addAll(khabar.articles().sort(byPublished));
    khabar.addArticleHook((article) => {
      this.grouper.add(article);
      this.#invalidate();
    });
  }

  #invalidate(): void {
    this.#reports.clear();
    this.#entities = null;
  }

  #allStories(): Story[] {
    return this.grouper.state.listStories().map(toStory);
  }

  listStories(q: StoryListQuery): Page<Story> {
    let stories = this.#allStories();
    if (q.from) stories = stories.filter((s) => (s.last ?? s.first ?? '').slice(0, 10) >= q.from!);
    if (q.to) stories = stories.filter((s) => (s.first ?? s.last ?? '9999').slice(0, 10) <= q.to!);
    if (q.outlet) stories = stories.filter((s) => s.sources.includes(q.outlet!));
    if (q.entity) {
      const entity = this.entity(q.entity);
      const ids = new Set(entity?.stories.map((s) => s.id) ?? []);
      stories = stories.filter((s) => ids.has(s.id));
    }
    const newest = (a: Story, b: Story) => (b.last ?? '').localeCompare(a.last ?? '') || a.id.localeCompare(b.id);
    stories.sort(q.sort === 'coverage'
      ? (a, b) => b.sources.length - a.sources.length || b.articles.length - a.articles.length || newest(a, b)
      : newest);
    const start = (q.page - 1) * q.pageSize;
    return { items: stories.slice(start, start + q.pageSize), page: q.page, pageSize: q.pageSize, total: stories.length };
  }

  story(id: string): StoryReport | null {
    const cached = this.#reports.get(id);
    if (cached) return cached;
    const record = this.grouper.state.getStory(id);
    if (!record) return null;
    const story = toStory(record);
    const articles = this.articles(story.articles);
    const analysis = this.opts.analyze?.(articles) ?? {};
    const summary = this.opts.summarize
      ? this.opts.summarize(articles, analysis.facts)
      : summarize(articles, analysis.facts ? { facts: analysis.facts } : {});
    const report: StoryReport = { ...story, ...analysis, summary };
    this.#reports.set(id, report);
    return report;
  }

  storiesById(ids: string[]): Story[] {
    return ids.map((id) => this.grouper.state.getStory(id)).filter((r) => r !== null).map(toStory);
  }

  article(id: string): ArticleView | null {
    const article = this.khabar.article(id);
    if (!article) return null;
    const storyId = this.grouper.state.storyOfArticle(id);
    const record = storyId ? this.grouper.state.getStory(storyId) : null;
    return { ...article, story: record ? { id: record.id, title: record.title } : null };
  }

  articles(ids: string[]): Article[] {
    return this.khabar.store.getArticles(ids);
  }

  search(q: string, opts: { limit?: number } = {}): SearchHit[] {
    return this.khabar.search(q, { limit: opts.limit ?? 20 }).map((h) => ({
      id: h.id, title: h.title, source: h.source, published: h.published, score: h.score,
      story: this.grouper.state.storyOfArticle(h.id),
      snippet: snippetParts(h.passage.text, h.passage.highlights),
    }));
  }

  entities(): EntitySummary[] {
    if (this.#entities) return this.#entities;
    const merged = new Map<string, EntitySummary>();
    for (const story of this.#allStories()) {
      for (const e of (this.story(story.id)?.entities ?? []) as Entity[]) {
        const id = entityId(e.name);
        let m = merged.get(id);
        if (!m) merged.set(id, m = { id, name: e.name, type: e.type, variants: [], mentions: 0, stories: [] });
        for (const v of [e.name, ...e.variants]) if (!m.variants.includes(v)) m.variants.push(v);
        m.mentions += e.mentions;
        if (!m.stories.some((s) => s.id === story.id)) m.stories.push({ id: story.id, title: story.title });
      }
    }
    this.#entities = [...merged.values()].sort((a, b) => b.stories.length - a.stories.length || b.mentions - a.mentions || a.name.localeCompare(b.name));
    return this.#entities;
  }

  entity(id: string): EntitySummary | null {
    return this.entities().find((e) => e.id === id) ?? null;
  }

  async ingest(items: RawArticle[]): Promise<IngestOutcome> {
    const out: IngestOutcome = { stored: 0, updated: 0, duplicates: 0, failed: [], ids: [] };
    items.forEach((raw, index) => {
      try {
        const r = this.khabar.addArticle({ ...raw, origin: raw.origin ?? `request item ${index + 1}` });
        if (r.status === 'stored') out.stored++;
        else if (r.status === 'updated') out.updated++;
        else out.duplicates++;
        out.ids.push(r.id);
      } catch (e) {
        out.failed.push({ index, reason: e instanceof Error ? e.message : String(e) });
      }
    });
    return out;
  }

  outlets(): string[] {
    return [...new Set(this.#allStories().flatMap((s) => s.sources))].sort();
  }
}

/** Splits a passage into plain and matching parts at the highlight offsets. */
export function snippetParts(text: string, highlights: [number, number][]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
