// Text to the tagger's units: khabar's own tokens (src/text tokenize, the same at training and at run time), cut
// into sentences at sentence-final punctuation and line breaks. The model was trained on sentences, so it is run on
// sentences: a word at a sentence start sees the start, not the last word of the previous sentence.
import { tokenize } from '../../text/index.js';
import type { NerToken } from './features.js';

export interface Segmented {
  text: string;
  tokens: NerToken[];
  /** The surface text of each token. */
  surfaces: string[];
  /** [start, end) token ranges of the sentences. */
  sentences: [number, number][];
}

const FINAL = new Set(['.', '!', '?', '؟', '…', '۔']);

export function segment(text: string): Segmented {
  const tokens: NerToken[] = [];
  const surfaces: string[] = [];
  for (const t of tokenize(text)) {
    tokens.push({ norm: t.norm, kind: t.kind, start: t.start, end: t.end });
    surfaces.push(t.text);
  }
  const sentences: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const last = i + 1 === tokens.length;
    const gap = last ? '' : text.slice(tokens[i].end, tokens[i + 1].start);
    // a full stop inside a word (سي.أن.أن) is not the end of a sentence
    const cut = last || (FINAL.has(tokens[i].norm) && gap !== '') || gap.includes('\n');
    if (cut) { sentences.push([from, i + 1]); from = i + 1; }
  }
  return { text, tokens, surfaces, sentences };
}
