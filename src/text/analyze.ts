// The analyzer: the terms search and matching see. Same rules as tokenize(), but without Token objects,
// so it can run over tens of megabytes (khabar analyze, ingest, grouping).
//
// News vocabulary repeats: in 48 MB of ANT text 3.6 M terms come from a few hundred thousand distinct
// words. So an Arabic word's normalized code units are hashed as they are read and looked up in a
// bounded table of words already seen (open addressing over a Uint16Array pool, written here because a
// JS Map needs a string key, i.e. an allocation per word). A hit gives the normalized form, the stop-word
// flag and the stem without building any string; only a new word pays normalize + isStopword + stem.
import { CLASS, C_ARABIC, C_DIGIT, C_LATIN, C_MARK, C_SURROGATE, DROP, MULTI, NORM_MAP } from './chars.js';
import { normalizeUnits } from './normalize.js';
import { isStopword } from './stopwords.js';
import { stem } from './stem.js';
import { isAstralLetterAt, normalizeNumber, scanLatin, scanNumber, scanWord } from './tokenize.js';
import { releaseUnits, unitsOfString, unitsOfUtf8, unitsToString } from './units.js';

export interface AnalyzeOptions {
  /** Light-stem Arabic words (default false). */
  stem?: boolean;
  /** Drop stop words (default true). */
  stopwords?: boolean;
}

/** Words longer than this (in normalized code units) skip the cache: rare, and they would bloat the pool. */
const MAX_CACHED_WORD = 40;
/** The cache is emptied when it holds this many words (about 30 MB at news word lengths). */
const MAX_CACHED_WORDS = 1 << 19;
const INITIAL_WORDS = 1 << 12;

/**
 * Cache of analyzed Arabic words, keyed by their normalized code units. The tables grow with the
 * vocabulary instead of being allocated at their maximum: a probe is a random read, and a table that
 * fits the CPU cache (a news vocabulary of 65k words takes 512 KB of slots) is several times faster.
 */
class WordCache {
  /** Interleaved pairs: [entry index + 1 (0 = empty), hash]; load factor ≤ 0.5. */
  private slots = new Int32Array(INITIAL_WORDS * 4);
  private mask = INITIAL_WORDS * 2 - 1;
  private keyStart = new Int32Array(INITIAL_WORDS);
  private keyLength = new Uint8Array(INITIAL_WORDS);
  private pool = new Uint16Array(INITIAL_WORDS * 8);
  private poolUsed = 0;
  private size = 0;
  /** Per entry: the normalized word, its stem (computed on first need), whether it is a stop word. */
  readonly norms: string[] = [];
  readonly stems: Array<string | undefined> = [];
  stop = new Uint8Array(INITIAL_WORDS);

  /** Entry index of the normalized word units[0..len), added when new. */
  entry(units: Uint16Array, len: number, hash: number): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const e = slots[slot * 2]! - 1;
      if (e < 0) break;
      if (slots[slot * 2 + 1] === hash && this.keyLength[e] === len && this.sameKey(e, units, len)) return e;
      slot = (slot + 1) & this.mask;
    }
    return this.add(units, len, hash, slot);
  }

  stemOf(e: number): string {
    let s = this.stems[e];
    if (s === undefined) s = this.stems[e] = stem(this.norms[e]!);
    return s;
  }

  private add(units: Uint16Array, len: number, hash: number, slot: number): number {
    if (this.size === MAX_CACHED_WORDS) this.clear();
    if (this.size === this.keyStart.length) {
      this.grow();
      return this.entry(units, len, hash); // probe again in the larger table
    }
    if (this.poolUsed + len > this.pool.length) {
      const pool = new Uint16Array(this.pool.length * 2);
      pool.set(this.pool);
      this.pool = pool;
    }
    if (this.size === 0) slot = hash & this.mask; // cleared since the probe
    const e = this.size++;
    this.slots[slot * 2] = e + 1;
    this.slots[slot * 2 + 1] = hash;
    this.keyLength[e] = len;
    this.keyStart[e] = this.poolUsed;
    this.pool.set(units.subarray(0, len), this.poolUsed);
    this.poolUsed += len;
    const norm = unitsToString(units, 0, len);
    this.norms[e] = norm;
    this.stems[e] = undefined;
    this.stop[e] = isStopword(norm) ? 1 : 0;
    return e;
  }

  /** Doubles the entry capacity and rehashes the slots. */
  private grow(): void {
    const capacity = this.keyStart.length * 2;
    const keyStart = new Int32Array(capacity); keyStart.set(this.keyStart); this.keyStart = keyStart;
    const keyLength = new Uint8Array(capacity); keyLength.set(this.keyLength); this.keyLength = keyLength;
    const stop = new Uint8Array(capacity); stop.set(this.stop); this.stop = stop;
    const old = this.slots;
    this.slots = new Int32Array(capacity * 4);
    this.mask = capacity * 2 - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue;
      let slot = old[s + 1]! & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = old[s]!;
      this.slots[slot * 2 + 1] = old[s + 1]!;
    }
  }

  private sameKey(e: number, units: Uint16Array, len: number): boolean {
    const pool = this.pool;
    const at = this.keyStart[e]!;
    for (let i = 0; i < len; i++) if (pool[at + i] !== units[i]) return false;
    return true;
  }

  private clear(): void {
    this.slots.fill(0);
    this.size = 0;
    this.poolUsed = 0;
    this.norms.length = 0;
    this.stems.length = 0;
  }
}

