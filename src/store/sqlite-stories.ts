// SqliteStoryState: the stories stage's StoryState persisted in the khabar SQLite file, so grouping carries
// on across `khabar ingest` runs. Owns its tables through migrate(db, 'stories', …):
//   story_meta     counters (documents seen, story sequence, posting sequence)
//   story_df       document frequency of each term and entity key
//   story_article  each grouped article: its story and its features (JSON)
//   story          each story record (JSON), with its creation sequence
//   story_posting  inverted index term → story; read newest first with a LIMIT, so reads stay bounded
// The feature and story records carry the norms the grouper computed for them (StoredNorms); older records have none
// (their norms are computed when read), so no migration is needed.
// The same class keeps the state in PostgreSQL (PgDb, PG_STORY_MIGRATIONS): its transactions then hold an advisory
// lock, so one grouper at a time writes the state, whichever process or machine it runs on.
import Database from 'better-sqlite3';
import type { ArticleFeatures } from '../stories/features.js';
import { MemoryStoryState, storyIdFor, type StoryRecord, type StorySpan, type StoryState } from '../stories/state.js';
import { migrate, type MigrationStep } from './migrate.js';
import { BUSY_TIMEOUT_MS } from './sqlite.js';
import { isPostgres, type SqlDb } from './sql.js';
import { PgDb } from './pg-sync.js';
import { PG_STORY_MIGRATIONS } from './postgres-schema.js';

export const STORY_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'story grouping state: counters, document frequencies, article features, stories, inverted index',
    up: `
      CREATE TABLE story_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE story_article (id TEXT PRIMARY KEY, story TEXT NOT NULL, features TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX story_article_story ON story_article (story);
      CREATE TABLE story (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, record TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE story_posting (term TEXT NOT NULL, story TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (term, story)) WITHOUT ROWID;
      CREATE INDEX story_posting_recent ON story_posting (term, seq DESC);
    `,
  },
  {
    version: 2,
    description: 'index story_posting by story: deleting a merged story\'s postings scanned the whole table',
    up: 'CREATE INDEX story_posting_story ON story_posting (story)',
  },
];

/**
 * A bounded cache: the grouper re-reads the same recent stories and members many times. The oldest entry goes
 * when it is full (first in, first out). Not LRU on purpose: moving a key to the end is a delete and a set,
 * and that churn on a Map of 200,000 keys was 15% of grouping time.
 */
class Cache<V> {
  private map = new Map<string, V>();
  constructor(private readonly cap: number) {}
  get(k: string): V | undefined { return this.map.get(k); }
  set(k: string, v: V): void {
    if (this.map.size >= this.cap && !this.map.has(k)) this.map.delete(this.map.keys().next().value as string);
    this.map.set(k, v);
  }
  delete(k: string): void { this.map.delete(k); }
  clear(): void { this.map.clear(); }
  get size(): number { return this.map.size; }
  get capacity(): number { return this.cap; }
}

/** The time span of a story record (or of a row carrying its fields), alone: what SqliteStoryState.spans keeps. */
function spanOf(r: StorySpan): StorySpan {
  return { first: r.first, last: r.last, firstTime: r.firstTime, lastTime: r.lastTime };
}

/**
 * A number that changes when another connection committed to the database (SQLite's PRAGMA data_version; on
 * PostgreSQL PgDb counts commits in a table).
 */
export function dataVersion(db: SqlDb): number {
  return db instanceof PgDb ? db.dataVersion() : ((db as unknown as Database.Database).pragma('data_version', { simple: true }) as number);
}

