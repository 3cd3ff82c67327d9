// The summary stage's view of the text API: sentences, normalized forms and content stems, all from
// src/text, so a "term" means the same thing here as in search, grouping and analysis.
import { analyze } from '../text/index.js';

export { normalize, sentences, isStopword } from '../text/index.js';
export type { Sentence } from '../text/index.js';

/** Content stems of a sentence: normalized, stop words dropped, light-stemmed (one-letter leftovers dropped). */
export function contentStems(s: string): string[] {
  return analyze(s, { stem: true }).filter((t) => t.length > 1);
}

/** Words as the budget counts them: whitespace-separated tokens holding a letter or a digit. */
export function countWords(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}
