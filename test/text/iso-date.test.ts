import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIsoDate } from '../../src/text/index.js';

test('real calendar days pass, impossible ones are named', () => {
  assert.equal(checkIsoDate('2017-01-19'), null);
  assert.equal(checkIsoDate('2016-02-29'), null);
  assert.equal(checkIsoDate('2017-01-19T08:30:00+03:00'), null);
  assert.match(checkIsoDate('2018-02-30') ?? '', /day 30 does not exist in 2018-02/);
  assert.match(checkIsoDate('2019-13-45') ?? '', /month 13/);
  assert.match(checkIsoDate('2017-02-29') ?? '', /day 29/);
  assert.match(checkIsoDate('أمس') ?? '', /YYYY-MM-DD/);
  assert.match(checkIsoDate('2017-01-19T25:00') ?? '', /time of day/);
});