export class SqliteStoryState implements StoryState {
  readonly db: SqlDb;
  private readonly owned: boolean;
  private docs = 0;
  private seq = 0;
  private postingSeq = 0;
  private readonly articles = new Cache<{ features: ArticleFeatures; story: string }>(20_000);
  private readonly stories = new Cache<StoryRecord>(5_000);
  /** Article id → story id (or null when not grouped), for storyOfArticle on articles whose features are not cached. */
  private readonly storyOf = new Cache<string | null>(200_000);
  /**
   * Document frequencies read through: scoring asks for the df of every term of every candidate story, and
   * one SQL lookup per term was a third of grouping time. Writes go through addDocument, which keeps the
   * cached values exact for this process (and refresh drops them when another process has written the file).
   * Two million entries: 20,000 grouped articles count some 345,000 terms and keys (100,000 count 541,000), and
   * with the former cap of 200,000 the evicted ones were read from SQLite again and again (grouping 20,000 bench
   * articles: 75.7 s, now 55.4 s). At ~100 bytes an entry the cap bounds it near 200 MB.
   */
  private readonly dfCache = new Cache<number>(2_000_000);
  /**
   * On PostgreSQL, where each lookup is a round trip (about a millisecond), every document frequency is read in one
   * query the first time one is asked for, and a term missing from the full cache has none: grouping 400 ANT articles
   * asked for 23,700 of them one at a time. True while the cache holds the whole table.
   */
  private dfComplete = false;
  private readonly pg: boolean;
  /**
   * Document-frequency increments and the document count not written yet: addDocument counts in memory and
   * the transaction writes each term once at its end (an article adds some 300 terms, and a chunk of articles
   * shares most of them), instead of one upsert per term per article.
   */
  private dfPending = new Map<string, number>();
  /**
   * Posting lists read through: each article reads the newest stories of its 20 index terms, and those SELECTs
   * were the largest single cost of grouping into a large state. A cached list holds the newest `cap` stories
   * (fewer when the term has fewer: then it is the whole list); addPostings puts a story at its head. A merged-away
   * story is taken out of the cached lists of its terms when it is deleted, and a full list that loses one is
   * dropped (an older story the SELECT would return may be missing), so a read returns exactly what the SELECT
   * would. (Remembering deleted ids and filtering every read through them was 5% of regrouping 100,000 articles.)
   */
  private readonly postingCache = new Cache<{ stories: string[]; cap: number }>(200_000);
  /**
   * Every story's time span (see storySpan), read from the records by SQLite's own JSON functions the first time
   * one is asked for, then kept current by putStory and deleteStory: some 100 bytes a story.
   */
  private spans: Map<string, StorySpan> | null = null;
  private docsWritten = 0;
  /** PRAGMA data_version when the caches were last known current (see refresh). */
  private dataVersion: number;
  private readonly stmt;

