// SqliteReportCache: story reports as the server built them, kept in a file of their own beside the database
// (`<db>-reports`) so that the first visit of a story after a restart reads its report instead of building it.
// A cache: deleting the file loses nothing. Its own file, because a write to the khabar database is seen by every
// reader of it as another process's change (and the server's readers drop what they cached when they see one).
//   report  story id → the member list the report was built from, and the report (deflated JSON)
//   meta    'build': what code built the reports (a report of other code is not reused); 'revision': the store
//           revision up to which the articles the reports were built from are known unchanged
import Database from 'better-sqlite3';

export class SqliteReportCache {
  private readonly db: Database.Database;
  private readonly stmt;

  /** Opens (or creates) the cache at `path`; one made by another `build` is emptied. */
  constructor(path: string, build: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // The server's thread and its background thread both write it (each a small write).
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS report (story TEXT PRIMARY KEY, members TEXT NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
    this.stmt = {
      get: this.db.prepare('SELECT members, body FROM report WHERE story = ?'),
      has: this.db.prepare('SELECT 1 FROM report WHERE story = ? AND members = ?').pluck(),
      put: this.db.prepare('INSERT INTO report (story, members, body) VALUES (?, ?, ?) ON CONFLICT(story) DO UPDATE SET members = excluded.members, body = excluded.body'),
      delete: this.db.prepare('DELETE FROM report WHERE story = ?'),
      getMeta: this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
    if (this.stmt.getMeta.get('build') !== build) {
      this.db.transaction(() => {
        this.db.exec('DELETE FROM report; DELETE FROM meta');
        this.stmt.setMeta.run('build', build);
      }).immediate();
    }
  }

  /** The stored report body of a story, when it was built from exactly these members. */
  get(story: string, members: string): Buffer | null {
    const row = this.stmt.get.get(story) as { members: string; body: Buffer } | undefined;
    return row && row.members === members ? row.body : null;
  }

  has(story: string, members: string): boolean {
    return this.stmt.has.get(story, members) !== undefined;
  }

  put(story: string, members: string, body: Buffer): void {
    this.stmt.put.run(story, members, body);
  }

  delete(stories: Iterable<string>): void {
    this.db.transaction(() => { for (const s of stories) this.stmt.delete.run(s); })();
  }

  /** The store revision up to which the reports' articles are known unchanged (null: none recorded). */
  revision(): number | null {
    const v = this.stmt.getMeta.get('revision') as string | undefined;
    return v === undefined ? null : Number(v);
  }

  setRevision(revision: number): void {
    this.stmt.setMeta.run('revision', String(revision));
  }

  close(): void {
    this.db.close();
  }
}
