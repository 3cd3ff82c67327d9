// PostgresStore: the Store on PostgreSQL (issue 26), for several processes or machines over one database. Same
// contract as SqliteStore; the schema is postgres-schema.ts. Statements run synchronously through PgDb (pg-sync.ts).
//
// Search: the search stage's own terms (normalized forms, light stems) in a weighted tsvector with a GIN index;
// a query form matches the columns its kind belongs to (weights AC for forms, BD for stems), and hits are ranked by
// ts_rank with the column weights of SqliteStore's bm25 and length normalization 1 (the closest PostgreSQL has to
// BM25: term frequency, column weights and document length, but no inverse document frequency).
//
// Concurrency: article writes take an advisory lock for their transaction (one article writer at a time, as SQLite's
// write lock does), so revisions are handed out in commit order and a duplicate is always seen by the next writer;
// the stories state takes its own lock (sqlite-stories.ts), so one grouper runs at a time across processes.
import type { Article } from '../types.js';
import { migrate } from './migrate.js';
import { answerRepeat, freeId, prepareOriginStatements, resolveOrigin, type OwnRow } from './origins.js';
import { PgDb } from './pg-sync.js';
import { PG_ARTICLE_MIGRATIONS, PG_ARTICLE_ORIGIN_MIGRATIONS, PG_ENTITY_MIGRATIONS, PG_STORY_MIGRATIONS } from './postgres-schema.js';
import { BM25_WEIGHTS, articleFromRow, bandKey, filterSql, termExpression, type ArticleRow } from './sqlite.js';
import type { ArticleExtras, ArticleFilter, ArticleToPut, IndexedText, PutResult, Store, StoreHit, TermQuery } from './types.js';

const SEARCH_INDEX_KEY = 'search-index-version';
const REINDEX_BATCH = 2000;

/** ts_rank weights for {D, C, B, A}: SqliteStore's bm25 column weights (title form, title stem, form, stem), scaled to ≤ 1. */
const RANK_WEIGHTS = [BM25_WEIGHTS[3], BM25_WEIGHTS[2], BM25_WEIGHTS[1], BM25_WEIGHTS[0]].map((w) => w / BM25_WEIGHTS[0]);

/** Whether a --db / KHABAR_DB value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Quotes a term as a to_tsquery operand with the weights it may match; the query parser splits it as the index did. */
function tsOperand(term: string, weights: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${weights}`;
}

/** The to_tsquery text of a TermQuery (every term, each any of its forms), or null when nothing is searchable. */
export function tsQueryText(query: TermQuery): string | null {
  return termExpression(query, (term, kind) => tsOperand(term, kind === 'both' ? 'ABCD' : kind === 'norm' ? 'AC' : 'BD'),
    (stems) => `(${stems.map((x) => tsOperand(x, 'BD')).join(' <-> ')})`, ' | ', ' & ');
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
      return items.map((x) => this.putInTransaction(x.article, x.extras));
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
  private putInTransaction(a: Article, e: ArticleExtras): PutResult {
    // The decisions' lookups answered from one query (see originLookups): each was a round trip of its own.
    const s = { ...this.stmt, ...originLookups(this.stmt, a, e) };
    const decided = resolveOrigin(s, a, e, () => this.nextRevision());
    if ('result' in decided) return decided.result;
    const { own, alias, key, sourceHash } = decided;
    const existing = own;
    const signature = Buffer.from(e.signature.buffer, e.signature.byteOffset, e.signature.byteLength);
    const now = new Date().toISOString();
    const removed = JSON.stringify(a.removed ?? []);
    const keys = [...new Set(e.bands.map(bandKey))];
    // Candidates are read before this article's own bands are written, so it is never its own candidate.
    const candidates = e.verifyNearDuplicate && keys.length
      ? (s.bandCandidates.all(keys, existing?.rowid ?? 0) as { rowid: number; id: string; signature: Uint8Array }[])
      : [];
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
    return { status: existing ? 'updated' : 'stored', id, nearDuplicates };
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

  searchArticles(query: TermQuery, filter: ArticleFilter = {}): StoreHit[] {
    const q = tsQueryText(query);
    if (!q) return [];
    const { where, params } = filterSql(filter);
    const sql = `SELECT a.id, a.title, a.source, a.published, a.text, ts_rank('{${RANK_WEIGHTS.join(',')}}', s.terms, q, 1) AS score
      FROM article_search s CROSS JOIN to_tsquery('simple', ?) q JOIN article a ON a.rowid = s.article
      WHERE s.terms @@ q ${where.length ? 'AND ' + where.join(' AND ') : ''}
      ORDER BY score DESC, a.rowid LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(q, ...params, filter.limit ?? 20, filter.offset ?? 0) as StoreHit[];
  }

  countMatches(query: TermQuery, filter: ArticleFilter = {}): number {
    const q = tsQueryText(query);
    if (!q) return 0;
    const { where, params } = filterSql(filter);
    const sql = `SELECT count(*) FROM article_search s CROSS JOIN to_tsquery('simple', ?) q JOIN article a ON a.rowid = s.article
      WHERE s.terms @@ q ${where.length ? 'AND ' + where.join(' AND ') : ''}`;
    return Number(this.db.prepare(sql).pluck().get(q, ...params));
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
    this.db.close();
  }
}

