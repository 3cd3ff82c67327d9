// KhabarSource over the library: articles, search and ingest from a Khabar (its store); stories from the
// grouping persisted in the same SQLite file (src/report.ts storyGrouperFor: a restart groups only articles
// it has not seen, it does not regroup); story reports from src/report.ts (the same code path as the CLI),
// cached per story until the story changes. Articles ingested through any path of this Khabar (the API's
// POST included) are grouped into the stored state as they are written.
import type { Khabar } from '../khabar.js';
import type { Article, RawArticle, Story, StoryReport } from '../types.js';
import { groupStoredArticles, groupingBehind, toStory, type StoryGrouper } from '../stories/index.js';
import { StoryReportCache, storyGrouperFor } from '../report.js';
import { dropNonHttpUrl } from '../ingest/index.js';
import type { ArticleView, EntitySummary, IngestOutcome, KhabarSource, Page, SearchHit, SnippetPart, StoryListQuery } from './source.js';
import { catchUpEntityIndex, readEntity, type EntityIndexState } from '../analysis/entity-index.js';
import { entityStateFor } from '../store/sqlite-entities.js';

export interface KhabarSourceOptions {
  /** Grouping to use; default: the one persisted with the store (storyGrouperFor). */
  grouper?: StoryGrouper;
  /** Summary length in words (default: the summary stage's). */
  words?: number;
  /** Story reports kept in memory (default 2000). */
  cachedStories?: number;
  /** GET /api/entities lists this many entities, those in most articles first (default 500). */
  entityLimit?: number;
}

function newestFirst(a: Story, b: Story): number {
  return (b.last ?? '').localeCompare(a.last ?? '') || a.id.localeCompare(b.id);
}

function mostCovered(a: Story, b: Story): number {
  return b.sources.length - a.sources.length || b.articles.length - a.articles.length || newestFirst(a, b);
}

export class KhabarLibrarySource implements KhabarSource {
  readonly grouper: StoryGrouper;
  readonly reports: StoryReportCache;
  /** Every story (without analysis), loaded once and kept current by the ingest hook. */
  #stories: Map<string, Story> | null = null;
  #sorted: { newest?: Story[]; coverage?: Story[] } = {};
  #entities: EntitySummary[] | null = null;
  /** The store-wide entity index (src/analysis/entity-index.ts), opened at the first entity read. */
  #entityState: EntityIndexState | null = null;
  #outlets: string[] | null = null;
  /** Set when grouping an ingested article failed: the next read catches the grouping up with the store. */
  #behind = false;

  constructor(private readonly khabar: Khabar, private readonly opts: KhabarSourceOptions = {}) {
    this.grouper = opts.grouper ?? storyGrouperFor(khabar);
    this.reports = new StoryReportCache({ words: opts.words, stories: opts.cachedStories });
    khabar.addArticleHook((article, result) => {
      try {
        // An updated article (its text replaced, its missing date or outlet filled in) is grouped again: it may move.
        // The stories linked to the one it leaves are read again too: a story left empty is gone from their links.
        const leaving = result.status === 'updated' ? this.grouper.storyOf(article.id) : null;
        const r = result.status === 'updated' ? this.grouper.regroup(article) : this.grouper.add(article);
        if (result.status === 'updated') this.reports.invalidate(r.story);
        if (r.left) this.reports.invalidate(r.left);
        this.#refresh([r.story, ...r.merged, ...(r.left ? [r.left, ...(leaving?.related ?? [])] : [])]);
      } catch (e) {
        this.#behind = true;
        throw e;
      }
    });
  }

  /**
   * Catches the grouping up with the store when grouping an ingested article failed, or when another process (a
   * `khabar ingest` or `khabar stories` beside the server) wrote the database: its new and changed articles are
   * grouped, and every cached story and report is read again.
   */
  #catchUp(): void {
    const external = this.grouper.state.refresh?.() ?? false;
    if (!this.#behind && !external) return;
    if (external) this.reports.clear();
    if (this.#behind || groupingBehind(this.khabar.store, this.grouper)) groupStoredArticles(this.khabar.store, this.grouper);
    this.#behind = false;
    this.#stories = null;
    this.#sorted = {};
    this.#entities = null;
    this.#outlets = null;
  }

  #all(): Map<string, Story> {
    this.#catchUp();
    if (!this.#stories) this.#stories = new Map(this.grouper.state.listStories().map((r) => [r.id, toStory(r)]));
    return this.#stories;
  }

  /** Re-reads changed stories (and the stories they link to, whose related lists may have changed). */
  #refresh(ids: string[]): void {
    this.#sorted = {};
    this.#entities = null;
    this.#outlets = null;
    if (!this.#stories) return;
    const seen = new Set<string>();
    const reread = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const record = this.grouper.state.getStory(id);
      if (record) this.#stories!.set(id, toStory(record));
      else this.#stories!.delete(id);
      return record;
    };
    for (const id of ids) {
      const record = reread(id);
      for (const rel of record?.related ?? []) reread(rel);
    }
  }

