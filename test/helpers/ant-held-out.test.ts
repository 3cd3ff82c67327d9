// The shared ANT reader (eval/ant.ts) is the only way tests, benches, evals and training read the corpus: it must
// never yield an article of the held-out days (20 January – 5 February 2017), dated by its time field or its docno.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ANT_HELD_OUT_DAYS, antLines, antPath, antRecords, antTime, hasAnt, isHeldOutAnt } from '../../eval/ant.js';

const needsAnt = hasAnt ? {} : { skip: `${antPath} not found (set KHABAR_SHARED)` };

test('isHeldOutAnt: the held-out days by publication day, or by the docno day written yyyymmdd or ddmmyyyy', () => {
  assert.equal(isHeldOutAnt('JA-society-98-20170131', null), true);
  assert.equal(isHeldOutAnt('JA-localNews-461-03022017', null), true);
  assert.equal(isHeldOutAnt('JA-localNews-4067-20170524', '2017-05-24'), false);
  assert.equal(isHeldOutAnt('JA-localNews-461-19122013', '2013-12-19'), false);
  assert.equal(isHeldOutAnt('no-day', '2017-01-20T08:00:00'), true, 'first held-out day');
  assert.equal(isHeldOutAnt('no-day', '2017-02-05'), true, 'last held-out day');
  assert.equal(isHeldOutAnt('no-day', '2017-02-06'), false);
  assert.equal(isHeldOutAnt('no-day', '2017-01-19T23:59:00'), false);
  assert.equal(isHeldOutAnt('JA-x-1-20170519', '2017-01-22T18:56:00'), true, 'a held-out time wins over a docno day');
});

test('the shared ANT reader yields no held-out article, and leaves out only those', needsAnt, () => {
  const records = antRecords();
  for (const r of records) {
    const day = antTime(r.time)?.slice(0, 10);
    assert.ok(!day || day < ANT_HELD_OUT_DAYS.from || day > ANT_HELD_OUT_DAYS.to, `${r.docno} published ${day}`);
    assert.ok(!isHeldOutAnt(r.docno, antTime(r.time)), `${r.docno} is held out`);
  }
  const docnos = new Set(records.map((r) => r.docno));
  assert.ok(!docnos.has('JA-diverse-31-20170122'), 'an article of 22 January 2017 is held out');
  assert.ok(docnos.has('JA-localNews-4067-20170524'));
  // Only held-out lines are left out: the corpus has them, so the reader yields fewer lines than the file holds.
  const all = readFileSync(antPath, 'utf8').split('\n').filter((l) => l.trim()).length;
  assert.ok(records.length < all && records.length > all * 0.8, `${records.length} of ${all} lines`);
  // antLines is the same selection as written in the file; a limit takes the first lines of it.
  const lines = antLines();
  assert.equal(lines.length, records.length);
  assert.deepEqual(antLines(50), lines.slice(0, 50));
  assert.deepEqual(antRecords(50).map((r) => r.docno), records.slice(0, 50).map((r) => r.docno));
});
