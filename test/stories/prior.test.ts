// The document-frequency prior (src/stories/prior.ts): the shipped counts are what the build script counts from
// ../shared, a broken file is refused with its name and the reason, and on a batch grouped alone it weighs an
// event's rare name as a store with history would (ANT March: the Orly airport attack; ANT May: Norway's embassy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared } from '../helpers/shared.js';
import { antWindow, antHistory, groupWithGrouper } from '../../eval/stories.js';
import { buildPrior, defaultPrior, defaultPriorPath, readPrior, type PriorFile } from '../../src/stories/index.js';

test('the shipped prior is what npm run build-prior counts from the ANT history in ../shared', needsShared, () => {
  const file = JSON.parse(readFileSync(defaultPriorPath(), 'utf8')) as PriorFile;
  const history = antHistory();
  assert.equal(history.length, 4154);
  const built = buildPrior(history, file.minDf);
  assert.equal(file.documents, built.documents);
  // A change to how the grouper extracts terms makes the shipped counts stale: rebuild them (npm run build-prior).
  assert.deepEqual(file.df, built.df, 'data/stories-df-prior.json is stale: run npm run build-prior');
});

test('the shipped prior reads as counts of documents', () => {
  const prior = defaultPrior();
  assert.ok(prior.documents > 1000);
  assert.ok(prior.df.size > 10_000);
  // تونس is in a quarter of a Tunisian outlet's articles; the name of a Paris airport in a handful.
  assert.ok((prior.df.get('تونس') ?? 0) > prior.documents / 10);
  assert.ok((prior.df.get('اورلي') ?? 0) < prior.documents / 1000);
});

test('a broken prior file is refused with its name and what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-prior-'));
  try {
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"documents": 10, "df": {', /cannot read .*not-json\.json/],
      ['no-count.json', '{"df": {"تونس": 3}}', /no-count\.json has no "documents" count/],
      ['too-many.json', '{"documents": 10, "df": {"تونس": 30}}', /too-many\.json counts "تونس" in 30 of 10 documents/],
    ];
    for (const [name, body, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, body);
      assert.throws(() => readPrior(path), message, name);
    }
    assert.throws(() => readPrior(join(dir, 'absent.json')), /absent\.json.*reinstall, or restore data\/stories-df-prior\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function storyWith(groups: string[][], id: string): string[] {
  return groups.find((g) => g.includes(id)) ?? [];
}

test('grouped alone, ANT March keeps the Orly attack in one story, with the prior and with its own idf alone', needsShared, () => {
  const march = antWindow('ant-mar');
  assert.ok(march);
  const orly = march.groups.find((g) => g.includes('JA-internationalNews-553-20170318'))!;
  assert.equal(orly.length, 8);
  // In 126 articles أورلي is in 8 and counts as a fairly common word: the article on a delayed flight from France,
  // which names the airport once, stays in the story with or without the prior, because the stemmer joins its
  // "رحلته" with رحلة (and another member's وجهتها with وجهة).
  for (const options of [{}, { prior: null }]) {
    const grouping = groupWithGrouper({}, options)(march.articles);
    for (const id of orly) assert.ok(storyWith(grouping, orly[0]!).includes(id), `${id} with the rest of the Orly story (${options.prior === null ? 'no prior' : 'prior'})`);
  }
});

test('with the prior, Norway reopening its embassy stays apart from a British travel warning (ANT May)', needsShared, () => {
  const dev = antWindow('ant-dev');
  assert.ok(dev);
  const norway = storyWith(groupWithGrouper()(dev.articles), 'JA-politic-378-20170502');
  assert.deepEqual([...norway].sort(), ['JA-localNews-3650-20170503', 'JA-politic-378-20170502']);
});
