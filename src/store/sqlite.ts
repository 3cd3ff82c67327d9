// SqliteStore: the default, embedded Store on better-sqlite3 (WAL, synchronous=NORMAL, FTS5).
//
// Tables (component 'articles', see ARTICLE_MIGRATIONS):
//   article          one row per stored article; content_hash UNIQUE makes re-ingest idempotent
//   article_fts      FTS5, contentless (content=''), rowid = article.rowid; columns filled by the app with
//                    normalized tokens and light stems (FTS5's unicode61 splits Arabic words at harakat, so
//                    the database never sees the original text — see notes/stack.md §3)
//   article_signature the MinHash signature of each article, apart from the row: reading a column stored
//                    after the body walks the body's overflow pages, and every band candidate reads one
//   article_band     LSH band keys (hashed to integers) → article, for near-duplicate candidates
//   article_related  near-duplicate links, recorded both ways
//   kv               small named JSON documents (the serialized CleaningContext)
import Database from 'better-sqlite3';
import type { Article, RemovedLine } from '../types.js';
import { answerRepeat, freeId, prepareOriginStatements, resolveOrigin } from './origins.js';
import { migrate, type MigrationStep } from './migrate.js';
import type { ArticleExtras, ArticleFilter, ArticleToPut, IndexedText, PutResult, Store, StoreHit, TermQuery } from './types.js';

