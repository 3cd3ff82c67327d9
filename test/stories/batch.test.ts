// Grouping a batch (StoryGrouper.addBatch, which groupStoredArticles uses): document frequencies of the whole
// batch from the start, so the grouping depends little on the order the articles come in; the persisted state
// gives the same stories as the in-memory one; a one-article story stored without its own vectors is still
// joined after a restart. Real Arabic text only: the seeds, the sample corpus and ANT articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared, repoRoot } from '../helpers/shared.js';
import { antArticles, antWindow, sampleSet, seedSet, shuffled, splitSet } from '../../eval/stories.js';
import { MemoryStoryState, STORIES_CONFIG, StoryGrouper, groupStoredArticles } from '../../src/stories/index.js';
import { SqliteStoryState } from '../../src/store/sqlite-stories.js';
import { Khabar } from '../../src/khabar.js';
import Database from 'better-sqlite3';
import type { Article } from '../../src/types.js';

function partition(groups: string[][]): string[] {
  return groups.map((g) => [...g].sort().join(' ')).sort();
}

function batchPartition(articles: Article[]): string[] {
  const g = new StoryGrouper();
  g.addBatch(articles);
  return partition(g.stories().map((s) => s.articles));
}

test('a day of ANT news is grouped the same way whatever order the batch comes in', needsShared, () => {
  const ant = antWindow('ant-dev');
  assert.ok(ant, 'ANT dev set found');
  // 2–3 May 2017: 69 articles, among them the Jendouba polling station copies, the Sousse JCI conference and the
  // road-safety day, each reported by several articles.
  const day = splitSet(ant, (a) => (a.published ?? '') < '2017-05-04', 'ant 2–3 May');
  const expected = batchPartition(day.articles);
  assert.ok(expected.some((g) => g.split(' ').length >= 3), 'some story has several articles');
  for (const seed of [1, 2, 3]) {
    assert.deepEqual(batchPartition(shuffled(day.articles, seed)), expected, `order ${seed}`);
  }
});

test('one article at a time still groups the Moscow talks and keeps the summit apart', needsShared, async () => {
  const s = await seedSet();
  assert.ok(s);
  const g = new StoryGrouper();
  for (const a of shuffled(s.articles, 7)) g.add(a);
  assert.deepEqual(partition(g.stories().map((x) => x.articles)), partition(s.groups));
});

test('the persisted state groups a stored batch as the in-memory state does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-batch-'));
  try {
    const kb = Khabar.open({ db: join(dir, 'k.db') });
    await kb.ingest([join(repoRoot, 'samples', 'corpus')]);
    const persisted = new StoryGrouper(new SqliteStoryState(join(dir, 'k.db')));
    const progress: [number, number][] = [];
    const results = groupStoredArticles(kb.store, persisted, { onProgress: (done, total) => progress.push([done, total]) });
    assert.equal(results.length, kb.count());
    // Progress counts up, every 64 articles, to the whole batch.
    assert.deepEqual(progress.at(-1), [kb.count(), kb.count()]);
    assert.ok(progress.every(([d], i) => i === 0 || d > progress[i - 1]![0]));
    assert.equal(persisted.state.documentCount(), kb.count(), 'every stored article counted once');
    const memory = new StoryGrouper(new MemoryStoryState());
    memory.addBatch(kb.store.listArticles());
    const view = (g: StoryGrouper) => g.stories().map((x) => ({ title: x.title, articles: [...x.articles].sort() }));
    assert.deepEqual(view(persisted), view(memory));
    // Nothing is left to group: a second catch-up adds nothing; one new article is the only one grouped.
    assert.equal(groupStoredArticles(kb.store, persisted).length, 0);
    kb.addArticle({ id: 'late', title: 'عودة الحركة إلى طريق عين الصفا', text: 'أعيد فتح الطريق الرئيسي في بلدة عين الصفا بعد انحسار مياه السيول، وفق ما أعلنه الدفاع المدني مساء اليوم.', source: 'موقع شرفة الخبر', published: '2025-11-10' });
    const late = groupStoredArticles(kb.store, persisted);
    assert.deepEqual(late.map((r) => r.article), ['late']);
    (persisted.state as SqliteStoryState).close();
    kb.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a one-article story read back from SQLite is joined by its follow-ups', needsShared, async () => {
  const s = await seedSet();
  assert.ok(s);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-single-'));
  const path = join(dir, 'k.db');
  try {
    const first = new StoryGrouper(new SqliteStoryState(path));
    const [r0] = first.addBatch([s.articles[0]]);
    assert.equal(r0.action, 'new');
    (first.state as SqliteStoryState).close();

    const second = new StoryGrouper(new SqliteStoryState(path));
    const results = second.addBatch(s.articles.slice(1));
    assert.deepEqual(results.slice(0, 3).map((r) => r.story), [r0.story, r0.story, r0.story], 'seeds 001–003 join the story of 000');
    assert.notEqual(results[3].story, r0.story, 'the 23 January summit is its own story');
    assert.ok(second.story(r0.story)!.related.includes(results[3].story));
    assert.deepEqual([...second.story(r0.story)!.articles].sort(), s.articles.slice(0, 4).map((a) => a.id).sort());
    (second.state as SqliteStoryState).close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a batch counts each new article once in the document frequencies, and known articles not at all', needsShared, async () => {
  const s = await seedSet();
  assert.ok(s);
  const g = new StoryGrouper();
  g.addBatch(s.articles.slice(0, 3));
  const r = g.addBatch([...s.articles, s.articles[4]]);
  assert.deepEqual(r.map((x) => x.action).slice(0, 3), ['known', 'known', 'known']);
  assert.equal(r[5].action, 'known', 'the same article twice in one batch is grouped once');
  assert.equal(g.state.documentCount(), 5);
});

