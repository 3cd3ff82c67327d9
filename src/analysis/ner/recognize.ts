// Running the tagger over a text: segment into sentences, score each token's features, decode, and turn the tag
// sequence into spans with character offsets in the text.
import { segment, type Segmented } from './segment.js';
import { RowCache, T, emissions, sentenceRows, spansOf, viterbi, type FeatureIds } from './tagger.js';

export interface TaggerWeights extends FeatureIds {
  readonly weights: ArrayLike<number>;
  readonly trans: ArrayLike<number>;
}

/** A span the tagger found: character offsets in the text, the type, and its token range in the segmented text. */
export interface NerSpan {
  start: number;
  end: number;
  type: 'PERS' | 'LOC' | 'ORG' | 'MISC';
  firstToken: number;
  endToken: number;
}

/** Positional features of a sentence's tokens (resolved to rows), e.g. the rule layer's reading. */
export type ExtraRows = (seg: Segmented, from: number, to: number, ids: FeatureIds) => (number[] | undefined)[] | undefined;

const caches = new WeakMap<object, RowCache>();
function cacheFor(m: TaggerWeights): RowCache {
  let c = caches.get(m);
  if (!c) caches.set(m, (c = new RowCache(m)));
  return c;
}

/** Tags every sentence of a segmented text: one tag index a token. */
export function tagSegmented(m: TaggerWeights, seg: Segmented, extra?: ExtraRows,
  skip?: (seg: Segmented, from: number, to: number) => boolean, cache = cacheFor(m)): Uint8Array {
  const tags = new Uint8Array(seg.tokens.length);
  let buf = new Float64Array(0);
  for (const [from, to] of seg.sentences) {
    if (skip?.(seg, from, to)) continue;
    const rows = sentenceRows(cache, seg.tokens.slice(from, to), seg.surfaces.slice(from, to), extra?.(seg, from, to, m));
    if (buf.length < rows.length * T) buf = new Float64Array(rows.length * T * 2);
    const e = emissions(rows, m.weights, buf);
    tags.set(viterbi(rows.length, e, m.trans), from);
  }
  return tags;
}

/** The spans of a text the model tags as names. */
export function nerSpans(m: TaggerWeights, text: string, extra?: ExtraRows): { seg: Segmented; spans: NerSpan[] } {
  const seg = segment(text);
  const tags = tagSegmented(m, seg, extra);
  const spans = spansOf(tags).map((s) => ({
    start: seg.tokens[s.start].start, end: seg.tokens[s.end - 1].end, type: s.type as NerSpan['type'], firstToken: s.start, endToken: s.end,
  }));
  return { seg, spans };
}
