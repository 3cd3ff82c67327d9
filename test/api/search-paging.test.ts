// /api/search and the web search page: pages of hits with their total, the date and outlet filters the CLI has, an
// impossible date refused with its value named (400), a name finding its entity's other names. Over the sample
// corpus and the seeds (fixture.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, type Fixture } from '../web/fixture.js';
import { needsShared } from '../helpers/shared.js';

let fx: Fixture;
before(async () => { fx = await openFixture(); });
after(async () => { await fx?.close(); });

interface Hit { id: string; source: string | null; published: string | null }
const search = async (qs: string) => {
  const r = await fx.app.inject(`/api/search?${qs}`);
  return { status: r.statusCode, body: r.json() as { total: number; limit: number; offset: number; hits: Hit[]; error?: { code: string; message: string } } };
};
const q = (s: string) => `q=${encodeURIComponent(s)}`;

test('GET /api/search pages the hits with limit and offset and says how many match in all', async () => {
  const all = await search(`${q('سلفان')}&limit=100`);
  assert.equal(all.status, 200);
  assert.ok(all.body.total >= 4, `${all.body.total}`);
  assert.equal(all.body.hits.length, all.body.total);
  const first = await search(`${q('سلفان')}&limit=2`);
  const second = await search(`${q('سلفان')}&limit=2&offset=2`);
  assert.equal(first.body.total, all.body.total);
  assert.equal(second.body.offset, 2);
  assert.deepEqual([...first.body.hits, ...second.body.hits].map((h) => h.id), all.body.hits.slice(0, 4).map((h) => h.id));
  const past = await search(`${q('سلفان')}&offset=1000`);
  assert.deepEqual(past.body.hits, []);
  assert.equal(past.body.total, all.body.total);
});

test('GET /api/search filters by date and outlet, as khabar search does', async () => {
  const all = (await search(`${q('سلفان')}&limit=100`)).body;
  const outlet = all.hits.find((h) => h.source)!.source!;
  const some = (await search(`${q('سلفان')}&limit=100&outlet=${encodeURIComponent(outlet)}`)).body;
  assert.ok(some.hits.length >= 1 && some.hits.length < all.hits.length);
  assert.ok(some.hits.every((h) => h.source === outlet));
  assert.equal(some.total, some.hits.length);
  const day = (await search(`${q('سلفان')}&limit=100&from=2026-03-15&to=2026-03-15`)).body;
  assert.ok(day.hits.length >= 1 && day.hits.every((h) => h.published!.startsWith('2026-03-15')));
  assert.equal((await search(`${q('سلفان')}&from=2026-03`)).status, 200, 'a month bounds a range');
});

test('GET /api/search refuses an impossible date with a 400 naming the value', async () => {
  for (const [qs, value, reason] of [['from=2019-13-45', '2019-13-45', /month 13/], ['to=2018-02-30', '2018-02-30', /day 30 does not exist/], ['from=yesterday', 'yesterday', /not a date/]] as const) {
    const r = await search(`${q('سلفان')}&${qs}`);
    assert.equal(r.status, 400, qs);
    assert.equal(r.body.error!.code, 'invalid_request');
    assert.ok(r.body.error!.message.includes(`"${value}"`), r.body.error!.message);
    assert.match(r.body.error!.message, reason);
  }
});

test('GET /api/stories refuses an impossible day in from or to with a 400 naming the value', async () => {
  const good = await fx.app.inject('/api/stories?from=2026-03-15');
  assert.equal(good.statusCode, 200);
  for (const qs of ['from=2018-02-30', 'to=2019-02-29']) {
    const r = await fx.app.inject(`/api/stories?${qs}`);
    assert.equal(r.statusCode, 400, qs);
    assert.ok(r.json().error.message.includes(qs.split('=')[1]), r.body);
  }
});

test('GET /api/search: داعش finds the seeds that write تنظيم الدولة الإسلامية', needsShared, async () => {
  const ids = (await search(q('داعش'))).body.hits.map((h) => h.id.slice(0, 3)).sort();
  assert.deepEqual(ids.filter((i) => /^\d{3}$/.test(i)), ['000', '001', '004']);
});

test('the web search page has pages, filters and a refusal of impossible dates', async () => {
  const total = (await search(`${q('سلفان')}&limit=100`)).body.total;
  const r = await fx.app.inject(`/search?${q('سلفان')}`);
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<input type="date" name="from"/);
  assert.match(r.body, /<select name="outlet">/);
  assert.match(r.body, /<mark>/);
  assert.ok((r.body.match(/<li class="card">/g) ?? []).length === Math.min(total, 30));
  const filtered = await fx.app.inject(`/search?${q('سلفان')}&from=2026-03-15&to=2026-03-15`);
  assert.equal(filtered.statusCode, 200);
  assert.ok((filtered.body.match(/<li class="card">/g) ?? []).length < Math.min(total, 30));
  assert.match(filtered.body, /value="2026-03-15"/);
  const empty = await fx.app.inject(`/search?${q('سلفان')}&from=&to=&outlet=`);
  assert.equal(empty.statusCode, 200, 'empty form fields are no filter');
  const bad = await fx.app.inject(`/search?${q('سلفان')}&from=2019-13-45`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /2019-13-45/);
});
