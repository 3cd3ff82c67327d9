// The tagger's model file: feature names and their weights, laid out so that loading is one read and a few
// typed-array views: no decompression, no string per feature, no Map to build and no loop over the weights, since
// every command that finds entities pays for the load (docs/startup.md).
// Layout, little-endian:
//   "KNER\n", one JSON header line (padded with spaces to a multiple of 8 bytes), then
//   the hash table: `slots` uint32, each 0 (empty) or 1 + the index of a feature, open addressing with linear
//     probing from featureHash(name) & (slots - 1);
//   the name offsets: features + 1 uint32, in UTF-16 code units into the names;
//   the weights: float32, features × tags, row-major; then the transitions: float32, (tags + 1) × tags, the last
//     row the sentence start;
//   the names: UTF-16 code units, one after another.
// Every weight is an integer multiple of the header's `scale` (quantised to 16 bits when the model is written: a
// smaller model, and the same bytes from the same training). The file holds weights only, no sentence of the
// corpus the model was trained on.
import { T, TAGS, type FeatureIds } from './tagger.js';

export const MODEL_MAGIC = 'KNER\n';
export const MODEL_FORMAT = 2;

export interface ModelHeader {
  format: number;
  tags: string[];
  features: number;
  /** UTF-16 code units of all the feature names together. */
  nameUnits: number;
  /** Hash table slots: a power of two, at least twice the features, so a lookup of an unknown feature probes few. */
  slots: number;
  /** FEATURE_HASH when the file was written. */
  hash: string;
  scale: number;
  /** Where the weights come from (corpus, split, epochs): printed by the eval, kept for people reading the file. */
  trainedOn: string;
}

/** The hash the file's table is built with; a file naming another is refused. */
export const FEATURE_HASH = 'fnv1a32 of the length, the first 8 units, the middle one and the last 3';

/** FEATURE_HASH of head + tail, without building that string: a lookup is made for every feature of every new word
 * form, and at the start of a command it runs before the JIT has compiled it, so it reads few units; the table's
 * probe then compares the whole name (with the native startsWith). */
