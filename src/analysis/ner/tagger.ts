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
  /** id(head + tail) without building that string, where the index can. */
  idWith?(head: string, tail: string): number;
}

/** The feature rows of one word in each role: at the tagged position, as a neighbour, two away. */
export interface WordRows {
  self: Int32Array;
  m1: Int32Array;
  p1: Int32Array;
  m2: Int32Array;
  p2: Int32Array;
}

/** Resolves a word's features to rows once per word form, for one feature index (training: the rows it updates). */
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
    const ids = this.ids;
    const resolve = (prefix: string, xs: string[]) => {
      const out: number[] = [];
      for (const x of xs) {
        const i = ids.idWith ? ids.idWith(prefix, x) : ids.id(prefix + x);
        if (i >= 0) out.push(i);
      }
      return Int32Array.from(out);
    };
    r = { self: resolve('', f.self), m1: resolve('-1:', f.near), p1: resolve('+1:', f.near), m2: resolve('-2:', f.far), p2: resolve('+2:', f.far) };
    if (this.memo.size >= this.cap) this.memo.clear();
    this.memo.set(key, r);
    return r;
  }
}

/** The words of a sentence, as their feature rows. */
function sentenceWords(cache: RowCache, tokens: NerToken[], surfaces: string[], from: number, to: number): WordRows[] {
  const words: WordRows[] = new Array(to - from);
  for (let i = from; i < to; i++) words[i - from] = cache.rows(wordKey(tokens[i], surfaces[i]));
  return words;
}

/** Calls `f` with every feature row of token i of a sentence: its own features, its neighbours' (two each side), or
 * the sentence boundary. */
function forEachRow(cache: RowCache, words: WordRows[], i: number, f: (row: number) => void): void {
  const n = words.length;
  if (cache.bias >= 0) f(cache.bias);
  for (const x of words[i].self) f(x);
  if (i > 0) for (const x of words[i - 1].m1) f(x); else if (cache.bos >= 0) f(cache.bos);
  if (i + 1 < n) for (const x of words[i + 1].p1) f(x); else if (cache.eos >= 0) f(cache.eos);
  if (i > 1) for (const x of words[i - 2].m2) f(x); else if (i === 1 && cache.bos2 >= 0) f(cache.bos2);
  if (i + 2 < n) for (const x of words[i + 2].p2) f(x); else if (i + 2 === n && cache.eos2 >= 0) f(cache.eos2);
}

/** The feature rows of every token of one sentence (what training updates). */
export function sentenceRows(cache: RowCache, tokens: NerToken[], surfaces: string[]): Int32Array[] {
  const words = sentenceWords(cache, tokens, surfaces, 0, tokens.length);
  return words.map((_, i) => {
    const parts: number[] = [];
    forEachRow(cache, words, i, (r) => parts.push(r));
    return Int32Array.from(parts);
  });
}

/** The rows of the words a role reads: at the tagged position, one before or after it, two before or after it. */
const ROLES = ['', '-1:', '+1:', '-2:', '+2:'] as const;

/**
 * What a word form adds to the tag scores of the positions that see it, at run time: per role (the word itself,
 * the word before or after, two before or after), the sum of its features' weight rows, T numbers each. A sentence's
 * scores are then six such vectors a token instead of every feature row, and a word form is resolved once.
 *
 * The sums are the same numbers the feature-by-feature sum gives, bit for bit, for a model file's weights: every
 * weight is a float32 multiple of one step (the file's int16 scale), at most 2^39 steps, so any sum of a few thousand
 * of them is exact in float64 and the order of the additions cannot change a score (nor a tag).
 */
export class WordScores {
  private readonly memo = new Map<string, Float64Array>();
  /** Feature name → row, per role: most features (letter pairs, endings, list flags) recur across word forms. */
  private readonly ids = ROLES.map(() => new Map<string, number>());
  /** The boundary rows' weights (zeros when the model lacks the feature). */
  readonly bias: Float64Array;
  readonly bos: Float64Array;
  readonly eos: Float64Array;
  readonly bos2: Float64Array;
  readonly eos2: Float64Array;
  constructor(private readonly model: FeatureIds & { readonly weights: ArrayLike<number> }, private readonly cap = 200_000) {
    const row = (f: string) => this.addRow(new Float64Array(T), 0, model.id(f));
    this.bias = row('bias'); this.bos = row('-1:<s>'); this.eos = row('+1:</s>'); this.bos2 = row('-2:<s>'); this.eos2 = row('+2:</s>');
  }

  private addRow(into: Float64Array, at: number, f: number): Float64Array {
    if (f < 0) return into;
    const w = this.model.weights, base = f * T;
    for (let t = 0; t < T; t++) into[at + t] += w[base + t];
    return into;
  }

  private addAll(into: Float64Array, role: number, features: string[]): void {
    const ids = this.ids[role], prefix = ROLES[role], model = this.model, w = model.weights, at = role * T;
    for (let k = 0; k < features.length; k++) {
      const x = features[k];
      let f = ids.get(x);
      if (f === undefined) { f = model.idWith ? model.idWith(prefix, x) : model.id(prefix + x); ids.set(x, f); }
      if (f < 0) continue;
      const base = f * T;
      for (let t = 0; t < T; t++) into[at + t] += w[base + t];
    }
  }

  /** The 5 × T sums of a word form (its wordKey): self, as the word before, after, two before, two after. */
  of(key: string): Float64Array {
    let s = this.memo.get(key);
    if (s) return s;
    const f = wordFeatures(key);
    s = new Float64Array(5 * T);
    this.addAll(s, 0, f.self);
    this.addAll(s, 1, f.near);
    this.addAll(s, 2, f.near);
    this.addAll(s, 3, f.far);
    this.addAll(s, 4, f.far);
    if (this.memo.size >= this.cap) { this.memo.clear(); for (const m of this.ids) m.clear(); }
    this.memo.set(key, s);
    return s;
  }
}

/** Per-token tag scores of tokens [from, to) as one sentence, into `e` (T a token): the bias, the token's own sums,
 * and its neighbours' (two each side) or the sentence boundary's. */
export function sentenceScores(ws: WordScores, tokens: NerToken[], surfaces: string[], from: number, to: number, e: Float64Array): void {
  const n = to - from;
  const words: Float64Array[] = new Array(n);
  for (let i = 0; i < n; i++) words[i] = ws.of(wordKey(tokens[from + i], surfaces[from + i]));
  const { bias, bos, eos, bos2, eos2 } = ws;
  for (let i = 0; i < n; i++) {
    const base = i * T, self = words[i];
    const m1 = i > 0 ? words[i - 1] : bos, o1 = i > 0 ? T : 0;
    const p1 = i + 1 < n ? words[i + 1] : eos, q1 = i + 1 < n ? 2 * T : 0;
    const m2 = i > 1 ? words[i - 2] : i === 1 ? bos2 : null, o2 = i > 1 ? 3 * T : 0;
    const p2 = i + 2 < n ? words[i + 2] : i + 2 === n ? eos2 : null, q2 = i + 2 < n ? 4 * T : 0;
    for (let t = 0; t < T; t++) {
      let v = bias[t] + self[t] + m1[o1 + t] + p1[q1 + t];
      if (m2) v += m2[o2 + t];
      if (p2) v += p2[q2 + t];
      e[base + t] = v;
    }
  }
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
