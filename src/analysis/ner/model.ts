// The tagger's model file: feature names and their quantised weights, gzip-compressed. Layout (after gunzip):
//   "KNER\n", one JSON header line, the feature names (UTF-8, one a line), then the weights as little-endian int16
//   (features × tags, row-major), then the transitions ((tags + 1) × tags, the last row the sentence start).
// A weight is its int16 value times the header's `scale`. The file holds weights only, no sentence of the corpus
// the model was trained on.
import { gunzipSync, gzipSync } from 'node:zlib';
import { T, TAGS, type FeatureIds } from './tagger.js';

export const MODEL_MAGIC = 'KNER\n';
export const MODEL_FORMAT = 1;

export interface ModelHeader {
  format: number;
  tags: string[];
  features: number;
  scale: number;
  /** Where the weights come from (corpus, split, epochs): printed by the eval, kept for people reading the file. */
  trainedOn: string;
}

export class NerModel implements FeatureIds {
  constructor(
    readonly header: ModelHeader,
    readonly index: Map<string, number>,
    /** features × T weights, row-major. */
    readonly weights: Float32Array,
    /** (T + 1) × T transition weights. */
    readonly trans: Float32Array,
  ) {}

  id(feature: string): number {
    return this.index.get(feature) ?? -1;
  }
}

/** Quantises weights to int16 at one scale for the whole model; features whose weights all round to 0 are dropped. */
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
  const w = new Int16Array(keep.length * T);
  keep.forEach((f, k) => { for (let t = 0; t < T; t++) w[k * T + t] = q(weights[f * T + t]); });
  const tr = new Int16Array((T + 1) * T);
  for (let i = 0; i < tr.length; i++) tr[i] = q(trans[i]);
  const header: ModelHeader = { format: MODEL_FORMAT, tags: [...TAGS], features: keep.length, scale, trainedOn };
  const text = Buffer.from(MODEL_MAGIC + JSON.stringify(header) + '\n' + keep.map((f) => names[f] + '\n').join(''), 'utf8');
  // level and no file name or time in the gzip header: the same weights give the same bytes
  return gzipSync(Buffer.concat([text, Buffer.from(w.buffer, w.byteOffset, w.byteLength), Buffer.from(tr.buffer, tr.byteOffset, tr.byteLength)]), { level: 9 });
}

/** Reads a model file's bytes; throws a message that says what is wrong with it. */
export function decodeModel(bytes: Buffer): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch (e) {
    throw new Error(`not a gzip file (${(e as Error).message})`);
  }
  if (raw.subarray(0, MODEL_MAGIC.length).toString('utf8') !== MODEL_MAGIC) throw new Error('not a khabar entity model (bad magic)');
  let at = MODEL_MAGIC.length;
  const eol = raw.indexOf(10, at);
  const header = JSON.parse(raw.subarray(at, eol).toString('utf8')) as ModelHeader;
  if (header.format !== MODEL_FORMAT) throw new Error(`model format ${header.format}, this khabar reads format ${MODEL_FORMAT}`);
  if (header.tags.join(' ') !== TAGS.join(' ')) throw new Error(`model tags ${header.tags.join(' ')} are not ${TAGS.join(' ')}`);
  at = eol + 1;
  // Decoded at the start of every command that finds entities: the names are read as one string and the weights
  // through one int16 view, not a call per name and per weight.
  let end = at;
  for (let f = 0; f < header.features; f++) {
    end = raw.indexOf(10, end);
    if (end < 0) throw new Error(`truncated feature names (${f} of ${header.features})`);
    end++;
  }
  const names = header.features ? raw.toString('utf8', at, end - 1).split('\n') : [];
  const index = new Map<string, number>();
  for (let f = 0; f < names.length; f++) index.set(names[f], f);
  at = end;
  const nw = header.features * T, nt = (T + 1) * T;
  if (raw.length - at !== 2 * (nw + nt)) throw new Error(`weights are ${raw.length - at} bytes, expected ${2 * (nw + nt)}`);
  // copied to a fresh buffer: an Int16Array view needs an even offset; it reads the platform's byte order, so a
  // big-endian one reads the little-endian file value by value
  const q = new Int16Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + raw.length));
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) for (let i = 0; i < q.length; i++) q[i] = raw.readInt16LE(at + 2 * i);
  const weights = new Float32Array(nw);
  const trans = new Float32Array(nt);
  for (let i = 0; i < nw; i++) weights[i] = q[i] * header.scale;
  for (let i = 0; i < nt; i++) trans[i] = q[nw + i] * header.scale;
  return new NerModel(header, index, weights, trans);
}
