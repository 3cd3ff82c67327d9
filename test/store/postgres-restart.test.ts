// PostgreSQL restarted (as by a crash) during a `khabar ingest` into it, on a private cluster of this test
// (private-postgres.ts): the ingest either goes on once the server is back or stops with a message naming the
// database and what happened; a re-run then completes it, and every article is stored once, whole.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';
import { writeArticles } from '../../bench/queue.js';
import { PgDb } from '../../src/store/pg-sync.js';
import { PostgresStore } from '../../src/store/index.js';
import { analyzeQuery } from '../../src/search/analyzer.js';
import { needsPrivatePostgres, privatePostgres, type PrivatePostgres } from './private-postgres.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'khabar-pg-restart-'));
let cluster: PrivatePostgres | null = null;
after(() => {
  cluster?.remove();
  rmSync(dir, { recursive: true, force: true });
});

const ARTICLES = 1500;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

function ingest(input: string, db: string, env: Record<string, string> = {}): { stderr: () => string; done: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, 'ingest', input, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return { stderr: () => stderr, done: new Promise((r) => child.once('exit', (c) => r(c))) };
}

/** One number from the private server, or -1 while it cannot answer (down, or the schema not made yet). */
function scalar(url: string, sql: string): number {
  try {
    const db = new PgDb(url);
    try { return Number(db.prepare(sql).pluck().get()); } finally { db.close(); }
  } catch {
    return -1;
  }
}

/** Waits until the ingest has committed some articles (not all); returns how many. */
async function someStored(db: string, stderr: () => string): Promise<number> {
  const end = Date.now() + 600_000;
  for (;;) {
    const n = scalar(db, 'SELECT count(*) FROM article');
    if (n >= 1) return n;
    assert.ok(Date.now() < end, `no article stored: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every article once, whole: its search row, its signature, its LSH bands and a revision of its own. */
function assertWhole(db: string): void {
  assert.equal(scalar(db, 'SELECT count(*) FROM article'), ARTICLES);
  assert.equal(scalar(db, 'SELECT count(DISTINCT content_hash) FROM article'), ARTICLES);
  assert.equal(scalar(db, 'SELECT count(*) FROM article_search'), ARTICLES);
  assert.equal(scalar(db, 'SELECT count(*) FROM article_signature'), ARTICLES);
  assert.equal(scalar(db, 'SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_band b WHERE b.article = a.rowid)'), 0);
  assert.equal(scalar(db, 'SELECT count(DISTINCT revision) FROM article'), ARTICLES);
}

const input = join(dir, 'articles.jsonl');

test('PostgreSQL restarted during an ingest: the ingest waits for it and goes on, storing every article once',
  { ...needsPrivatePostgres, timeout: 900_000 }, async () => {
    cluster ??= privatePostgres(await freePort());
    writeArticles(input, ARTICLES);
    const db = `${cluster.url}?schema=resumed`;
    const run = ingest(input, db);
    const before = await someStored(db, run.stderr);
    cluster.crash();
    await new Promise((r) => setTimeout(r, 1500));
    cluster.start();
    assert.equal(await run.done, 0, run.stderr());
    assert.ok(before < ARTICLES, `everything was stored (${before}) before the restart`);
    // The batch the restart cut was rolled back and written again: no article counted twice or lost.
    assert.match(run.stderr(), new RegExp(`${ARTICLES} stored, 0 duplicates`));
    assertWhole(db);
  });

test('PostgreSQL down for longer than an ingest waits: it stops saying so, and a re-run completes it without storing twice',
  { ...needsPrivatePostgres, timeout: 900_000 }, async (t) => {
    cluster ??= privatePostgres(await freePort());
    writeArticles(input, ARTICLES);
    const db = `${cluster.url}?schema=stopped`;
    const run = ingest(input, db, { KHABAR_PG_RECONNECT_MS: '2000' });
    await someStored(db, run.stderr);
    cluster.crash();
    const code = await run.done;
    cluster.start();
    assert.equal(code, 1, run.stderr());
    t.diagnostic(run.stderr().split('\n').find((l) => l.startsWith('khabar ingest:')) ?? '');
    const label = cluster.url.replace(/[/.:]/g, '\\$&');
    assert.match(run.stderr(), new RegExp(`khabar ingest: .*PostgreSQL \\(${label}\\): .*(could not be reached for 2 s|nothing of the [a-z ]+ in flight was kept, run the same command again)`));
    const stored = scalar(db, 'SELECT count(*) FROM article');
    assert.ok(stored > 0 && stored < ARTICLES, `${stored} stored before the server went down`);

    const again = ingest(input, db);
    assert.equal(await again.done, 0, again.stderr());
    const m = /(\d+) stored, (\d+) duplicates?,.* (\d+) failed/.exec(again.stderr());
    assert.ok(m, again.stderr());
    assert.equal(Number(m[2]), stored, 'what was stored before the server went down comes back as duplicates');
    assert.equal(Number(m[1]), ARTICLES - stored);
    assertWhole(db);
  });

test('PostgreSQL restarted while a server holds idle search connections: they are replaced, the process goes on searching',
  { ...needsPrivatePostgres, timeout: 300_000 }, async () => {
    cluster ??= privatePostgres(await freePort());
    const db = `${cluster.url}?schema=searching`;
    const store = PostgresStore.open(db);
    try {
      const terms = analyzeQuery('وزير الخارجية');
      assert.deepEqual(await store.searchArticlesAsync!(terms, { limit: 5 }), []);
      // The pool's connection is idle now; the crash breaks it under the pool (an 'error' event nobody awaits).
      cluster.crash();
      await new Promise((r) => setTimeout(r, 1000));
      cluster.start();
      const end = Date.now() + 120_000;
      while (scalar(db, 'SELECT 1') !== 1) {
        assert.ok(Date.now() < end, 'the private server did not come back');
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(await store.searchArticlesAsync!(terms, { limit: 5 }), []);
      assert.equal(await store.countMatchesAsync!(terms), 0);
    } finally {
      store.close();
    }
  });
