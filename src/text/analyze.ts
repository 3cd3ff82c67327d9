// The analyzer: the terms search and matching see. Same rules as tokenize(), but without Token objects,
// so it can run over tens of megabytes (khabar analyze) at a few hundred ns per word.
import { CLASS, C_ARABIC, C_DIGIT, C_LATIN, C_MARK, C_SURROGATE } from './chars.js';
import { normalizeRange } from './normalize.js';
import { isStopword } from './stopwords.js';
import { stem } from './stem.js';
import { normalizeNumber, scanLatin, scanNumber, scanWord } from './tokenize.js';

export interface AnalyzeOptions {
  /** Light-stem Arabic words (default false). */
  stem?: boolean;
  /** Drop stop words (default true). */
  stopwords?: boolean;
}

/**
 * Calls onTerm for every term of s in order: normalized Arabic words (stemmed if opts.stem), numbers in
 * ASCII digits, other-script words lower-cased; punctuation and symbols are skipped; stop words dropped
 * unless opts.stopwords === false. Returns the number of terms. Linear time, never throws on any string.
 */
export function forEachTerm(s: string, opts: AnalyzeOptions | undefined, onTerm: ((term: string) => void) | null): number {
  if (typeof s !== 'string') return 0;
  const doStem = opts?.stem === true;
  const dropStop = opts?.stopwords !== false;
  const n = s.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const k = CLASS[s.charCodeAt(i)];
    const start = i;
    let term: string;
    if (k === C_ARABIC || k === C_MARK) {
      i = scanWord(s, i, n);
      term = normalizeRange(s, start, i);
      if (term.length === 0) continue;
      if (dropStop && isStopword(term)) continue;
      if (doStem) term = stem(term);
    } else if (k === C_DIGIT) {
      i = scanNumber(s, i, n);
      term = normalizeNumber(s, start, i);
    } else if (k === C_LATIN || (k === C_SURROGATE && isLetterPair(s, i, n))) {
      i = scanLatin(s, i, n);
      if (i === start) i = start + 2;
      term = normalizeRange(s, start, i);
    } else {
      i++;
      continue;
    }
    count++;
    if (onTerm !== null) onTerm(term);
  }
  return count;
}

const astralLetter = /^\p{L}$/u;
function isLetterPair(s: string, i: number, n: number): boolean {
  const hi = s.charCodeAt(i);
  if (hi > 0xdbff || i + 1 >= n) return false;
  const lo = s.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff && astralLetter.test(s.slice(i, i + 2));
}

/** The terms of s as search and matching see them (see forEachTerm). */
export function analyze(s: string, opts?: AnalyzeOptions): string[] {
  const out: string[] = [];
  forEachTerm(s, opts, (t) => { out.push(t); });
  return out;
}
