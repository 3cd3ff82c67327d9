// Versioned schema migrations, keyed by (component, version), so each store file (articles, stories, …)
// owns its tables and upgrades them independently. A step runs once, in a transaction with its record.
import type Database from 'better-sqlite3';

export interface MigrationStep {
  version: number;
  /** What the step does, recorded for people reading the database. */
  description: string;
  /** SQL to execute, or a function for steps that need logic. */
  up: string | ((db: Database.Database) => void);
}

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    component   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    description TEXT    NOT NULL,
    applied_at  TEXT    NOT NULL,
    PRIMARY KEY (component, version)
  ) WITHOUT ROWID`;

/** The highest applied version of a component (0 when none). */
export function schemaVersion(db: Database.Database, component: string): number {
  db.exec(CREATE_MIGRATIONS_TABLE);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations WHERE component = ?').get(component) as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies the steps of `component` newer than its recorded version, in version order, each in its own
 * transaction together with its schema_migrations row (a crash leaves either the old or the new schema).
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, component: string, steps: MigrationStep[]): number[] {
  const current = schemaVersion(db, component);
  const sorted = [...steps].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].version === sorted[i - 1].version) throw new Error(`migrate: ${component} has two steps with version ${sorted[i].version}`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (component, version, description, applied_at) VALUES (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const step of sorted) {
    if (step.version <= current) continue;
    db.transaction(() => {
      if (typeof step.up === 'string') db.exec(step.up);
      else step.up(db);
      record.run(component, step.version, step.description, new Date().toISOString());
    }).immediate(); // the write lock first, as every write transaction of the store (sqlite.ts)
    applied.push(step.version);
  }
  return applied;
}
