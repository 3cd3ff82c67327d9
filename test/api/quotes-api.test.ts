// GET /api/quotes?speaker=: one speaker's quotes across the stored stories (the web fixture: sample corpus and seeds).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, type Fixture } from '../web/fixture.js';

let fx: Fixture;
before(async () => { fx = await openFixture(); });
after(async () => { await fx?.close(); });

test('/api/quotes lists what a speaker said, newest first, with the articles and spans that carry it', async () => {
  const r = await fx.app.inject(`/api/quotes?speaker=${encodeURIComponent('كوخلر')}`);
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json() as { items: { date: string; speaker: string; text: string; articles: { id: string }[]; spans: { article: string; start: number; end: number }[] }[]; total: number };
  assert.ok(body.items.length >= 5, r.body);
  assert.ok(body.items.every((q) => /كوخلر|كوشلر|كوخلير/.test(q.speaker)));
  for (let i = 1; i < body.items.length; i++) assert.ok(body.items[i - 1].date >= body.items[i].date, 'newest first');
  assert.ok(body.items.every((q) => q.articles.length >= 1 && q.spans.length >= 1));
  const later = (await fx.app.inject(`/api/quotes?speaker=${encodeURIComponent('كوخلر')}&from=2026-03-16`)).json() as { items: { date: string }[] };
  assert.ok(later.items.length >= 1 && later.items.every((q) => q.date >= '2026-03-16'));
});

test('/api/quotes refuses a missing speaker or an impossible date, naming it', async () => {
  assert.equal((await fx.app.inject('/api/quotes')).statusCode, 400);
  const bad = await fx.app.inject(`/api/quotes?speaker=x&to=2026-02-30`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /2026-02-30/);
});
