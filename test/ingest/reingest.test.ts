// An input seen before changes nothing: ingesting the same articles again (an interrupted run started again, a feed
// polled every few minutes, the same POST twice) must not change a stored byte, and a line becomes an outlet's
// recurring boilerplate only from different articles of that outlet, never from one article read several times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Khabar } from '../../src/khabar.js';
import { CleaningContext, cleanArticle } from '../../src/ingest/index.js';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';
import { antLines, antPath } from '../../eval/ant.js';

const needsAnt = existsSync(antPath) ? {} : { skip: `${antPath} not found (set KHABAR_SHARED)` };
const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** A sha256 of every stored row of every article table (and the cleaning context), keyed by table and row. */
function rowHashes(path: string): Map<string, string> {
  const db = new Database(path, { readonly: true });
  const out = new Map<string, string>();
  const h = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');
  try {
    for (const r of db.prepare('SELECT * FROM article ORDER BY rowid').all() as { rowid?: number; id: string }[]) out.set(`article ${r.id}`, h(r));
    for (const r of db.prepare('SELECT article, hex(signature) AS s FROM article_signature ORDER BY article').all() as { article: number }[]) out.set(`signature ${r.article}`, h(r));
    out.set('bands', h(db.prepare('SELECT band, article FROM article_band ORDER BY band, article').all()));
    out.set('related', h(db.prepare('SELECT article, other, similarity FROM article_related ORDER BY article, other').all()));
    out.set('fts', h(db.prepare('SELECT count(*) AS n FROM article_fts').all()));
    for (const r of db.prepare('SELECT key, value FROM kv ORDER BY key').all() as { key: string }[]) out.set(`kv ${r.key}`, h(r));
  } finally {
    db.close();
  }
  return out;
}

function changedRows(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k));
}

test('1,500 ANT articles ingested four times: the second, third and fourth ingest change no stored byte', needsAnt, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-reingest-'));
  try {
    const input = join(dir, 'ant.jsonl');
    writeFileSync(input, antLines(1500).join('\n') + '\n');
    const db = join(dir, 'k.db');
    let first: Map<string, string> | null = null;
    for (let run = 1; run <= 4; run++) {
      const k = Khabar.open({ db });
      const counts = await k.ingest([input]);
      k.close();
      if (run === 1) {
        assert.ok(counts.stored > 1400, `stored ${counts.stored}`);
        first = rowHashes(db);
        continue;
      }
      assert.equal(counts.stored + counts.updated, 0, `run ${run}: ${JSON.stringify(counts)}`);
      const changed = changedRows(first!, rowHashes(db));
      assert.deepEqual(changed.slice(0, 10), [], `run ${run}: ${changed.length} stored rows changed`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report --db on the same 300 ANT articles three times changes no stored byte', needsAnt, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-reingest-'));
  try {
    const input = join(dir, 'ant.jsonl');
    writeFileSync(input, antLines(300).join('\n') + '\n');
    const db = join(dir, 'k.db');
    let first: Map<string, string> | null = null;
    for (let run = 1; run <= 3; run++) {
      const r = spawnSync(process.execPath, [bin, 'report', input, '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      // Status 1: a few ANT lines have an empty body, each named on stderr; the others are in the report.
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.doesNotMatch(r.stderr, /no article text left/, 'no article is emptied by lines of its own');
      const articles = (JSON.parse(r.stdout) as { articles: { id: string }[] }).articles;
      assert.ok(articles.length > 280, `run ${run}: ${articles.length} articles in the report`);
      const hashes = rowHashes(db);
      if (run === 1) first = hashes;
      else assert.deepEqual(changedRows(first!, hashes).filter((k) => k.startsWith('article ')), [], `run ${run}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same article posted four times keeps its text; its lines are not the outlet\'s boilerplate', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-reingest-'));
  const k = Khabar.open({ db: join(dir, 'k.db') });
  try {
    const seed = loadSeeds().find((s) => s.id.startsWith('002'))!;
    const raw = { id: 'post-1', text: seed.text, source: 'الجزيرة', published: seed.published };
    const first = k.addArticle(raw);
    assert.equal(first.status, 'stored');
    const stored = k.article('post-1')!;
    for (let i = 0; i < 3; i++) {
      const again = k.addArticle({ ...raw });
      assert.equal(again.status, 'duplicate');
      assert.equal(again.id, 'post-1');
    }
    // Posted without an id (known by content alone), it is the same article again: nothing changes.
    const bare = k.addArticle({ text: seed.text, source: 'الجزيرة', published: seed.published });
    assert.equal(bare.id, 'post-1');
    assert.deepEqual(k.article('post-1')!.text, stored.text);
    assert.deepEqual(k.article('post-1')!.removed, stored.removed);
    assert.equal(k.count(), 1);
  } finally {
    k.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a short line is recurring boilerplate after three different articles of an outlet, not after one article three times', needsShared, () => {
  const seeds = loadSeeds();
  const tagline = 'تابعوا تغطيتنا المستمرة للأحداث';
  const article = (i: number): { id: string; text: string; source: string } => ({ id: `a${i}`, source: 'الجزيرة', text: `${seeds[i]!.text}\n${tagline}` });
  const same = new CleaningContext();
  for (let n = 0; n < 4; n++) {
    const a = cleanArticle(article(0), same);
    assert.ok(a.text.includes(tagline), `read ${n + 1} times, the article keeps its own line`);
    assert.ok(!a.removed.some((r) => r.reason === 'recurring'), `read ${n + 1} times, nothing of it is recurring`);
  }
  const different = new CleaningContext();
  const cleaned = [0, 1, 2].map((i) => cleanArticle(article(i), different));
  assert.ok(cleaned[0]!.text.includes(tagline) && cleaned[1]!.text.includes(tagline));
  assert.ok(!cleaned[2]!.text.includes(tagline), 'the third different article loses the line');
  assert.ok(cleaned[2]!.removed.some((r) => r.reason === 'recurring' && r.text === tagline));
  // Round-tripped through JSON (the store persists it), the context still knows the article it counted.
  const restored = CleaningContext.fromJSON(JSON.parse(JSON.stringify(same.toJSON())));
  assert.ok(cleanArticle(article(0), restored).text.includes(tagline));
});
