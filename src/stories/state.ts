// Where the grouper keeps what it knows between articles (and between `khabar ingest` runs): stories,
// per-article features, document frequencies and a capped inverted index from terms to stories.
// MemoryStoryState is here; SqliteStoryState (src/store/sqlite-stories.ts) persists the same thing.
import type { ArticleFeatures, StoredNorms } from './features.js';

export interface StoryRecord {
  id: string;
  /** Creation order: older stories win merges and keep their id. */
  seq: number;
  articles: string[];
  /** Sum of the members' normalized term vectors, pruned to the strongest terms. */
  centroid: Record<string, number>;
  /** How often each entity-like key occurs among the members. */
  keys: Record<string, number>;
  /** Earliest and latest `published` of the members (as given), and their epoch ms. */
  first: string | null;
  last: string | null;
  firstTime: number | null;
  lastTime: number | null;
  sources: string[];
  related: string[];
  /** Weekdays named by the members' headlines (see ArticleFeatures.days). */
  days?: number[];
  /** The members' headline datelines (see ArticleFeatures.dateline). */
  datelines?: string[];
  /** Started by a news roundup (see ArticleFeatures.roundup). */
  roundup?: boolean;
  title: string;
  titleArticle: string | null;
  /** The norms of `centroid` and `keys` when the grouper wrote the record (absent for a one-article story, whose
   * vectors are its article's). */
  norms?: StoredNorms;
}

/** When a story's articles were published: what deciding whether an article falls in its time window needs. */
export type StorySpan = Pick<StoryRecord, 'first' | 'last' | 'firstTime' | 'lastTime'>;

/** Synchronous on purpose: better-sqlite3 is synchronous and the grouper runs inside one transaction. */
export interface StoryState {
  documentCount(): number;
  /** Document frequency of a term (0 when unseen). Called for every term of every compared vector: keep it cheap. */
  documentFrequency(term: string): number;
  /** Counts one more document holding each of these (distinct) terms. */
  addDocument(terms: string[]): void;
  /** Takes back an addDocument of the same terms (an article grouped again after its stored copy changed). */
  removeDocument(terms: string[]): void;

  getArticle(id: string): ArticleFeatures | null;
  getArticles(ids: string[]): ArticleFeatures[];
  /** Stores (or replaces) an article's features and the story it belongs to. */
  putArticle(features: ArticleFeatures, storyId: string): void;
  storyOfArticle(id: string): string | null;
  /** Forgets an article's features and story (the story's own record is the grouper's to change). */
  removeArticle(id: string): void;
  /** The ids not grouped yet, in the given order (the catch-up asks it of every stored article at once). */
  ungrouped(ids: string[]): string[];
  /** Moves every article of story `from` to story `to`. */
  moveArticles(from: string, to: string): void;

  getStory(id: string): StoryRecord | null;
  /**
   * Optional (SqliteStoryState has it): a story's time span without reading its record. Most candidates of an
   * article in a large store are old stories outside its time window, and reading and parsing each record only to
   * learn that was a fifth of grouping into a 100,000-article store.
   */
  storySpan?(id: string): StorySpan | null;
  putStory(story: StoryRecord): void;
  deleteStory(id: string): void;
  listStories(): StoryRecord[];
  /** A fresh id and creation sequence number. */
  newStory(): { id: string; seq: number };

  /** For each term, at most `cap` story ids, most recently posted first. */
  postings(terms: string[], cap: number): Map<string, string[]>;
  /** Posts the story under each term (moving it to the front when already posted). */
  addPostings(storyId: string, terms: string[]): void;
  /**
   * Optional (MemoryStoryState has it): the same postings as numbers, with storyIdOfNumber to read them back.
   * Counting votes by number spares reading each candidate's id string, a cold read per posting in a large store.
   */
  postingNumbers?(terms: string[], cap: number): Map<string, number[]>;
  storyIdOfNumber?(n: number): string;

  transaction<T>(fn: () => T): T;

  /**
   * Optional (a persisted state has them): the GROUPING_VERSION its records were made by (null: it holds nothing
   * yet), recording it, and emptying the state (every story, record, count and posting) to regroup from scratch.
   */
  groupingVersion?(): number | null;
  setGroupingVersion?(version: number): void;
  clear?(): void;

