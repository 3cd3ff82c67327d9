// `npm run train -- entities`: trains the entity tagger (an averaged structured perceptron over khabar's Arabic
// features, Viterbi-decoded, src/analysis/ner/) on CLEANANERCorp train minus its development tenth, and writes
// data/ner/entities.model. Deterministic: a fixed sentence order shuffled by a seeded generator, a fixed number of
// epochs, integer updates; the same corpus gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeModel, decodeModel } from '../src/analysis/ner/model.js';
import { defaultModelPath } from '../src/analysis/ner/load.js';
import { RowCache, START, T, emissions, sentenceRows, viterbi, type FeatureIds } from '../src/analysis/ner/tagger.js';
import { readCorpus, type CorpusSentence } from './ner-corpus.js';
import { prng } from '../bench/common.js';

import { scoreSpans, printScores } from './ner-score.js';

export const TRAINING = {
  /** Passes over the training sentences. Chosen on the development tenth (docs/entities.md). */
  epochs: 12,
  seed: 20261206,
};

/** A feature index that grows as training meets new features. */
class GrowingIndex implements FeatureIds {
  readonly names: string[] = [];
  readonly map = new Map<string, number>();
  id(f: string): number {
    let i = this.map.get(f);
    if (i === undefined) { i = this.names.length; this.names.push(f); this.map.set(f, i); }
    return i;
  }
}

interface Example { rows: Int32Array[]; gold: Uint8Array }

function examples(sentences: CorpusSentence[], ids: FeatureIds, cache: RowCache): Example[] {
  const out: Example[] = [];
  for (const s of sentences) {
    for (const [from, to] of s.sentences) {
      const rows = sentenceRows(cache, s.tokens.slice(from, to), s.surfaces.slice(from, to));
      out.push({ rows, gold: s.tags.slice(from, to) });
    }
  }
  return out;
}

export interface Trained { names: string[]; weights: Float64Array; trans: Float64Array; epochsRun: number }

/** Averaged perceptron training; `onEpoch` sees the averaged weights after each epoch (for the dev curve). */
export function trainPerceptron(sentences: CorpusSentence[], opts: { epochs: number; seed: number; onEpoch?: (epoch: number, t: Trained) => void }): Trained {
  const index = new GrowingIndex();
  index.id('bias'); index.id('-1:<s>'); index.id('+1:</s>'); index.id('-2:<s>'); index.id('+2:</s>');
  const cache = new RowCache(index, Infinity);
  const data = examples(sentences, index, cache);
  const nf = index.names.length;
  const W = new Float64Array(nf * T), U = new Float64Array(nf * T);
  const TR = new Float64Array((T + 1) * T), TU = new Float64Array((T + 1) * T);
  const random = prng(opts.seed);
  const order = data.map((_, i) => i);
  let c = 1;
  let buf = new Float64Array(0);
  const averaged = (): Trained => {
    const w = new Float64Array(W.length), tr = new Float64Array(TR.length);
    for (let i = 0; i < W.length; i++) w[i] = W[i] - U[i] / c;
    for (let i = 0; i < TR.length; i++) tr[i] = TR[i] - TU[i] / c;
    return { names: index.names, weights: w, trans: tr, epochsRun: 0 };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const k of order) {
      const { rows, gold } = data[k];
      if (buf.length < rows.length * T) buf = new Float64Array(rows.length * T * 2);
      const pred = viterbi(rows.length, emissions(rows, W, buf), TR);
      for (let i = 0; i < rows.length; i++) {
        const g = gold[i], p = pred[i];
        if (g !== p) {
          for (const f of rows[i]) {
            W[f * T + g] += 1; U[f * T + g] += c;
            W[f * T + p] -= 1; U[f * T + p] -= c;
          }
        }
        const pg = i === 0 ? START : gold[i - 1], pp = i === 0 ? START : pred[i - 1];
        if (pg !== pp || g !== p) {
          TR[pg * T + g] += 1; TU[pg * T + g] += c;
          TR[pp * T + p] -= 1; TU[pp * T + p] -= c;
        }
      }
      c++;
    }
    if (opts.onEpoch) { const t = averaged(); t.epochsRun = epoch; opts.onEpoch(epoch, t); }
  }
  const out = averaged();
  out.epochsRun = opts.epochs;
  return out;
}

export async function train(): Promise<void> {
  const { train: sentences, dev } = readCorpus();
  console.log(`CLEANANERCorp train: ${sentences.length} training sentences, ${dev.length} development sentences (held apart)`);
  const t0 = performance.now();
  const trained = trainPerceptron(sentences, {
    ...TRAINING,
    onEpoch: process.env.KHABAR_TRAIN_CURVE ? (epoch, t) => {
      const m = decodeModel(encodeModel(t.names, t.weights, t.trans, ''));
      const s = scoreSpans(dev, m);
      console.log(`  epoch ${epoch}: dev micro F1 ${(100 * s.micro.f1).toFixed(2)} (PERS ${(100 * s.byType.PERS.f1).toFixed(1)}, LOC ${(100 * s.byType.LOC.f1).toFixed(1)}, ORG ${(100 * s.byType.ORG.f1).toFixed(1)})`);
    } : undefined,
  });
  console.log(`trained ${trained.names.length} features, ${TRAINING.epochs} epochs, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const bytes = encodeModel(trained.names, trained.weights, trained.trans,
    `CLEANANERCorp train (iwan-rg/CLEANANERCorp 8dd850c) minus its development tenth (FNV-1a of the sentence id mod 10 = 0): ${sentences.length} sentences; averaged perceptron, ${TRAINING.epochs} epochs, seed ${TRAINING.seed}`);
  const path = defaultModelPath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  const model = decodeModel(bytes);
  console.log(`wrote ${path}: ${model.header.features} features kept, ${(bytes.length / 1e6).toFixed(2)} MB`);
  printScores('development tenth', scoreSpans(dev, model));
}
