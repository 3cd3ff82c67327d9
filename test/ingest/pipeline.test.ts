// The ingest pipeline's parallel preparation: a worker thread prepares (cleans, indexes, signs) what the main
// thread writes. It must store exactly what preparing in one thread stores, on real Arabic news.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Khabar } from '../../src/khabar.js';
import { CleaningContext, isProblem, readInputs } from '../../src/ingest/index.js';
import { PrepareWorker, prepareBatch } from '../../src/prepare.js';
import type { RawArticle } from '../../src/types.js';
import { loadSeeds, needsShared, repoRoot, sharedDir } from '../helpers/shared.js';
import { antLines, antPath } from '../../eval/ant.js';

const repoCorpus = join(repoRoot, 'samples', 'corpus');

const needsAnt = existsSync(antPath) ? {} : { skip: `${antPath} not found (set KHABAR_SHARED)` };

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-pipeline-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every stored row the ingest writes (articles, signatures, bands, near-duplicate links, the cleaning context). */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    return {
      article: db.prepare('SELECT rowid, id, source, title, url, published, lang, text, removed, content_hash FROM article ORDER BY rowid').all(),
      signature: db.prepare('SELECT article, hex(signature) AS s FROM article_signature ORDER BY article').all(),
      band: db.prepare('SELECT band, article FROM article_band ORDER BY band, article').all(),
      related: db.prepare('SELECT article, other, similarity FROM article_related ORDER BY article, other').all(),
      fts: db.prepare('SELECT count(*) AS n FROM article_fts').all(),
      kv: db.prepare('SELECT key, value FROM kv ORDER BY key').all(),
    };
  } finally {
    db.close();
  }
}

test('the prepare worker gives what in-thread preparation gives, seed by seed, and hands its cleaning context back', needsShared, async () => {
  const raws: RawArticle[] = loadSeeds().map((s) => ({ id: s.id, text: s.text, source: 'seeds', published: s.published, origin: s.file }));
  raws.push({ id: 'empty', text: '   ', origin: 'an empty article' });
  const here = new CleaningContext();
  const expected = prepareBatch(raws, here);
  const worker = PrepareWorker.start(new CleaningContext().toJSON());
  assert.ok(worker, 'the compiled worker (dist/src/prepare-worker.js) exists');
  const { outcomes, context } = await worker.prepare(raws, true);
  const finalContext = await worker.finish();
  assert.equal(outcomes.length, raws.length);
  for (const [i, o] of outcomes.entries()) {
    const e = expected[i]!;
    if ('error' in e) {
      assert.ok('error' in o, `${raws[i]!.id} fails in the worker too`);
      assert.equal(o.error, e.error);
      continue;
    }
    assert.ok('item' in o, `${raws[i]!.id} prepared`);
    assert.deepEqual(o.item.article, e.item.article);
    assert.deepEqual(o.item.index, e.item.index);
    assert.deepEqual([...o.item.signature], [...e.item.signature]);
    assert.deepEqual(o.item.bands, e.item.bands);
  }
  assert.match((expected.at(-1) as { error: string }).error, /an empty article: no article text/);
  const seedTexts = expected.slice(0, -1).map((o) => ('item' in o ? o.item.article.text : ''));
  assert.ok(seedTexts.every((x) => x.length > 200), 'every seed is prepared');
  assert.ok(seedTexts.some((x) => x.includes('لافروف')));
  assert.deepEqual(context, here.toJSON());
  assert.deepEqual(finalContext, here.toJSON());
});

