// Near-duplicate detection: MinHash over word shingles of the normalized text, LSH bands for candidate lookup,
// and shingle containment for partial shared copy. Parameters and thresholds live in config.ts.
import { LSH_BANDS, LSH_ROWS, MINHASH_HASHES, SHINGLE_WORDS } from './config.js';
import { normalizedWords } from './norm.js';

/** FNV-1a over UTF-16 code units, then a murmur3 finalizer: a fast 32-bit string hash (not crypto). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 fmix32: a multiply-xorshift permutation of 32-bit integers. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-function seeds, fixed so signatures are stable across runs and can be stored. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_HASHES; i++) {
    x = mix32((x + 0x9e3779b9) >>> 0);
    seeds[i] = x;
  }
  return seeds;
})();

/** Hashes of the word shingles of a text (a text shorter than one shingle gives one shingle of all its words). */
export function shingleHashes(text: string): Set<number> {
  const words = normalizedWords(text);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < SHINGLE_WORDS) {
    out.add(hashString(words.join(' ')));
    return out;
  }
  // hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')) without building the joined string.
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE_WORDS; k++) {
      if (k > i) h = Math.imul(h ^ 0x20, 0x01000193);
      const w = words[k]!;
      for (let j = 0; j < w.length; j++) h = Math.imul(h ^ w.charCodeAt(j), 0x01000193);
    }
    out.add(mix32(h));
  }
  return out;
}

/** MinHash signature (MINHASH_HASHES values) of a text's word shingles. An empty text gives all 0xffffffff. */
export function minhash(text: string): Uint32Array {
  // The inner loop stays in int32 (a value ≥ 2^31 as a uint32 would be a heap number in V8): minima are
  // taken on v ^ 0x80000000, which orders signed ints as their unsigned values, and flipped back at the end.
  const flipped = new Int32Array(MINHASH_HASHES).fill(0x7fffffff);
  for (const h of shingleHashes(text)) {
    for (let i = 0; i < MINHASH_HASHES; i++) {
      const v = mix32Signed(h ^ SEEDS_SIGNED[i]) ^ 0x80000000;
      if (v < flipped[i]) flipped[i] = v;
    }
  }
  const sig = new Uint32Array(MINHASH_HASHES);
  for (let i = 0; i < MINHASH_HASHES; i++) sig[i] = (flipped[i] ^ 0x80000000) >>> 0;
  return sig;
}

/** mix32 without the final unsigned conversion. */
function mix32Signed(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SEEDS_SIGNED = new Int32Array(SEEDS.buffer.slice(0));

/** LSH band keys ("band index:hex of the rows"): two signatures sharing any key are candidates. */
export function lshBands(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let key = `${b}:`;
    for (let r = 0; r < LSH_ROWS; r++) key += hex8(sig[b * LSH_ROWS + r] ?? 0);
    keys.push(key);
  }
  return keys;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** x.toString(16).padStart(8, '0') for a uint32, by table (band keys are built for every article). */
function hex8(x: number): string {
  return HEX_BYTE[x >>> 24]! + HEX_BYTE[(x >>> 16) & 255]! + HEX_BYTE[(x >>> 8) & 255]! + HEX_BYTE[x & 255]!;
}

/** Estimated Jaccard similarity of the shingle sets: the fraction of equal signature positions. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/**
 * Shared-passage measure: the fraction of the smaller text's shingles that also occur in the other
 * (containment). High when one article reuses a passage of agency copy even if the rest differs.
 */
export function containment(a: string, b: string): number {
  const sa = shingleHashes(a);
  const sb = shingleHashes(b);
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / small.size;
}
