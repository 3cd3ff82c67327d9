// The JSON API through fastify's inject() (no port), over a real store of the sample corpus and the seeds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from '../../src/api/index.js';
import { HOSTILE, TOKEN, openFixture, type Fixture } from '../web/fixture.js';

let fx: Fixture;
before(async () => { fx = await openFixture(); });
after(async () => { await fx?.close(); });

const auth = { authorization: `Bearer ${TOKEN}` };

describe('GET /api/stories', () => {
  test('pages stories, newest first by default', async () => {
    const r = await fx.app.inject('/api/stories?pageSize=2');
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.equal(body.page, 1);
    assert.equal(body.items.length, 2);
    assert.ok(body.total >= 4, `total ${body.total}`);
    assert.ok((body.items[0].last ?? '') >= (body.items[1].last ?? ''));
    const page2 = (await fx.app.inject('/api/stories?pageSize=2&page=2')).json();
    assert.notEqual(page2.items[0].id, body.items[0].id);
  });

  test('sort=coverage puts the story with most outlets first', async () => {
    const items = (await fx.app.inject('/api/stories?sort=coverage&pageSize=50')).json().items as { sources: string[] }[];
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].sources.length >= items[i].sources.length);
    assert.ok(items[0].sources.length >= 2);
  });

  test('filters by outlet and date', async () => {
    const all = (await fx.app.inject('/api/stories?pageSize=100')).json().items as { sources: string[]; last: string }[];
    const outlet = all[0].sources[0];
    const some = (await fx.app.inject(`/api/stories?pageSize=100&outlet=${encodeURIComponent(outlet)}`)).json().items as { sources: string[] }[];
    assert.ok(some.length >= 1 && some.every((s) => s.sources.includes(outlet)));
    const recent = (await fx.app.inject('/api/stories?pageSize=100&from=2026-01-01')).json().items as { last: string }[];
    assert.ok(recent.length < all.length);
    assert.ok(recent.every((s) => s.last.slice(0, 10) >= '2026-01-01'));
  });

  test('rejects bad parameters with invalid_request', async () => {
    for (const qs of ['page=0', 'sort=random', 'from=yesterday', 'pageSize=1000', 'colour=red']) {
      const r = await fx.app.inject(`/api/stories?${qs}`);
      assert.equal(r.statusCode, 400, qs);
      assert.equal(r.json().error.code, 'invalid_request', qs);
      assert.equal(typeof r.json().error.message, 'string');
    }
    // A parameter the API does not have is named (ajv alone says "must NOT have additional properties").
    const guessed = await fx.app.inject('/api/stories?limit=2');
    assert.equal(guessed.statusCode, 400);
    assert.equal(guessed.json().error.message, 'querystring has an unknown field "limit"');
  });
});

describe('stories, articles, search', () => {
  test('GET /api/stories/:id gives the story with a cited summary', async () => {
    const items = (await fx.app.inject('/api/stories?sort=coverage&pageSize=1')).json().items;
    const r = await fx.app.inject(`/api/stories/${encodeURIComponent(items[0].id)}`);
    assert.equal(r.statusCode, 200);
    const story = r.json();
    assert.equal(story.id, items[0].id);
    assert.ok(Array.isArray(story.summary) && story.summary.length >= 1);
    for (const s of story.summary) assert.ok(s.articles.every((id: string) => story.articles.includes(id)));
  });

  test('unknown ids give not_found', async () => {
    for (const url of ['/api/stories/nope', '/api/articles/nope', '/api/entities/nope', '/api/nothing-here']) {
      const r = await fx.app.inject(url);
      assert.equal(r.statusCode, 404, url);
      assert.equal(r.json().error.code, 'not_found', url);
    }
  });

  test('GET /api/articles/:id includes removed lines and its story', async () => {
    const list = fx.khabar.articles();
    const withRemoved = list.find((a) => a.removed.length > 0);
    assert.ok(withRemoved, 'the sample corpus has boilerplate to remove');
    const r = await fx.app.inject(`/api/articles/${encodeURIComponent(withRemoved.id)}`);
    assert.equal(r.statusCode, 200);
    const a = r.json();
    assert.deepEqual(a.removed, withRemoved.removed);
    assert.ok(a.story && typeof a.story.id === 'string');
  });

  test('GET /api/search finds Arabic text and marks the matches', async () => {
    const r = await fx.app.inject(`/api/search?q=${encodeURIComponent('وقف إطلاق النار')}`);
    assert.equal(r.statusCode, 200);
    const { hits } = r.json();
    assert.ok(hits.length >= 1);
    assert.ok(hits[0].snippet.some((p: { match: boolean }) => p.match));
    assert.ok(typeof hits[0].story === 'string');
    const blank = await fx.app.inject('/api/search?q=');
    assert.equal(blank.json().error.code, 'invalid_request');
  });

  test('GET /api/entities lists the analysed entities with their variants and stories', async () => {
    const r = await fx.app.inject('/api/entities');
    assert.equal(r.statusCode, 200);
    const items = r.json().items as { id: string; name: string; variants: string[]; stories: { id: string }[] }[];
    assert.ok(items.length >= 1);
    const top = items[0];
    assert.ok(top.variants.includes(top.name) && top.stories.length >= 1);
    const one = (await fx.app.inject(`/api/entities/${encodeURIComponent(top.id)}`)).json();
    assert.equal(one.name, top.name);
    const filtered = (await fx.app.inject(`/api/stories?pageSize=100&entity=${encodeURIComponent(top.id)}`)).json().items as { id: string }[];
    assert.deepEqual(filtered.map((s) => s.id).sort(), top.stories.map((s) => s.id).sort());
  });

  test('GET /api/entities pages the whole index with limit and offset, and says how many there are', async () => {
    const all = (await fx.app.inject('/api/entities?limit=500')).json() as { items: { id: string }[]; total: number; offset: number; limit: number };
    assert.ok(all.total > 10, `total ${all.total}`);
    assert.equal(all.items.length, Math.min(500, all.total));
    const first = (await fx.app.inject('/api/entities?limit=4')).json() as typeof all;
    assert.deepEqual([first.offset, first.limit, first.total, first.items.length], [0, 4, all.total, 4]);
    const second = (await fx.app.inject('/api/entities?limit=4&offset=4')).json() as typeof all;
    assert.deepEqual([...first.items, ...second.items].map((e) => e.id), all.items.slice(0, 8).map((e) => e.id), 'consecutive pages, no gap, no repeat');
    const past = (await fx.app.inject(`/api/entities?offset=${all.total}`)).json() as typeof all;
    assert.deepEqual(past.items, []);
    for (const qs of ['limit=0', 'limit=501', 'offset=-1', 'page=2']) assert.equal((await fx.app.inject(`/api/entities?${qs}`)).statusCode, 400, qs);
  });
});

