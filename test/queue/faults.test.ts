// Faults of the queued ingest, against real Redis servers: a worker killed with SIGKILL mid-job (its job is taken over
// and nothing is stored twice or lost), Redis restarted during an ingest (the ingest says its jobs are gone, a re-run
// completes it), and jobs that fail (retried with backoff; a dead letter `khabar jobs` lists).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from '../helpers/shared.js';
import { bin, freePort, freshQueue, hasRedisServer, khabar, needsRedis, startPrivateRedis, startWorkers } from './redis.js';
import { generateArticles } from './generate.js';
import { FEEDS, startFeedServer } from '../watch/feed-server.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-faults-'));
const ARTICLES = 1200;
const input = join(dir, 'articles.jsonl');
before(() => generateArticles(input, ARTICLES));
after(() => rmSync(dir, { recursive: true, force: true }));

const count = (db: string): number => {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try { return (d.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n; } finally { d.close(); }
  } catch { return 0; } // the schema is not there yet
};

/** Every article stored once, whole: its search row and its LSH bands. */
function assertWhole(db: string, n: number): void {
  const d = new Database(db, { readonly: true });
  try {
    const one = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    assert.equal(one('SELECT count(*) AS n FROM article'), n);
    assert.equal(one('SELECT count(DISTINCT content_hash) AS n FROM article'), n);
    assert.equal(one('SELECT count(*) AS n FROM article_fts'), n);
    assert.equal(one('SELECT count(*) AS n FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_band b WHERE b.article = a.rowid)'), 0);
  } finally {
    d.close();
  }
}

/** A `khabar CMD` in the background, with its output so far and its end. */
function background(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const done = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { child, stderr: () => stderr, done };
}

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 240_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a worker killed with SIGKILL mid-job: its job is taken over, nothing is lost and nothing stored twice', { ...needsRedis, timeout: 600_000 }, async () => {
  const q = freshQueue();
  const db = join(dir, 'kill.db');
  // Jobs of 400 articles take seconds each: once the first is stored the worker is inside the second.
  const ingest = background(['ingest', input, '--queue', q.url, '--wait', '--job-size', '400']);
  const first = startWorkers(1, ['--queue', q.url, '--db', db, '--lock', '2s', '--no-group']);
  let second: ReturnType<typeof startWorkers> | null = null;
  try {
    await until('the first job stored', () => count(db) >= 400);
    first.children[0]!.kill('SIGKILL');
    await new Promise((r) => first.children[0]!.once('exit', r));
    const atKill = count(db);
    assert.ok(atKill < ARTICLES, `the worker had stored everything (${atKill}) before it was killed`);
    second = startWorkers(1, ['--queue', q.url, '--db', db, '--lock', '2s', '--no-group']);
    const code = await ingest.done;
    assert.equal(code, 0, ingest.stderr() + first.output() + second.output());
    assertWhole(db, ARTICLES);
    // What the killed worker had committed came back as duplicates when its job was taken over, never twice.
    const m = /(\d+) stored, (\d+) duplicates?, 0 failed/.exec(ingest.stderr());
    assert.ok(m, ingest.stderr());
    assert.equal(Number(m[1]) + Number(m[2]), ARTICLES);
  } finally {
    await first.stop();
    await second?.stop();
    ingest.child.kill();
    await q.drop();
  }
});

test('Redis restarted during an ingest: the ingest says its jobs are gone, and a re-run completes it without storing twice', { ...needsRedis, ...(hasRedisServer ? {} : { skip: 'no redis-server to start a private Redis with' }), timeout: 600_000 }, async () => {
  const port = await freePort();
  let redis = await startPrivateRedis(port);
  const q = freshQueue(port);
  const db = join(dir, 'restart.db');
  const workers = startWorkers(1, ['--queue', q.url, '--db', db, '--no-group']);
  try {
    const ingest = background(['ingest', input, '--queue', q.url, '--wait', '--job-size', '100']);
    await until('some articles stored', () => count(db) >= 100);
    await redis.stop();
    redis = await startPrivateRedis(port);
    const code = await ingest.done;
    assert.equal(code, 1, ingest.stderr());
    assert.match(ingest.stderr(), /no longer in the queue at redis:\/\/127\.0\.0\.1:\d+\?prefix=\S+ \(Redis restarted without keeping its data, or the jobs were removed\): run the same ingest again/);
    const partial = count(db);
    assert.ok(partial < ARTICLES, `everything was stored (${partial}) before the restart`);

    // The same worker, reconnected, takes the re-run's jobs.
    const again = await khabar(['ingest', input, '--queue', q.url, '--wait', '--job-size', '100']);
    assert.equal(again.code, 0, again.stderr + workers.output());
    assertWhole(db, ARTICLES);
    const m = /(\d+) stored, (\d+) duplicates?, 0 failed/.exec(again.stderr);
    assert.ok(m, again.stderr);
    assert.equal(Number(m[2]), partial, 'what was stored before the restart comes back as duplicates');
    assert.equal(Number(m[1]), ARTICLES - partial);
  } finally {
    await workers.stop();
    await redis.stop();
  }
});