  /**
   * Optional: the store revision (Store.revision) the grouping has read up to, null when none is recorded. Articles
   * written after it may have changed since they were grouped (see groupStoredArticles).
   */
  readRevision?(): number | null;
  setReadRevision?(revision: number): void;
  /**
   * Optional (a persisted state has it): drops what it cached when another process wrote the state since, and says
   * whether it did. A long-running reader (the server) calls it before reading, so it sees a grouping made beside it.
   */
  refresh?(): boolean;
}

/** Story ids: "s" + base36 counter: short, stable once given, and never reused. */
export function storyIdFor(seq: number): string {
  return `s${seq.toString(36)}`;
}

/** Distinct stories kept per term by MemoryStoryState (reads take at most `cap` of them, newest first). */
const POSTINGS_KEPT = 256;

export class MemoryStoryState implements StoryState {
  private docs = 0;
  private df = new Map<string, number>();
  private articles = new Map<string, { features: ArticleFeatures; story: string }>();
  private stories = new Map<string, StoryRecord>();
  /** Term → numbers of the stories posted under it, oldest first (see addPostings). */
  private index = new Map<string, number[]>();
  private postedIds: string[] = [];
  private postedNumber = new Map<string, number>();
  private seq = 0;
  private revision: number | null = null;

  documentCount(): number { return this.docs; }
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }
  addDocument(terms: string[]): void {
    this.docs++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }
  removeDocument(terms: string[]): void {
    this.docs--;
    for (const t of terms) {
      const c = (this.df.get(t) ?? 0) - 1;
      if (c > 0) this.df.set(t, c); else this.df.delete(t);
    }
  }
  removeArticle(id: string): void { this.articles.delete(id); }
  readRevision(): number | null { return this.revision; }
  setReadRevision(revision: number): void { this.revision = revision; }
  getArticle(id: string): ArticleFeatures | null { return this.articles.get(id)?.features ?? null; }
  getArticles(ids: string[]): ArticleFeatures[] {
    const out: ArticleFeatures[] = [];
    for (const id of ids) { const a = this.articles.get(id); if (a) out.push(a.features); }
    return out;
  }
  putArticle(features: ArticleFeatures, storyId: string): void { this.articles.set(features.id, { features, story: storyId }); }
  storyOfArticle(id: string): string | null { return this.articles.get(id)?.story ?? null; }
  ungrouped(ids: string[]): string[] { return ids.filter((id) => !this.articles.has(id)); }
  moveArticles(from: string, to: string): void {
    const s = this.stories.get(from);
    for (const id of s?.articles ?? []) { const a = this.articles.get(id); if (a) a.story = to; }
  }
  getStory(id: string): StoryRecord | null { return this.stories.get(id) ?? null; }
  putStory(story: StoryRecord): void { this.stories.set(story.id, story); }
  deleteStory(id: string): void { this.stories.delete(id); }
  listStories(): StoryRecord[] { return [...this.stories.values()].sort((a, b) => a.seq - b.seq); }
  newStory(): { id: string; seq: number } { const seq = ++this.seq; return { id: storyIdFor(seq), seq }; }
  postings(terms: string[], cap: number): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of terms) {
      const p = this.index.get(t);
      if (!p) continue;
      const ids: string[] = [];
      for (let i = p.length - 1; i >= 0 && ids.length < cap; i--) ids.push(this.postedIds[p[i]!]!);
      out.set(t, ids);
    }
    return out;
  }
  postingNumbers(terms: string[], cap: number): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const t of terms) {
      const p = this.index.get(t);
      if (p) out.set(t, p.length <= cap ? p : p.slice(p.length - cap));
    }
    return out;
  }
  storyIdOfNumber(n: number): string { return this.postedIds[n]!; }
  addPostings(storyId: string, terms: string[]): void {
    let n = this.postedNumber.get(storyId);
    if (n === undefined) { n = this.postedIds.length; this.postedIds.push(storyId); this.postedNumber.set(storyId, n); }
    for (const t of terms) {
      let p = this.index.get(t);
      if (!p) { p = []; this.index.set(t, p); }
      // Stories are numbered here so that a list is searched by comparing small integers, not id strings.
      const at = p.lastIndexOf(n);
      if (at >= 0) p.splice(at, 1);
      p.push(n);
      // Bounded postings: only the most recent stories of a very frequent term stay reachable. Cut back to the
      // bound once it is exceeded by half, not at every post beyond it.
      if (p.length > POSTINGS_KEPT * 1.5) p.splice(0, p.length - POSTINGS_KEPT);
    }
  }
  transaction<T>(fn: () => T): T { return fn(); }
}