export function featureHash(head: string, tail = ''): number {
  // (the units are read inline, without a helper or Math.min/max calls: this runs mostly uncompiled)
  const hl = head.length, n = hl + tail.length;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  const first = n < 8 ? n : 8;
  for (let i = 0; i < first; i++) h = Math.imul(h ^ (i < hl ? head.charCodeAt(i) : tail.charCodeAt(i - hl)), 0x01000193);
  if (n > 8) {
    const mid = n >> 1;
    h = Math.imul(h ^ (mid < hl ? head.charCodeAt(mid) : tail.charCodeAt(mid - hl)), 0x01000193);
    for (let i = n - 3 > 8 ? n - 3 : 8; i < n; i++) h = Math.imul(h ^ (i < hl ? head.charCodeAt(i) : tail.charCodeAt(i - hl)), 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class NerModel implements FeatureIds {
  private readonly mask: number;
  constructor(
    readonly header: ModelHeader,
    private readonly table: Uint32Array,
    private readonly offsets: Uint32Array,
    private readonly names: Uint16Array,
    /** features × T weights, row-major. */
    readonly weights: Float32Array,
    /** (T + 1) × T transition weights. */
    readonly trans: Float32Array,
  ) {
    this.mask = table.length - 1;
  }

  get size(): number {
    return this.header.features;
  }

  id(feature: string): number {
    return this.idWith('', feature);
  }

  /** The id of the feature named head + tail (a context prefix and a word feature: '-1:' and 'w=…'). */
  idWith(head: string, tail: string): number {
    const n = head.length + tail.length, offsets = this.offsets, table = this.table, all = this.allNames();
    // the table is read as it is on disk, unchecked at load (a loop over it would cost more than the rest of the
    // load): a damaged one is found here, and a full one cannot make a lookup run forever
    let slot = featureHash(head, tail) & this.mask;
    for (let probes = 0; probes < table.length; probes++, slot = (slot + 1) & this.mask) {
      const entry = table[slot];
      if (entry === 0) return -1;
      const f = entry - 1, at = offsets[f];
      if (f >= this.header.features) throw new Error(`damaged entity model: hash table slot ${slot} names feature ${f} of ${this.header.features}`);
      if (offsets[f + 1] - at === n && all.startsWith(head, at) && all.startsWith(tail, at + head.length)) return f;
    }
    return -1;
  }

  private joined: string | undefined;
  /** Every name, one after another, as one string (decoded natively on the first lookup). */
  private allNames(): string {
    if (this.joined === undefined) {
      const b = Buffer.from(this.names.buffer, this.names.byteOffset, this.names.byteLength);
      this.joined = (littleEndian ? b : Buffer.from(b).swap16()).toString('utf16le');
    }
    return this.joined;
  }

  /** The name of feature f (0 ≤ f < size). */
  name(f: number): string {
    return this.allNames().slice(this.offsets[f], this.offsets[f + 1]);
  }
}

/** Quantises weights to int16 at one scale for the whole model; features whose weights all round to 0 are dropped.
 * The same names and weights give the same bytes. */
export function encodeModel(names: string[], weights: ArrayLike<number>, trans: ArrayLike<number>, trainedOn: string): Buffer {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  for (let i = 0; i < trans.length; i++) max = Math.max(max, Math.abs(trans[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const q = (x: number) => Math.max(-32767, Math.min(32767, Math.round(x / scale)));
  const keep: number[] = [];
  for (let f = 0; f < names.length; f++) {
    for (let t = 0; t < T; t++) if (q(weights[f * T + t]) !== 0) { keep.push(f); break; }
  }
  const w = new Float32Array(keep.length * T);
  keep.forEach((f, k) => { for (let t = 0; t < T; t++) w[k * T + t] = q(weights[f * T + t]) * scale; });
  const tr = new Float32Array((T + 1) * T);
  for (let i = 0; i < tr.length; i++) tr[i] = q(trans[i]) * scale;
  const kept = keep.map((f) => names[f]);
  const offsets = new Uint32Array(kept.length + 1);
  kept.forEach((s, k) => { offsets[k + 1] = offsets[k] + s.length; });
  const units = new Uint16Array(offsets[kept.length]);
  kept.forEach((s, k) => { for (let i = 0; i < s.length; i++) units[offsets[k] + i] = s.charCodeAt(i); });
  let slots = 1;
  while (slots < 2 * kept.length) slots *= 2;
  const table = new Uint32Array(slots);
  kept.forEach((s, k) => {
    let slot = featureHash(s) & (slots - 1);
    while (table[slot] !== 0) {
      if (kept[table[slot] - 1] === s) throw new Error(`feature "${s}" is named twice`);
      slot = (slot + 1) & (slots - 1);
    }
    table[slot] = k + 1;
  });
  const header: ModelHeader = { format: MODEL_FORMAT, tags: [...TAGS], features: kept.length, nameUnits: units.length, slots, hash: FEATURE_HASH, scale, trainedOn };
  let head = MODEL_MAGIC + JSON.stringify(header);
  const headBytes = Buffer.byteLength(head, 'utf8') + 1;
  head += ' '.repeat((8 - (headBytes % 8)) % 8) + '\n';
  const le = (a: Uint32Array | Uint16Array | Float32Array) => {
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    if (littleEndian) return b;
    const c = Buffer.from(b);
    return a.BYTES_PER_ELEMENT === 4 ? c.swap32() : c.swap16();
  };
  return Buffer.concat([Buffer.from(head, 'utf8'), le(table), le(offsets), le(w), le(tr), le(units)]);
}

/** Reads a model file's bytes; throws a message that says what is wrong with it. */
export function decodeModel(bytes: Buffer): NerModel {
  if (bytes.subarray(0, MODEL_MAGIC.length).toString('utf8') !== MODEL_MAGIC) throw new Error('not a khabar entity model (bad magic)');
  const eol = bytes.indexOf(10, MODEL_MAGIC.length);
  if (eol < 0) throw new Error('no header line');
  let header: ModelHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', MODEL_MAGIC.length, eol)) as ModelHeader;
  } catch (e) {
    throw new Error(`bad header (${(e as Error).message})`);
  }
  if (header.format !== MODEL_FORMAT) throw new Error(`model format ${header.format}, this khabar reads format ${MODEL_FORMAT} (rebuild it with npm run train -- entities)`);
  if (header.tags.join(' ') !== TAGS.join(' ')) throw new Error(`model tags ${header.tags.join(' ')} are not ${TAGS.join(' ')}`);
  if (header.hash !== FEATURE_HASH) throw new Error(`the model's names are hashed by "${header.hash}", this khabar hashes by "${FEATURE_HASH}" (rebuild it with npm run train -- entities)`);
  const { features, nameUnits, slots } = header;
  if (!(slots > 0 && (slots & (slots - 1)) === 0 && slots > features)) throw new Error(`bad hash table size ${slots}`);
  const nw = features * T, nt = (T + 1) * T;
  const at = eol + 1;
  const expected = 4 * (slots + features + 1 + nw + nt) + 2 * nameUnits;
  if (bytes.length - at !== expected) throw new Error(`the tables are ${bytes.length - at} bytes, expected ${expected} (truncated or not this format)`);
  // Views straight into the file's bytes where they are aligned (readFileSync gives a buffer of its own); a copy
  // otherwise, byte-swapped on a big-endian machine.
  const view = <A>(make: new (b: ArrayBuffer, o: number, n: number) => A, size: number, from: number, n: number): A => {
    const start = bytes.byteOffset + from;
    if (littleEndian && start % size === 0) return new make(bytes.buffer as ArrayBuffer, start, n);
    const copy = Buffer.alloc(n * size);
    bytes.copy(copy, 0, from, from + n * size);
    if (!littleEndian) { if (size === 4) copy.swap32(); else copy.swap16(); }
    return new make(copy.buffer as ArrayBuffer, copy.byteOffset, n);
  };
  let p = at;
  const table = view(Uint32Array, 4, p, slots); p += 4 * slots;
  const offsets = view(Uint32Array, 4, p, features + 1); p += 4 * (features + 1);
  const weights = view(Float32Array, 4, p, nw); p += 4 * nw;
  const trans = view(Float32Array, 4, p, nt); p += 4 * nt;
  const names = view(Uint16Array, 2, p, nameUnits);
  if (offsets[features] !== nameUnits) throw new Error(`the name offsets end at ${offsets[features]}, not at ${nameUnits}`);
  return new NerModel(header, table, offsets, names, weights, trans);
}
