// The learned pair scorer (src/stories/pair-model.ts): the shipped weights are what `npm run train -- stories` fits
// from ../shared, a broken model file is refused with its name and the reason, and on people's judgements (SemEval
// development pairs) it keeps apart undated articles of one subject that report different happenings, linked as related.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared } from '../helpers/shared.js';
import { publicationOrder, semevalDev } from '../../eval/stories.js';
import { fit, trainingData } from '../../train/stories.js';
import { PAIR_FEATURES, StoryGrouper, defaultPairModelPath, evidenceOf, readPairModel, type PairModel } from '../../src/stories/index.js';

test('the shipped pair model is what npm run train -- stories fits from ../shared', needsShared, () => {
  const shipped = JSON.parse(readFileSync(defaultPairModelPath(), 'utf8')) as PairModel;
  const data = trainingData();
  assert.ok(data, 'the ANT windows and the SemEval development half are in ../shared');
  const fitted = fit(data.rows, shipped.semevalShare);
  // A change to the features or the training data makes the shipped weights stale: npm run train -- stories.
  assert.deepEqual({ mean: shipped.mean, scale: shipped.scale, weights: shipped.weights, bias: shipped.bias },
    { mean: fitted.mean, scale: fitted.scale, weights: fitted.weights, bias: fitted.bias }, 'data/stories-pair-model.json is stale: run npm run train -- stories');
  assert.deepEqual(shipped.features, [...PAIR_FEATURES]);
});

test('a broken pair model file is refused with its name and what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-pair-'));
  try {
    const good = readPairModel(defaultPairModelPath());
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"features": [', /cannot read the pair model .*not-json\.json/],
      ['short.json', JSON.stringify({ ...good, weights: good.weights.slice(1) }), /short\.json does not have the features/],
      ['no-join.json', JSON.stringify({ ...good, thresholds: { merge: 0.5, relate: 0.5 } }), /no-join\.json does not have .*join\/merge\/relate thresholds/],
    ];
    for (const [name, body, message] of cases) {
      writeFileSync(join(dir, name), body);
      assert.throws(() => readPairModel(join(dir, name)), message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evidence: the happening, the place and a date the undated text gives', () => {
  const e = evidenceOf('اعتقال ثلاثة مشتبه بهم في القاهرة', 'ألقت الشرطة المصرية يوم 12 مارس 2020 القبض على ثلاثة أشخاص في القاهرة.', null);
  assert.ok(e.events.includes('arrest'), 'اعتقال and القبض name an arrest');
  assert.ok(e.places.length >= 1, 'القاهرة is a listed place');
  assert.equal(e.eventTime, Date.parse('2020-03-12T12:00:00Z'));
  assert.equal(evidenceOf('اعتقال ثلاثة مشتبه بهم', 'في 12 مارس 2020', Date.parse('2020-03-13T00:00:00Z')).eventTime, undefined, 'a dated article keeps its own date');
});

test('one subject, two happenings, undated: kept apart and linked as related (SemEval: a minister infected / the day\'s count)', needsShared, () => {
  // "إصابة وزير التجهيز والنقل المغربي بفيروس كورونا" and "المغرب: 97 إصابة جديدة و22 حالة شفاء" (rated 3, different
  // stories): the score rule alone puts them in one story of Moroccan epidemic news.
  const set = semevalDev();
  assert.ok(set, 'SemEval development half found');
  const [minister, count] = ['1548358382', '1575951812'];
  const group = (pairModel?: null): StoryGrouper => {
    const g = new StoryGrouper(undefined, {}, pairModel === null ? { pairModel: null } : {});
    g.addBatch(publicationOrder(set.articles));
    return g;
  };
  const rule = group(null);
  assert.equal(rule.storyOf(minister)!.id, rule.storyOf(count)!.id, 'the rule alone merges them: the test tests something');
  const g = group();
  const [a, b] = [g.storyOf(minister)!, g.storyOf(count)!];
  assert.notEqual(a.id, b.id);
  assert.ok(a.related.includes(b.id) || b.related.includes(a.id), 'linked as related');
});
