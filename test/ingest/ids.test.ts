// Nothing lost, nothing overwritten: an article's id is unique per source (a file's path, a URL, an item's own id
// with its outlet, stdin's text), two sources never replace each other, "updated" means the same source changed,
// and an exact copy from another source keeps its id as an alias of the article it is stored as.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Khabar } from '../../src/khabar.js';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

function temp(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ids-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

function write(dir: string, rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

test('a/1.txt and b/1.txt are two articles; other/ok.txt does not replace ok; a changed file is updated under its id', needsShared, async () => {
  const seeds = loadSeeds();
  const t = temp();
  const k = Khabar.open({ db: join(t.dir, 'k.db') });
  try {
    const corpus = join(t.dir, 'corpus');
    write(corpus, 'a/1.txt', seeds[0]!.text);
    write(corpus, 'b/1.txt', seeds[1]!.text);
    const first = await k.ingest([corpus]);
    assert.deepEqual([first.stored, first.updated, first.duplicates], [2, 0, 0]);
    assert.deepEqual(k.store.listArticleIds().sort(), ['1', 'b/1']);
    assert.notEqual(k.article('1')!.contentHash, k.article('b/1')!.contentHash);

    const ok = write(t.dir, 'ok.txt', seeds[2]!.text);
    const other = write(t.dir, 'other/ok.txt', seeds[3]!.text);
    await k.ingest([ok]);
    const okText = k.article('ok')!.text;
    const second = await k.ingest([other]);
    assert.deepEqual([second.stored, second.updated], [1, 0]);
    assert.equal(k.article('ok')!.text, okText, 'ok keeps its text');
    assert.match(k.article('other/ok')!.text, /[\u0600-\u06ff]{3,}/);

    // The same source changed: updated, under the id it had.
    write(corpus, 'b/1.txt', seeds[1]!.text + '\nوأضاف المسؤول أن المحادثات ستستأنف الأسبوع المقبل في العاصمة.');
    const third = await k.ingest([corpus]);
    assert.deepEqual([third.stored, third.updated, third.duplicates], [0, 1, 1]);
    assert.match(k.article('b/1')!.text, /ستستأنف الأسبوع المقبل/);
    assert.doesNotMatch(k.article('1')!.text, /ستستأنف الأسبوع المقبل/);
    assert.equal(k.count(), 4);
  } finally {
    k.close();
    t.done();
  }
});

test('two different texts on stdin are two articles; the same text again is a duplicate', needsShared, async () => {
  const seeds = loadSeeds();
  const t = temp();
  const k = Khabar.open({ db: join(t.dir, 'k.db') });
  try {
    const a = await k.ingest(['-'], { stdin: once(seeds[0]!.text) });
    const b = await k.ingest(['-'], { stdin: once(seeds[4]!.text) });
    const c = await k.ingest(['-'], { stdin: once(seeds[4]!.text) });
    assert.deepEqual([a.stored, b.stored, b.updated, c.duplicates], [1, 1, 0, 1]);
    const ids = k.store.listArticleIds().sort();
    assert.equal(ids.length, 2);
    assert.ok(ids.includes('stdin'));
    assert.match(ids.find((i) => i !== 'stdin')!, /^stdin-[0-9a-f]{8}$/);
  } finally {
    k.close();
    t.done();
  }
});

test('JSON items are told apart by their own id and outlet; the same id of another outlet is another article', needsShared, async () => {
  const seeds = loadSeeds();
  const t = temp();
  const k = Khabar.open({ db: join(t.dir, 'k.db') });
  try {
    const items = [
      { id: '7', source: 'الجزيرة', text: seeds[0]!.text },
      { id: '7', source: 'العربية', text: seeds[1]!.text },
    ];
    write(t.dir, 'x.jsonl', items.map((i) => JSON.stringify(i)).join('\n') + '\n');
    const r = await k.ingest([join(t.dir, 'x.jsonl')]);
    assert.deepEqual([r.stored, r.updated], [2, 0]);
    assert.deepEqual(k.store.listArticleIds().sort(), ['7', '7~2']);
    // The same outlet's item 7 again with a corrected text is an update of it.
    write(t.dir, 'y.jsonl', JSON.stringify({ ...items[1], text: seeds[1]!.text + '\nوقالت المصادر إن الاجتماع المقبل سيعقد في موسكو.' }) + '\n');
    const u = await k.ingest([join(t.dir, 'y.jsonl')]);
    assert.deepEqual([u.stored, u.updated], [0, 1]);
    assert.match(k.article('7~2')!.text, /سيعقد في موسكو/);
    assert.doesNotMatch(k.article('7')!.text, /سيعقد في موسكو/);
  } finally {
    k.close();
    t.done();
  }
});

test('an exact copy keeps its id as an alias: duplicates in show --json and report --json, show finds it by either id', needsShared, () => {
  const seeds = loadSeeds();
  const t = temp();
  try {
    const db = join(t.dir, 'k.db');
    const corpus = join(t.dir, 'copies');
    for (const name of ['c1', 'c2', 'c3']) write(corpus, `${name}.txt`, seeds[4]!.text);
    write(corpus, 'd.txt', seeds[0]!.text);
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KHABAR_DB: db } });
    const ingest = run('ingest', corpus, '--published', '2019-01-23');
    assert.equal(ingest.status, 0, ingest.stderr);
    assert.match(ingest.stderr, /2 stored, 2 duplicates/);
    const shown = run('show', 'c3', '--json');
    assert.equal(shown.status, 0, shown.stderr);
    const article = JSON.parse(shown.stdout) as { id: string; duplicates?: string[] };
    assert.equal(article.id, 'c1');
    assert.deepEqual(article.duplicates, ['c2', 'c3']);
    assert.match(run('show', 'c2').stdout, /c2, c3/);
    const report = run('report', corpus, '--json', '--published', '2019-01-23');
    assert.equal(report.status, 0, report.stderr);
    const doc = JSON.parse(report.stdout) as { articles: { id: string; duplicates?: string[] }[] };
    const listed = doc.articles.flatMap((a) => [a.id, ...(a.duplicates ?? [])]).sort();
    assert.deepEqual(listed, ['c1', 'c2', 'c3', 'd']);
    const story = run('story', 'c2', '--json');
    assert.equal(story.status, 0, story.stderr);
    const info = (JSON.parse(story.stdout) as { articleInfo: { id: string; duplicates?: string[] }[] }).articleInfo;
    assert.deepEqual(info.find((a) => a.id === 'c1')?.duplicates, ['c2', 'c3']);
  } finally {
    t.done();
  }
});

