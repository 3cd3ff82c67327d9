// The tagger's run-time scores (each word form's weights summed once per role, WordScores) are the sums of every
// feature row that training computes, bit for bit, on the shipped model and real Arabic news: so the faster path
// changes no score and no tag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/analysis/ner/model.js';
import { tagSegmented } from '../../src/analysis/ner/recognize.js';
import { segment } from '../../src/analysis/ner/segment.js';
import { RowCache, T, WordScores, emissions, sentenceRows, sentenceScores, viterbi } from '../../src/analysis/ner/tagger.js';
import { repoRoot } from '../helpers/shared.js';
import { sampleArticles } from './load.js';

const modelFile = join(repoRoot, 'data', 'ner', 'entities.model');

test('per-word-form sums give every token the scores and tags of its feature rows summed one by one', { skip: existsSync(modelFile) ? false : 'no data/ner/entities.model' }, async () => {
  const m = decodeModel(readFileSync(modelFile));
  const rows = new RowCache(m), sums = new WordScores(m);
  const articles = await sampleArticles();
  let tokens = 0, names = 0;
  for (const a of articles) {
    const seg = segment(a.text);
    const tags = tagSegmented(m, seg);
    for (const [from, to] of seg.sentences) {
      const want = emissions(sentenceRows(rows, seg.tokens.slice(from, to), seg.surfaces.slice(from, to)), m.weights);
      const got = new Float64Array((to - from) * T);
      sentenceScores(sums, seg.tokens, seg.surfaces, from, to, got);
      for (let i = 0; i < got.length; i++) {
        if (got[i] !== want[i]) assert.fail(`${a.id}: token ${from + Math.floor(i / T)} "${seg.surfaces[from + Math.floor(i / T)]}", tag ${i % T}: ${got[i]} vs ${want[i]}`);
      }
      assert.deepEqual([...tags.subarray(from, to)], [...viterbi(to - from, want, m.trans)], `${a.id}: tags of tokens ${from}–${to}`);
      tokens += to - from;
    }
    names += tags.filter((t) => t !== 0).length;
  }
  assert.ok(tokens > 2000, `${tokens} tokens compared`);
  assert.ok(names > 50, `${names} tokens tagged as names`);
});
