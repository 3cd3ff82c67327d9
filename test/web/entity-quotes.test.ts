// An entity's page lists the entity's quotes (the web fixture: sample corpus and seeds).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, type Fixture } from './fixture.js';

let fx: Fixture;
before(async () => { fx = await openFixture(); });
after(async () => { await fx?.close(); });

test('the page of a speaker lists what they said, each with its story', async () => {
  const items = (await fx.app.inject('/api/entities')).json().items as { id: string; name: string }[];
  const envoy = items.find((e) => /كوخلر/.test(e.name));
  assert.ok(envoy, items.map((e) => e.name).join(', '));
  const page = await fx.app.inject(`/entities/${envoy.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /أقواله/);
  assert.match(page.body, /هذا أول دليل ملموس على أن الهدنة صامدة/);
  assert.match(page.body, /href="\/stories\//);
  // a place says nothing: no quotes section
  const place = items.find((e) => e.name === 'فيينا');
  if (place) assert.doesNotMatch((await fx.app.inject(`/entities/${place.id}`)).body, /أقواله/);
});