  #sortedBy(sort: 'newest' | 'coverage'): Story[] {
    return this.#sorted[sort] ??= [...this.#all().values()].sort(sort === 'coverage' ? mostCovered : newestFirst);
  }

  listStories(q: StoryListQuery): Page<Story> {
    let stories = this.#sortedBy(q.sort === 'coverage' ? 'coverage' : 'newest');
    if (q.from) stories = stories.filter((s) => (s.last ?? s.first ?? '').slice(0, 10) >= q.from!);
    if (q.to) stories = stories.filter((s) => (s.first ?? s.last ?? '9999').slice(0, 10) <= q.to!);
    if (q.outlet) stories = stories.filter((s) => s.sources.includes(q.outlet!));
    if (q.entity) {
      const entity = this.entity(q.entity);
      const ids = new Set(entity?.stories.map((s) => s.id) ?? []);
      stories = stories.filter((s) => ids.has(s.id));
    }
    const start = (q.page - 1) * q.pageSize;
    return { items: stories.slice(start, start + q.pageSize), page: q.page, pageSize: q.pageSize, total: stories.length };
  }

  story(id: string): StoryReport | null {
    const story = this.#all().get(id);
    if (!story) return null;
    return this.reports.get(story, (ids) => this.articles(ids));
  }

  storiesById(ids: string[]): Story[] {
    const all = this.#all();
    return ids.map((id) => all.get(id)).filter((s): s is Story => s !== undefined);
  }

  article(id: string): ArticleView | null {
    const article = this.khabar.article(id);
    if (!article) return null;
    this.#catchUp();
    const storyId = this.grouper.state.storyOfArticle(id);
    const story = storyId ? this.#all().get(storyId) : undefined;
    return { ...article, story: story ? { id: story.id, title: story.title } : null };
  }

  articles(ids: string[]): Article[] {
    return this.khabar.store.getArticles(ids);
  }

  search(q: string, opts: { limit?: number } = {}): SearchHit[] {
    this.#catchUp();
    return this.khabar.search(q, { limit: opts.limit ?? 20 }).map((h) => ({
      id: h.id, title: h.title, source: h.source, published: h.published, score: h.score, lead: h.lead,
      story: this.grouper.state.storyOfArticle(h.id),
      snippet: snippetParts(h.passage.text, h.passage.highlights),
    }));
  }

  /** The entity index, caught up with the store: articles written since it last read (by this server's ingest or
   * another process's) are indexed now, the whole store the first time. */
  #entityIndex(): EntityIndexState {
    this.#catchUp();
    this.#entityState ??= entityStateFor(this.khabar.store);
    if (catchUpEntityIndex(this.khabar.store, this.#entityState) > 0) this.#entities = null;
    return this.#entityState;
  }

  /** One entity of the index with the stories its articles are in. */
  #summary(state: EntityIndexState, id: string): EntitySummary | null {
    const e = readEntity(state, id);
    if (!e) return null;
    const all = this.#all();
    const stories = new Map<string, { id: string; title: string }>();
    for (const a of e.articles) {
      const sid = this.grouper.state.storyOfArticle(a);
      const story = sid ? all.get(sid) : undefined;
      if (story && !stories.has(story.id)) stories.set(story.id, { id: story.id, title: story.title });
    }
    return { id: e.id, name: e.name, type: e.type, variants: e.variants, mentions: e.mentions, articles: e.articles.length, stories: [...stories.values()] };
  }

  entities(): EntitySummary[] {
    const state = this.#entityIndex();
    if (this.#entities) return this.#entities;
    const top = state.entityCounts()
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.id.localeCompare(b.id))
      .slice(0, this.opts.entityLimit ?? 500);
    this.#entities = top.map((c) => this.#summary(state, c.id)).filter((e): e is EntitySummary => e !== null);
    return this.#entities;
  }

  entity(id: string): EntitySummary | null {
    return this.#summary(this.#entityIndex(), id);
  }

  async ingest(items: RawArticle[]): Promise<IngestOutcome> {
    const out: IngestOutcome = { stored: 0, updated: 0, duplicates: 0, failed: [], ids: [] };
    for (const [index, raw] of items.entries()) {
      try {
        const item = { ...raw, origin: raw.origin ?? `request item ${index + 1}` };
        const warning = dropNonHttpUrl(item);
        if (warning) (out.warnings ??= []).push({ index, reason: `${item.origin}: ${warning}` });
        // HTML is extracted in a worker thread: other requests are answered meanwhile.
        const r = await this.khabar.addArticleAsync(item);
        if (r.status === 'stored') out.stored++;
        else if (r.status === 'updated') out.updated++;
        else out.duplicates++;
        out.ids.push(r.id);
      } catch (e) {
        out.failed.push({ index, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  }

  outlets(): string[] {
    return this.#outlets ??= [...new Set([...this.#all().values()].flatMap((s) => s.sources))].sort();
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
