// PostgresStore: the Store on PostgreSQL (issue 26), for several processes or machines over one database. Same
// contract as SqliteStore; the schema is postgres-schema.ts. Statements run synchronously through PgDb (pg-sync.ts).
//
// Search: the search stage's own terms (normalized forms, light stems) in a weighted tsvector (`terms`); a query form
// matches the columns its kind belongs to (weights AC for forms, BD for stems). Rows are found through the GIN index
// of an unweighted copy (`match`, see tsMatchText), and hits are ranked by ts_rank over `terms` with the column
// weights of SqliteStore's bm25 and length normalization 1 (the closest PostgreSQL has to BM25: term frequency,
// column weights and document length, but no inverse document frequency).
//
// Concurrency: article writes take an advisory lock for their transaction (one article writer at a time, as SQLite's
// write lock does), so revisions are handed out in commit order and a duplicate is always seen by the next writer;
// the stories state takes its own lock (sqlite-stories.ts), so one grouper runs at a time across processes.
import type { Article } from '../types.js';
import { migrate } from './migrate.js';
import { answerRepeat, freeId, prepareOriginStatements, resolveOrigin, type OwnRow } from './origins.js';
import pg from 'pg';
import { numberPlaceholders, PgDb } from './pg-sync.js';
import { PG_ARTICLE_MIGRATIONS, PG_ARTICLE_ORIGIN_MIGRATIONS, PG_ENTITY_MIGRATIONS, PG_STORY_MIGRATIONS } from './postgres-schema.js';
import { BM25_WEIGHTS, articleFromRow, bandKey, filterSql, termExpression, type ArticleRow } from './sqlite.js';
import type { ArticleExtras, ArticleFilter, ArticleToPut, IndexedText, PutResult, Store, StoreHit, TermQuery } from './types.js';

const SEARCH_INDEX_KEY = 'search-index-version';
/** Marks a stem in the `match` column: tatweel, which normalization takes out of every word, so no form begins with it. */
const STEM_MARK = '\u0640';
const REINDEX_BATCH = 2000;
/** Connections of a store's async read path: enough that a slow search does not hold up the next ones on 2–4 cores. */
const READ_POOL_SIZE = 4;

/** ts_rank weights for {D, C, B, A}: SqliteStore's bm25 column weights (title form, title stem, form, stem), scaled to ≤ 1. */
const RANK_WEIGHTS = [BM25_WEIGHTS[3], BM25_WEIGHTS[2], BM25_WEIGHTS[1], BM25_WEIGHTS[0]].map((w) => w / BM25_WEIGHTS[0]);