test('failing jobs: a 500 is retried with backoff, a 404 is a dead letter at once, and khabar jobs lists it', { ...needsRedis, timeout: 300_000 }, async () => {
  const page = readFileSync(join(repoRoot, 'samples', 'corpus', 'alminaa-20260314-vienna-ceasefire.html'));
  const hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    hits[req.url!] = (hits[req.url!] ?? 0) + 1;
    if (req.url === '/page.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); return; }
    if (req.url === '/down') { res.writeHead(500); res.end(); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const q = freshQueue();
  const db = join(dir, 'dead.db');
  const workers = startWorkers(1, ['--queue', q.url, '--db', db]);
  try {
    const r = await khabar(['ingest', `${base}/page.html`, `${base}/gone`, `${base}/down`, '--allow-private', '--queue', q.url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /3 jobs enqueued .*\(0 articles read, 3 URLs to fetch\)/);
    let status: { counts: Record<string, number>; deadLetters: { name: string; reason: string; attempts: number }[] } = { counts: {}, deadLetters: [] };
    await until('the page stored, the 404 dead and the 500 tried twice', async () => {
      const s = await khabar(['jobs', '--queue', q.url, '--json']);
      status = JSON.parse(s.stdout);
      return status.counts.completed === 1 && status.counts.failed === 1 && (hits['/down'] ?? 0) >= 2;
    });
    assert.equal(count(db), 1);
    assert.equal(hits['/gone'], 1, 'a 404 is not tried again');
    assert.deepEqual(status.deadLetters.map((d) => [d.name, d.reason, d.attempts]), [[`${base}/gone`, 'HTTP 404 Not Found', 1]]);
    const text = await khabar(['jobs', '--queue', q.url]);
    assert.match(text.stdout, /1 done, 1 dead letters/);
    assert.match(text.stdout, new RegExp(`\\t1 attempt\\t${base}/gone\\tHTTP 404 Not Found`));
    assert.match(workers.output(), /\/down: HTTP 500 Internal Server Error \(attempt 1 of 5, tried again in 2 s\)/);
    // Put back, the dead letter is tried again (and, still 404, is a dead letter again). The 500 may have become one
    // too by then, on a loaded machine (its attempts spent, or its lock not renewed in time): both are put back.
    const retry = await khabar(['jobs', '--queue', q.url, '--retry']);
    assert.match(retry.stderr, /(1 dead letter|2 dead letters) put back in the queue/);
    await until('the 404 tried again', () => hits['/gone'] === 2);
  } finally {
    await workers.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await q.drop();
  }
});

test('khabar watch --queue enqueues the new items of real feeds, and a worker stores and groups them', { ...needsRedis, timeout: 300_000 }, async () => {
  const feeds = await startFeedServer();
  const q = freshQueue();
  const db = join(dir, 'watch.db');
  const feedsFile = join(dir, 'feeds.txt');
  writeFileSync(feedsFile, [FEEDS.nakheel, FEEDS.rafid, FEEDS.shurfa].map((p) => feeds.base + p).join('\n') + '\n');
  const workers = startWorkers(1, ['--queue', q.url, '--db', db]);
  try {
    const r = await khabar(['watch', feedsFile, '--once', '--allow-private', '--gap', '10ms', '--queue', q.url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /round 1 at .*: 8 new articles, 0 feeds unchanged, 0 failed/);
    await until('8 articles stored and grouped', () => /grouped 8 articles into/.test(workers.output()));
    const stories = await khabar(['stories', '--json', '--db', db]);
    const vienna = (JSON.parse(stories.stdout) as { articles: string[] }[]).find((s) => s.articles.includes('https://nakheel.example/news/2026/03/14/vienna-ceasefire'))!;
    assert.ok(vienna.articles.includes('rafid-20260314-vienna-ceasefire'), JSON.stringify(vienna));
  } finally {
    await workers.stop();
    await feeds.close();
    await q.drop();
  }
});
