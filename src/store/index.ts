// Public surface of the store stage: the Store interface and its embedded SQLite implementation.
// (migrate() and SqliteStore.db are for other files inside src/store/ only.)
export type { Store, PutResult, ArticleExtras, ArticleFilter, ArticleToPut, IndexedText, TermQuery, StoreHit } from './types.js';
export { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { PostgresStore, isPostgresUrl } from './postgres.js';

import type { Store } from './types.js';
import { SqliteStore } from './sqlite.js';
import { PostgresStore, isPostgresUrl, migratePostgres } from './postgres.js';
import { PgDb } from './pg-sync.js';
import { migrate, schemaVersion } from './migrate.js';
import { STORY_MIGRATIONS } from './sqlite-stories.js';
import { ENTITY_MIGRATIONS } from './sqlite-entities.js';

/**
 * Opens the store a --db / KHABAR_DB value names: a postgres:// or postgresql:// connection string (optionally
 * ?schema=NAME) opens a PostgresStore, anything else is a SQLite file path.
 */
export function openStore(db: string): Store {
  return isPostgresUrl(db) ? PostgresStore.open(db) : SqliteStore.open(db);
}

/** What `khabar migrate` reports of one schema component. */
export interface MigrationReport {
  component: string;
  /** Versions applied by this call (empty: it was up to date). */
  applied: number[];
  /** The component's version now. */
  version: number;
}

/** Brings every component of a database (articles, stories, entities) to this version's schema. */
export function migrateDatabase(db: string): MigrationReport[] {
  if (isPostgresUrl(db)) {
    const pg = new PgDb(db);
    try {
      const applied = migratePostgres(pg);
      return Object.entries(applied).map(([component, versions]) => ({ component, applied: versions, version: schemaVersion(pg, component) }));
    } finally {
      pg.close();
    }
  }
  const store = SqliteStore.open(db); // migrates the articles component
  try {
    const out: MigrationReport[] = (['articles', 'article-origins'] as const).map((component) => ({ component, applied: [], version: schemaVersion(store.db, component) }));
    for (const [component, steps] of [['stories', STORY_MIGRATIONS], ['entities', ENTITY_MIGRATIONS]] as const) {
      const applied = migrate(store.db, component, steps);
      out.push({ component, applied, version: schemaVersion(store.db, component) });
    }
    return out;
  } finally {
    store.close();
  }
}