/** Whether a --db / KHABAR_DB value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Quotes a term as a to_tsquery operand with the weights it may match; the query parser splits it as the index did. */
function tsOperand(term: string, weights: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${weights ? ':' + weights : ''}`;
}

/** The to_tsquery text of a TermQuery (every term, each any of its forms), or null when nothing is searchable. */
export function tsQueryText(query: TermQuery): string | null {
  return termExpression(query, (term, kind) => tsOperand(term, kind === 'both' ? 'ABCD' : kind === 'norm' ? 'AC' : 'BD'),
    (stems) => `(${stems.map((x) => tsOperand(x, 'BD')).join(' <-> ')})`, ' | ', ' & ');
}

/**
 * The same query over the `match` column (postgres-schema.ts), where a stem is its own lexeme (marked with STEM_MARK)
 * rather than a weight: it matches the same rows as tsQueryText does over `terms`, but from the GIN index alone,
 * without reading each row's terms again (a query with weights must recheck every row the index returns).
 */
export function tsMatchText(query: TermQuery): string | null {
  const stem = (x: string): string => tsOperand(STEM_MARK + x, '');
  return termExpression(query, (term, kind) => kind === 'both' ? `${tsOperand(term, '')} | ${stem(term)}` : kind === 'norm' ? tsOperand(term, '') : stem(term),
    (stems) => `(${stems.map(stem).join(' <-> ')})`, ' | ', ' & ');
}

/** Applies every component's migrations (articles, stories, entities); returns what each applied. */
export function migratePostgres(db: PgDb): Record<string, number[]> {
  const applied = {
    articles: migrate(db, 'articles', PG_ARTICLE_MIGRATIONS),
    'article-origins': migrate(db, 'article-origins', PG_ARTICLE_ORIGIN_MIGRATIONS),
    stories: migrate(db, 'stories', PG_STORY_MIGRATIONS),
    entities: migrate(db, 'entities', PG_ENTITY_MIGRATIONS),
  };
  db.countCommits = true;
  return applied;
}

export class PostgresStore implements Store {
  /** @internal The connection, for the state classes in src/store/ (stories, entities). */
  readonly db: PgDb;
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private writes = 0;
  /** The last revision handed out in the open write transaction (read once per transaction, under the articles lock). */
  private lastRevision = 0;
  /** Rowids taken from the sequence for the open write transaction, and how many its batch may need. */
  private freeRowids: number[] = [];
  private rowidsWanted = 1;
  /** The connections of the async read path (searchArticlesAsync), opened when first used. */
  private pool: pg.Pool | null = null;

  /** Connects to `url` (postgres://…, optionally ?schema=NAME) and brings its schema up to date. */
  static open(url: string): PostgresStore {
    const db = new PgDb(url);
    try {
      migratePostgres(db);
      return new PostgresStore(db);
    } catch (e) {
      db.close();
      throw new Error(`cannot use database ${db.label}: ${(e as Error).message}`);
    }
  }

  private constructor(db: PgDb) {
    this.db = db;
    this.stmt = prepareStatements(db);
  }

  putArticle(article: Article, extras: ArticleExtras): PutResult {
    return this.putArticles([{ article, extras }])[0]!;
  }

  putArticles(items: ArticleToPut[]): PutResult[] {
    this.writes++;
    // Run again whole if a restart of the server cuts it: it was rolled back, so it is written once.
    return this.db.retrying('batch of articles', () => this.db.transaction(() => {
      this.db.lock('articles');
      this.lastRevision = this.revision();
      this.freeRowids = [];
      this.rowidsWanted = items.length;
      const batch = new BatchLookups(this.stmt, items);
      return items.map((x) => this.putInTransaction(x.article, x.extras, batch));
    })());
  }

  putRepeat(key: string, sourceHash: string, fill: { source: string | null; published: string | null } | null): PutResult | null {
    return answerRepeat(this.stmt, key, sourceHash, fill, () => this.nextRevision(), (fillIt) => {
      this.writes++;
      return this.db.retrying('article', () => this.db.transaction(() => {
        this.db.lock('articles');
        this.lastRevision = this.revision();
        return fillIt();
      })());
    });
  }

  // The same decisions as SqliteStore (origins.ts): a source seen again changes nothing, an exact copy of another
  // source's article is kept as an alias of it, a changed source replaces its own row only.
  private putInTransaction(a: Article, e: ArticleExtras, batch: BatchLookups): PutResult {
    // The decisions' lookups answered from the batch's one query (see BatchLookups): each was a round trip of its own.
    const found = batch.origins(a, e);
    const s = { ...this.stmt, ...originLookups(this.stmt, a, e, found.rows) };
    const decided = resolveOrigin(s, a, e, () => this.nextRevision());
    if ('result' in decided) {
      batch.wrote(found, decided.result, null);
      return decided.result;
    }
    const { own, alias, key, sourceHash } = decided;
    const existing = own;
    const signature = Buffer.from(e.signature.buffer, e.signature.byteOffset, e.signature.byteLength);
    const now = new Date().toISOString();
    const removed = JSON.stringify(a.removed ?? []);
    const keys = [...new Set(e.bands.map(bandKey))];
    // Candidates are read before this article's own bands are written, so it is never its own candidate.
    const candidates = e.verifyNearDuplicate && keys.length ? batch.candidates(keys, existing?.rowid ?? 0) : [];
    let rowid: number;
    let id: string;
    if (existing) {
      rowid = existing.rowid;
      s.deleteBands.run(rowid);
      s.deleteRelated.run(rowid, rowid);
      id = existing.id;
      s.update.run(a.source, a.title, a.url, a.published, a.lang, a.text, removed, a.contentHash, now, this.nextRevision(), rowid);
      if (key !== null) s.setOrigin.run(key, sourceHash, rowid);
    } else {
      // A copy that became an article of its own (its source changed) takes its alias's id back.
      if (alias) s.deleteAlias.run(alias.id);
      id = alias?.id ?? freeId(s, [a.id, ...(e.origin?.ids ?? [])]);
      rowid = this.nextRowid();
      s.insert.run(rowid, id, a.source, a.title, a.url, a.published, a.lang, a.text, removed, a.contentHash, now, this.nextRevision(), key, sourceHash);
    }
    s.putSignature.run(rowid, signature);
    s.putSearch.run(rowid, e.index.titleNorm, e.index.titleStem, e.index.bodyNorm, e.index.bodyStem);
    const nearDuplicates: string[] = [];
    for (const c of candidates) {
      const sig = new Uint32Array(c.signature.buffer.slice(c.signature.byteOffset, c.signature.byteOffset + c.signature.byteLength));
      const sim = e.verifyNearDuplicate!(sig, e.signature);
      if (sim === null) continue;
      s.insertRelated.run(rowid, c.rowid, sim);
      s.insertRelated.run(c.rowid, rowid, sim);
      nearDuplicates.push(c.id);
    }
    if (keys.length) s.insertBands.run(keys, rowid);
    const result: PutResult = { status: existing ? 'updated' : 'stored', id, nearDuplicates };
    batch.wrote(found, result, { rowid, id, signature: e.signature, keys });
    return result;
  }

  /** A rowid for a new article: taken from the sequence a batch at a time (under the articles lock, so in commit order). */
  private nextRowid(): number {
    if (!this.freeRowids.length) this.freeRowids = (this.stmt.rowids.all(this.rowidsWanted) as number[]).reverse();
    return this.freeRowids.pop()!;
  }

  /** The revision of an article written now (under the articles lock, so no other writer takes the same one). */
  private nextRevision(): number {
    return ++this.lastRevision;
  }

  /** The article with this id, or the one an exact copy with this id was stored as (an alias). */
  getArticle(id: string): Article | null {
    const found = this.getArticles([id])[0];
    if (found) return found;
    const kept = this.stmt.aliasById.get(id) as { article: number } | undefined;
    const keptId = kept ? (this.stmt.idByRowid.get(kept.article) as string | undefined) : undefined;
    return keptId ? (this.getArticles([keptId])[0] ?? null) : null;
  }

  getArticles(ids: string[]): Article[] {
    if (!ids.length) return [];
    const rows = this.stmt.byIds.all(ids) as ArticleRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const related = new Map<number, string[]>();
    for (const r of this.stmt.relatedOf.all(rows.map((x) => x.rowid)) as { article: number; id: string }[]) {
      const list = related.get(r.article) ?? [];
      list.push(r.id);
      related.set(r.article, list);
    }
    const out: Article[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      const article = articleFromRow(row, related.get(row.rowid) ?? []);
      const duplicates = this.stmt.aliases.all(row.rowid) as string[];
      if (duplicates.length) article.duplicates = duplicates;
      out.push(article);
    }
    return out;
  }

  listArticles(filter: ArticleFilter = {}): Article[] {
    const { where, params } = filterSql(filter);
    const sql = `SELECT id FROM article a ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?`;
    const ids = this.db.prepare(sql).pluck().all(...params, filter.limit ?? null, filter.offset ?? 0) as string[];
    return this.getArticles(ids);
  }

  listArticleIds(): string[] {
    return this.stmt.ids.all() as string[];
  }

  countArticles(): number {
    return this.stmt.count.get() as number;
  }

  revision(): number {
    return this.stmt.revision.get() as number;
  }

  changedAfter(revision: number): string[] {
    return this.stmt.changedAfter.all(revision) as string[];
  }

  // Rows are found by the `match` column's GIN index (article_search_matches) and ranked by ts_rank over `terms`.
  searchArticles(query: TermQuery, filter: ArticleFilter = {}): StoreHit[] {
    const sql = searchSql(query, filter);
    return sql ? this.db.prepare(sql.text).all(...sql.params) as StoreHit[] : [];
  }

  countMatches(query: TermQuery, filter: ArticleFilter = {}): number {
    const sql = countSql(query, filter);
    return sql ? Number(this.db.prepare(sql.text).pluck().get(...sql.params)) : 0;
  }

  // A server's searches run on a small pool of connections of their own, so a replica goes on answering other
  // requests (over the synchronous connection) while PostgreSQL ranks a common word's rows.
  async searchArticlesAsync(query: TermQuery, filter: ArticleFilter = {}): Promise<StoreHit[]> {
    const sql = searchSql(query, filter);
    return sql ? (await this.readPool().query(numberPlaceholders(sql.text), sql.params)).rows as StoreHit[] : [];
  }

  async countMatchesAsync(query: TermQuery, filter: ArticleFilter = {}): Promise<number> {
    const sql = countSql(query, filter);
    return sql ? Number(Object.values((await this.readPool().query(numberPlaceholders(sql.text), sql.params)).rows[0]!)[0]) : 0;
  }

  private readPool(): pg.Pool {
    if (this.pool) return this.pool;
    this.pool = new pg.Pool({
      connectionString: this.db.connectionString, max: READ_POOL_SIZE, allowExitOnIdle: true,
      options: this.db.schema ? `-c search_path=${this.db.schema}` : undefined,
    });
    // An idle connection that breaks (the server restarted) is dropped by the pool, which opens another for the next
    // search; unheard, its 'error' event would end the process.
    this.pool.on('error', () => undefined);
    return this.pool;
  }

  searchIndexVersion(): number | null {
    const v = this.stmt.kvGet.get(SEARCH_INDEX_KEY) as string | undefined;
    return v === undefined ? null : (JSON.parse(v) as number);
  }

  reindexSearch(index: (text: { title: string | null; text: string }) => IndexedText, version: number,
    onProgress?: (done: number, total: number) => void): number {
    const total = this.countArticles();
    const page = this.db.prepare('SELECT rowid, title, text FROM article WHERE rowid > ? ORDER BY rowid LIMIT ?');
    let done = 0;
    for (let after = 0; ;) {
      const rows = page.all(after, REINDEX_BATCH) as { rowid: number; title: string | null; text: string }[];
      if (!rows.length) break;
      this.db.transaction(() => {
        for (const r of rows) {
          const ix = index(r);
          this.stmt.putSearch.run(r.rowid, ix.titleNorm, ix.titleStem, ix.bodyNorm, ix.bodyStem);
        }
      })();
      done += rows.length;
      after = rows[rows.length - 1]!.rowid;
      onProgress?.(done, total);
    }
    this.db.transaction(() => this.stmt.kvPut.run(SEARCH_INDEX_KEY, JSON.stringify(version)))();
    this.writes++;
    return done;
  }

  loadCleaningContext(): unknown {
    const v = this.stmt.kvGet.get('cleaning-context') as string | undefined;
    return v === undefined ? null : JSON.parse(v);
  }

  saveCleaningContext(json: unknown): void {
    this.db.retrying('cleaning context', () => this.db.transaction(() => this.stmt.kvPut.run('cleaning-context', JSON.stringify(json)))());
  }

  version(): string {
    return `${this.db.dataVersion()}:${this.writes}`;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    void this.pool?.end().catch(() => undefined);
    this.pool = null;
    this.db.close();
  }
}

/** The search of searchArticles: articles the match query finds, ranked by ts_rank over the weighted terms. */
function searchSql(query: TermQuery, filter: ArticleFilter): { text: string; params: unknown[] } | null {
  const q = tsQueryText(query);
  const m = tsMatchText(query);
  if (!q || !m) return null;
  const { where, params } = filterSql(filter);
  const text = `SELECT a.id, a.title, a.source, a.published, a.text, ts_rank('{${RANK_WEIGHTS.join(',')}}', s.terms, q, 1) AS score
    FROM article_search_matches(to_tsquery('simple', ?)) m JOIN article_search s ON s.article = m
      CROSS JOIN to_tsquery('simple', ?) q JOIN article a ON a.rowid = s.article
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY score DESC, a.rowid LIMIT ? OFFSET ?`;
  return { text, params: [m, q, ...params, filter.limit ?? 20, filter.offset ?? 0] };
}

function countSql(query: TermQuery, filter: ArticleFilter): { text: string; params: unknown[] } | null {
  const m = tsMatchText(query);
  if (!m) return null;
  const { where, params } = filterSql(filter);
  const text = `SELECT count(*) FROM article_search_matches(to_tsquery('simple', ?)) m JOIN article a ON a.rowid = m
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
  return { text, params: [m, ...params] };
}