test('a store written before sources were kept: its articles keep their ids, a re-ingest changes nothing, a new path gets its own id', needsShared, async () => {
  const seeds = loadSeeds();
  const t = temp();
  try {
    const db = join(t.dir, 'k.db');
    const ok = write(t.dir, 'ok.txt', seeds[2]!.text);
    let k = Khabar.open({ db });
    await k.ingest([ok]);
    k.close();
    // Back to the layout before the 'article-origins' component: no source columns, no aliases.
    const raw = new Database(db);
    raw.exec(`DROP TABLE article_alias; DROP INDEX article_origin_key; DROP INDEX article_source_hash;
      ALTER TABLE article DROP COLUMN origin_key; ALTER TABLE article DROP COLUMN source_hash;
      DELETE FROM schema_migrations WHERE component = 'article-origins';`);
    const before = raw.prepare('SELECT id, text, content_hash, revision FROM article').all();
    raw.close();
    k = Khabar.open({ db });
    try {
      const again = await k.ingest([ok]);
      assert.deepEqual([again.stored, again.updated, again.duplicates], [0, 0, 1]);
      const other = await k.ingest([write(t.dir, 'other/ok.txt', seeds[3]!.text)]);
      assert.deepEqual([other.stored, other.updated], [1, 0]);
      assert.deepEqual(k.store.listArticleIds().sort(), ['ok', 'other/ok']);
    } finally {
      k.close();
    }
    const check = new Database(db, { readonly: true });
    assert.deepEqual(check.prepare("SELECT id, text, content_hash, revision FROM article WHERE id = 'ok'").all(), before);
    check.close();
  } finally {
    t.done();
  }
});

test('summarize reads a/1.txt and b/1.txt as two articles, and the same file named twice once', needsShared, () => {
  const seeds = loadSeeds();
  const t = temp();
  try {
    const corpus = join(t.dir, 'corpus');
    write(corpus, 'a/1.txt', seeds[0]!.text);
    const b = write(corpus, 'b/1.txt', seeds[1]!.text);
    const r = spawnSync(process.execPath, [bin, 'summarize', corpus, b], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const sources = r.stdout.split('\n').filter((l) => /^\[\d+\] /.test(l));
    assert.equal(sources.length, 2, r.stdout);
    assert.match(sources[0]!, /(\] | — )1$/);
    assert.match(sources[1]!, /(\] | — )b\/1$/);
  } finally {
    t.done();
  }
});
