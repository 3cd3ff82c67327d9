// SqliteStore on the real seed articles: migrations, atomic idempotent writes, near-duplicate links, filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/index.js';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { minhash, lshBands, estimateSimilarity } from '../../src/ingest/minhash.js';
import { NEAR_DUPLICATE_THRESHOLD } from '../../src/ingest/config.js';
import type { ArticleExtras } from '../../src/store/index.js';
import type { Article } from '../../src/types.js';
import { loadSeeds, needsShared } from '../helpers/shared.js';

function tempDb(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-store-'));
  return { path: join(dir, 'k.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An Article from a seed file: first line the title, the rest the body. */
function seedArticle(id: string, text: string, published: string, source: string): Article {
  const [title, ...body] = text.split('\n');
  const bodyText = body.join('\n').trim();
  return {
    id, source, title: title.trim(), url: null, published, lang: 'ar', text: bodyText, removed: [],
    contentHash: createHash('sha256').update(bodyText.split(/\s+/).join(' ')).digest('hex'),
  };
}

/** Index terms and LSH data as the pipeline gives them (a plain word split stands in for the analyzer here). */
function extras(a: Article): ArticleExtras {
  const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
  const sig = minhash(a.text);
  return {
    index: { titleNorm: words(a.title ?? ''), titleStem: '', bodyNorm: words(a.text), bodyStem: '' },
    signature: sig,
    bands: lshBands(sig),
    verifyNearDuplicate: (other, self) => {
      const s = estimateSimilarity(other, self);
      return s >= NEAR_DUPLICATE_THRESHOLD ? s : null;
    },
  };
}

const sources = ['aljazeera', 'anadolu', 'rt', 'alarabiya', 'aljazeera'];

test('stores the seeds once; re-ingest reports duplicates with the existing id', needsShared, () => {
  const db = tempDb();
  try {
    const store = SqliteStore.open(db.path);
    const seeds = loadSeeds();
    for (const [i, s] of seeds.entries()) {
      const a = seedArticle(s.id, s.text, s.published, sources[i]);
      assert.equal(store.putArticle(a, extras(a)).status, 'stored');
    }
    assert.equal(store.countArticles(), 5);
    // Same content under another id: stored once, the existing id reported.
    const again = seedArticle('other-id', seeds[1].text, seeds[1].published, 'anadolu');
    assert.deepEqual(store.putArticle(again, extras(again)), { status: 'duplicate', id: seeds[1].id, nearDuplicates: [] });
    assert.equal(store.countArticles(), 5);
    store.close();
    // Reopening runs no migration twice and keeps the rows.
    const reopened = SqliteStore.open(db.path);
    assert.equal(reopened.countArticles(), 5);
    const got = reopened.getArticle(seeds[2].id)!;
    assert.equal(got.title, seeds[2].text.split('\n')[0].trim());
    assert.equal(got.published, '2018-12-29');
    assert.ok(got.text.includes('لافروف'));
    reopened.close();
  } finally { db.done(); }
});

test('same id with new content replaces the article, its search row and its bands', needsShared, () => {
  const db = tempDb();
  try {
    const store = SqliteStore.open(db.path);
    const [s0, , , , s4] = loadSeeds();
    const a = seedArticle('x', s0.text, s0.published, 'aljazeera');
    store.putArticle(a, extras(a));
    const b = seedArticle('x', s4.text, s4.published, 'aljazeera');
    assert.equal(store.putArticle(b, extras(b)).status, 'updated');
    assert.equal(store.countArticles(), 1);
    assert.equal(store.getArticle('x')!.contentHash, b.contentHash);
    const d = store.db;
    assert.equal((d.prepare('SELECT count(*) n FROM article_fts').get() as { n: number }).n, 1);
    assert.equal((d.prepare('SELECT count(DISTINCT article) n FROM article_band').get() as { n: number }).n, 1);
    // The old text is no longer findable; the new one is.
    const word = (w: string) => store.searchArticles({ terms: [{ norms: [w], stems: [] }] }).map((h) => h.id);
    assert.deepEqual(word('بوتين'), ['x']);
    store.close();
  } finally { db.done(); }
});

test('a lightly edited copy is recorded as a near-duplicate both ways, not dropped', needsShared, () => {
  const db = tempDb();
  try {
    const store = SqliteStore.open(db.path);
    const seeds = loadSeeds();
    const original = seedArticle('orig', seeds[1].text, seeds[1].published, 'anadolu');
    // The agency copy as another outlet runs it: last paragraph dropped, one sentence reworded.
    const paragraphs = seeds[1].text.split('\n').filter((l) => l.trim());
    const edited = paragraphs.slice(0, -1).join('\n').replace('اتفقت تركيا وروسيا', 'اتفقت روسيا وتركيا');
    const copy = seedArticle('copy', edited, seeds[1].published, 'other');
    const other = seedArticle('other', seeds[4].text, seeds[4].published, 'aljazeera');
    store.putArticle(original, extras(original));
    store.putArticle(other, extras(other));
    const r = store.putArticle(copy, extras(copy));
    assert.equal(r.status, 'stored');
    assert.deepEqual(r.nearDuplicates, ['orig']);
    assert.deepEqual(store.getArticle('orig')!.related, ['copy']);
    assert.deepEqual(store.getArticle('copy')!.related, ['orig']);
    assert.equal(store.getArticle('other')!.related, undefined);
    assert.equal(store.countArticles(), 3);
    store.close();
  } finally { db.done(); }
});

test('a failing write leaves nothing half-written', needsShared, () => {
  const db = tempDb();
  try {
    const store = SqliteStore.open(db.path);
    const [s0] = loadSeeds();
    const a = seedArticle('a', s0.text, s0.published, 'x');
    const first = seedArticle('first', s0.text + '\nذيل', s0.published, 'x');
    store.putArticle(first, extras(first));
    // Fails after the article and FTS rows are written, while verifying the near-duplicate candidate.
    const bad = extras(a);
    bad.verifyNearDuplicate = () => { throw new Error('boom'); };
    assert.throws(() => store.putArticle(a, bad), /boom/);
    assert.equal(store.getArticle('a'), null);
    const d = store.db;
    assert.equal((d.prepare('SELECT count(*) n FROM article').get() as { n: number }).n, 1);
    assert.equal((d.prepare('SELECT count(*) n FROM article_fts').get() as { n: number }).n, 1);
    store.close();
  } finally { db.done(); }
});

test('listArticles filters by source and inclusive dates; cleaning context persists', needsShared, () => {
  const db = tempDb();
  try {
    const store = SqliteStore.open(db.path);
    for (const [i, s] of loadSeeds().entries()) {
      const a = seedArticle(s.id, s.text, s.published, sources[i]);
      store.putArticle(a, extras(a));
    }
    const ids = (f: Parameters<SqliteStore['listArticles']>[0]) => store.listArticles(f).map((a) => a.id);
    assert.deepEqual(ids({ source: 'aljazeera' }).map((x) => x.slice(0, 3)), ['000', '004']);
    assert.deepEqual(ids({ to: '2018-12-29' }).map((x) => x.slice(0, 3)), ['001', '002', '003']);
    assert.deepEqual(ids({ from: '2018-12-30', to: '2019-01' }).map((x) => x.slice(0, 3)), ['000', '004']);
    assert.equal(store.loadCleaningContext(), null);
    store.saveCleaningContext({ outlets: { rt: ['اقرأ أيضا'] } });
    store.close();
    const again = SqliteStore.open(db.path);
    assert.deepEqual(again.loadCleaningContext(), { outlets: { rt: ['اقرأ أيضا'] } });
    again.close();
  } finally { db.done(); }
});

test('migrations are keyed by component and applied once', () => {
  const d = new Database(':memory:');
  const steps = [
    { version: 1, description: 't', up: 'CREATE TABLE story_x (id TEXT)' },
    { version: 2, description: 'u', up: 'ALTER TABLE story_x ADD COLUMN title TEXT' },
  ];
  assert.deepEqual(migrate(d, 'stories-test', steps), [1, 2]);
  assert.deepEqual(migrate(d, 'stories-test', steps), []);
  assert.equal(schemaVersion(d, 'stories-test'), 2);
  assert.equal(schemaVersion(d, 'other'), 0);
  // A failing step is rolled back with its record.
  assert.throws(() => migrate(d, 'stories-test', [...steps, { version: 3, description: 'bad', up: 'CREATE TABLE story_x (id TEXT)' }]));
  assert.equal(schemaVersion(d, 'stories-test'), 2);
  d.close();
});

test('every write of an article raises its revision: stored, replaced, its missing date filled in; a duplicate does not', needsShared, () => {
  const db = tempDb();
  try {
    const store = SqliteStore.open(db.path);
    const seeds = loadSeeds();
    assert.equal(store.revision(), 0);
    const arts = seeds.map((s, i) => seedArticle(s.id, s.text, s.published, sources[i]));
    for (const a of arts) store.putArticle(a, extras(a));
    assert.equal(store.revision(), 5);
    assert.deepEqual(store.changedAfter(0), arts.map((a) => a.id));
    assert.deepEqual(store.changedAfter(5), []);
    // The same copy again: nothing written, nothing changed.
    assert.equal(store.putArticle(arts[1], extras(arts[1])).status, 'duplicate');
    assert.equal(store.revision(), 5);
    // Same id, new text.
    const replaced = seedArticle(arts[2].id, `${seeds[4].text}\nتحديث`, seeds[4].published, 'rt');
    assert.equal(store.putArticle(replaced, extras(replaced)).status, 'updated');
    assert.deepEqual(store.changedAfter(5), [arts[2].id]);
    // A bare copy stored first, then the same copy with a date: the date is filled in.
    const bare = seedArticle('bare', `${seeds[0].text}\nسطر آخر`, seeds[0].published, 'aljazeera');
    assert.equal(store.putArticle({ ...bare, published: null }, extras(bare)).status, 'stored');
    assert.equal(store.putArticle(bare, extras(bare)).status, 'updated');
    assert.deepEqual(store.changedAfter(6), ['bare']);
    assert.equal(store.revision(), 8);
    store.close();

    // A store written before revisions were kept: the migration gives each article its rowid as revision.
    const raw = new Database(db.path);
    raw.exec("DROP INDEX article_revision; ALTER TABLE article DROP COLUMN revision; DELETE FROM schema_migrations WHERE component = 'articles' AND version = 3");
    raw.close();
    const reopened = SqliteStore.open(db.path);
    assert.equal(schemaVersion(reopened.db, 'articles'), 3);
    assert.equal(reopened.revision(), 6, 'six rows, the last inserted sixth');
    assert.deepEqual(reopened.changedAfter(5), ['bare']);
    reopened.close();
  } finally { db.done(); }
});

test('a write waits for another connection that holds the write lock, and is not refused when that one commits first', needsShared, async () => {
  // Another process (a grouping catch-up) holds the write lock and commits while this connection waits for it. A
  // deferred transaction read first, so its snapshot was stale once the other committed, and SQLite refused its
  // write at once with "database is locked" (7 of 12 ingests beside a 100,000-article catch-up failed so).
  const { path, done } = tempDb();
  const store = SqliteStore.open(path);
  const seeds = loadSeeds();
  const [first, second] = seeds.map((s) => seedArticle(s.id, s.text, s.published, 'seed'));
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.path);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO kv (key, value) VALUES ('other-writer', '1')").run();
    parentPort.postMessage('holding');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); // holds the lock 0.4 s, then commits
    db.exec('COMMIT');
    db.close();
    parentPort.postMessage('committed');`, { eval: true, workerData: { path, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
  try {
    store.putArticle(first!, extras(first!)); // this connection has read and written before
    const messages: string[] = [];
    const committed = new Promise<void>((resolve) => worker.on('message', (m: string) => { messages.push(m); if (m === 'committed') resolve(); }));
    await once(worker, 'message'); // the other connection holds the write lock now
    assert.equal(store.putArticle(second!, extras(second!)).status, 'stored');
    await committed;
    assert.deepEqual(messages, ['holding', 'committed']);
    assert.equal(store.countArticles(), 2);
  } finally {
    await worker.terminate();
    store.close();
    done();
  }
});
