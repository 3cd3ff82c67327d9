#!/usr/bin/env node
// Builds data/stories-df-prior.json, the stories stage's document-frequency prior (see src/stories/prior.ts), from
// the ANT corpus in ../shared: the articles published before 20 January 2017: none of the held-out days (20 January –
// 5 February 2017) nor of the hand-grouped windows the evaluation uses (7–9 February, March, 13–17 April, May, June 2017). Run after a change to how the grouper extracts terms
// (test/stories/prior.test.ts fails until the shipped file matches): `npm run build-prior`.
import { writeFileSync } from 'node:fs';
import { antHistory } from '../dist/eval/stories.js';
import { buildPrior, defaultPriorPath } from '../dist/src/stories/index.js';

const MIN_DF = 2;
const history = antHistory();
if (!history.length) {
  console.error('build-df-prior: ../shared/data/ant-corpus-v1.1/ant_v1.1.jsonl not found (set KHABAR_SHARED to the shared folder)');
  process.exit(1);
}
const { documents, df } = buildPrior(history, MIN_DF);
const file = {
  about: 'Document frequencies the stories stage counts on top of the store\'s own (src/stories/prior.ts): how many of these documents hold each stemmed term, entity key (n:, #) and phrase key (p:) that the grouper extracts. Terms held by fewer than minDf documents are left out.',
  source: 'ANT corpus v1.1 (github.com/antcorpus/antcorpus.data, commit 06f6a10e, Apache-2.0; Chouigui, Ben Khiroun & Elayeb, AICCSA 2017): the articles of Jawhara FM published before 2017-01-20 (20 January – 5 February 2017 is held out). Built by scripts/build-df-prior.mjs.',
  documents,
  minDf: MIN_DF,
  df,
};
const path = defaultPriorPath();
writeFileSync(path, JSON.stringify(file, null, 0) + '\n');
console.log(`${path}: ${documents} documents, ${Object.keys(df).length} terms kept (df >= ${MIN_DF})`);