type Statements = ReturnType<typeof prepareStatements>;
/** A row of the origins query: an article (article null) or an alias (article: the rowid it points to). */
type OriginRow = OwnRow & { article: number | null };
type Candidate = { rowid: number; id: string; signature: Uint8Array };

/**
 * The lookups of a batch of articles, read in two queries when the batch begins rather than two per article: the
 * origin rows (originLookups) of every article, and the stored articles sharing an LSH band with any of them. Both
 * were read before anything of the batch was written, so each later article is answered from them together with
 * what the batch wrote before it: an article whose ids, source, content or rows an earlier one of the batch wrote or
 * looked at has its origins asked of the database (after the batch's writes so far); candidates written by the batch
 * are kept here, and a stored row the batch rewrote is taken from here rather than from the prefetched bands.
 */
class BatchLookups {
  private readonly rows: OriginRow[];
  private readonly banded = new Map<number, Candidate[]>();
  /** Values (ids, keys, hashes) and rowids an article of the batch wrote or looked up. */
  private readonly touchedValues = new Set<string>();
  private readonly touchedRowids = new Set<number>();
  /** What the batch wrote, by rowid: the row's bands and signature as they now are. */
  private readonly written = new Map<number, Candidate & { keys: Set<number> }>();

  constructor(private readonly s: Statements, items: ArticleToPut[]) {
    const ids = new Set<string>();
    const keys = new Set<string>();
    const sourceHashes = new Set<string>();
    const contentHashes = new Set<string>();
    const bands = new Set<number>();
    for (const { article: a, extras: e } of items) {
      for (const id of [a.id, ...(e.origin?.ids ?? [])]) ids.add(id);
      if (e.origin?.key != null) keys.add(e.origin.key);
      if (e.origin?.sourceHash != null) sourceHashes.add(e.origin.sourceHash);
      contentHashes.add(a.contentHash);
      if (e.verifyNearDuplicate) for (const b of e.bands) bands.add(bandKey(b));
    }
    this.rows = s.batchOrigins.all([...ids], [...keys], [...sourceHashes], [...contentHashes], [...keys], [...ids], [...keys]) as OriginRow[];
    if (bands.size) {
      for (const r of s.batchBandCandidates.all([...bands]) as (Candidate & { band: number })[]) {
        const list = this.banded.get(r.band) ?? [];
        list.push({ rowid: r.rowid, id: r.id, signature: r.signature });
        this.banded.set(r.band, list);
      }
    }
  }

