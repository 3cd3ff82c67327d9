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
  assert.equal(m.size, names.length);
  names.forEach((n, f) => { assert.equal(m.id(n), f, n); assert.equal(m.name(f), n); });
  // a prefix, an extension and a name that differs in its last letter are other features
  assert.equal(m.id('w=وزي'), -1);
  assert.equal(m.id('w=وزيرة'), -1);
  assert.equal(m.id('w=وزيز'), -1);
  assert.equal(m.id('w=غير موجود'), -1);
  const close = (a: number, b: number) => Math.abs(a - b) <= m.header.scale;
  weights.forEach((w, i) => assert.ok(close(m.weights[i], w), `weight ${i}: ${m.weights[i]} vs ${w}`));
  trans.forEach((w, i) => assert.ok(close(m.trans[i], w), `transition ${i}`));
});

test('the shipped model decodes whole', { skip: existsSync(join(repoRoot, 'data', 'ner', 'entities.model')) ? false : 'no data/ner/entities.model' }, () => {
  const m = decodeModel(readFileSync(join(repoRoot, 'data', 'ner', 'entities.model')));
  assert.equal(m.size, m.header.features);
  assert.equal(m.weights.length, m.header.features * T);
  // every feature is found at its own index through the file's hash table
  for (let f = 0; f < m.size; f++) if (m.id(m.name(f)) !== f) assert.fail(`feature ${f} "${m.name(f)}" is found at ${m.id(m.name(f))}`);
  // features hold matching forms (normalize: ة is ه)
  assert.ok(m.id('w=الخارجيه') >= 0, 'a common Arabic word is a feature');
  assert.equal(m.id('w=الخارجية'), -1);
  assert.equal(m.id('w=كلمةلاتوجد'), -1);
});

test('a damaged model file is refused with the reason', () => {
  const good = encodeModel(['w=وزير', 'w=مصر'], new Array(2 * T).fill(1), new Array((T + 1) * T).fill(0), 'test');
  assert.throws(() => decodeModel(good.subarray(0, good.length - 2)), /expected/);
  assert.throws(() => decodeModel(Buffer.from('KNER\n{"format":1}\n')), /format 1/);
  assert.throws(() => decodeModel(Buffer.from('not a model')), /bad magic/);
  // the hash table is not checked at load (that would cost a loop over it): a lookup that meets damage says so, and
  // one in a table with no empty slot still ends
  const at = good.indexOf(10, 5) + 1;
  const full = Buffer.from(good);
  for (let i = 0; i < 4; i++) full.writeUInt32LE(1, at + 4 * i);
  assert.equal(decodeModel(full).id('w=غير موجود'), -1);
  assert.equal(decodeModel(full).id('w=وزير'), 0);
  const wrong = Buffer.from(good);
  for (let i = 0; i < 4; i++) wrong.writeUInt32LE(7, at + 4 * i);
  assert.throws(() => decodeModel(wrong).id('w=مصر'), /damaged entity model/);
});
