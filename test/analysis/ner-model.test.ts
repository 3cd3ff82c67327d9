// The entity model file decodes to what was encoded: every feature name (Arabic, one a line) at its index, every
// quantised weight and transition; the shipped model decodes whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, encodeModel } from '../../src/analysis/ner/model.js';
import { T } from '../../src/analysis/ner/tagger.js';
import { repoRoot } from '../helpers/shared.js';

test('decodeModel reads back the names, weights and transitions encodeModel wrote', () => {
  const names = ['w=وزير', 'w=الخارجية', 'p2=ال', 'next=أوغلو', 'shape=Xx', 'w=تشاووش'];
  const weights = names.flatMap((_, f) => Array.from({ length: T }, (_, t) => ((f * 7 + t * 3) % 11) - 5 + (f === 2 ? 0.25 : 0)));
  const trans = Array.from({ length: (T + 1) * T }, (_, i) => ((i * 5) % 9) - 4);
  const m = decodeModel(encodeModel(names, weights, trans, 'test'));
  assert.equal(m.index.size, names.length);
  names.forEach((n, f) => assert.equal(m.id(n), f, n));
  assert.equal(m.id('w=غير موجود'), -1);
  const close = (a: number, b: number) => Math.abs(a - b) <= m.header.scale;
  weights.forEach((w, i) => assert.ok(close(m.weights[i], w), `weight ${i}: ${m.weights[i]} vs ${w}`));
  trans.forEach((w, i) => assert.ok(close(m.trans[i], w), `transition ${i}`));
});

test('the shipped model decodes whole', { skip: existsSync(join(repoRoot, 'data', 'ner', 'entities.model')) ? false : 'no data/ner/entities.model' }, () => {
  const m = decodeModel(readFileSync(join(repoRoot, 'data', 'ner', 'entities.model')));
  assert.equal(m.index.size, m.header.features);
  assert.equal(m.weights.length, m.header.features * T);
  const keys = [...m.index.keys()];
  assert.equal(m.id(keys[0]), 0);
  assert.equal(m.id(keys[keys.length - 1]), keys.length - 1);
});
