// The Store interface: everything the pipeline needs from persistence, and nothing about SQL.
// SqliteStore is the first implementation; a PostgreSQL backend implements the same interface
// (FTS columns become tsvector('simple', …) over the same app-computed terms).
import type { Article } from '../types.js';

/**
 * The search terms of one article, computed by the search stage's analyzer (src/search/analyzer.ts):
 * normalized tokens and light stems, each a space-joined string. The store indexes them as given.
 */
export interface IndexedText {
  titleNorm: string;
  titleStem: string;
  bodyNorm: string;
  bodyStem: string;
}

/** What a store needs besides the article itself to index it. */
export interface ArticleExtras {
  index: IndexedText;
  /** MinHash signature of the body (src/ingest minhash()). */
  signature: Uint32Array;
  /** LSH band keys of the signature (src/ingest lshBands()). */
  bands: string[];
  /**
   * Decides whether a band candidate is a near-duplicate, given both signatures; returns the similarity
   * when it is, else null. Passed in by the pipeline so the store holds no threshold of its own.
   */
  verifyNearDuplicate?: (candidate: Uint32Array, self: Uint32Array) => number | null;
  /**
   * Where the article comes from (src/ingest articleOrigin()): the store keeps one article per source key, replaces
   * it only when the source hash changed, and gives another source's article another id (the first free of
   * [article.id, ...ids, `${article.id}~2`, …]). Without it the article's id is its source, as before.
   */
  origin?: { key: string; sourceHash: string; ids: string[] };
}

/**
 * The outcome of storing one article.
 * - 'stored': new article.
 * - 'duplicate': an article with the same contentHash exists; nothing written; `id` is the existing article's id.
 * - 'updated': an article with the same id but different content existed; it was replaced (an outlet's
 *   correction of its own article is the common case), with its search row, bands and near-duplicate links;
 *   or the same content was stored without a date or outlet that this copy has: those were filled in.
 */
export interface PutResult {
  status: 'stored' | 'duplicate' | 'updated';
  id: string;
  /** Ids of stored near-duplicates found for this article (empty for 'duplicate'). */
  nearDuplicates: string[];
  /** For an exact copy of another source's article: the id this source's copy is known by (an alias of `id`). */
  alias?: string;
}

export interface ArticleFilter {
  source?: string;
  /** Inclusive lower bound on `published` (ISO date or date-time prefix comparison). */
  from?: string;
  /** Inclusive upper bound on `published`: a date `2019-01-23` includes the whole day. */
  to?: string;
  limit?: number;
  offset?: number;
}

/**
 * An analyzed search query: every term must match (AND); a term matches when any of its normalized
 * forms matches the norm columns or any of its stems matches the stem columns, or any of its phrases (stems that
 * must stand adjacent and in order in the stem columns) matches.
 */
export interface TermQuery {
  terms: { norms: string[]; stems: string[]; phrases?: string[][] }[];
}

/** A ranked article with what a hit list shows of it (the body for the snippet; not what cleaning removed). */
export interface StoreHit {
  id: string;
  /** Higher is better (SQLite: negated bm25). */
  score: number;
  title: string | null;
  source: string | null;
  published: string | null;
  text: string;
}

export interface ArticleToPut {
  article: Article;
  extras: ArticleExtras;
}

export interface Store {
  /** Writes one article with its search row, LSH bands and near-duplicate links, atomically. */
  putArticle(article: Article, extras: ArticleExtras): PutResult;
  /**
   * Writes several articles in one transaction, in order (a later one sees the earlier ones, so duplicates
   * within the batch are found): all of them or, when it throws, none.
   */
  putArticles(items: ArticleToPut[]): PutResult[];
  getArticle(id: string): Article | null;
  getArticles(ids: string[]): Article[];
  /** Articles ordered by published date then id. */
  listArticles(filter?: ArticleFilter): Article[];
  /** The ids of every stored article, in the order of listArticles() (undated last). */
  listArticleIds(): string[];
  countArticles(): number;
  /**
   * The highest article revision: every write of an article (stored, replaced, or its missing date or outlet filled
   * in) gives it the next one. A later stage records the revision it has read up to and asks changedAfter() for the
   * rest, instead of comparing every stored article with what it kept of it.
   */
  revision(): number;
  /** The ids of the articles written after `revision`, oldest write first. */
  changedAfter(revision: number): string[];
  /** Ranked articles matching every term, with filters. */
  searchArticles(query: TermQuery, filter?: ArticleFilter): StoreHit[];
  /** How many articles match every term with the filters (limit and offset ignored): a hit list's total. */
  countMatches(query: TermQuery, filter?: ArticleFilter): number;
  /**
   * The same answers without blocking the calling thread, where the backend can (PostgreSQL: a small pool of its own
   * connections), so a server goes on answering other requests while a search runs.
   */
  searchArticlesAsync?(query: TermQuery, filter?: ArticleFilter): Promise<StoreHit[]>;
  countMatchesAsync?(query: TermQuery, filter?: ArticleFilter): Promise<number>;
  /** The version of the search analyzer the stored search rows were written with (null: never recorded). */
  searchIndexVersion(): number | null;
  /**
   * Rewrites every stored article's search row with `index`, in batches that are each atomic, then records
   * `version`. An interrupted run leaves every row whole (old or new) and no version recorded, so the next one
   * starts again. Returns the number of articles rewritten.
   */
  reindexSearch(index: (text: { title: string | null; text: string }) => IndexedText, version: number,
    onProgress?: (done: number, total: number) => void): number;
  /**
   * The answer for a source seen before with the same content (its origin key and source hash), without cleaning
   * it again: 'duplicate', or 'updated' when `fill` gives a date or outlet the stored article lacks (filled in, never
   * replaced). Null when the source is new or changed.
   */
  putRepeat(key: string, sourceHash: string, fill: { source: string | null; published: string | null } | null): PutResult | null;
  /** The serialized CleaningContext (src/ingest), or null when none is saved. */
  loadCleaningContext(): unknown;
  saveCleaningContext(json: unknown): void;
  /**
   * A value that changes whenever stored articles may have changed, by this connection or another one (a
   * `khabar ingest` beside a running server): caches of search results are keyed by it.
   */
  version(): string;
  /** Runs fn atomically (nested calls join the outer transaction). */
  transaction<T>(fn: () => T): T;
  close(): void;
}
