// The server's report threads (src/api/background.ts) and the entity index made from the stored extractions: reports
// built two at a time are the reports the library computes, a first visit goes before the background's own builds,
// and the entity index the grouping thread makes from each article's stored extraction is the index the tagger gives,
// every article then analysed once (a report built afterwards extracts nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import type { Story, StoryReport } from '../../src/types.js';
import type { ArticleExtraction } from '../../src/analysis/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { Background, reportThreads } from '../../src/api/background.js';
import { extractionIdentity } from '../../src/api/report-store.js';
import { buildStoryReport, storyGrouperFor } from '../../src/report.js';
import { catchUpEntityIndex, MemoryEntityState, readEntity } from '../../src/analysis/entity-index.js';
import { entityStateFor } from '../../src/store/sqlite-entities.js';
import { storedExtractionsFor } from '../../src/store/extractions.js';
import { hasShared, loadSeeds, repoRoot } from '../helpers/shared.js';

const sent = (r: StoryReport | null) => JSON.parse(JSON.stringify(r)) as unknown;

/** A store of the sample corpus (and the dated seeds when ../shared is there), grouped. */
async function sampleStore(dir: string): Promise<{ db: string; khabar: Khabar; stories: Story[] }> {
  const db = join(dir, 'k.db');
  const khabar = Khabar.open({ db });
  await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
  if (hasShared) for (const s of loadSeeds()) khabar.addArticle({ id: basename(s.file, '.txt'), text: s.text, published: s.published, origin: s.file });
  else console.log('# ../shared not found: the sample corpus alone (no seeds)');
  return { db, khabar, stories: storyGrouperFor(khabar).stories() };
}

test('report threads: one a core unless KHABAR_REPORT_THREADS says, which is checked', () => {
  assert.equal(reportThreads({ KHABAR_REPORT_THREADS: '3' }), 3);
  assert.ok(reportThreads({}) >= 1 && reportThreads({}) <= 4);
  assert.throws(() => reportThreads({ KHABAR_REPORT_THREADS: 'two' }), /KHABAR_REPORT_THREADS must be an integer from 1 to 64, got "two"/);
  assert.throws(() => reportThreads({ KHABAR_REPORT_THREADS: '0' }), /got "0"/);
});

test('two report threads build every story at once as the library does, and a visit goes before the queued builds', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-report-pool-'));
  try {
    const { db, khabar, stories } = await sampleStore(dir);
    // The sample corpus is 4 stories; the seeds add 2.
    assert.ok(stories.length >= (hasShared ? 6 : 4), `the store groups into ${stories.length} stories`);
    const want = stories.map((s) => sent(buildStoryReport(s, khabar.store.getArticles(s.articles))));
    const background = Background.start(db, { threads: 2 });
    assert.ok(background, 'the background threads are built (dist/)');
    try {
      assert.equal(background.threads, 2);
      // Every story asked for at once, the way concurrent first visits ask.
      const source = new KhabarLibrarySource(khabar, { background });
      const got = await Promise.all(stories.map((s) => source.story(s.id)));
      got.forEach((r, i) => assert.deepEqual(sent(r), want[i], `story ${stories[i]!.id}`));
    } finally {
      await background.stop();
    }
    // Stopped, a pool refuses new work with a message rather than waiting for ever.
    await assert.rejects(background.report(stories[0]!), /stopping/);

    // Builds queued for the background (persisting every story), then one visit: on one thread, the visit is the next
    // job it is given, after the build running, not after the queue.
    const one = Background.start(db, { threads: 1 })!;
    try {
      const done: string[] = [];
      const queued = stories.map((s) => one.ensure(s).then(() => { done.push('ensure'); }));
      const visit = one.report(stories[0]!).then((r) => { done.push('visit'); return r; });
      assert.deepEqual(sent(await visit), want[0]);
      await Promise.all(queued);
      assert.equal(done.indexOf('visit'), 1, `the visit ended ${done.indexOf('visit') + 1}th of ${done.length}`);
    } finally {
      await one.stop();
    }
    khabar.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the entity index made from stored extractions is the index the tagger makes, and reports then extract nothing', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-index-stored-'));
  try {
    const { db, khabar, stories } = await sampleStore(dir);
    const background = Background.start(db, { threads: 1 });
    assert.ok(background, 'the background threads are built (dist/)');
    try {
      const source = new KhabarLibrarySource(khabar, { background });
      await source.entitiesListed();
    } finally {
      await background.stop();
    }
    // The index the tagger makes, article by article, in this thread.
    const tagged = new MemoryEntityState();
    catchUpEntityIndex(khabar.store, tagged);
    const fromStored = entityStateFor(khabar.store);
    const entities = (s: typeof tagged | typeof fromStored) => s.entityCounts().sort((a, b) => a.id.localeCompare(b.id));
    assert.ok(entities(tagged).length >= 30, `the store names ${entities(tagged).length} entities`);
    assert.deepEqual(entities(fromStored), entities(tagged));
    for (const { id } of entities(tagged)) assert.deepEqual(readEntity(fromStored, id), readEntity(tagged, id), `entity ${id}`);

    // Every article's extraction was kept while indexing: a report merges them, tagging nothing again.
    const stored = storedExtractionsFor(khabar.store, extractionIdentity())!;
    const onlyStored = {
      get: (key: string) => stored.get(key),
      set: (key: string, x: ArticleExtraction) => { throw new Error(`article ${x.id} was extracted again (${key})`); },
    };
    for (const s of stories) {
      const articles = khabar.store.getArticles(s.articles);
      assert.deepEqual(sent(buildStoryReport(s, articles, { cache: onlyStored })), sent(buildStoryReport(s, articles)), `story ${s.id}`);
    }
    khabar.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