  /** Opens (and migrates) the stories tables on an open database, or on a file path (then owned and closed by close()). */
  constructor(db: SqlDb | string) {
    if (typeof db === 'string') {
      let file: Database.Database;
      try {
        file = new Database(db);
      } catch (e) {
        throw new Error(`cannot open database ${db}: ${(e as Error).message}`);
      }
      file.pragma('journal_mode = WAL');
      file.pragma('synchronous = NORMAL');
      file.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`); // as the store's own connection waits for another's writes
      this.db = file;
      this.owned = true;
    } else {
      this.db = db;
      this.owned = false;
    }
    const pg = isPostgres(this.db);
    this.pg = pg;
    migrate(this.db, 'stories', pg ? PG_STORY_MIGRATIONS : STORY_MIGRATIONS);
    const d = this.db;
    this.stmt = {
      getMeta: d.prepare('SELECT value FROM story_meta WHERE key = ?'),
      setMeta: d.prepare('INSERT INTO story_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      getDf: d.prepare('SELECT df FROM story_df WHERE term = ?'),
      allDf: d.prepare('SELECT term, df FROM story_df'),
      // The newest stories of several terms in one query (PostgreSQL: one round trip instead of one per term).
      postingsOf: !pg ? null : d.prepare(`SELECT term, story FROM (SELECT term, story, row_number() OVER (PARTITION BY term ORDER BY seq DESC) AS n
        FROM story_posting WHERE term = ANY(?::text[])) p WHERE n <= ? ORDER BY term, n`),
      addDfBy: d.prepare('INSERT INTO story_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = story_df.df + ?'),
      getArticle: d.prepare('SELECT story, features FROM story_article WHERE id = ?'),
      storyOfArticle: d.prepare('SELECT story FROM story_article WHERE id = ?').pluck(),
      groupedIds: d.prepare(`SELECT id FROM story_article${pg ? '' : ' INDEXED BY story_article_story'}`).pluck(),
      putArticle: d.prepare('INSERT INTO story_article (id, story, features) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET story = excluded.story, features = excluded.features'),
      deleteArticle: d.prepare('DELETE FROM story_article WHERE id = ?'),
      moveArticles: d.prepare('UPDATE story_article SET story = ? WHERE story = ?'),
      getStory: d.prepare('SELECT record FROM story WHERE id = ?'),
      putStory: d.prepare('INSERT INTO story (id, seq, record) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record'),
      deleteStory: d.prepare('DELETE FROM story WHERE id = ?'),
      deletePostings: d.prepare('DELETE FROM story_posting WHERE story = ?'),
      postingTermsOf: d.prepare('SELECT term FROM story_posting WHERE story = ?').pluck(),
      listStories: d.prepare('SELECT record FROM story ORDER BY seq'),
      storySpans: d.prepare(pg
        ? `SELECT id, record::json->>'first' AS first, record::json->>'last' AS last,
          (record::json->>'firstTime')::float8 AS "firstTime", (record::json->>'lastTime')::float8 AS "lastTime" FROM story`
        : `SELECT id, json_extract(record, '$.first') AS first, json_extract(record, '$.last') AS last,
        json_extract(record, '$.firstTime') AS firstTime, json_extract(record, '$.lastTime') AS lastTime FROM story`),
      postings: d.prepare('SELECT story FROM story_posting WHERE term = ? ORDER BY seq DESC LIMIT ?'),
      addPosting: d.prepare('INSERT INTO story_posting (term, story, seq) VALUES (?, ?, ?) ON CONFLICT(term, story) DO UPDATE SET seq = excluded.seq'),
    };
    this.readCounters();
    this.dataVersion = dataVersion(this.db);
  }

  documentCount(): number { return this.docs; }
  documentFrequency(term: string): number {
    if (this.pg && !this.dfComplete) this.loadAllDf();
    let df = this.dfCache.get(term);
    if (df === undefined && this.dfComplete && this.dfCache.size < this.dfCache.capacity) return this.dfPending.get(term) ?? 0;
    if (df === undefined) {
      df = ((this.stmt.getDf.get(term) as { df: number } | undefined)?.df ?? 0) + (this.dfPending.get(term) ?? 0);
      this.dfCache.set(term, df);
    }
    return df;
  }
  addDocument(terms: string[]): void {
    this.docs++;
    for (const t of new Set(terms)) {
      this.dfPending.set(t, (this.dfPending.get(t) ?? 0) + 1);
      const df = this.dfCache.get(t);
      if (df !== undefined) this.dfCache.set(t, df + 1);
    }
    if (!this.db.inTransaction) this.flushDocuments();
  }
  removeDocument(terms: string[]): void {
    this.docs--;
    for (const t of new Set(terms)) {
      this.dfPending.set(t, (this.dfPending.get(t) ?? 0) - 1);
      const df = this.dfCache.get(t);
      if (df !== undefined) this.dfCache.set(t, df - 1);
    }
    if (!this.db.inTransaction) this.flushDocuments();
  }

  /** Writes the pending document-frequency increments and the document count (inside the open transaction). */
  private flushDocuments(): void {
    for (const [t, n] of this.dfPending) this.stmt.addDfBy.run(t, n, n);
    this.dfPending.clear();
    if (this.docs !== this.docsWritten) {
      this.stmt.setMeta.run('documents', this.docs);
      this.docsWritten = this.docs;
    }
  }

  /** Reads the whole document-frequency table into the cache when it fits (see dfComplete). */
  private loadAllDf(): void {
    this.dfComplete = true;
    const rows = this.stmt.allDf.all() as { term: string; df: number }[];
    if (rows.length >= this.dfCache.capacity) {
      this.dfComplete = false;
      return;
    }
    this.dfCache.clear();
    for (const r of rows) this.dfCache.set(r.term, r.df + (this.dfPending.get(r.term) ?? 0));
  }

  private loadArticle(id: string): { features: ArticleFeatures; story: string } | null {
    const hit = this.articles.get(id);
    if (hit) return hit;
    const row = this.stmt.getArticle.get(id) as { story: string; features: string } | undefined;
    if (!row) return null;
    const v = { features: JSON.parse(row.features) as ArticleFeatures, story: row.story };
    this.articles.set(id, v);
    return v;
  }
  /**
   * Many ids are checked with one scan of the (story, id) index, which holds every grouped id and none of the
   * feature records: point lookups were 48 µs each on a store of 65,000 grouped articles.
   */
  ungrouped(ids: string[]): string[] {
    if (ids.length < 1000 && !this.pg) return ids.filter((id) => this.storyOfArticle(id) === null);
    const grouped = new Set(this.stmt.groupedIds.all() as string[]);
    const out = ids.filter((id) => !grouped.has(id));
    // On PostgreSQL the grouper's next question about each of them (storyOfArticle) is answered from here, not by a
    // round trip each; a commit by another process empties the cache (refresh) before this one groups them.
    if (this.pg) for (const id of out) this.storyOf.set(id, null);
    return out;
  }

  getArticle(id: string): ArticleFeatures | null { return this.loadArticle(id)?.features ?? null; }
  getArticles(ids: string[]): ArticleFeatures[] {
    const out: ArticleFeatures[] = [];
    for (const id of ids) { const a = this.loadArticle(id); if (a) out.push(a.features); }
    return out;
  }
  putArticle(features: ArticleFeatures, storyId: string): void {
    this.stmt.putArticle.run(features.id, storyId, JSON.stringify(features));
    this.articles.set(features.id, { features, story: storyId });
    this.storyOf.set(features.id, storyId);
  }
  /**
   * The story of an article, read without its features: the catch-up asks it of every stored article, and
   * parsing 100,000 feature records to learn which are grouped was most of a restart's time.
   */
  storyOfArticle(id: string): string | null {
    const hit = this.articles.get(id);
    if (hit) return hit.story;
    let story = this.storyOf.get(id);
    if (story === undefined) {
      story = (this.stmt.storyOfArticle.get(id) as string | undefined) ?? null;
      this.storyOf.set(id, story);
    }
    return story;
  }
  removeArticle(id: string): void {
    this.stmt.deleteArticle.run(id);
    this.articles.delete(id);
    this.storyOf.set(id, null);
  }
  moveArticles(from: string, to: string): void {
    this.stmt.moveArticles.run(to, from);
    const s = this.getStory(from);
    for (const id of s?.articles ?? []) {
      const a = this.articles.get(id);
      if (a) a.story = to;
      if (this.storyOf.get(id) !== undefined) this.storyOf.set(id, to);
    }
  }

  getStory(id: string): StoryRecord | null {
    const hit = this.stories.get(id);
    if (hit) return hit;
    const row = this.stmt.getStory.get(id) as { record: string } | undefined;
    if (!row) return null;
    const s = JSON.parse(row.record) as StoryRecord;
    this.stories.set(id, s);
    return s;
  }
  storySpan(id: string): StorySpan | null {
    if (!this.spans) {
      this.spans = new Map();
      for (const r of this.stmt.storySpans.iterate() as Iterable<{ id: string } & StorySpan>) this.spans.set(r.id, spanOf(r));
    }
    return this.spans.get(id) ?? null;
  }
  putStory(story: StoryRecord): void {
    this.stmt.putStory.run(story.id, story.seq, JSON.stringify(story));
    this.stories.set(story.id, story);
    this.spans?.set(story.id, spanOf(story));
  }
  deleteStory(id: string): void {
    for (const term of this.stmt.postingTermsOf.all(id) as string[]) {
      const hit = this.postingCache.get(term);
      if (!hit) continue;
      const at = hit.stories.indexOf(id);
      if (at < 0) continue;
      if (hit.stories.length >= hit.cap) this.postingCache.delete(term);
      else hit.stories.splice(at, 1);
    }
    this.stmt.deleteStory.run(id);
    this.stmt.deletePostings.run(id);
    this.stories.delete(id);
    this.spans?.delete(id);
  }
  listStories(): StoryRecord[] {
    return (this.stmt.listStories.all() as { record: string }[]).map((r) => JSON.parse(r.record) as StoryRecord);
  }
  newStory(): { id: string; seq: number } {
    this.seq++;
    this.stmt.setMeta.run('story_seq', this.seq);
    return { id: storyIdFor(this.seq), seq: this.seq };
  }

  postings(terms: string[], cap: number): Map<string, string[]> {
    if (this.pg) this.readPostings(terms, cap);
    const out = new Map<string, string[]>();
    for (const t of terms) {
      const list = this.postingList(t, cap);
      if (list.length) out.set(t, list.length > cap ? list.slice(0, cap) : list);
    }
    return out;
  }
  /** Puts the posting lists of the terms not cached into the cache, in one query. */
  private readPostings(terms: string[], cap: number): void {
    const missing = [...new Set(terms)].filter((t) => { const hit = this.postingCache.get(t); return !hit || hit.cap < cap; });
    if (!missing.length) return;
    const lists = new Map<string, string[]>(missing.map((t) => [t, []]));
    for (const r of this.stmt.postingsOf!.all(missing, cap) as { term: string; story: string }[]) lists.get(r.term)!.push(r.story);
    for (const [term, stories] of lists) this.postingCache.set(term, { stories, cap });
  }

  private postingList(term: string, cap: number): string[] {
    const hit = this.postingCache.get(term);
    if (hit && hit.cap >= cap) return hit.stories;
    const stories = (this.stmt.postings.all(term, cap) as { story: string }[]).map((r) => r.story);
    this.postingCache.set(term, { stories, cap });
    return stories;
  }
  addPostings(storyId: string, terms: string[]): void {
    for (const t of terms) {
      this.stmt.addPosting.run(t, storyId, ++this.postingSeq);
      const hit = this.postingCache.get(t);
      if (hit) {
        const at = hit.stories.indexOf(storyId);
        if (at >= 0) hit.stories.splice(at, 1);
        hit.stories.unshift(storyId);
        if (hit.stories.length > hit.cap) hit.stories.length = hit.cap;
      }
    }
    this.stmt.setMeta.run('posting_seq', this.postingSeq);
  }

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) {
      // Inside someone else's transaction (the store's): the pending counts are written in it as well.
      this.lock();
      this.refresh();
      const result = fn();
      this.flushDocuments();
      return result;
    }
    try {
      // IMMEDIATE: the write lock is taken before anything is read, so no other connection commits between the check
      // for its changes and this transaction's writes.
      return this.db.transaction(() => {
        this.lock();
        this.refresh();
        const result = fn();
        this.flushDocuments();
        return result;
      }).immediate();
    } catch (e) {
      // The rollback undid the writes; the cached objects may hold the undone changes.
      this.forget();
      throw e;
    }
  }

  /** On PostgreSQL, waits for any other grouper's transaction to end (SQLite's IMMEDIATE transaction does this). */
  private lock(): void {
    if (this.db instanceof PgDb) this.db.lock('stories');
  }

  /** The grouping version recorded with the records (story_meta 'grouping_version'); a state that holds articles and
   * none was recorded was made before versions were (1); null when it holds nothing. */
  groupingVersion(): number | null {
    const v = (this.stmt.getMeta.get('grouping_version') as { value: number } | undefined)?.value;
    return v ?? (this.docs > 0 || this.seq > 0 ? 1 : null);
  }

  setGroupingVersion(version: number): void {
    this.stmt.setMeta.run('grouping_version', version);
  }

  /** story_meta 'store_revision': the article revision the grouping has read up to (see StoryState.readRevision). */
  readRevision(): number | null {
    return (this.stmt.getMeta.get('store_revision') as { value: number } | undefined)?.value ?? null;
  }

  setReadRevision(revision: number): void {
    this.stmt.setMeta.run('store_revision', revision);
  }

  /**
   * Drops the cached records and counts when another connection committed to the database since this one last
   * looked (PRAGMA data_version changes only for other connections' commits): a `khabar stories` run beside a
   * server groups into the same tables, and counts cached from before would be written back over its own.
   * Returns whether it dropped them. Called at the start of every transaction() and by long-running readers.
   */
  refresh(): boolean {
    const v = dataVersion(this.db);
    if (v === this.dataVersion) return false;
    this.dataVersion = v;
    this.forget();
    return true;
  }

  /** Empties every stories table and this object's caches (call inside transaction() to keep it atomic). */
  clear(): void {
    for (const table of ['story_posting', 'story', 'story_article', 'story_df', 'story_meta']) this.db.prepare(`DELETE FROM ${table}`).run();
    this.forget();
  }

  /** Drops every cached record and count and reads the counters back from story_meta. */
  private forget(): void {
    this.articles.clear();
    this.storyOf.clear();
    this.stories.clear();
    this.postingCache.clear();
    this.spans = null;
    this.dfCache.clear();
    this.dfComplete = false;
    this.dfPending.clear();
    this.readCounters();
  }

  private readCounters(): void {
    const meta = (k: string) => (this.stmt.getMeta.get(k) as { value: number } | undefined)?.value ?? 0;
    this.docs = meta('documents');
    this.docsWritten = this.docs;
    this.seq = meta('story_seq');
    this.postingSeq = meta('posting_seq');
  }

  close(): void {
    if (this.owned && this.db.open) (this.db as unknown as Database.Database).close();
  }
}

/**
 * The story state that fits a store: persisted in the same SQLite file for a SqliteStore, in the same PostgreSQL
 * database for a PostgresStore, in memory for
 * any other backend (which then regroups on each run).
 */
export function storyStateFor(store: unknown): StoryState {
  const db = (store as { db?: unknown }).db;
  if (db instanceof Database || db instanceof PgDb) return new SqliteStoryState(db as SqlDb);
  return new MemoryStoryState();
}
