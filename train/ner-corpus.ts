// CLEANANERCorp train (../shared, GPL-3.0: read for training and evaluation, never shipped) as the tagger sees text.
// The corpus is pre-tokenised (punctuation apart, clitics attached); khabar tokenises raw text itself, so each
// sentence is joined with spaces and read by the run-time path (segment()): a corpus token khabar splits further
// ("(د" → "(" "د", "سي.أن.أن" → five tokens, 543 of 125,101 tokens) passes its tag to its pieces, B- to the first
// and I- to the rest. Gold spans stay in corpus tokens, as CoNLL scoring counts them; predictions are mapped back
// to corpus tokens by character offset.
//
// The development part is a fixed tenth of the sentences, chosen by a hash of the sentence id (FNV-1a, mod 10 = 0),
// so the split does not depend on file order and every run takes the same one.
import { segment } from '../src/analysis/ner/segment.js';
import type { NerToken } from '../src/analysis/ner/features.js';
import { TAGS } from '../src/analysis/ner/tagger.js';
import { readJsonl } from '../test/helpers/shared.js';

export const CORPUS = 'data/cleananercorp/train.jsonl';

export interface CorpusSentence {
  id: string;
  text: string;
  /** Character offset of each corpus token in `text`. */
  starts: number[];
  /** Gold spans over corpus tokens [start, end) with type PERS/LOC/ORG/MISC. */
  gold: { start: number; end: number; type: string }[];
  /** The run-time view: khabar tokens, their sentences and gold tag indices per khabar token. */
  tokens: NerToken[];
  surfaces: string[];
  sentences: [number, number][];
  tags: Uint8Array;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

export const isDev = (id: string): boolean => fnv1a(`cleananercorp:${id}`) % 10 === 0;

export function readCorpus(): { train: CorpusSentence[]; dev: CorpusSentence[] } {
  const rows = readJsonl<{ id: string; tokens: string[]; tags: string[] }>(CORPUS);
  const train: CorpusSentence[] = [], dev: CorpusSentence[] = [];
  for (const r of rows) (isDev(r.id) ? dev : train).push(toSentence(r));
  return { train, dev };
}

function toSentence(r: { id: string; tokens: string[]; tags: string[] }): CorpusSentence {
  const starts: number[] = [];
  let text = '';
  for (const tok of r.tokens) { starts.push(text.length); text += tok + ' '; }
  const gold: CorpusSentence['gold'] = [];
  for (let i = 0; i < r.tags.length; i++) {
    const tag = r.tags[i];
    if (tag === 'O') continue;
    const type = tag.slice(2);
    let j = i + 1;
    while (j < r.tags.length && r.tags[j] === `I-${type}`) j++;
    gold.push({ start: i, end: j, type });
    i = j - 1;
  }
  const seg = segment(text);
  const tags = new Uint8Array(seg.tokens.length);
  let prevCorpus = -1;
  seg.tokens.forEach((t, k) => {
    const c = tokenAt(starts, t.start);
    const tag = r.tags[c];
    const name = tag === 'O' ? 'O' : c === prevCorpus ? `I-${tag.slice(2)}` : tag;
    tags[k] = TAGS.indexOf(name as (typeof TAGS)[number]);
    prevCorpus = c;
  });
  return { id: r.id, text, starts, gold, tokens: seg.tokens, surfaces: seg.surfaces, sentences: seg.sentences, tags };
}

/** The corpus token holding character offset `off`. */
export function tokenAt(starts: number[], off: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= off) lo = mid; else hi = mid - 1;
  }
  return lo;
}
