// The summary stage's view of the text API: sentences, normalized forms and content stems, all from
// src/text, so a "term" means the same thing here as in search, grouping and analysis.
import { analyze } from '../text/index.js';

export { countWords, normalize, sentences, isStopword } from '../text/index.js';
export type { Sentence } from '../text/index.js';

/** Content stems of a sentence: normalized, stop words dropped, light-stemmed (one-letter leftovers dropped). */
export function contentStems(s: string): string[] {
  return analyze(s, { stem: true }).filter((t) => t.length > 1);
}