test('a large ingest stores the same rows with and without the prepare worker (2,600 ANT articles outside the held-out days)', needsAnt, async () => {
  const t = tempDir();
  try {
    const lines = antLines(2600);
    const input = join(t.dir, 'ant.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const runs: Record<string, unknown[]>[] = [];
    for (const parallel of [true, false]) {
      const path = join(t.dir, `k-${parallel}.db`);
      const k = Khabar.open({ db: path });
      const reads: number[] = [];
      const counts = await k.ingest([input], { parallel, onProgress: (p) => reads.push(p.read) });
      k.close();
      assert.equal(counts.stored + counts.duplicates + counts.failed, 2600);
      assert.ok(counts.stored > 2500, `stored ${counts.stored}`);
      assert.deepEqual(reads, [...reads].sort((a, b) => a - b), 'progress counts up');
      assert.equal(reads.at(-1), 2600);
      runs.push(dump(path));
    }
    const [withWorker, inThread] = runs;
    for (const table of Object.keys(inThread!)) assert.deepEqual(withWorker![table], inThread![table], `table ${table}`);
    // The bodies are the cleaned Arabic text.
    const first = (withWorker!.article[0] as { text: string }).text;
    assert.match(first, /[\u0600-\u06ff]{3,}/);
  } finally {
    t.done();
  }
});

test('a version-1 database keeps its signatures when migrated to the separate signature table', needsShared, async () => {
  const t = tempDir();
  try {
    const path = join(t.dir, 'k.db');
    const k = Khabar.open({ db: path });
    const raws: RawArticle[] = [];
    for await (const r of readInputs([join(sharedDir, 'seeds')])) if (!isProblem(r)) raws.push(r);
    await k.ingest([join(sharedDir, 'seeds')]);
    k.close();
    const before = dump(path);
    // Turn the file back into the version-1 layout: the signature in the article row, no signature table, no revisions.
    const db = new Database(path);
    db.exec(`ALTER TABLE article ADD COLUMN signature BLOB;
      UPDATE article SET signature = (SELECT s.signature FROM article_signature s WHERE s.article = article.rowid);
      DROP TABLE article_signature;
      DROP INDEX article_revision;
      ALTER TABLE article DROP COLUMN revision;
      DELETE FROM schema_migrations WHERE component = 'articles' AND version >= 2;`);
    db.close();
    const again = Khabar.open({ db: path });
    assert.equal(again.count(), raws.length);
    again.close();
    const after = dump(path);
    assert.deepEqual(after.signature, before.signature);
    assert.equal(after.signature.length, raws.length);
    const check = new Database(path, { readonly: true });
    const columns = (check.prepare("SELECT name FROM pragma_table_info('article')").all() as { name: string }[]).map((c) => c.name);
    check.close();
    assert.ok(!columns.includes('signature'), 'the old column is dropped');
  } finally {
    t.done();
  }
});

test('an article of a JSON-lines file that cleaning empties is named by its line; the others are stored', async () => {
  const t = tempDir();
  try {
    const input = join(t.dir, 'feed.jsonl');
    const good = 'وأعلنت روسيا الجمعة أنها ستستضيف قمة ثلاثية تضم تركيا وإيران بشأن النزاع السوري مطلع العام المقبل.';
    writeFileSync(input, [
      JSON.stringify({ id: 'a1', title: 'قمة ثلاثية', text: good, source: 'الجزيرة' }),
      JSON.stringify({ id: 'a2', text: 'اضف تعليق\nشارك' }),
      JSON.stringify({ id: 'a3', text: `${good} وأكدت طهران مشاركتها.`, source: 'الجزيرة' }),
    ].join('\n') + '\n');
    const k = Khabar.open({ db: join(t.dir, 'k.db') });
    const problems: { input: string; reason: string }[] = [];
    const counts = await k.ingest([input], { onProblem: (p) => problems.push(p) });
    k.close();
    assert.equal(counts.stored, 2);
    assert.deepEqual(problems.map((p) => p.input), [`${input} line 2`]);
    assert.match(problems[0]!.reason, /^no article text left after removing boilerplate/);
  } finally {
    t.done();
  }
});

test('a date or outlet given for inputs that carry none fills only what is missing, never what an input says', async () => {
  // The sample corpus's one .txt article (Nakheel, the Jurf floods) has no date; its outlet comes from its "المصدر" line.
  const txt = join(repoCorpus, 'nakheel-20251108-jurf-floods.txt');
  const dated = join(repoCorpus, 'rafid-20251108-jurf-floods.json');
  const { dir, done } = tempDir();
  const khabar = Khabar.open({ db: join(dir, 'k.db') });
  try {
    const bare = await khabar.ingest([txt]);
    assert.equal(bare.stored, 1);
    const id = 'nakheel-20251108-jurf-floods';
    assert.equal(khabar.article(id)!.published, null);
    const source = khabar.article(id)!.source;
    assert.ok(source, 'the outlet named by the text');
    const filled = await khabar.ingest([txt, dated], { fallback: { published: '2025-11-08', source: 'مصدر مفترض' } });
    assert.deepEqual([filled.updated, filled.stored], [1, 1], 'the stored copy gets the date it lacked; the dated article is new');
    assert.equal(khabar.article(id)!.published, '2025-11-08');
    assert.equal(khabar.article(id)!.source, source, 'the outlet the text named stays');
    const rafid = JSON.parse(readFileSync(dated, 'utf8')) as { published: string };
    assert.equal(khabar.article('rafid-20251108-jurf-floods')!.published?.slice(0, 16), rafid.published.slice(0, 16), 'an input\'s own date wins over the fallback');
    const again = await khabar.ingest([txt], { fallback: { published: '2030-01-01' } });
    assert.equal(again.duplicates, 1, 'a date already stored is not replaced');
    assert.equal(khabar.article(id)!.published, '2025-11-08');
  } finally {
    khabar.close();
    done();
  }
});