test('document frequencies written by the persisted state are those the in-memory state counts, after a reopen', needsShared, async () => {
  // The SQLite state counts a transaction's document frequencies in memory and writes each term once at its end.
  const s = await seedSet();
  assert.ok(s);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-df-'));
  try {
    const path = join(dir, 'k.db');
    const persisted = new StoryGrouper(new SqliteStoryState(path));
    persisted.addBatch(s.articles.slice(0, 3), { chunk: 2 });
    persisted.add(s.articles[3]!); // one article outside a batch: its own transaction
    (persisted.state as SqliteStoryState).close();
    const memory = new StoryGrouper(new MemoryStoryState());
    memory.addBatch(s.articles.slice(0, 3));
    memory.add(s.articles[3]!);
    const reopened = new SqliteStoryState(path);
    try {
      assert.equal(reopened.documentCount(), 4);
      const terms = ['n:لافروف', 'موسكو', 'سوري', 'p:وزير_خارجي'];
      for (const t of terms) assert.equal(reopened.documentFrequency(t), memory.state.documentFrequency(t), t);
      assert.ok(terms.some((t) => reopened.documentFrequency(t) >= 3), 'the seeds share these terms');
    } finally {
      reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a storyline reported every three days for two months does not chain into one story of months', async () => {
  // The same ceasefire article, lightly updated (a new closing sentence each time), every 3 days from 1 March.
  const kb = Khabar.open({ db: ':memory:' });
  try {
    await kb.ingest([join(repoRoot, 'samples', 'corpus', 'rafid-20260314-vienna-ceasefire.json')]);
    const base = kb.articles()[0]!;
    const updates: Article[] = Array.from({ length: 20 }, (_, i) => ({
      ...base,
      id: `update-${i}`,
      published: new Date(Date.UTC(2026, 2, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10),
      text: `${base.text}\nوفي اليوم ${i * 3 + 1} من الهدنة أحصت بعثة المراقبة ${i + 2} خروقات في محيط إقليم سلفان.`,
      contentHash: `update-${i}`,
    }));
    const g = new StoryGrouper(new MemoryStoryState());
    g.addBatch(updates);
    const stories = g.stories();
    assert.ok(stories.length >= 4, `${stories.length} stories`);
    for (const s of stories) {
      const days = (Date.parse(s.last!) - Date.parse(s.first!)) / 86_400_000;
      assert.ok(days <= STORIES_CONFIG.maxSpanDays, `${s.id} spans ${days} days`);
    }
    // The storyline stays connected: each story after the first is related to another one.
    assert.ok(stories.every((s) => s.related.length >= 1), 'each story links to the rest of its storyline');
  } finally {
    kb.close();
  }
});

test('the persisted state, its caches included, groups three days of ANT news as the in-memory state does', needsShared, () => {
  // ANT dev (135 articles) has re-checked merges; the posting lists, read through the state's cache,
  // must give the candidates the table gives (a cache that missed a new posting splits stories here).
  const ant = antWindow('ant-dev');
  assert.ok(ant, 'ANT dev set found');
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-ant-'));
  try {
    const state = new SqliteStoryState(join(dir, 'k.db'));
    const persisted = new StoryGrouper(state);
    const results = persisted.addBatch(ant.articles, { chunk: 32 });
    assert.ok(results.some((r) => r.merged.length > 0), 'some articles merged stories');
    const memory = new StoryGrouper(new MemoryStoryState());
    memory.addBatch(ant.articles, { chunk: 32 });
    assert.deepEqual(partition(persisted.stories().map((x) => x.articles)), partition(memory.stories().map((x) => x.articles)));
    state.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a batch read twice must read the same articles both times, or it says where they differ', async () => {
  const sample = await sampleSet();
  assert.ok(sample, 'sample corpus found');
  let reading = 0;
  const g = new StoryGrouper();
  assert.throws(() => g.addBatch(() => (reading++ === 0 ? sample.articles : sample.articles.slice(1))), /second reading of the articles differs from the first at 1/);
  // Read twice the same way, it groups as the one-reading batch does.
  const twice = new StoryGrouper();
  twice.addBatch(() => sample.articles);
  assert.deepEqual(partition(twice.stories().map((x) => x.articles)), batchPartition(sample.articles));
});

test('a store reopened scores new articles exactly as the process that grouped its stories would have', needsShared, () => {
  // The grouper writes each story's and article's idf-weighted norms with it. Read back cold, they are the norms the
  // writing process held in memory, so the scores of a second day's articles match to the last bit; before, a cold
  // record's norms were computed again with the new document counts, and the scores drifted.
  const ant = antWindow('ant-dev');
  assert.ok(ant, 'ANT dev set found');
  const days = [...new Set(ant.articles.map((a) => (a.published ?? '').slice(0, 10)))].sort();
  const firstDays = new Set(days.slice(0, 2));
  const early = ant.articles.filter((a) => firstDays.has((a.published ?? '').slice(0, 10)));
  const later = ant.articles.filter((a) => !firstDays.has((a.published ?? '').slice(0, 10)));
  assert.ok(early.length >= 40 && later.length >= 40, `${early.length} and ${later.length} articles`);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-norms-'));
  const path = join(dir, 'k.db');
  try {
    const writer = new SqliteStoryState(path);
    new StoryGrouper(writer).addBatch(early);
    writer.close();
    const reopened = new SqliteStoryState(path);
    const cold = new StoryGrouper(reopened).addBatch(later);
    reopened.close();
    const memory = new StoryGrouper(new MemoryStoryState());
    memory.addBatch(early);
    const warm = memory.addBatch(later);
    assert.ok(warm.filter((r) => r.action === 'joined').length >= 5, 'several later articles join earlier stories');
    assert.deepEqual(cold.map((r) => [r.article, r.action, r.score]), warm.map((r) => [r.article, r.action, r.score]));
    // Every stored multi-article story carries its norms; one-article stories take their article's.
    const db = new Database(path, { readonly: true });
    const records = (db.prepare('SELECT record FROM story').pluck().all() as string[]).map((r) => JSON.parse(r));
    const features = (db.prepare('SELECT features FROM story_article').pluck().all() as string[]).map((r) => JSON.parse(r));
    db.close();
    assert.ok(records.filter((r) => r.articles.length > 1).every((r) => r.norms?.terms?.[1] > 0), 'multi-article stories store norms');
    assert.ok(features.every((f) => f.norms?.terms?.[1] > 0 && f.norms.terms[2] === Object.keys(f.terms).length), 'articles store norms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a long persisted batch commits in short transactions, so another connection writes between them and its grouping counts once', needsShared, () => {
  // Three weeks of ANT news (some 600 articles): more than one 256-article transaction, the most the first one takes.
  const articles = antArticles((a) => a.published !== null && a.published >= '2017-03-01' && a.published < '2017-03-22');
  assert.ok(articles && articles.length > 400, 'ANT articles of March 2017 found');
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-turns-'));
  const path = join(dir, 'k.db');
  const grouper = new StoryGrouper(new SqliteStoryState(path));
  const other = new StoryGrouper(new SqliteStoryState(path));
  try {
    const meanwhile = articles[350]!;
    let reading = 0;
    let seenByOther = -1;
    function* read(): Generator<Article> {
      const second = reading++ === 1;
      for (let i = 0; i < articles!.length; i++) {
        if (second && i === 300) {
          // Between two of the batch's transactions: the other connection sees what was committed and groups an
          // article of the batch itself (the write lock is free: with one 2048-article transaction it was held here).
          (other.state as SqliteStoryState).refresh(); // a long-running reader's check for other connections' writes
          seenByOther = other.state.documentCount();
          other.add(meanwhile);
        }
        yield articles![i]!;
      }
    }
    const results = grouper.addBatch(read, { chunk: 2048, transactionMs: 1 });
    assert.ok(seenByOther >= 256, `the other connection saw ${seenByOther} grouped articles committed before the 300th was read`);
    assert.equal(results.find((r) => r.article === meanwhile.id)?.action, 'known', 'the batch leaves the article the other connection grouped');
    const reopened = new SqliteStoryState(path);
    try {
      assert.equal(reopened.documentCount(), articles.length, 'each article counted once in the document frequencies');
      assert.equal(reopened.ungrouped(articles.map((a) => a.id)).length, 0, 'every article grouped');
    } finally {
      reopened.close();
    }
    const members = grouper.stories().flatMap((s) => s.articles);
    assert.equal(members.length, articles.length, 'each article in one story');
    assert.equal(new Set(members).size, articles.length);
  } finally {
    (grouper.state as SqliteStoryState).close();
    (other.state as SqliteStoryState).close();
    rmSync(dir, { recursive: true, force: true });
  }
});
