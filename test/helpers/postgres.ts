// A PostgreSQL database for tests: the server of the project's machines (127.0.0.1:5432, trust auth, database
// `test`; ../shared/notes/services.md), or KHABAR_TEST_PG. Each test run works in schemas of its own, dropped at
// the end. Without a server the tests skip, saying how to run them.
import { PgDb } from '../../src/store/pg-sync.js';

export const pgBase: string = process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const reason: string | null = (() => {
  try {
    new PgDb(pgBase).close();
    return null;
  } catch (e) {
    return `PostgreSQL not reachable (${(e as Error).message.split('\n')[0]}): start it with ` +
      '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (../shared/notes/services.md) ' +
      'or set KHABAR_TEST_PG=postgres://USER@HOST:PORT/DATABASE';
  }
})();

/** Options for node:test: skips the test, with the reason printed, when PostgreSQL cannot be reached. */
export const needsPostgres = reason ? { skip: reason } : {};

const made: string[] = [];
let n = 0;

/** The connection string of a fresh schema of this run (`label` makes it readable in the server's listings). */
export function pgSchemaUrl(label: string): string {
  const schema = `khabar_test_${label}_${process.pid}_${++n}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  made.push(schema);
  return `${pgBase}${pgBase.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Drops every schema this run made. */
export function dropTestSchemas(): void {
  if (reason || !made.length) return;
  const db = new PgDb(pgBase);
  try {
    for (const s of made.splice(0)) db.exec(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    db.close();
  }
}
