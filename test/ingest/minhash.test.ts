import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { collect } from './helpers.js';
import { NEAR_DUPLICATE_THRESHOLD, SHARED_PASSAGE_THRESHOLD, cleanArticle, containment, estimateSimilarity, lshBands, minhash } from '../../src/ingest/index.js';
import { needsShared, sharedDir } from '../helpers/shared.js';

async function seedTexts(): Promise<Map<string, string>> {
  const { articles } = await collect([join(sharedDir, 'seeds')]);
  return new Map(articles.map((r) => [r.id!.slice(0, 3), cleanArticle(r).text]));
}

/** A light edit: every 15th word changed, one paragraph dropped, whitespace and punctuation spacing changed. */
function lightlyEdited(text: string): string {
  const paras = text.split('\n');
  paras.splice(Math.floor(paras.length / 2), 1);
  let i = 0;
  return paras.join('\n\n').split(' ').map((w) => (++i % 15 === 0 ? 'كذلك' : w)).join('  ').replace(/،/g, ' ،');
}

test('a lightly edited copy of a seed is a near-duplicate and an LSH candidate', needsShared, async () => {
  for (const [id, text] of await seedTexts()) {
    const a = minhash(text);
    const b = minhash(lightlyEdited(text));
    const sim = estimateSimilarity(a, b);
    assert.ok(sim >= NEAR_DUPLICATE_THRESHOLD, `${id}: ${sim}`);
    const bands = new Set(lshBands(a));
    assert.ok(lshBands(b).some((k) => bands.has(k)), `${id} shares an LSH band`);
  }
});

test('different outlets on the same event are not near-duplicates; 000 and 001 share agency passages', needsShared, async () => {
  const s = await seedTexts();
  const sig = new Map([...s].map(([id, t]) => [id, minhash(t)]));
  for (const a of s.keys()) for (const b of s.keys()) {
    if (a < b) assert.ok(estimateSimilarity(sig.get(a)!, sig.get(b)!) < NEAR_DUPLICATE_THRESHOLD, `${a}/${b}`);
  }
  // 001's Lavrov and Trump sentences are agency copy that 000 also carries.
  assert.ok(containment(s.get('000')!, s.get('001')!) >= SHARED_PASSAGE_THRESHOLD);
  assert.ok(containment(s.get('002')!, s.get('004')!) < SHARED_PASSAGE_THRESHOLD);
  assert.ok(containment(s.get('000')!, s.get('004')!) < SHARED_PASSAGE_THRESHOLD);
});

test('signatures are deterministic and the empty text is handled', () => {
  const t = 'تم التوصل إلى تفاهم بشأن الطريقة التي سيواصل من خلالها الممثلون العسكريون لروسيا وتركيا تنسيق خطواتهم';
  assert.deepEqual(minhash(t), minhash(t));
  assert.equal(estimateSimilarity(minhash(t), minhash(t)), 1);
  assert.equal(minhash('').length, minhash(t).length);
  assert.equal(containment('', t), 0);
});
