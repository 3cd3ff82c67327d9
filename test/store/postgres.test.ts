// PostgresStore against the real server (test/helpers/postgres.ts), on the seed articles and the sample corpus:
// idempotent and atomic writes, revisions, Arabic search with filters, two connections seeing each other's writes,
// the grouping's advisory lock, and `khabar migrate`.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';
import { dropTestSchemas, needsPostgres, pgBase, pgSchemaUrl } from '../helpers/postgres.js';
import { PostgresStore } from '../../src/store/index.js';
import { PgDb } from '../../src/store/pg-sync.js';
import { tsMatchText, tsQueryText } from '../../src/store/postgres.js';
import { analyzeQuery } from '../../src/search/analyzer.js';
import { storyStateFor } from '../../src/store/sqlite-stories.js';
import { CleaningContext } from '../../src/ingest/index.js';
import { prepareArticle } from '../../src/prepare.js';
import { Khabar } from '../../src/khabar.js';
import { storyGrouperFor } from '../../src/report.js';
import type { ArticleToPut } from '../../src/store/index.js';
import type { RawArticle } from '../../src/types.js';

after(dropTestSchemas);

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const corpus = join(repoRoot, 'samples', 'corpus');

function put(raw: RawArticle): ArticleToPut {
  const p = prepareArticle(raw, new CleaningContext());
  return { article: p.article, extras: { index: p.index, signature: p.signature, bands: p.bands } };
}

function seedRaws(): RawArticle[] {
  return loadSeeds().map((s, i) => ({ id: s.id, text: s.text, published: s.published, source: ['aljazeera', 'rt'][i % 2] }));
}

test('a re-ingest is a duplicate, a corrected copy replaces its article, a bare copy gets its date; revisions name what changed', { ...needsShared, ...needsPostgres }, () => {
  const store = PostgresStore.open(pgSchemaUrl('writes'));
  try {
    const raws = seedRaws();
    assert.deepEqual(store.putArticles(raws.map(put)).map((r) => r.status), raws.map(() => 'stored'));
    assert.equal(store.countArticles(), raws.length);
    const rev = store.revision();
    assert.equal(rev, raws.length);
    assert.deepEqual(store.putArticles(raws.map(put)).map((r) => r.status), raws.map(() => 'duplicate'));
    assert.equal(store.revision(), rev, 'a duplicate writes nothing');

    const corrected = { ...raws[0]!, text: raws[0]!.text!.replace(/\n/, '\nتصحيح: ') };
    assert.equal(store.putArticle(put(corrected).article, put(corrected).extras).status, 'updated');
    assert.match(store.getArticle(raws[0]!.id!)!.text, /تصحيح/);
    assert.deepEqual(store.changedAfter(rev), [raws[0]!.id]);

    // Stored without a date under one id, then the same text dated under another: the date is filled in, nothing replaced.
    const bare = { id: 'bare', text: loadSeeds()[1]!.text.replace(/\n/, '\nنسخة: ') };
    assert.equal(store.putArticle(put(bare).article, put(bare).extras).status, 'stored');
    const dated = put({ ...bare, id: 'bare-again', source: 'anadolu', published: '2019-01-02' });
    const r = store.putArticle(dated.article, dated.extras);
    assert.deepEqual([r.status, r.id], ['updated', 'bare']);
    assert.equal(store.getArticle('bare')!.published, '2019-01-02');
    assert.equal(store.getArticle('bare-again'), null);
  } finally {
    store.close();
  }
});

test('a batch with one unwritable article writes none of it, and says which database refused it', { ...needsShared, ...needsPostgres }, () => {
  const store = PostgresStore.open(pgSchemaUrl('atomic'));
  try {
    const items = seedRaws().map(put);
    items[3]!.article.text += '\u0000'; // PostgreSQL text cannot hold NUL
    assert.throws(() => store.putArticles(items), /PostgreSQL \(postgres:\/\/[^)]*\): .*invalid byte sequence/);
    assert.equal(store.countArticles(), 0);
    assert.equal(store.revision(), 0);
    // The connection is usable afterwards, and the good articles go in.
    items.splice(3, 1);
    assert.equal(store.putArticles(items).length, 4);
    assert.equal(store.countArticles(), 4);
  } finally {
    store.close();
  }
});

test('search finds Arabic words in any form, filtered by outlet and date, and two connections see each other\'s writes', { ...needsPostgres }, async () => {
  const url = pgSchemaUrl('search');
  const writer = Khabar.open({ db: url });
  const reader = Khabar.open({ db: url });
  try {
    const before = reader.store.version();
    await writer.ingest([corpus], { parallel: false });
    assert.notEqual(reader.store.version(), before, 'the other connection sees a change');
    assert.equal(reader.count(), writer.count());
    // الوزير / وزير / الوزيران: the article-prefixed and dual forms are found through the stem.
    const hits = reader.search('الوزير');
    assert.ok(hits.length >= 3, `${hits.length} hits`);
    assert.ok(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score), 'best first');
    const source = hits[0]!.source!;
    assert.ok(reader.search('الوزير', { source }).every((h) => h.source === source));
    assert.deepEqual(reader.search('الوزير', { from: '2030-01-01' }), []);
    assert.deepEqual(reader.search('كلمةغيرموجودة'), []);
  } finally {
    writer.close();
    reader.close();
  }
});

