// The part of better-sqlite3's API that the store's state classes (stories, entities, migrations) use, so the same
// classes run over SQLite (better-sqlite3's Database fits it as it is) and over PostgreSQL (PgDb, pg-sync.ts).
export interface SqlStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggle?: boolean): SqlStatement;
}

export interface SqlDb {
  prepare(sql: string): SqlStatement;
  exec(sql: string): unknown;
  /** Wraps fn in a transaction (a savepoint when nested); immediate() takes the write lock first on SQLite. */
  transaction<T>(fn: () => T): { (): T; immediate(): T };
  readonly inTransaction: boolean;
  readonly open: boolean;
  /** 'postgres' for PgDb; absent for SQLite. Picks the few statements whose SQL differs. */
  readonly dialect?: 'postgres';
}

/** Whether a SqlDb is PostgreSQL (else SQLite). */
export function isPostgres(db: SqlDb): boolean {
  return db.dialect === 'postgres';
}
