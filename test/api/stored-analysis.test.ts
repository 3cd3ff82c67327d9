// Per-article extractions kept in the store (src/store/extractions.ts): a story report merged from them is the report
// computed from the articles on request, on the dated seeds and on a window of ANT articles, whether the server's
// background thread or its own thread builds it, over SQLite and PostgreSQL; a store file made before the table
// existed is upgraded with nothing lost.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import type { RawArticle, Story, StoryReport } from '../../src/types.js';
import type { ArticleExtraction } from '../../src/analysis/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { Background } from '../../src/api/background.js';
import { extractionIdentity } from '../../src/api/report-store.js';
import { buildStoryReport, storyGrouperFor } from '../../src/report.js';
import { storedExtractionsFor } from '../../src/store/extractions.js';
import { hasShared, loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';
import { dropTestSchemas, needsPostgres, pgSchemaUrl } from '../helpers/postgres.js';
import { antRecords, antTime, hasAnt } from '../../eval/ant.js';

after(() => dropTestSchemas());

function seeds(): RawArticle[] {
  return loadSeeds().map((s) => ({ id: basename(s.file, '.txt'), text: s.text, published: s.published, origin: s.file }));
}

/** ANT articles of 6–7 February 2017 (development days), as a feed gives them. */
function antWindow(): RawArticle[] {
  return antRecords().filter((r) => r.text && /^2017-02-0[67]/.test(antTime(r.time) ?? ''))
    .map((r) => ({ id: r.docno, title: r.title ?? undefined, text: r.text!, published: antTime(r.time) ?? undefined, source: r.source ?? 'ANT', origin: r.docno }));
}

/** What a client is sent: the report as JSON. */
const sent = (r: StoryReport | null) => JSON.parse(JSON.stringify(r)) as unknown;

/** Each story's report as the library computes it on request: every article extracted, no cache. */
function computed(khabar: Khabar, stories: Story[]): unknown[] {
  return stories.map((s) => sent(buildStoryReport(s, khabar.store.getArticles(s.articles))));
}

/** Asserts that reports merged from the stored extractions alone (an extraction asked to be made fails) are `want`. */
function assertMergedFromStore(khabar: Khabar, stories: Story[], want: unknown[], label: string): void {
  const stored = storedExtractionsFor(khabar.store, extractionIdentity())!;
  const onlyStored = {
    get: (key: string) => stored.get(key),
    set: (key: string, x: ArticleExtraction) => { throw new Error(`${label}: article ${x.id} was extracted again (${key})`); },
  };
  stories.forEach((s, i) => assert.deepEqual(sent(buildStoryReport(s, khabar.store.getArticles(s.articles), { cache: onlyStored })), want[i], `${label}: story ${s.id}`));
}

async function sqliteCase(label: string, articles: RawArticle[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stored-analysis-'));
  const db = join(dir, 'k.db');
  try {
    const khabar = Khabar.open({ db });
    for (const a of articles) khabar.addArticle(a);
    const grouper = storyGrouperFor(khabar);
    const stories = grouper.stories();
    assert.ok(stories.some((s) => s.articles.length > 1), `${label}: some story has several articles`);
    const want = computed(khabar, stories);

    // The server's background thread builds the reports, keeping each article's extraction in the store.
    const background = Background.start(db);
    assert.ok(background, 'the background thread is built (dist/)');
    const source = new KhabarLibrarySource(khabar, { grouper, background });
    try {
      for (const [i, s] of stories.entries()) assert.deepEqual(sent(await source.story(s.id)), want[i], `${label}: story ${s.id} from the background thread`);
      // It commits them once it has had nothing to do for a second.
      const count = () => (khabar.store as unknown as { db: { prepare(sql: string): { pluck(): { get(): number } } } }).db
        .prepare('SELECT count(*) FROM article_extraction').pluck().get();
      for (let waited = 0; count() < khabar.count() && waited < 60_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
      assert.equal(count(), khabar.count(), `${label}: one stored extraction per article`);
    } finally {
      await background.stop();
    }
    assertMergedFromStore(khabar, stories, want, label);

    // A server without a background thread (a PostgreSQL store's) builds in its own thread from the same rows.
    const inThread = new KhabarLibrarySource(khabar, { grouper });
    for (const [i, s] of stories.entries()) assert.deepEqual(sent(await inThread.story(s.id)), want[i], `${label}: story ${s.id} in-thread`);
    khabar.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('reports merged from stored extractions are the reports computed on request: the dated seeds', { ...needsShared, timeout: 180_000 }, async () => {
  if (!hasShared) return;
  await sqliteCase('seeds', seeds());
});

test('reports merged from stored extractions are the reports computed on request: ANT, 6–7 February 2017', { ...(hasAnt ? {} : { skip: '../shared/data/ant-corpus-v1.1 not found' }), timeout: 600_000 }, async () => {
  const window = antWindow();
  assert.ok(window.length >= 50, `the window holds ${window.length} articles`);
  await sqliteCase('ANT', window);
});

test('over PostgreSQL the server\'s own thread keeps the extractions in the database, uncounted by replicas, and a report merged from them is the computed one', { ...needsPostgres, ...needsShared, timeout: 180_000 }, async () => {
  if (!hasShared) return;
  const khabar = Khabar.open({ db: pgSchemaUrl('extractions') });
  try {
    for (const a of seeds()) khabar.addArticle(a);
    const grouper = storyGrouperFor(khabar);
    const stories = grouper.stories();
    const want = computed(khabar, stories);
    const source = new KhabarLibrarySource(khabar, { grouper });
    // Keeping an extraction is no commit another replica counts (it would drop its caches at each first visit here).
    const commits = () => (khabar.store as unknown as { db: { prepare(sql: string): { pluck(): { get(): number } } } }).db
      .prepare('SELECT n FROM khabar_commit').pluck().get();
    const before = commits();
    for (const [i, s] of stories.entries()) assert.deepEqual(sent(await source.story(s.id)), want[i], `story ${s.id}`);
    assert.equal(commits(), before, 'no commit counted for the extractions kept');
    assertMergedFromStore(khabar, stories, want, 'PostgreSQL');
  } finally {
    khabar.close();
  }
});

test('a store file made before extractions were kept is upgraded: its articles, stories and reports are all there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stored-analysis-'));
  const db = join(dir, 'k.db');
  try {
    let khabar = Khabar.open({ db });
    await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
    const stories = storyGrouperFor(khabar).stories();
    const want = computed(khabar, stories);
    // As a file of the version before: no extraction tables, no record of them.
    const raw = (khabar.store as unknown as { db: { exec(sql: string): void } }).db;
    raw.exec("DROP TABLE IF EXISTS article_extraction; DROP TABLE IF EXISTS extraction_meta; DELETE FROM schema_migrations WHERE component = 'extractions'");
    const ids = khabar.store.listArticleIds();
    khabar.close();

    khabar = Khabar.open({ db });
    const source = new KhabarLibrarySource(khabar);
    assert.deepEqual(khabar.store.listArticleIds(), ids);
    const now = source.listStories({ page: 1, pageSize: 1000, sort: 'newest' }).items;
    assert.deepEqual(new Set(now.map((s) => s.id)), new Set(stories.map((s) => s.id)));
    for (const [i, s] of stories.entries()) assert.deepEqual(sent(await source.story(s.id)), want[i], `story ${s.id}`);
    assertMergedFromStore(khabar, stories, want, 'upgraded file');
    khabar.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