test('grouping holds an advisory lock another connection sees, and another process\'s stories reach a running reader', { ...needsPostgres }, async () => {
  const url = pgSchemaUrl('lock');
  const kb = Khabar.open({ db: url });
  const other = new PgDb(url);
  const reader = Khabar.open({ db: url });
  try {
    await kb.ingest([corpus], { parallel: false });
    const readerState = storyStateFor(reader.store);
    assert.equal(readerState.listStories().length, 0);
    const state = storyStateFor(kb.store);
    // Counted for the store's own connection: other test files and benches hold locks of their own schemas meanwhile.
    const pid = (kb.store as PostgresStore).db.prepare('SELECT pg_backend_pid()').pluck().get();
    const locks = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = ?";
    const held = state.transaction(() => other.prepare(locks).pluck().get(pid));
    assert.equal(held, 1, 'one advisory lock held while the stories state writes');
    assert.equal(other.prepare(locks).pluck().get(pid), 0, 'released at commit');
    const grouper = storyGrouperFor(kb);
    assert.ok(grouper.stories().length >= 4);
    assert.equal(readerState.refresh!(), true, 'the reader learns that another connection wrote');
    const partition = (groups: string[][]) => groups.map((g) => [...g].sort().join(' ')).sort();
    assert.deepEqual(partition(readerState.listStories().map((s) => s.articles)), partition(grouper.stories().map((s) => s.articles)));
  } finally {
    other.close();
    kb.close();
    reader.close();
  }
});

test('the unweighted match column finds exactly the rows the weighted terms do (forms, stems, both, phrases), and the async read path answers alike', { ...needsShared, ...needsPostgres }, async () => {
  const url = pgSchemaUrl('match');
  const kb = Khabar.open({ db: url });
  const db = new PgDb(url);
  try {
    await kb.ingest([corpus], { parallel: false });
    kb.store.putArticles(seedRaws().map(put));
    const titles = db.prepare('SELECT title FROM article WHERE title IS NOT NULL ORDER BY rowid').pluck().all() as string[];
    const queries = new Set(['الوزير', 'وزير الخارجية', '"وقف إطلاق النار"', 'الأمم المتحدة', 'غزة']);
    for (const t of titles) {
      const words = t.split(/\s+/).filter((w) => w.length >= 3);
      if (words[0]) queries.add(words[0]);
      if (words.length > 2) queries.add(`${words[1]} ${words[2]}`);
    }
    const weighted = db.prepare(`SELECT a.id FROM article_search s JOIN article a ON a.rowid = s.article
      WHERE s.terms @@ to_tsquery('simple', ?) ORDER BY a.id`).pluck();
    let compared = 0;
    let nonEmpty = 0;
    for (const q of queries) {
      const terms = analyzeQuery(q);
      const tq = tsQueryText(terms);
      if (!tq) continue;
      const want = weighted.all(tq) as string[];
      const got = kb.store.searchArticles(terms, { limit: 100_000 }).map((h) => h.id).sort();
      assert.deepEqual(got, want, `${q}: ${tsMatchText(terms)} finds what ${tq} does`);
      assert.equal(kb.store.countMatches(terms), want.length, `${q}: its count`);
      // The async read path (a server's searches, on connections of their own) answers alike, ranking included.
      assert.deepEqual(await kb.store.searchArticlesAsync!(terms, { limit: 5 }), kb.store.searchArticles(terms, { limit: 5 }), `${q}: async hits`);
      assert.equal(await kb.store.countMatchesAsync!(terms), want.length, `${q}: async count`);
      compared++;
      if (want.length) nonEmpty++;
    }
    assert.ok(compared >= 20 && nonEmpty >= 20, `${compared} queries compared, ${nonEmpty} with hits`);
    // Stems are lexemes of their own (marked), so a form query never matches a stem that happens to be spelled alike.
    const stemOnly = db.prepare(`SELECT count(*) FROM article_search WHERE match @@ to_tsquery('simple', ?)`).pluck();
    assert.ok(Number(stemOnly.get(`'${'\u0640'}وزير'`)) > 0, 'stems are stored marked');
  } finally {
    db.close();
    kb.close();
  }
});

test('khabar migrate brings a PostgreSQL schema up once, also when two run at once, and names an unreachable server', { ...needsPostgres }, async () => {
  const url = pgSchemaUrl('migrate');
  const run = (db: string) => spawnSync(process.execPath, [bin, 'migrate', '--db', db], { encoding: 'utf8' });
  const first = run(url);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^articles: version 2 \(applied 1, 2\)\narticle-origins: version 1 \(applied 1\)\nstories: version 1 \(applied 1\)\nentities: version 1 \(applied 1\)$/m);
  // Two processes on a new schema at once (two `khabar ingest` started together): each step is applied once.
  const fresh = pgSchemaUrl('migrate_race');
  const both = await Promise.all([0, 1].map(async () => {
    const child = spawn(process.execPath, [bin, 'migrate', '--db', fresh], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    const [code] = await once(child, 'exit') as [number];
    return { code, out };
  }));
  assert.deepEqual(both.map((b) => b.code), [0, 0], both.map((b) => b.out).join('\n'));
  assert.equal(both.filter((b) => /articles: version 2 \(applied 1, 2\)/.test(b.out)).length, 1, 'applied by one of them');
  const again = run(url);
  assert.match(again.stdout, /articles: version 2 \(up to date\)/);
  const bad = run('postgres://nobody:secret@127.0.0.1:1/none');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none.*ECONNREFUSED/);
  assert.doesNotMatch(bad.stderr, /secret/);
  assert.doesNotMatch(bad.stderr, /could not be reached for/, 'a server that does not answer at open is named at once, not waited for');
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'a message, not a stack trace');
  assert.ok(pgBase);
});
