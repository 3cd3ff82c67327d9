// KhabarSource over the library: articles, search and ingest from a Khabar (its store); stories from the
// grouping persisted in the same SQLite file (src/report.ts storyGrouperFor: a restart groups only articles
// it has not seen, it does not regroup); story reports from src/report.ts (the same code path as the CLI),
// cached per story until the story changes. Articles ingested through any path of this Khabar (the API's
// POST included) are grouped into the stored state as they are written. With a Background (the server's), reports
// are built and another process's articles grouped in worker threads: requests are answered meanwhile from the
// reports and stories already at hand.
import type { Khabar } from '../khabar.js';
import type { Article, RawArticle, Story, StoryReport } from '../types.js';
import { groupStoredArticles, groupingBehind, toStory, type StoryGrouper } from '../stories/index.js';
import { StoryReportCache, storyGrouperFor } from '../report.js';
import { dropNonHttpUrl } from '../ingest/index.js';
import type { Background } from './background.js';
import type { ArticleView, EntityListQuery, EntityPage, EntitySummary, IngestOutcome, KhabarSource, Page, SearchHit, SearchQuery, SnippetPart, StoryListQuery } from './source.js';
import { countMatchesAsync, searchArticlesAsync } from '../search/index.js';
import { otherNames } from '../analysis/name-variants.js';
import type { ReportStore } from './report-store.js';
import { catchUpEntityIndex, readEntity, type EntityIndexState, type IndexedEntity } from '../analysis/entity-index.js';
import { entityStateFor } from '../store/sqlite-entities.js';
import { storedExtractionsFor } from '../store/extractions.js';
import { extractionIdentity } from './report-store.js';

export interface KhabarSourceOptions {
  /** Grouping to use; default: the one persisted with the store (storyGrouperFor). */
  grouper?: StoryGrouper;
  /** Summary length in words (default: the summary stage's). */
  words?: number;
  /** Story reports kept in memory (default 2000). */
  cachedStories?: number;
  /** Entities listed when a query gives no limit (default 100). */
  entityLimit?: number;
  /** Worker threads for reports, catch-up grouping and entity indexing; without one they run in this thread. */
  background?: Background | null;
  /** Reports persisted beside the database (report-store.ts), read at a story's first visit. */
  persisted?: ReportStore | null;
}

/** Stories re-read (when another process's articles are taken in, see #takeIn) or checked for a persisted report
 * (persistReports) per turn of the event loop. */
const REREAD_CHUNK = 200;