const cache = new WordCache();
const word = new Uint16Array(MAX_CACHED_WORD);

/**
 * Calls onTerm for every term of the input in order: normalized Arabic words (stemmed if opts.stem),
 * numbers in ASCII digits, other-script words lower-cased; punctuation and symbols are skipped; stop words
 * dropped unless opts.stopwords === false. The input is a string or UTF-8 bytes (ill-formed bytes are
 * decoded with U+FFFD replacement, as TextDecoder does). Returns the number of terms. Linear time, never
 * throws on any input.
 */
export function forEachTerm(input: string | Uint8Array, opts: AnalyzeOptions | undefined, onTerm: ((term: string) => void) | null): number {
  let units: Uint16Array;
  let n: number;
  if (typeof input === 'string') {
    units = unitsOfString(input);
    n = input.length;
  } else if (input instanceof Uint8Array) {
    const decoded = unitsOfUtf8(input);
    if (decoded === null) return forEachTerm(new TextDecoder().decode(input), opts, onTerm);
    units = decoded.units;
    n = decoded.length;
  } else {
    return 0;
  }
  try {
    return termsOfUnits(units, n, opts?.stem === true, opts?.stopwords !== false, onTerm);
  } finally {
    releaseUnits(units);
  }
}

function termsOfUnits(u: Uint16Array, n: number, doStem: boolean, dropStop: boolean, onTerm: ((term: string) => void) | null): number {
  let count = 0;
  let i = 0;
  while (i < n) {
    const k = CLASS[u[i]!];
    const start = i;
    let term: string;
    if (k === C_ARABIC || k === C_MARK) {
      i = scanWord(u, i, n);
      // Normalized units and their FNV-1a hash; MULTI (a ligature) or a long word takes the plain path.
      let len = 0;
      let hash = 0x811c9dc5 | 0;
      for (let j = start; j < i; j++) {
        const m = NORM_MAP[u[j]!]!;
        if (m === DROP) continue;
        if (m === MULTI || len === MAX_CACHED_WORD) { len = -1; break; }
        word[len++] = m;
        hash = Math.imul(hash ^ m, 0x01000193);
      }
      if (len === 0) continue;
      if (len > 0) {
        const e = cache.entry(word, len, hash);
        if (dropStop && cache.stop[e] === 1) continue;
        count++;
        if (onTerm !== null) onTerm(doStem ? cache.stemOf(e) : cache.norms[e]!);
        continue;
      }
      term = normalizeUnits(u, start, i);
      if (term.length === 0) continue;
      if (dropStop && isStopword(term)) continue;
      if (doStem) term = stem(term);
    } else if (k === C_DIGIT) {
      i = scanNumber(u, i, n);
      term = normalizeNumber(u, start, i);
    } else if (k === C_LATIN || (k === C_SURROGATE && isAstralLetterAt(u, i, n))) {
      i = scanLatin(u, i, n);
      if (i === start) i = start + 2;
      term = normalizeUnits(u, start, i);
    } else {
      i++;
      continue;
    }
    count++;
    if (onTerm !== null) onTerm(term);
  }
  return count;
}

/** The terms of s as search and matching see them (see forEachTerm). */
export function analyze(s: string, opts?: AnalyzeOptions): string[] {
  const out: string[] = [];
  forEachTerm(s, opts, (t) => { out.push(t); });
  return out;
}
