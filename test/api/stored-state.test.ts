// The server reads the story grouping persisted in the store (no regrouping at restart), groups articles
// posted to the API into that stored state, builds story reports through src/report.ts (the CLI's code
// path) and caches them per story until the story changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { buildServer } from '../../src/api/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { buildReport, buildStoryReport, storyGrouperFor } from '../../src/report.js';
import { storyStateFor } from '../../src/store/sqlite-stories.js';
import { repoRoot } from '../helpers/shared.js';

const TOKEN = 'stored-state-token';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('API over the stored story state', () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khabar-api-state-'));
    db = join(dir, 'k.db');
    const khabar = Khabar.open({ db });
    await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
    khabar.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('posted articles join the stored grouping, and a restart reads it instead of regrouping', async () => {
    let khabar = Khabar.open({ db });
    let source = new KhabarLibrarySource(khabar);
    const app = await buildServer({ source, token: TOKEN });
    const before = source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => s.id).sort();
    const member = khabar.articles().find((a) => a.text.length > 400)!;
    // A second outlet's copy of a stored article, with one sentence added: a near-duplicate, so it joins that story.
    const copy = { id: 'posted-copy', source: 'وكالة أخرى', title: member.title ?? undefined, published: member.published ?? undefined, text: `${member.text}\n\nوأكدت مصادر محلية صحة هذه المعلومات مساء اليوم.` };
    const posted = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: copy });
    assert.equal(posted.statusCode, 200, posted.body);
    assert.equal(posted.json().stored, 1);
    const storyOfMember = source.article(member.id)!.story!.id;
    assert.equal(source.article('posted-copy')!.story!.id, storyOfMember);
    const after1 = source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => s.id).sort();
    assert.deepEqual(after1, before, 'the copy joined an existing story');
    await app.close();
    khabar.close();

    // Reopened: the stored state already holds every article (nothing left to group) and the same story ids;
    // a regrouping would have drawn new ids from the persisted story counter.
    khabar = Khabar.open({ db });
    const state = storyStateFor(khabar.store);
    assert.equal(state.documentCount(), khabar.count());
    assert.equal(state.storyOfArticle('posted-copy'), storyOfMember);
    source = new KhabarLibrarySource(khabar);
    assert.deepEqual(source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => s.id).sort(), before);
    assert.ok((await source.story(storyOfMember))!.articles.includes('posted-copy'));
    khabar.close();
  });

  test('the API story is the report src/report.ts builds for the CLI', async () => {
    const khabar = Khabar.open({ db });
    try {
      const source = new KhabarLibrarySource(khabar);
      const app = await buildServer({ source });
      const top = source.listStories({ page: 1, pageSize: 1, sort: 'coverage' }).items[0];
      const viaApi = (await app.inject(`/api/stories/${encodeURIComponent(top.id)}`)).json();
      const story = storyGrouperFor(khabar).story(top.id)!;
      const viaCli = buildStoryReport(story, khabar.store.getArticles(story.articles));
      assert.deepEqual(viaApi, JSON.parse(JSON.stringify(viaCli)));
      assert.ok(viaApi.facts.length >= 1 && viaApi.summary.length >= 1);
      await app.close();
    } finally {
      khabar.close();
    }
  });

  test('story reports are cached per story until the story gains an article', async () => {
    const khabar = Khabar.open({ db });
    try {
      const source = new KhabarLibrarySource(khabar);
      const top = source.listStories({ page: 1, pageSize: 1, sort: 'coverage' }).items[0];
      const other = source.listStories({ page: 1, pageSize: 100, sort: 'coverage' }).items.find((s) => s.id !== top.id)!;
      const first = (await source.story(top.id))!;
      const otherFirst = (await source.story(other.id))!;
      assert.equal(await source.story(top.id), first, 'the second request reuses the report');
      const member = khabar.article(top.articles[0])!;
      const r = await source.ingest([{ id: 'cache-copy', source: 'وكالة ثالثة', title: member.title ?? undefined, published: member.published ?? undefined, text: `${member.text}\n\nوتابع المراسل أن الوضع بقي هادئا حتى المساء.` }]);
      assert.equal(r.stored, 1, JSON.stringify(r));
      const updated = (await source.story(top.id))!;
      assert.notEqual(updated, first, 'the story gained an article: its report is rebuilt');
      assert.ok(updated.articles.includes('cache-copy'));
      assert.equal(await source.story(other.id), otherFirst, 'other stories keep their cached report');
    } finally {
      khabar.close();
    }
  });

  test('a served story page and its JSON change when the story gains an article (responses are kept per report)', async () => {
    const khabar = Khabar.open({ db });
    try {
      const source = new KhabarLibrarySource(khabar);
      const app = await buildServer({ source, token: TOKEN });
      const top = source.listStories({ page: 1, pageSize: 1, sort: 'coverage' }).items[0];
      const url = `/stories/${encodeURIComponent(top.id)}`;
      const api = `/api/stories/${encodeURIComponent(top.id)}`;
      const page1 = (await app.inject(url)).body;
      assert.equal((await app.inject(url)).body, page1, 'the same page while nothing changed');
      const json1 = (await app.inject(api)).json() as { articles: string[] };
      const member = khabar.article(top.articles[0])!;
      const outlet = 'إذاعة الساحل المحلية';
      const posted = await app.inject({
        method: 'POST', url: '/api/articles', headers: auth,
        payload: { id: 'page-copy', source: outlet, title: member.title ?? undefined, published: member.published ?? undefined, text: `${member.text}\n\nوأضاف شهود عيان أن الحركة عادت إلى طبيعتها صباح الغد.` },
      });
      assert.equal(posted.json().stored, 1, posted.body);
      assert.ok(!json1.articles.includes('page-copy'));
      assert.ok(((await app.inject(api)).json() as { articles: string[] }).articles.includes('page-copy'));
      const page2 = (await app.inject(url)).body;
      assert.ok(!page1.includes(outlet) && page2.includes(outlet), 'the new outlet appears on the page');
      await app.close();
    } finally {
      khabar.close();
    }
  });

  test('buildReport: the whole store, or only the given articles and their stories', () => {
    const khabar = Khabar.open({ db });
    try {
      const all = buildReport(khabar);
      assert.equal(all.articles.length, khabar.count());
      const one = all.stories.find((s) => s.articles.length >= 2)!;
      const some = buildReport(khabar, { ids: [one.articles[0], 'no-such-article'] });
      assert.deepEqual(some.articles.map((a) => a.id), [one.articles[0]]);
      assert.deepEqual(some.stories.map((s) => s.id), [one.id]);
      assert.deepEqual(some.stories[0], all.stories.find((s) => s.id === one.id));
    } finally {
      khabar.close();
    }
  });

  test('an article posted again with another story\'s text moves to that story; a restart keeps the grouping', async () => {
    let khabar = Khabar.open({ db });
    try {
      const source = new KhabarLibrarySource(khabar);
      const from = source.article('posted-copy')!.story!.id;
      const fromReport = (await source.story(from))!;
      // A member of another story of several articles: the outlet replaced its copy with a report of that event.
      const target = source.listStories({ page: 1, pageSize: 100, sort: 'coverage' }).items.find((s) => s.id !== from && s.articles.length >= 2)!;
      const member = khabar.article(target.articles[0])!;
      const r = await source.ingest([{ id: 'posted-copy', source: 'وكالة أخرى', title: member.title ?? undefined, published: member.published ?? undefined, text: `${member.text}\n\nوأفاد مراسلنا بأن التحقيق ما زال جاريا.` }]);
      assert.equal(r.updated, 1, JSON.stringify(r));
      assert.equal(source.article('posted-copy')!.story!.id, target.id, 'it joined the story its new text tells');
      const left = await source.story(from);
      assert.notEqual(left, fromReport, 'the story it left is rebuilt');
      assert.ok(!left || !left.articles.includes('posted-copy'));
      const grouping = source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => `${s.id}:${[...s.articles].sort().join(',')}`).sort();
      khabar.close();

      // Reopened: the grouping read the changed article already; catching up with the store moves nothing.
      khabar = Khabar.open({ db });
      const again = new KhabarLibrarySource(khabar);
      assert.deepEqual(again.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => `${s.id}:${[...s.articles].sort().join(',')}`).sort(), grouping);
    } finally {
      khabar.close();
    }
  });

  test('a server sees what another process ingests and groups beside it, and its own grouping then overwrites none of it', async () => {
    const server = Khabar.open({ db });
    const beside = Khabar.open({ db }); // its own connection, as a `khabar ingest` and `khabar stories` run would have
    try {
      const source = new KhabarLibrarySource(server);
      const listed = () => source.listStories({ page: 1, pageSize: 1000, sort: 'newest' }).items;
      const before = listed().length;
      // Beside the server: a new article stored, then grouped (what `khabar ingest` and `khabar stories` do).
      const outside = { id: 'beside-new', source: 'وكالة رابعة', title: 'افتتاح معرض للكتاب في المدينة القديمة', published: '2026-03-21', text: 'افتتح وزير الثقافة صباح اليوم معرض الكتاب السنوي في المدينة القديمة بمشاركة مئة دار نشر من عشرين بلدا، ويستمر المعرض عشرة أيام.' };
      beside.addArticle({ ...outside, origin: 'beside' });
      const besideGrouper = storyGrouperFor(beside);
      const besideStory = besideGrouper.state.storyOfArticle('beside-new')!;
      assert.ok(besideStory);

      // The server's next read catches up: the article and its story are there.
      assert.equal(source.article('beside-new')!.story!.id, besideStory);
      assert.equal(listed().length, before + 1);
      // The server groups an article of its own: its story gets a fresh id, not one the other process gave.
      const r = await source.ingest([{ id: 'server-new', source: 'وكالة خامسة', title: 'انطلاق حملة لتنظيف الشواطئ', published: '2026-03-22', text: `انطلقت حملة وطنية لتنظيف الشواطئ بمشاركة آلاف المتطوعين في عدة ولايات ساحلية.` }]);
      assert.equal(r.stored, 1, JSON.stringify(r));
      const state = storyStateFor(server.store);
      assert.equal(state.documentCount(), server.count(), 'each stored article is counted once');
      const ids = new Set<string>();
      for (const story of state.listStories()) {
        assert.ok(!ids.has(story.id));
        ids.add(story.id);
        for (const a of story.articles) assert.equal(state.storyOfArticle(a), story.id, `${a} is in ${story.id}`);
      }
      assert.equal(state.storyOfArticle('beside-new'), besideStory, 'the other process\'s story is kept');
      assert.notEqual(state.storyOfArticle('server-new'), besideStory);
    } finally {
      beside.close();
      server.close();
    }
  });
});

