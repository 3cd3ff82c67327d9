// StoredExtractions: each article's analysis extraction (src/analysis/story.ts extractArticle: sentences, entity
// mentions, quotes, numbers, dates; some 17–44 ms of CPU an article, most of it the entity tagger) kept in the store,
// so a story report is a merge of stored extractions (combine and summary) and an extraction is made once per article
// content, not again at every restart, report rebuild or story change. The same class keeps them in SQLite and in
// PostgreSQL (PgDb). Owns its tables through migrate(db, 'extractions', …):
//   extraction_meta     'made_by': what code and model files made the rows (rows of other ones are not reused)
//   article_extraction  extraction key (extractionKey: article id, content hash, date, outlet, version) → the
//                       extraction as deflated JSON; one row per article (an article's new content replaces its row)
// Writes are gathered and committed a batch at a time (flush): every commit to a SQLite file makes its other readers
// (the server's thread) drop their cached grouping state. On PostgreSQL they are written outside a transaction, so
// that they do not count in khabar_commit: a replica that counted them would drop its caches, its reports included,
// at every first visit of a story on another replica. A row is one statement; a flush cut short loses rows, not
// correctness (a missing extraction is made again).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { ArticleExtraction, ExtractionCache } from '../analysis/index.js';
import { migrate, type MigrationStep } from './migrate.js';
import { PgDb } from './pg-sync.js';
import { isPostgres, type SqlDb } from './sql.js';

export const EXTRACTION_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'per-article analysis extractions, by extraction key, and what made them',
    up: `
      CREATE TABLE extraction_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE article_extraction (key TEXT PRIMARY KEY, article TEXT NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
      CREATE INDEX article_extraction_article ON article_extraction (article);
    `,
  },
];

export const PG_EXTRACTION_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'per-article analysis extractions, by extraction key, and what made them',
    up: `
      CREATE TABLE extraction_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE article_extraction (key TEXT COLLATE "C" PRIMARY KEY, article TEXT COLLATE "C" NOT NULL, body BYTEA NOT NULL);
      CREATE INDEX article_extraction_article ON article_extraction (article);
    `,
  },
];

/** Writes gathered before a commit (see the file comment). */
const FLUSH_AT = 200;

export class StoredExtractions implements ExtractionCache {
  private readonly stmt;
  readonly #pending = new Map<string, ArticleExtraction>();

  /** The extractions kept in `db`; those made by other code or model files than `madeBy` are dropped first. */
  constructor(readonly db: SqlDb, madeBy: string) {
    migrate(db, 'extractions', isPostgres(db) ? PG_EXTRACTION_MIGRATIONS : EXTRACTION_MIGRATIONS);
    this.stmt = {
      get: db.prepare('SELECT body FROM article_extraction WHERE key = ?').pluck(),
      dropOthers: db.prepare('DELETE FROM article_extraction WHERE article = ? AND key <> ?'),
      put: db.prepare('INSERT INTO article_extraction (key, article, body) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body'),
      getMeta: db.prepare('SELECT value FROM extraction_meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT INTO extraction_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
    if (this.stmt.getMeta.get('made_by') !== madeBy) {
      db.transaction(() => {
        if (db instanceof PgDb) db.lock('extractions');
        db.prepare('DELETE FROM article_extraction').run();
        this.stmt.setMeta.run('made_by', madeBy);
      }).immediate();
    }
  }

  get(key: string): ArticleExtraction | undefined {
    const pending = this.#pending.get(key);
    if (pending) return pending;
    const body = this.stmt.get.get(key) as Uint8Array | undefined;
    return body ? JSON.parse(inflateRawSync(body).toString('utf8')) as ArticleExtraction : undefined;
  }

  /** Keeps an extraction; written with the next batch (flush). */
  set(key: string, extraction: ArticleExtraction): this {
    this.#pending.set(key, extraction);
    if (this.#pending.size >= FLUSH_AT) this.flush();
    return this;
  }

  /** Writes the extractions kept since the last flush (on SQLite in one transaction). */
  flush(): void {
    if (!this.#pending.size) return;
    const rows = [...this.#pending].map(([key, x]) => [key, x.id, deflateRawSync(JSON.stringify(x), { level: 1 })] as const);
    const write = () => {
      for (const [key, article, body] of rows) {
        this.stmt.dropOthers.run(article, key);
        this.stmt.put.run(key, article, body);
      }
    };
    if (isPostgres(this.db)) write();
    else this.db.transaction(write).immediate();
    this.#pending.clear();
  }
}

/** The extractions kept with a store (its SQLite file or PostgreSQL database), or null for a store that keeps none. */
export function storedExtractionsFor(store: unknown, madeBy: string): StoredExtractions | null {
  const db = (store as { db?: unknown }).db;
  if (db instanceof Database || db instanceof PgDb) return new StoredExtractions(db as SqlDb, madeBy);
  return null;
}
