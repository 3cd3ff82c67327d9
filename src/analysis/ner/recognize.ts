// Running the tagger over a text: segment into sentences, score each token's features, decode, and turn the tag
// sequence into spans with character offsets in the text.
import { segment, type Segmented } from './segment.js';
import { T, WordScores, sentenceScores, spansOf, viterbi, type FeatureIds } from './tagger.js';

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

const caches = new WeakMap<object, WordScores>();
function cacheFor(m: TaggerWeights): WordScores {
  let c = caches.get(m);
  if (!c) caches.set(m, (c = new WordScores(m)));
  return c;
}

/** Tags every sentence of a segmented text: one tag index a token. */
export function tagSegmented(m: TaggerWeights, seg: Segmented, skip?: (seg: Segmented, from: number, to: number) => boolean): Uint8Array {
  const cache = cacheFor(m);
  const tags = new Uint8Array(seg.tokens.length);
  let buf = new Float64Array(256 * T);
  for (const [from, to] of seg.sentences) {
    if (skip?.(seg, from, to)) continue;
    const n = to - from;
    if (buf.length < n * T) buf = new Float64Array(n * T * 2);
    sentenceScores(cache, seg.tokens, seg.surfaces, from, to, buf);
    tags.set(viterbi(n, buf, m.trans), from);
  }
  return tags;
}

/** The spans of a text the model tags as names. */
export function nerSpans(m: TaggerWeights, text: string): { seg: Segmented; spans: NerSpan[] } {
  const seg = segment(text);
  const tags = tagSegmented(m, seg);
  const spans = spansOf(tags).map((s) => ({
    start: seg.tokens[s.start].start, end: seg.tokens[s.end - 1].end, type: s.type as NerSpan['type'], firstToken: s.start, endToken: s.end,
  }));
  return { seg, spans };
}