test('a story merged away by a posted article answers with a redirect to the story it joined', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-api-merge-'));
  const khabar = Khabar.open({ db: join(dir, 'k.db') });
  try {
    // Two halves of one report are two stories; the whole report joins the first and the re-check merges the second.
    const whole = JSON.parse(readFileSync(join(repoRoot, 'samples', 'corpus', 'rafid-20260314-vienna-ceasefire.json'), 'utf8')) as { text: string; published: string };
    const paras = whole.text.split(/\n+/).filter(Boolean);
    const half = Math.floor(paras.length / 2);
    const source = new KhabarLibrarySource(khabar);
    const app = await buildServer({ source, token: TOKEN });
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload });
    await post([
      { id: 'first-half', title: 'الجزء الأول', source: 'مصدر أول', published: whole.published, text: paras.slice(0, half).join('\n\n') },
      { id: 'second-half', title: 'الجزء الثاني', source: 'مصدر ثان', published: whole.published, text: paras.slice(half).join('\n\n') },
    ]);
    const kept = source.article('first-half')!.story!.id;
    const merged = source.article('second-half')!.story!.id;
    assert.notEqual(kept, merged);
    assert.equal(source.storyMovedTo(merged), null, 'not merged yet');
    assert.equal((await post({ id: 'whole', title: 'التقرير كاملا', source: 'مصدر ثالث', published: whole.published, text: whole.text })).statusCode, 200);
    const api = await app.inject(`/api/stories/${merged}`);
    assert.equal(api.statusCode, 308);
    assert.equal(api.headers.location, `/api/stories/${kept}`);
    assert.deepEqual(api.json(), { id: merged, movedTo: kept });
    const page = await app.inject(`/stories/${merged}`);
    assert.equal(page.statusCode, 301);
    assert.equal(page.headers.location, `/stories/${kept}`);
    await app.close();
  } finally {
    khabar.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