  /** The origin rows of one article: the same rows as the one-article query (origins) gives at this point. */
  origins(a: Article, e: ArticleExtras): { rows: OriginRow[]; values: string[] } {
    const ids = [a.id, ...(e.origin?.ids ?? [])];
    const key = e.origin?.key ?? null;
    const sourceHash = e.origin?.sourceHash ?? null;
    const values = [...ids, a.contentHash, ...(key !== null ? [key] : []), ...(sourceHash !== null ? [sourceHash] : [])];
    const aliasOfKey = new Set(this.rows.filter((r) => r.article !== null && key !== null && r.origin_key === key).map((r) => r.article!));
    const rows = this.rows.filter((r) => r.article === null
      ? ids.includes(r.id) || (key !== null && r.origin_key === key) || (sourceHash !== null && r.source_hash === sourceHash)
        || r.content_hash === a.contentHash || aliasOfKey.has(r.rowid)
      : ids.includes(r.id) || (key !== null && r.origin_key === key));
    const stale = values.some((v) => this.touchedValues.has(v)) || rows.some((r) => this.touchedRowids.has(r.article ?? r.rowid));
    if (!stale) return { rows, values };
    return { rows: this.s.origins.all(ids, key, sourceHash, a.contentHash, key, ids, key) as OriginRow[], values };
  }