type Statements = ReturnType<typeof prepareStatements>;
type Lookup = { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };

/**
 * The origin decisions' lookups of one article (by its ids, its source's key, its source hash, its content hash; the
 * aliases of its ids and key, and the article an alias of its key points to), read in one query before the decisions
 * run, which write nothing before their last lookup. A lookup of anything else (freeId's `~2` ids) asks the database.
 */
function originLookups(s: Statements, a: Article, e: ArticleExtras): Pick<Statements, 'ownById' | 'ownByKey' | 'ownByRowid' | 'ownBySourceHash' | 'ownByContent' | 'rowidById' | 'aliasById' | 'aliasByKey'> {
  const ids = [a.id, ...(e.origin?.ids ?? [])];
  const key = e.origin?.key ?? null;
  const sourceHash = e.origin?.sourceHash ?? null;
  const rows = s.origins.all(ids, key, sourceHash, a.contentHash, key, ids, key) as (OwnRow & { article: number | null })[];
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
    origins: db.prepare(`SELECT rowid, id, source, published, content_hash, origin_key, source_hash, NULL::bigint AS article FROM article
        WHERE id = ANY(?::text[]) OR origin_key = ? OR source_hash = ? OR content_hash = ?
          OR rowid IN (SELECT article FROM article_alias WHERE origin_key = ?)
      UNION ALL
      SELECT NULL, id, NULL, NULL, NULL, origin_key, source_hash, article FROM article_alias WHERE id = ANY(?::text[]) OR origin_key = ?`),
    rowidById: db.prepare('SELECT rowid FROM article WHERE id = ?'),
    idByRowid: db.prepare('SELECT id FROM article WHERE rowid = ?').pluck(),
    ...prepareOriginStatements(db),
    update: db.prepare(`UPDATE article SET source = ?, title = ?, url = ?, published = ?, lang = ?, text = ?, removed = ?,
      content_hash = ?, ingested_at = ?, revision = ? WHERE rowid = ?`),
    putSignature: db.prepare(`INSERT INTO article_signature (article, signature) VALUES (?, ?)
      ON CONFLICT (article) DO UPDATE SET signature = excluded.signature`),
    putSearch: db.prepare(`INSERT INTO article_search (article, title_norm, title_stem, norm, stem) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (article) DO UPDATE SET title_norm = excluded.title_norm, title_stem = excluded.title_stem, norm = excluded.norm, stem = excluded.stem`),
    bandCandidates: db.prepare(`SELECT s.article AS rowid, a.id, s.signature FROM article_signature s JOIN article a ON a.rowid = s.article
      WHERE s.article IN (SELECT b.article FROM article_band b WHERE b.band = ANY(?::bigint[])) AND s.article <> ? ORDER BY s.article`),
    insertBands: db.prepare('INSERT INTO article_band (band, article) SELECT unnest(?::bigint[]), ? ON CONFLICT DO NOTHING'),
    deleteBands: db.prepare('DELETE FROM article_band WHERE article = ?'),
    insertRelated: db.prepare(`INSERT INTO article_related (article, other, similarity) VALUES (?, ?, ?)
      ON CONFLICT (article, other) DO UPDATE SET similarity = excluded.similarity`),
    deleteRelated: db.prepare('DELETE FROM article_related WHERE article = ? OR other = ?'),
    kvGet: db.prepare('SELECT value FROM kv WHERE key = ?').pluck(),
    kvPut: db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