export const ARTICLE_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'articles, contentless FTS5 over app-analyzed terms, LSH bands, near-duplicate links, kv',
    up: `
      CREATE TABLE article (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        source       TEXT,
        title        TEXT,
        url          TEXT,
        published    TEXT,
        lang         TEXT NOT NULL,
        text         TEXT NOT NULL,
        removed      TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        signature    BLOB,
        ingested_at  TEXT NOT NULL
      );
      CREATE INDEX article_published ON article (published);
      CREATE INDEX article_source ON article (source, published);
      CREATE VIRTUAL TABLE article_fts USING fts5 (
        title_norm, title_stem, norm, stem,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE TABLE article_band (
        band    INTEGER NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (band, article)
      ) WITHOUT ROWID;
      CREATE INDEX article_band_article ON article_band (article);
      CREATE TABLE article_related (
        article    INTEGER NOT NULL,
        other      INTEGER NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (article, other)
      ) WITHOUT ROWID;
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'MinHash signatures in their own table (a band candidate no longer reads the article row)',
    up: `
      CREATE TABLE article_signature (
        article   INTEGER PRIMARY KEY,
        signature BLOB NOT NULL
      );
      INSERT INTO article_signature (article, signature) SELECT rowid, signature FROM article WHERE signature IS NOT NULL;
      ALTER TABLE article DROP COLUMN signature;
    `,
  },
  {
    version: 3,
    description: 'a revision per article, raised whenever it is written, so later stages find what changed since they read it',
    up: `
      ALTER TABLE article ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      UPDATE article SET revision = rowid;
      CREATE INDEX article_revision ON article (revision);
    `,
  },
];

/**
 * Component 'article-origins' (its own versions, so it never competes with ARTICLE_MIGRATIONS' numbers): which
 * source each article came from and what that source said, and the ids of exact copies from other sources.
 *   article.origin_key   the source's key (src/ingest/origin.ts); NULL for rows stored before it was kept, which
 *                        the first input with their id claims
 *   article.source_hash  the hash of what the source gave: the same again changes nothing
 *   article_alias        an exact copy from another source: its id, key and hash, and the article it is stored as
 */
export const ARTICLE_ORIGIN_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'the source of each article (key and content hash) and the ids of exact copies from other sources',
    up: `
      ALTER TABLE article ADD COLUMN origin_key TEXT;
      ALTER TABLE article ADD COLUMN source_hash TEXT;
      CREATE UNIQUE INDEX article_origin_key ON article (origin_key) WHERE origin_key IS NOT NULL;
      CREATE INDEX article_source_hash ON article (source_hash) WHERE source_hash IS NOT NULL;
      CREATE TABLE article_alias (
        id          TEXT PRIMARY KEY,
        article     INTEGER NOT NULL,
        origin_key  TEXT NOT NULL UNIQUE,
        source_hash TEXT NOT NULL
      );
      CREATE INDEX article_alias_article ON article_alias (article);
    `,
  },
];

/** The kv key of the search analyzer version the FTS rows were written with (see Store.searchIndexVersion). */
const SEARCH_INDEX_KEY = 'search-index-version';
/** Articles per transaction of a search reindex: one FTS segment flush per commit, and a bounded page in memory. */
const REINDEX_BATCH = 2000;
/** How long a connection waits for another process's write lock before SQLite gives up (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 30_000;

/**
 * bm25 column weights for (title_norm, title_stem, norm, stem): an exact normalized form counts twice a
 * stem-only match, and the title three times the body. Chosen by hand on the seeds; see test/search.
 */
export const BM25_WEIGHTS = [6, 3, 2, 1] as const;

/** A 52-bit integer from an LSH band key (two 32-bit FNV-1a variants); collisions only add candidates. */
export function bandKey(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 12) * 0x100000000 + (h2 >>> 0);
}

/** Quotes a term as an FTS5 string: the only syntax FTS5 sees from a user is "…" with doubled quotes. */
export function ftsString(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression of a TermQuery, or null when nothing is searchable. A word whose normalized form
 * is its own stem (تونس, وزير: most words) is one phrase over all four columns rather than one over the norm
 * columns OR one over the stem columns: the same articles match, and FTS5 reads one doclist instead of two
 * (twice to three times faster for a frequent word in 100,000 articles).
 */
export function ftsExpression(query: TermQuery): string | null {
  return termExpression(query, (term, kind) => kind === 'both' ? ftsString(term)
    : kind === 'norm' ? `{title_norm norm} : ${ftsString(term)}` : `{title_stem stem} : ${ftsString(term)}`,
  (stems) => `{title_stem stem} : ${ftsString(stems.join(' '))}`, ' OR ', ' AND ');
}

/**
 * @internal A TermQuery in a backend's query syntax: every term (joined by `and`), each any of its forms (joined by
 * `or`); `operand` writes one form as matching the norm columns, the stem columns, or both (a form that is its own
 * stem), `phrase` a phrase's stems as adjacent in the stem columns. Null when nothing is searchable.
 */
export function termExpression(query: TermQuery, operand: (term: string, kind: 'norm' | 'stem' | 'both') => string, phrase: (stems: string[]) => string,
  or: string, and: string): string | null {
  const parts: string[] = [];
  for (const t of query.terms) {
    const norms = new Set(t.norms.filter((x) => x.length > 0));
    const stems = new Set(t.stems.filter((x) => x.length > 0));
    const alts: string[] = [];
    for (const n of norms) alts.push(operand(n, stems.has(n) ? 'both' : 'norm'));
    for (const st of stems) if (!norms.has(st)) alts.push(operand(st, 'stem'));
    // a phrase's stems must stand adjacent, in order, in one column
    for (const ph of t.phrases ?? []) if (ph.length && ph.every((x) => x.length > 0)) alts.push(phrase(ph));
    if (alts.length) parts.push(`(${alts.join(or)})`);
  }
  return parts.length ? parts.join(and) : null;
}

export interface ArticleRow {
  rowid: number;
  id: string;
  source: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  lang: string;
  text: string;
  removed: string;
  content_hash: string;
}

export interface SqliteStoreOptions {
  /** Open read-only (no migrations; fails when the file has no schema). */
  readonly?: boolean;
}

export class SqliteStore implements Store {
  /**
   * @internal The better-sqlite3 handle, for other store files in src/store/ (e.g. sqlite-stories.ts)
   * that add their own tables with migrate(). Not part of the public API: nothing outside src/store/ writes SQL.
   */
  readonly db: Database.Database;
  readonly path: string;

  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly putTx: (a: Article, e: ArticleExtras) => PutResult;
  private readonly putManyTx: (items: ArticleToPut[]) => PutResult[];
  private readonly bandStatements = new Map<number, Database.Statement>();
  /** Article writes through this connection (SQLite's data_version counts only other connections'). */
  private writes = 0;

  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    return new SqliteStore(path, options);
  }

  private constructor(path: string, options: SqliteStoreOptions) {
    this.path = path;
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    } catch (e) {
      throw new Error(`cannot open database ${path}: ${(e as Error).message}`);
    }
    try {
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        this.db.pragma('foreign_keys = ON');
        // Another process writing (a grouping transaction lasts about 2 s, src/stories/sync.ts; a long ingest commits
        // per batch) is waited for this long before SQLite gives up with "database is locked".
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        // Every article inserts 32 LSH band rows at random places of one B-tree, and FTS segments merge:
        // past the default 2 MB page cache each insert re-reads pages from the OS. A bounded 64 MB cache
        // keeps them in memory (memory stays flat: the cache does not grow with the store).
        this.db.pragma('cache_size = -65536');
        this.db.pragma('temp_store = MEMORY');
        migrate(this.db, 'articles', ARTICLE_MIGRATIONS);
        migrate(this.db, 'article-origins', ARTICLE_ORIGIN_MIGRATIONS);
      }
      this.stmt = prepareStatements(this.db);
    } catch (e) {
      this.db.close();
      throw new Error(`cannot use database ${path}: ${(e as Error).message}`);
    }
    // Every write transaction is IMMEDIATE (takes the write lock before its first read). A deferred one reads first, and
    // when another connection commits meanwhile (a grouping beside an ingest) SQLite refuses its first write at once
    // with "database is locked" (SQLITE_BUSY_SNAPSHOT), without the busy timeout's wait: 7 of 12 ingests beside a
    // catch-up of 100,000 articles failed that way.
    this.putTx = this.db.transaction((a: Article, e: ArticleExtras) => this.putInTransaction(a, e)).immediate;
    // No savepoint per article: FTS5 flushes its pending terms into a new segment at every savepoint,
    // which made a batch cost as much as one transaction per article.
    this.putManyTx = this.db.transaction((items: ArticleToPut[]) => items.map((x) => this.putInTransaction(x.article, x.extras))).immediate;
  }

  putArticle(article: Article, extras: ArticleExtras): PutResult {
    this.writes++;
    return this.putTx(article, extras);
  }

  /** Articles sharing any of n band keys (one statement per n: bound values beat json_each by 3x here). */
  private bandCandidates(n: number): Database.Statement {
    let st = this.bandStatements.get(n);
    if (!st) {
      st = this.db.prepare(`SELECT s.article AS rowid, s.signature AS signature FROM article_signature s
        WHERE s.article IN (SELECT b.article FROM article_band b WHERE b.band IN (${Array(n).fill('?').join(', ')})) AND s.article <> ?`);
      this.bandStatements.set(n, st);
    }
    return st;
  }

  putArticles(items: ArticleToPut[]): PutResult[] {
    this.writes++;
    return this.putManyTx(items);
  }

  putRepeat(key: string, sourceHash: string, fill: { source: string | null; published: string | null } | null): PutResult | null {
    return answerRepeat(this.stmt, key, sourceHash, fill, () => this.nextRevision(), (fillIt) => {
      this.writes++;
      return this.db.transaction(fillIt).immediate();
    });
  }

  private putInTransaction(a: Article, e: ArticleExtras): PutResult {
    const s = this.stmt;
    const decided = resolveOrigin(s, a, e, () => this.nextRevision());
    if ('result' in decided) return decided.result;
    const { own, alias, key, sourceHash } = decided;

    const signature = Buffer.from(e.signature.buffer, e.signature.byteOffset, e.signature.byteLength);
    const now = new Date().toISOString();
    const removed = JSON.stringify(a.removed ?? []);
    let rowid: number;
    let id: string;
    if (own) {
      rowid = own.rowid;
      id = own.id;
      s.deleteFts.run(rowid);
      s.deleteBands.run(rowid);
      s.deleteRelated.run(rowid, rowid);
      s.update.run(a.source, a.title, a.url, a.published, a.lang, a.text, removed, a.contentHash, now, this.nextRevision(), rowid);
      if (key !== null) s.setOrigin.run(key, sourceHash, rowid);
    } else {
      // A copy that became an article of its own (its source changed) takes its alias's id back.
      if (alias) s.deleteAlias.run(alias.id);
      id = alias?.id ?? freeId(s, [a.id, ...(e.origin?.ids ?? [])]);
      rowid = Number(s.insert.run(id, a.source, a.title, a.url, a.published, a.lang, a.text, removed, a.contentHash, now, this.nextRevision(), key, sourceHash).lastInsertRowid);
    }
    s.putSignature.run(rowid, signature);
    s.insertFts.run(rowid, e.index.titleNorm, e.index.titleStem, e.index.bodyNorm, e.index.bodyStem);

    const keys = [...new Set(e.bands.map(bandKey))];
    const nearDuplicates: string[] = [];
    if (e.verifyNearDuplicate && keys.length) {
      const candidates = this.bandCandidates(keys.length).all(...keys, rowid) as { rowid: number; signature: Buffer }[];
      for (const c of candidates) {
        const sig = new Uint32Array(c.signature.buffer.slice(c.signature.byteOffset, c.signature.byteOffset + c.signature.byteLength));
        const sim = e.verifyNearDuplicate(sig, e.signature);
        if (sim === null) continue;
        s.insertRelated.run(rowid, c.rowid, sim);
        s.insertRelated.run(c.rowid, rowid, sim);
        nearDuplicates.push((s.idByRowid.get(c.rowid) as { id: string }).id);
      }
    }
    for (const k of keys) s.insertBand.run(k, rowid);
    return { status: own ? 'updated' : 'stored', id, nearDuplicates };
  }

  /** The article with this id, or the one an exact copy with this id was stored as (an alias). */
  getArticle(id: string): Article | null {
    const row = (this.stmt.byId.get(id) ?? this.stmt.byAlias.get(id)) as ArticleRow | undefined;
    return row ? this.toArticle(row) : null;
  }

  getArticles(ids: string[]): Article[] {
    const out: Article[] = [];
    for (const id of ids) {
      const row = this.stmt.byId.get(id) as ArticleRow | undefined;
      if (row) out.push(this.toArticle(row));
    }
    return out;
  }

  listArticles(filter: ArticleFilter = {}): Article[] {
    const { where, params } = filterSql(filter);
    const sql = `SELECT * FROM article a ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...params, filter.limit ?? -1, filter.offset ?? 0) as ArticleRow[];
    return rows.map((r) => this.toArticle(r));
  }

  listArticleIds(): string[] {
    return this.stmt.ids.all() as string[];
  }

  countArticles(): number {
    return (this.stmt.count.get() as { n: number }).n;
  }

  revision(): number {
    return this.stmt.revision.get() as number;
  }

  changedAfter(revision: number): string[] {
    return this.stmt.changedAfter.all(revision) as string[];
  }

  /** The revision of an article written now: read inside the write transaction, so two connections never share one. */
  private nextRevision(): number {
    return this.revision() + 1;
  }

  searchArticles(query: TermQuery, filter: ArticleFilter = {}): StoreHit[] {
    const match = ftsExpression(query);
    if (!match) return [];
    // Ranked in the FTS table alone: joining the article table made SQLite look up every matching row
    // (33k for تونس in 100k articles: 166 ms against 38 ms). Filters become one set of rowids read from the
    // covering (source, published) indexes; the unary + keeps SQLite from handing that set to FTS5 as rowid
    // constraints, which re-ran the full-text query once per rowid.
    const { where, params } = filterSql(filter);
    const restrict = where.length ? `AND +article_fts.rowid IN (SELECT a.rowid FROM article a WHERE ${where.join(' AND ')})` : '';
    const sql = `SELECT article_fts.rowid AS rowid, bm25(article_fts, ${BM25_WEIGHTS.join(', ')}) AS rank FROM article_fts
      WHERE article_fts MATCH ? ${restrict} ORDER BY rank, article_fts.rowid LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(match, ...params, filter.limit ?? 20, filter.offset ?? 0) as { rowid: number; rank: number }[];
    const out: StoreHit[] = [];
    for (const r of rows) {
      const row = this.stmt.hitByRowid.get(r.rowid) as Omit<StoreHit, 'score'> | undefined;
      if (row) out.push({ ...row, score: -r.rank });
    }
    return out;
  }

  countMatches(query: TermQuery, filter: ArticleFilter = {}): number {
    const match = ftsExpression(query);
    if (!match) return 0;
    const { where, params } = filterSql(filter);
    const restrict = where.length ? `AND +article_fts.rowid IN (SELECT a.rowid FROM article a WHERE ${where.join(' AND ')})` : '';
    const row = this.db.prepare(`SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ? ${restrict}`).get(match, ...params) as { n: number };
    return row.n;
  }

  version(): string {
    return `${this.db.pragma('data_version', { simple: true }) as number}:${this.writes}`;
  }

  searchIndexVersion(): number | null {
    const row = this.stmt.kvGet.get(SEARCH_INDEX_KEY) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as number) : null;
  }

  reindexSearch(index: (text: { title: string | null; text: string }) => IndexedText, version: number,
    onProgress?: (done: number, total: number) => void): number {
    const total = this.countArticles();
    const page = this.db.prepare('SELECT rowid, title, text FROM article WHERE rowid > ? ORDER BY rowid LIMIT ?');
    const rewrite = this.db.transaction((rows: { rowid: number; title: string | null; text: string }[]): void => {
      for (const r of rows) {
        const ix = index(r);
        this.stmt.deleteFts.run(r.rowid);
        this.stmt.insertFts.run(r.rowid, ix.titleNorm, ix.titleStem, ix.bodyNorm, ix.bodyStem);
      }
    });
    let done = 0;
    for (let after = 0; ;) {
      const rows = page.all(after, REINDEX_BATCH) as { rowid: number; title: string | null; text: string }[];
      if (!rows.length) break;
      rewrite.immediate(rows);
      done += rows.length;
      after = rows[rows.length - 1]!.rowid;
      onProgress?.(done, total);
    }
    this.stmt.kvPut.run(SEARCH_INDEX_KEY, JSON.stringify(version));
    this.writes++;
    return done;
  }

  loadCleaningContext(): unknown {
    const row = this.stmt.kvGet.get('cleaning-context') as { value: string } | undefined;
    return row ? JSON.parse(row.value) : null;
  }

  saveCleaningContext(json: unknown): void {
    this.stmt.kvPut.run('cleaning-context', JSON.stringify(json));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private toArticle(row: ArticleRow): Article {
    const article = articleFromRow(row, (this.stmt.related.all(row.rowid) as { id: string }[]).map((r) => r.id));
    const duplicates = this.stmt.aliases.all(row.rowid) as string[];
    if (duplicates.length) article.duplicates = duplicates;
    return article;
  }
}

/** @internal An article table row (either backend's) as an Article, with its near-duplicates' ids. */
export function articleFromRow(row: ArticleRow, related: string[]): Article {
  const article: Article = {
    id: row.id,
    source: row.source,
    title: row.title,
    url: row.url,
    published: row.published,
    lang: row.lang,
    text: row.text,
    removed: JSON.parse(row.removed) as RemovedLine[],
    contentHash: row.content_hash,
  };
  if (related.length) article.related = related;
  return article;
}

/** @internal The WHERE terms of an ArticleFilter on table alias `a` (SQL both backends accept). */
export function filterSql(f: ArticleFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.source) { where.push('a.source = ?'); params.push(f.source); }
  if (f.from) { where.push('a.published >= ?'); params.push(f.from); }
  // Compare on the bound's own length so `to: 2019-01-23` includes 2019-01-23T18:00.
  if (f.to) { where.push('substr(a.published, 1, length(CAST(? AS TEXT))) <= ?'); params.push(f.to, f.to); }
  return { where, params };
}

function prepareStatements(db: Database.Database) {
  return {
    fillMetadata: db.prepare('UPDATE article SET source = coalesce(source, ?), published = coalesce(published, ?), revision = ? WHERE rowid = ?'),
    revision: db.prepare('SELECT coalesce(max(revision), 0) FROM article').pluck(),
    changedAfter: db.prepare('SELECT id FROM article WHERE revision > ? ORDER BY revision').pluck(),
    rowidById: db.prepare('SELECT rowid FROM article WHERE id = ?'),
    byId: db.prepare('SELECT * FROM article WHERE id = ?'),
    count: db.prepare('SELECT count(*) AS n FROM article'),
    ids: db.prepare('SELECT id FROM article ORDER BY published IS NULL, published, id').pluck(),
    idByRowid: db.prepare('SELECT id FROM article WHERE rowid = ?'),
    hitByRowid: db.prepare('SELECT id, title, source, published, text FROM article WHERE rowid = ?'),
    insert: db.prepare(`INSERT INTO article (id, source, title, url, published, lang, text, removed, content_hash, ingested_at, revision, origin_key, source_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    ...prepareOriginStatements<Database.Statement<unknown[]>>(db),
    byAlias: db.prepare('SELECT a.* FROM article_alias l JOIN article a ON a.rowid = l.article WHERE l.id = ?'),
    update: db.prepare(`UPDATE article SET source = ?, title = ?, url = ?, published = ?, lang = ?, text = ?, removed = ?,
      content_hash = ?, ingested_at = ?, revision = ? WHERE rowid = ?`),
    putSignature: db.prepare('INSERT OR REPLACE INTO article_signature (article, signature) VALUES (?, ?)'),
    insertFts: db.prepare('INSERT INTO article_fts (rowid, title_norm, title_stem, norm, stem) VALUES (?, ?, ?, ?, ?)'),
    deleteFts: db.prepare('DELETE FROM article_fts WHERE rowid = ?'),
    insertBand: db.prepare('INSERT OR IGNORE INTO article_band (band, article) VALUES (?, ?)'),
    deleteBands: db.prepare('DELETE FROM article_band WHERE article = ?'),
    insertRelated: db.prepare('INSERT OR REPLACE INTO article_related (article, other, similarity) VALUES (?, ?, ?)'),
    deleteRelated: db.prepare('DELETE FROM article_related WHERE article = ? OR other = ?'),
    related: db.prepare(`SELECT a.id AS id FROM article_related r JOIN article a ON a.rowid = r.other
      WHERE r.article = ? ORDER BY r.similarity DESC, a.id`),
    kvGet: db.prepare('SELECT value FROM kv WHERE key = ?'),
    kvPut: db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