  /** The near-duplicate candidates of an article with these band keys (its own stored row, `self`, aside), by rowid. */
  candidates(keys: number[], self: number): Candidate[] {
    const found = new Map<number, Candidate>();
    for (const k of keys) {
      for (const c of this.banded.get(k) ?? []) if (!this.written.has(c.rowid)) found.set(c.rowid, c);
    }
    for (const w of this.written.values()) if (keys.some((k) => w.keys.has(k))) found.set(w.rowid, w);
    found.delete(self);
    return [...found.values()].sort((x, y) => x.rowid - y.rowid);
  }

  /** Records what an article of the batch wrote (`row`: its article row, when it wrote one) and what it looked at. */
  wrote(found: { rows: OriginRow[]; values: string[] }, result: PutResult, row: { rowid: number; id: string; signature: Uint32Array; keys: number[] } | null): void {
    for (const v of [...found.values, result.id, ...(result.alias ? [result.alias] : [])]) this.touchedValues.add(v);
    for (const r of found.rows) this.touchedRowids.add(r.article ?? r.rowid);
    if (!row) return;
    this.touchedRowids.add(row.rowid);
    const signature = new Uint8Array(row.signature.buffer, row.signature.byteOffset, row.signature.byteLength);
    this.written.set(row.rowid, { rowid: row.rowid, id: row.id, signature, keys: new Set(row.keys) });
  }
}
type Lookup = { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };

/**
 * The origin decisions' lookups of one article (by its ids, its source's key, its source hash, its content hash; the
 * aliases of its ids and key, and the article an alias of its key points to), answered from `rows` (BatchLookups), read
 * before the decisions run, which write nothing before their last lookup. A lookup of anything else (freeId's `~2`
 * ids) asks the database.
 */
function originLookups(s: Statements, a: Article, e: ArticleExtras, rows: OriginRow[]): Pick<Statements, 'ownById' | 'ownByKey' | 'ownByRowid' | 'ownBySourceHash' | 'ownByContent' | 'rowidById' | 'aliasById' | 'aliasByKey'> {
  const ids = [a.id, ...(e.origin?.ids ?? [])];
  const key = e.origin?.key ?? null;
  const sourceHash = e.origin?.sourceHash ?? null;
  const own = rows.filter((r) => r.article === null).map(({ article: _, ...r }) => r).sort((x, y) => x.rowid - y.rowid);
  const aliases = rows.filter((r) => r.article !== null).map((r) => ({ id: r.id, article: r.article!, origin_key: r.origin_key, source_hash: r.source_hash! }));
  const lookup = (stmt: Lookup, covered: (v: unknown) => boolean, answer: (v: unknown) => unknown): Lookup => ({
    get: (v: unknown) => (covered(v) ? answer(v) : stmt.get(v)),
    run: (...p: unknown[]) => stmt.run(...p),
  });
  const ofId = (v: unknown) => ids.includes(v as string);
  return {
    ownById: lookup(s.ownById, ofId, (v) => own.find((r) => r.id === v)),
    ownByKey: lookup(s.ownByKey, (v) => key !== null && v === key, (v) => own.find((r) => r.origin_key === v)),
    ownByRowid: lookup(s.ownByRowid, (v) => own.some((r) => r.rowid === Number(v)), (v) => own.find((r) => r.rowid === Number(v))),
    ownBySourceHash: lookup(s.ownBySourceHash, (v) => sourceHash !== null && v === sourceHash, (v) => own.find((r) => r.source_hash === v)),
    ownByContent: lookup(s.ownByContent, (v) => v === a.contentHash, (v) => own.find((r) => r.content_hash === v)),
    rowidById: lookup(s.rowidById, ofId, (v) => { const r = own.find((x) => x.id === v); return r ? { rowid: r.rowid } : undefined; }),
    aliasById: lookup(s.aliasById, ofId, (v) => { const r = aliases.find((x) => x.id === v); return r ? { article: r.article } : undefined; }),
    aliasByKey: lookup(s.aliasByKey, (v) => key !== null && v === key, (v) => { const r = aliases.find((x) => x.origin_key === v); return r ? { id: r.id, article: r.article, source_hash: r.source_hash } : undefined; }),
  } as unknown as Pick<Statements, 'ownById' | 'ownByKey' | 'ownByRowid' | 'ownBySourceHash' | 'ownByContent' | 'rowidById' | 'aliasById' | 'aliasByKey'>;
}