/** How long listed entities are assembled (#assembleEntities) before requests get a turn. */
const ASSEMBLE_MS = 4;

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
  /** Every entity id of the index, those in most articles first. */
  #entities: string[] | null = null;
  /** Listed entities, by id, and each one's JSON: each is read once until the index or the stories change. */
  #entitySummaries = new Map<string, EntitySummary | null>();
  #entityJson = new Map<string, string>();
  /** The store-wide entity index (src/analysis/entity-index.ts), opened at the first entity read. */
  #entityState: EntityIndexState | null = null;
  #outlets: string[] | null = null;
  /** Set when grouping an ingested article failed: the next read catches the grouping up with the store. */
  #behind = false;
  readonly #background: Background | null;
  readonly #persisted: ReportStore | null;
  /** Which story each article of #stories was in when it was read: how a story merged away is found. */
  #storyOf = new Map<string, string>();
  /** Story ids merged away (or left empty) → the story their articles are in now. */
  #movedTo = new Map<string, string>();
  /** The store revision whose articles #stories shows grouped (background catch-up only). */
  #seenRevision = 0;
  /** The running background catch-up, and whether another is wanted after it. */
  #grouping: Promise<void> | null = null;
  #groupAgain = false;
  /** Reports being built in the background, by story id and member list. */
  #building = new Map<string, Promise<StoryReport>>();
  /** With a Background: every entity id of the index as the background thread last listed it, those in most articles
   * first (null until it first has), and each entity by id. */
  #entityList: string[] | null = null;
  #entityById = new Map<string, IndexedEntity>();
  #listing: Promise<void> | null = null;
  #listAgain = false;

  constructor(private readonly khabar: Khabar, private readonly opts: KhabarSourceOptions = {}) {
    this.grouper = opts.grouper ?? storyGrouperFor(khabar);
    this.#background = opts.background ?? null;
    // Reports built in this thread (no background thread: a PostgreSQL store, say) read and keep the per-article
    // extractions in the store; the background thread does so itself.
    const stored = this.#background ? null : storedExtractionsFor(khabar.store, extractionIdentity());
    this.reports = new StoryReportCache({ words: opts.words, stories: opts.cachedStories, stored });
    this.#seenRevision = khabar.store.revision();
    this.#persisted = opts.persisted ?? null;
    if (this.#persisted) {
      // Articles changed while no server ran: their stories' persisted reports were built from the old copies.
      const since = this.#persisted.revision();
      if (since !== null && since < this.#seenRevision) {
        const stale = new Set(this.khabar.store.changedAfter(since).map((a) => this.grouper.state.storyOfArticle(a)).filter((s): s is string => s !== null));
        this.#persisted.forget(stale);
      }
      this.#persisted.setRevision(this.#seenRevision);
    }
    // The entity index is caught up and listed in the background from the start: no entity request does it.
    if (this.#background) this.#listEntitiesInBackground();
    khabar.addArticleHook((article, result) => {
      try {
        // An updated article (its text replaced, its missing date or outlet filled in) is grouped again: it may move.
        // The stories linked to the one it leaves are read again too: a story left empty is gone from their links.
        const leaving = result.status === 'updated' ? this.grouper.storyOf(article.id) : null;
        const r = result.status === 'updated' ? this.grouper.regroup(article) : this.grouper.add(article);
        if (result.status === 'updated') {
          this.reports.invalidate(r.story);
          this.#persisted?.forget([r.story]);
        }
        if (r.left) this.reports.invalidate(r.left);
        for (const gone of r.merged) this.#movedTo.set(gone, r.story);
        this.#refresh([r.story, ...r.merged, ...(r.left ? [r.left, ...(leaving?.related ?? [])] : [])]);
        if (this.#background) this.#listEntitiesInBackground();
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
    if (this.#background) {
      // Only new or changed articles need grouping; the other writes (grouping, entity index) change no article.
      if (this.#behind || this.khabar.store.revision() > this.#seenRevision) this.#groupInBackground();
      return;
    }
    if (external) this.reports.clear();
    if (this.#behind || groupingBehind(this.khabar.store, this.grouper)) groupStoredArticles(this.khabar.store, this.grouper);
    this.#behind = false;
    this.#stories = null;
    this.#sorted = {};
    this.#entities = null;
    this.#outlets = null;
  }

  /**
   * Groups another process's articles in the background thread, then takes the stories they changed in; requests
   * meanwhile read the stories as they were. Asked again while running, it runs once more after.
   */
  #groupInBackground(): void {
    if (this.#grouping) { this.#groupAgain = true; return; }
    const revision = this.khabar.store.revision();
    this.#behind = false;
    this.#grouping = this.#background!.group()
      .then(() => this.#takeIn(revision))
      .catch(() => { this.#behind = true; }) // the next read tries again (a locked database, a failed batch)
      .finally(() => {
        this.#grouping = null;
        if (this.#groupAgain) { this.#groupAgain = false; this.#groupInBackground(); }
      });
  }

  /** Takes in the stories of the articles written after the revision #stories shows, a few at a time. */
  async #takeIn(revision: number): Promise<void> {
    this.grouper.state.refresh?.();
    const changed = this.khabar.store.changedAfter(this.#seenRevision);
    this.#seenRevision = revision;
    const ids = new Set<string>();
    for (const a of changed) {
      const now = this.grouper.state.storyOfArticle(a);
      if (now) ids.add(now);
      const before = this.#storyOf.get(a);
      if (before) ids.add(before);
    }
    const list = [...ids];
    for (let i = 0; i < list.length; i += REREAD_CHUNK) {
      const chunk = list.slice(i, i + REREAD_CHUNK);
      for (const id of chunk) this.reports.invalidate(id);
      this.#persisted?.forget(chunk);
      this.#refresh(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#persisted?.setRevision(revision);
    this.#listEntitiesInBackground();
  }

  /**
   * Has the background thread catch the entity index up with the store and list its entities; entity requests are
   * answered meanwhile from the list it gave before. Asked again while running, it runs once more after.
   */
  #listEntitiesInBackground(): void {
    if (this.#listing) { this.#listAgain = true; return; }
    this.#listing = this.#background!.entities()
      .then(({ upserts, removed, order }) => {
        if (!order) return;
        for (const e of upserts) this.#entityById.set(e.id, e);
        for (const id of removed) this.#entityById.delete(id);
        this.#entityList = order;
        this.#entities = null;
        this.#assembleEntities();
      })
      .catch(() => { /* the next ingest or catch-up asks again; requests read the index as it stands */ })
      .finally(() => {
        this.#listing = null;
        if (this.#listAgain) { this.#listAgain = false; this.#listEntitiesInBackground(); }
      });
  }

  /** Resolves once the background thread has listed the entities as they are now (at once without a background). */
  async entitiesListed(): Promise<void> {
    while (this.#listing) await this.#listing;
  }

  #all(): Map<string, Story> {
    this.#catchUp();
    if (!this.#stories) {
      this.#stories = new Map(this.grouper.state.listStories().map((r) => [r.id, toStory(r)]));
      this.#storyOf.clear();
      for (const s of this.#stories.values()) for (const a of s.articles) this.#storyOf.set(a, s.id);
    }
    return this.#stories;
  }

  /** Re-reads changed stories (and the stories they link to, whose related lists may have changed). */
  #refresh(ids: string[]): void {
    this.#sorted = {};
    this.#entities = null;
    this.#outlets = null;
    if (!this.#stories) return;
    const stories = this.#stories;
    const seen = new Set<string>();
    const reread = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const record = this.grouper.state.getStory(id);
      const before = stories.get(id);
      if (record) {
        const story = toStory(record);
        stories.set(id, story);
        this.#movedTo.delete(id);
        for (const a of story.articles) {
          // An article that was in another story: that story lost it (merged into this one, or left).
          const was = this.#storyOf.get(a);
          this.#storyOf.set(a, id);
          if (was !== undefined && was !== id) reread(was);
        }
      } else if (before) {
        stories.delete(id);
        // Merged away or left empty: its address leads to the story holding most of its articles now.
        const counts = new Map<string, number>();
        for (const a of before.articles) {
          const now = this.grouper.state.storyOfArticle(a);
          if (now && now !== id) counts.set(now, (counts.get(now) ?? 0) + 1);
        }
        const target = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
        if (target) this.#movedTo.set(id, target);
      }
      return record;
    };
    for (const id of ids) {
      const record = reread(id);
      for (const rel of record?.related ?? []) reread(rel);
    }
  }

  storyMovedTo(id: string): string | null {
    // A chain of merges ends at a story that exists (bounded: ids are never reused).
    let at = id;
    for (let hops = 0; hops < 16; hops++) {
      const next = this.#movedTo.get(at);
      if (!next) break;
      at = next;
    }
    return at !== id && this.#all().has(at) ? at : null;
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

  async story(id: string): Promise<StoryReport | null> {
    const story = this.#all().get(id);
    if (!story) return null;
    const cached = this.reports.peek(story);
    if (cached) return cached;
    const stored = this.#persisted?.read(story);
    if (stored) {
      this.reports.put(story, stored);
      return stored;
    }
    if (!this.#background) return this.reports.get(story, (ids) => this.articles(ids));
    // One build per story and member list, however many requests ask for it meanwhile.
    const key = `${story.id}\n${story.articles.join('\n')}`;
    let building = this.#building.get(key);
    if (!building) {
      building = this.#background.report(story)
        .then((report) => { this.reports.put(story, report); return report; })
        .finally(() => this.#building.delete(key));
      this.#building.set(key, building);
    }
    return building;
  }

  /**
   * Builds and persists, on the background threads, the report of every story not persisted yet, newest first, on
   * every report thread but one, which is left to first visits (they go before these builds anyway, but would wait for
   * the builds running). Each article's extraction is kept in the store as its story is built, so this is also the pass
   * that analyses every article once (beside the entity index's, on the grouping thread, which keeps what it
   * extracts too). Resolves with how many it built, when done or stopped.
   */
  async persistReports(shouldStop: () => boolean = () => false): Promise<number> {
    const background = this.#background;
    const persisted = this.#persisted;
    if (!background || !persisted) return 0;
    const stories = this.#sortedBy('newest');
    let built = 0;
    let next = 0;
    const builder = async (): Promise<void> => {
      let checked = 0;
      while (next < stories.length && !shouldStop()) {
        const story = stories[next++]!;
        if (++checked % REREAD_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
        // A story merged away since the list was read is skipped; the one it joined comes up in its turn or at a visit.
        if (!this.#all().has(story.id)) continue;
        // Checked here first: a restart finds most persisted, and a round trip to a thread for each cost the request
        // thread more than the check.
        if (persisted.has(story)) continue;
        if (await background.ensure(story)) built++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, background.threads - 1) }, builder));
    return built;
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

  async search(q: string, opts: SearchQuery = {}): Promise<{ hits: SearchHit[]; total: number }> {
    this.#catchUp();
    // a name finds its entity's other names: the listed ones, and the index as it stands (never built for a search)
    this.#entityState ??= entityStateFor(this.khabar.store);
    const index = this.#entityState;
    const options = { source: opts.outlet, from: opts.from, to: opts.to, variants: (name: string) => otherNames(name, index) };
    // Asked without blocking the thread (the store's async read path, where it has one), both at once.
    const [found, total] = await Promise.all([
      searchArticlesAsync(this.khabar.store, q, { ...options, limit: opts.limit ?? 20, offset: opts.offset ?? 0 }),
      countMatchesAsync(this.khabar.store, q, options),
    ]);
    const hits = found.map((h) => ({
      id: h.id, title: h.title, source: h.source, published: h.published, score: h.score, lead: h.lead,
      story: this.grouper.state.storyOfArticle(h.id),
      snippet: snippetParts(h.passage.text, h.passage.highlights),
    }));
    return { hits, total };
  }

  /** The entity index, caught up with the store: articles written since it last read (by this server's ingest or
   * another process's) are indexed now, the whole store the first time. */
  #entityIndex(): EntityIndexState {
    this.#catchUp();
    this.#entityState ??= entityStateFor(this.khabar.store);
    // With a background thread, that thread catches the index up (#listEntitiesInBackground), never a request.
    if (!this.#background && catchUpEntityIndex(this.khabar.store, this.#entityState) > 0) this.#entities = null;
    return this.#entityState;
  }

  /** One entity of the index with the stories its articles are in: from the background thread's list when there is
   * one (each story found in memory), else read from the index. */
  #summary(state: EntityIndexState, id: string): EntitySummary | null {
    const listed = this.#entityById.get(id);
    const e = listed ?? readEntity(state, id);
    if (!e) return null;
    const all = this.#all();
    const stories = new Map<string, { id: string; title: string }>();
    for (const a of e.articles) {
      const sid = (listed ? this.#storyOf.get(a) : undefined) ?? this.grouper.state.storyOfArticle(a);
      const story = sid ? all.get(sid) : undefined;
      if (story && !stories.has(story.id)) stories.set(story.id, { id: story.id, title: story.title });
    }
    return { id: e.id, name: e.name, type: e.type, variants: e.variants, mentions: e.mentions, articles: e.articles.length, stories: [...stories.values()] };
  }

  /** Every entity id of the index in list order, read again after the index or the stories changed. */
  #entityOrder(state: EntityIndexState): string[] {
    if (!this.#entities) {
      this.#entitySummaries.clear();
      this.#entityJson.clear();
      this.#entities = this.#entityList ?? state.entityCounts()
        .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.id.localeCompare(b.id))
        .map((c) => c.id);
    }
    return this.#entities;
  }

  /** A listed entity, assembled once (with its stories) until the index or the stories change. */
  #listed(state: EntityIndexState, id: string): EntitySummary | null {
    let e = this.#entitySummaries.get(id);
    if (e === undefined) this.#entitySummaries.set(id, e = this.#summary(state, id));
    return e;
  }

  /**
   * Assembles every listed entity and its JSON, for a few milliseconds a turn of the event loop (the top entities'
   * stories cost tens of milliseconds between them, the last thousands next to nothing), once the background thread has
   * listed the index: an entity list page asked for the first time is then put together from them (the top entities
   * are in thousands of articles: their stories cost the first request of a page tens of milliseconds). Stops when the
   * list or the stories change meanwhile; the pages then assemble what they show.
   */
  #assembleEntities(): void {
    const state = this.#entityIndex();
    const order = this.#entityOrder(state);
    let at = 0;
    const step = (): void => {
      if (this.#entities !== order) return;
      for (const until = performance.now() + ASSEMBLE_MS; at < order.length && performance.now() < until; at++) {
        const id = order[at]!;
        const e = this.#listed(state, id);
        if (e && !this.#entityJson.has(id)) this.#entityJson.set(id, JSON.stringify(e));
      }
      if (at < order.length) setImmediate(step);
    };
    step();
  }

  /** One page of the listed entities, each given by `item` (null: left out). */
  #page<T>(q: EntityListQuery, item: (state: EntityIndexState, id: string) => T | null): { items: T[]; offset: number; limit: number; total: number } {
    const state = this.#entityIndex();
    const order = this.#entityOrder(state);
    const offset = q.offset ?? 0;
    const limit = q.limit ?? this.opts.entityLimit ?? 100;
    const items: T[] = [];
    for (const id of order.slice(offset, offset + limit)) {
      const x = item(state, id);
      if (x !== null) items.push(x);
    }
    return { items, offset, limit, total: order.length };
  }

  entities(q: EntityListQuery = {}): EntityPage {
    return this.#page(q, (state, id) => this.#listed(state, id));
  }

  /** entities(q) as JSON.stringify writes it, from each entity's JSON kept between requests: the first page of a large
   * store is megabytes of stories, and serialising it at every request cost more than everything else the page does. */
  entitiesJson(q: EntityListQuery = {}): string {
    const page = this.#page(q, (state, id) => {
      let json = this.#entityJson.get(id);
      if (json === undefined) {
        const e = this.#listed(state, id);
        if (!e) return null;
        this.#entityJson.set(id, json = JSON.stringify(e));
      }
      return json;
    });
    return `{"items":[${page.items.join(',')}],"offset":${JSON.stringify(page.offset)},"limit":${JSON.stringify(page.limit)},"total":${page.total}}`;
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
