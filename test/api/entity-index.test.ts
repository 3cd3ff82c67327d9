// The store-wide entity index behind /api/entities and the web entity page: over the sample corpus and the dated
// seeds, one Turkish foreign minister (مولود تشاووش أوغلو in the December talks, مولود جاويش أوغلو in the January
// summit) is one entity with one page across both stories, counting every article that names him.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, TOKEN, type Fixture } from '../web/fixture.js';
import { hasShared, needsShared } from '../helpers/shared.js';

let fx: Fixture;
before(async () => { fx = await openFixture(); });
after(async () => { await fx?.close(); });

interface Summary { id: string; name: string; variants: string[]; articles: number; mentions: number; stories: { id: string }[] }
const get = async (url: string) => fx.app.inject(url);

test('مولود تشاووش أوغلو and مولود جاويش أوغلو are one entity with one page across the talks and the summit', needsShared, async () => {
  if (!hasShared) return;
  const a = (await get(`/api/entities/${encodeURIComponent('مولود_تشاووش_اوغلو')}`)).json() as Summary;
  const b = (await get(`/api/entities/${encodeURIComponent('مولود_جاويش_اوغلو')}`)).json() as Summary;
  assert.equal(a.id, b.id);
  assert.ok(a.variants.includes('مولود تشاووش أوغلو') && a.variants.includes('مولود جاويش أوغلو'), a.variants.join(', '));
  const storyOf = (prefix: string) => fx.source.article(fx.khabar.store.listArticleIds().find((id) => id.startsWith(prefix))!)!.story!.id;
  const talks = storyOf('000'), summit = storyOf('004');
  assert.notEqual(talks, summit);
  assert.deepEqual(new Set(a.stories.map((s) => s.id)), new Set([talks, summit]));
  assert.equal(a.articles, 5, 'all five seeds name him');
  // the web page of either spelling is the one page, at the entity's own id
  const other = a.id === 'مولود_تشاووش_اوغلو' ? 'مولود_جاويش_اوغلو' : 'مولود_تشاووش_اوغلو';
  const page = await get(`/entities/${encodeURIComponent(other)}`);
  assert.equal(page.statusCode, 301);
  assert.equal(page.headers.location, `/entities/${encodeURIComponent(a.id)}`);
  const html = (await get(`/entities/${encodeURIComponent(a.id)}`)).body;
  assert.match(html, /في 5 مقالات و(قصتان|قصتين)/);
});

test('the index counts an article ingested through the API at the next read', needsShared, async () => {
  if (!hasShared) return;
  const before = (await get(`/api/entities/${encodeURIComponent('مولود_جاويش_اوغلو')}`)).json() as Summary;
  const posted = await fx.app.inject({
    method: 'POST', url: '/api/articles', headers: { authorization: `Bearer ${TOKEN}` },
    payload: { id: 'index-one', source: 'وكالة الاختبار', published: '2019-01-24', text: 'استقبل وزير الخارجية التركي مولود جاويش أوغلو اليوم في أنقرة نظيره الإيراني لبحث الوضع في سوريا.' },
  });
  assert.equal(posted.statusCode, 200, posted.body);
  const after = (await get(`/api/entities/${encodeURIComponent('مولود_جاويش_اوغلو')}`)).json() as Summary;
  assert.equal(after.id, before.id);
  assert.equal(after.articles, before.articles + 1);
});

test('GET /api/entities lists entities of the whole store, in most articles first, and 404s an unknown one', async () => {
  const items = (await get('/api/entities')).json().items as Summary[];
  assert.ok(items.length >= 10);
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].articles >= items[i].articles);
  assert.equal((await get('/api/entities/nope-nope')).statusCode, 404);
  const tables = fx.khabar.store as unknown as { db: { prepare(sql: string): { all(): { component: string }[] } } };
  assert.ok(tables.db.prepare("SELECT component FROM schema_migrations WHERE component = 'entities'").all().length >= 1);
});
