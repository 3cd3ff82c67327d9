// Sparse stem TF-IDF vectors over one story's sentences, with an inverted index for fast neighbours.
import { contentStems } from './lex.js';

/** Sorted term ids with weights, unit length. */
export interface Vec { ids: Int32Array; w: Float64Array }

export class Vocabulary {
  private ids = new Map<string, number>();
  df: number[] = [];
  docs = 0;
  /** Term ids of a text (with repeats). */
  termIds(text: string, add: boolean): number[] {
    const out: number[] = [];
    for (const t of contentStems(text)) {
      let id = this.ids.get(t);
      if (id === undefined) {
        if (!add) continue;
        id = this.ids.size;
        this.ids.set(t, id);
        this.df.push(0);
      }
      out.push(id);
    }
    return out;
  }
  /** Counts one document's terms into document frequencies. */
  count(termIds: number[]): void {
    this.docs++;
    for (const id of new Set(termIds)) this.df[id]++;
  }
  idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df[id] ?? 0) + 0.5));
  }
  vector(termIds: number[]): Vec {
    const tf = new Map<number, number>();
    for (const id of termIds) tf.set(id, (tf.get(id) ?? 0) + 1);
    const ids = [...tf.keys()].sort((a, b) => a - b);
    const w = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => { w[i] = (1 + Math.log(tf.get(id)!)) * Math.max(this.idf(id), 0.01); norm += w[i] * w[i]; });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < w.length; i++) w[i] /= norm;
    return { ids: Int32Array.from(ids), w };
  }
}

export function cosine(a: Vec, b: Vec): number {
  let i = 0, j = 0, s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i], y = b.ids[j];
    if (x === y) { s += a.w[i] * b.w[j]; i++; j++; } else if (x < y) i++; else j++;
  }
  return s;
}

/** Sum of vectors (dense, by term id), for centroids. */
export function addInto(dense: Float64Array, v: Vec, scale = 1): void {
  for (let i = 0; i < v.ids.length; i++) dense[v.ids[i]] += v.w[i] * scale;
}

export function cosineDense(v: Vec, dense: Float64Array, denseNorm: number): number {
  let s = 0;
  for (let i = 0; i < v.ids.length; i++) s += v.w[i] * dense[v.ids[i]];
  return denseNorm ? s / denseNorm : 0;
}

/**
 * Inverted index of vectors: which stored vectors share terms with a query, with their dot products.
 * Postings are flat number arrays and the accumulator is a reused dense array with a list of touched
 * documents (in first-touch order), so a query allocates nothing per posting.
 */
export class InvertedIndex {
  private postings = new Map<number, number[]>(); // term id → [doc, weight, doc, weight, …]
  private acc = new Float64Array(64);
  private seen = new Uint8Array(64);
  private touched: number[] = [];
  add(doc: number, v: Vec): void {
    if (doc >= this.acc.length) {
      const size = Math.max(doc + 1, this.acc.length * 2);
      this.acc = new Float64Array(size); // all zero between queries
      this.seen = new Uint8Array(size);
    }
    for (let i = 0; i < v.ids.length; i++) {
      let p = this.postings.get(v.ids[i]);
      if (!p) this.postings.set(v.ids[i], (p = []));
      p.push(doc, v.w[i]);
    }
  }
  /**
   * Calls visit(doc, dot) for every stored vector sharing a term with v, in order of first shared term.
   * visit must not query this index (the accumulator is shared).
   */
  forEachDot(v: Vec, visit: (doc: number, dot: number) => void): void {
    const acc = this.acc;
    const seen = this.seen;
    const touched = this.touched;
    touched.length = 0;
    for (let i = 0; i < v.ids.length; i++) {
      const p = this.postings.get(v.ids[i]);
      if (!p) continue;
      const q = v.w[i];
      for (let k = 0; k < p.length; k += 2) {
        const doc = p[k];
        if (seen[doc] === 0) { seen[doc] = 1; touched.push(doc); }
        acc[doc] += p[k + 1] * q;
      }
    }
    for (const d of touched) {
      const dot = acc[d];
      acc[d] = 0;
      seen[d] = 0;
      visit(d, dot);
    }
  }
}
