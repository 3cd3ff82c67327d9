// Versioned schema migrations, keyed by (component, version), so each store file (articles, stories, …)
// owns its tables and upgrades them independently. A step runs once, in a transaction with its record.
// The same code migrates SQLite and PostgreSQL (SqlDb); each backend has its own steps.
import { isPostgres, type SqlDb } from './sql.js';
import type { PgDb } from './pg-sync.js';

export interface MigrationStep {
  version: number;
  /** What the step does, recorded for people reading the database. */
  description: string;
  /** SQL to execute, or a function for steps that need logic. */
  up: string | ((db: SqlDb) => void);
}

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    component   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    description TEXT    NOT NULL,
    applied_at  TEXT    NOT NULL,
    PRIMARY KEY (component, version)
  )`;

/** The highest applied version of a component (0 when none). */
export function schemaVersion(db: SqlDb, component: string): number {
  if (isPostgres(db)) {
    // PostgreSQL's IF NOT EXISTS is no guard against another process creating the table at the same moment (two
    // `khabar ingest` on a new database failed on pg_type's unique index): the migrations lock is taken first.
    db.transaction(() => {
      (db as PgDb).lock('migrate');
      db.exec(CREATE_MIGRATIONS_TABLE);
    })();
  } else db.exec(CREATE_MIGRATIONS_TABLE + ' WITHOUT ROWID');
  return readVersion(db, component);
}

function readVersion(db: SqlDb, component: string): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations WHERE component = ?').get(component) as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies the steps of `component` newer than its recorded version, in version order, each in its own
 * transaction together with its schema_migrations row (a crash leaves either the old or the new schema).
 * Two processes migrating at once apply each step once: the version is read again inside the transaction, which
 * holds SQLite's write lock, or on PostgreSQL an advisory lock. Returns the versions applied.
 */
export function migrate(db: SqlDb, component: string, steps: MigrationStep[]): number[] {
  const current = schemaVersion(db, component);
  const sorted = [...steps].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].version === sorted[i - 1].version) throw new Error(`migrate: ${component} has two steps with version ${sorted[i].version}`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (component, version, description, applied_at) VALUES (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const step of sorted) {
    if (step.version <= current) continue;
    const done = db.transaction(() => {
      if (isPostgres(db)) (db as PgDb).lock('migrate');
      if (readVersion(db, component) >= step.version) return false;
      if (typeof step.up === 'string') db.exec(step.up);
      else step.up(db);
      record.run(component, step.version, step.description, new Date().toISOString());
      return true;
    }).immediate(); // the write lock first, as every write transaction of the store (sqlite.ts)
    if (done) applied.push(step.version);
  }
  return applied;
}