function prepareStatements(db: PgDb) {
  return {
    byHashOrId: db.prepare('SELECT rowid, id, source, published, content_hash FROM article WHERE content_hash = ? OR id = ?'),
    fillMetadata: db.prepare('UPDATE article SET source = coalesce(source, ?), published = coalesce(published, ?), revision = ? WHERE rowid = ?'),
    revision: db.prepare('SELECT coalesce(max(revision), 0) FROM article').pluck(),
    changedAfter: db.prepare('SELECT id FROM article WHERE revision > ? ORDER BY revision').pluck(),
    byIds: db.prepare('SELECT * FROM article WHERE id = ANY(?::text[])'),
    relatedOf: db.prepare(`SELECT r.article, a.id FROM article_related r JOIN article a ON a.rowid = r.other
      WHERE r.article = ANY(?::bigint[]) ORDER BY r.article, r.similarity DESC, a.id`),
    count: db.prepare('SELECT count(*) FROM article').pluck(),
    ids: db.prepare('SELECT id FROM article ORDER BY published IS NULL, published, id').pluck(),
    // With its rowid taken beforehand (rowids), so the insert waits to go with the next statement.
    insert: db.prepare(`INSERT INTO article (rowid, id, source, title, url, published, lang, text, removed, content_hash, ingested_at, revision, origin_key, source_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    rowids: db.prepare("SELECT nextval(pg_get_serial_sequence('article', 'rowid')) FROM generate_series(1, ?)").pluck(),
    // One article's origin rows (originLookups), and the same for a whole batch's values (BatchLookups).
    origins: db.prepare(`SELECT rowid, id, source, published, content_hash, origin_key, source_hash, NULL::bigint AS article FROM article
        WHERE id = ANY(?::text[]) OR origin_key = ? OR source_hash = ? OR content_hash = ?
          OR rowid IN (SELECT article FROM article_alias WHERE origin_key = ?)
      UNION ALL
      SELECT NULL, id, NULL, NULL, NULL, origin_key, source_hash, article FROM article_alias WHERE id = ANY(?::text[]) OR origin_key = ?`),
    batchOrigins: db.prepare(`SELECT rowid, id, source, published, content_hash, origin_key, source_hash, NULL::bigint AS article FROM article
        WHERE id = ANY(?::text[]) OR origin_key = ANY(?::text[]) OR source_hash = ANY(?::text[]) OR content_hash = ANY(?::text[])
          OR rowid IN (SELECT article FROM article_alias WHERE origin_key = ANY(?::text[]))
      UNION ALL
      SELECT NULL, id, NULL, NULL, NULL, origin_key, source_hash, article FROM article_alias WHERE id = ANY(?::text[]) OR origin_key = ANY(?::text[])`),
    batchBandCandidates: db.prepare(`SELECT b.band, b.article AS rowid, a.id, s.signature FROM article_band b
      JOIN article_signature s ON s.article = b.article JOIN article a ON a.rowid = b.article WHERE b.band = ANY(?::bigint[])`),
    rowidById: db.prepare('SELECT rowid FROM article WHERE id = ?'),
    idByRowid: db.prepare('SELECT id FROM article WHERE rowid = ?').pluck(),
    ...prepareOriginStatements(db),
    update: db.prepare(`UPDATE article SET source = ?, title = ?, url = ?, published = ?, lang = ?, text = ?, removed = ?,
      content_hash = ?, ingested_at = ?, revision = ? WHERE rowid = ?`),
    putSignature: db.prepare(`INSERT INTO article_signature (article, signature) VALUES (?, ?)
      ON CONFLICT (article) DO UPDATE SET signature = excluded.signature`),
    putSearch: db.prepare(`INSERT INTO article_search (article, title_norm, title_stem, norm, stem) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (article) DO UPDATE SET title_norm = excluded.title_norm, title_stem = excluded.title_stem, norm = excluded.norm, stem = excluded.stem`),
    insertBands: db.prepare('INSERT INTO article_band (band, article) SELECT unnest(?::bigint[]), ? ON CONFLICT DO NOTHING'),
    deleteBands: db.prepare('DELETE FROM article_band WHERE article = ?'),
    insertRelated: db.prepare(`INSERT INTO article_related (article, other, similarity) VALUES (?, ?, ?)
      ON CONFLICT (article, other) DO UPDATE SET similarity = excluded.similarity`),
    deleteRelated: db.prepare('DELETE FROM article_related WHERE article = ? OR other = ?'),
    kvGet: db.prepare('SELECT value FROM kv WHERE key = ?').pluck(),
    kvPut: db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