describe('POST /api/articles', () => {
  const article = { id: 'api-one', source: 'وكالة الاختبار', published: '2026-03-20', title: 'اختبار الإدخال', text: 'قال مسؤول في وزارة الزراعة إن موسم الحصاد بدأ مبكرا هذا العام بسبب الأمطار الغزيرة في الشمال.' };

  test('refuses without the right bearer token', async () => {
    const none = await fx.app.inject({ method: 'POST', url: '/api/articles', payload: article });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().error.code, 'unauthorized');
    const wrong = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer nope' }, payload: article });
    assert.equal(wrong.json().error.code, 'unauthorized');
  });

  test('refuses every ingest when the server has no token', async () => {
    const app = await buildServer({ source: fx.source });
    const r = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: article });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().error.code, 'ingest_disabled');
    await app.close();
  });

  test('ingests JSON, then reports the same content as a duplicate', async () => {
    const r = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: article });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().stored, 1);
    const again = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: [article] });
    assert.equal(again.json().duplicates, 1);
    const status = (await fx.app.inject('/api/ingest/status')).json();
    assert.equal(status.running, false);
    assert.equal(status.last.duplicates, 1);
    const fetched = (await fx.app.inject('/api/articles/api-one')).json();
    assert.equal(fetched.source, 'وكالة الاختبار');
  });

  test('ingests JSON lines', async () => {
    const lines = [
      { id: 'jl-1', source: 'وكالة الاختبار', text: 'أعلنت بلدية المدينة افتتاح جسر جديد فوق النهر بعد ثلاث سنوات من العمل المتواصل.' },
      { id: 'jl-2', source: 'وكالة الاختبار', text: 'وصل وفد تجاري من عشرين شركة إلى الميناء لبحث فرص الاستثمار في قطاع الصيد.' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const r = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': 'application/x-ndjson' }, payload: lines });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().stored, 2);
    const bad = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': 'application/x-ndjson' }, payload: '{"text":"x"}\n{oops' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'invalid_json');
  });

  test('validates bodies and content types with stable codes', async () => {
    const cases: [Record<string, string>, string, number, string][] = [
      [{ 'content-type': 'application/json' }, JSON.stringify({ title: 'no body' }), 400, 'invalid_request'],
      [{ 'content-type': 'application/json' }, JSON.stringify({ text: 'x', colour: 'red' }), 400, 'invalid_request'],
      [{ 'content-type': 'application/json' }, '[]', 400, 'invalid_request'],
      [{ 'content-type': 'application/json' }, '{"text": ', 400, 'invalid_json'],
      [{ 'content-type': 'text/csv' }, 'a,b', 415, 'unsupported_media_type'],
    ];
    for (const [headers, payload, status, code] of cases) {
      const r = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: { ...auth, ...headers }, payload });
      assert.equal(r.statusCode, status, payload);
      assert.equal(r.json().error.code, code, payload);
    }
  });

  test('limits the body size', async () => {
    const app = await buildServer({ source: fx.source, token: TOKEN, bodyLimit: 2048 });
    const r = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: 'خبر '.repeat(2000) } });
    assert.equal(r.statusCode, 413);
    assert.equal(r.json().error.code, 'body_too_large');
    await app.close();
  });

  test('hostile articles are stored as given (escaping is the page\'s job)', async () => {
    const a = (await fx.app.inject(`/api/articles/${HOSTILE[0].id}`)).json();
    assert.match(a.text, /<script>/);
  });
});

describe('OpenAPI and headers', () => {
  test('publishes an OpenAPI 3.1 document naming every route', async () => {
    const doc = (await fx.app.inject('/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/api/stories', '/api/stories/{id}', '/api/articles/{id}', '/api/articles', '/api/search', '/api/entities', '/api/ingest/status']) {
      assert.ok(doc.paths[p], p);
    }
    assert.ok(doc.paths['/api/articles'].post.security);
  });

  test('every response carries the Content-Security-Policy', async () => {
    for (const url of ['/', '/api/stories', '/openapi.json', '/api/nope']) {
      const r = await fx.app.inject(url);
      assert.match(String(r.headers['content-security-policy']), /script-src 'self'/, url);
      assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-inline/, url);
    }
  });
});
