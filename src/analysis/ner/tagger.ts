// A first-order linear-chain tagger over BIO tags, scored by a linear model (trained as an averaged perceptron, see
// train/entities.ts): each token's score for a tag is the sum of its features' weights for that tag, and the best
// tag sequence under those scores and the tag-to-tag transition weights is found by Viterbi. Invalid sequences (an
// I- tag that does not continue the same type) are never produced.
import { wordFeatures, wordKey, type NerToken } from './features.js';

export const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const T = TAGS.length;
/** Row of the transition table for the position before the first token. */
export const START = T;

/** Whether tag `b` may follow tag `a` (a = START at the sentence start): I-X only after B-X or I-X. */
export function allowed(a: number, b: number): boolean {
  const tb = TAGS[b];
  if (!tb.startsWith('I-')) return true;
  if (a === START) return false;
  const ta = TAGS[a];
  return ta !== 'O' && ta.slice(2) === tb.slice(2);
}

/** Maps feature strings to rows of a weight table; -1 for a feature the model does not have. */
export interface FeatureIds {
  id(feature: string): number;
  /** The word clusters of a word's cluster unit (coarse, fine), when the model has clusters and the word is in one. */
  clusterOf?(unit: string): readonly number[] | undefined;
}

/** The feature rows of one word in each role: at the tagged position, as a neighbour, two away. */
export interface WordRows {
  self: Int32Array;
  m1: Int32Array;
  p1: Int32Array;
  m2: Int32Array;
  p2: Int32Array;
}

/** Resolves a word's features to rows once per word form, for one feature index. */
export class RowCache {
  private readonly memo = new Map<string, WordRows>();
  readonly bias: number;
  readonly bos: number;
  readonly eos: number;
  readonly bos2: number;
  readonly eos2: number;
  constructor(private readonly ids: FeatureIds, private readonly cap = 200_000) {
    this.bias = ids.id('bias');
    this.bos = ids.id('-1:<s>');
    this.eos = ids.id('+1:</s>');
    this.bos2 = ids.id('-2:<s>');
    this.eos2 = ids.id('+2:</s>');
  }

  rows(key: string): WordRows {
    let r = this.memo.get(key);
    if (r) return r;
    const f = wordFeatures(key);
    const cl = this.ids.clusterOf?.(f.unit);
    const k = cl ? cl.map((c, g) => `k${g}=${c}`) : [];
    const self = cl ? [...f.self, ...k] : f.self, near = cl ? [...f.near, ...k] : f.near, far = cl ? [...f.far, k[0]] : f.far;
    const resolve = (prefix: string, xs: string[]) => Int32Array.from(xs.map((x) => this.ids.id(prefix + x)).filter((i) => i >= 0));
    r = { self: resolve('', self), m1: resolve('-1:', near), p1: resolve('+1:', near), m2: resolve('-2:', far), p2: resolve('+2:', far) };
    if (this.memo.size >= this.cap) this.memo.clear();
    this.memo.set(key, r);
    return r;
  }
}

/**
 * The feature rows of every token of one sentence: its own features, its neighbours' (two each side, or the
 * sentence boundary), and the positional features given in `extra` (per token, already resolved to rows).
 */
export function sentenceRows(cache: RowCache, tokens: NerToken[], surfaces: string[], extra?: (number[] | undefined)[]): Int32Array[] {
  const n = tokens.length;
  const words = tokens.map((t, i) => cache.rows(wordKey(t, surfaces[i])));
  const out: Int32Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const parts: number[] = [];
    if (cache.bias >= 0) parts.push(cache.bias);
    for (const x of words[i].self) parts.push(x);
    if (i > 0) for (const x of words[i - 1].m1) parts.push(x); else if (cache.bos >= 0) parts.push(cache.bos);
    if (i + 1 < n) for (const x of words[i + 1].p1) parts.push(x); else if (cache.eos >= 0) parts.push(cache.eos);
    if (i > 1) for (const x of words[i - 2].m2) parts.push(x); else if (i === 1 && cache.bos2 >= 0) parts.push(cache.bos2);
    if (i + 2 < n) for (const x of words[i + 2].p2) parts.push(x); else if (i + 2 === n && cache.eos2 >= 0) parts.push(cache.eos2);
    const e = extra?.[i];
    if (e) for (const x of e) parts.push(x);
    out[i] = Int32Array.from(parts);
  }
  return out;
}

/** Per-token tag scores: the sum of each feature row's weights (row-major, T weights a row). */
export function emissions(rows: Int32Array[], weights: ArrayLike<number>, into?: Float64Array): Float64Array {
  const n = rows.length;
  const e = into && into.length >= n * T ? into : new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let t = 0; t < T; t++) e[base + t] = 0;
    const r = rows[i];
    for (let k = 0; k < r.length; k++) {
      const w = r[k] * T;
      for (let t = 0; t < T; t++) e[base + t] += weights[w + t];
    }
  }
  return e;
}

/** The best tag sequence (tag indices) under emission scores and transitions ((T + 1) × T, the last row START). */
export function viterbi(n: number, e: Float64Array, trans: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = allowed(START, t) ? e[t] + trans[START * T + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const b = i * T, pb = b - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity, arg = 0;
      for (let s = 0; s < T; s++) {
        if (!ALLOWED[s * T + t]) continue;
        const v = score[pb + s] + trans[s * T + t];
        if (v > best) { best = v; arg = s; }
      }
      score[b + t] = best + e[b + t];
      back[b + t] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) if (score[last + t] > best) { best = score[last + t]; arg = t; }
  for (let i = n - 1; i >= 0; i--) { out[i] = arg; arg = back[i * T + arg]; }
  return out;
}

const ALLOWED = new Uint8Array(T * T);
for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) ALLOWED[a * T + b] = allowed(a, b) ? 1 : 0;

/** Spans [start, end) of token indices with their type (PERS, LOC, ORG, MISC), from a BIO tag sequence. */
export function spansOf(tags: ArrayLike<number>): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]];
    if (t === 'O') continue;
    const type = t.slice(2);
    let j = i + 1;
    while (j < tags.length && TAGS[tags[j]] === `I-${type}`) j++;
    out.push({ start: i, end: j, type });
    i = j - 1;
  }
  return out;
}
