// Public surface of the text stage: Arabic normalization, tokens, sentences, light stemming, stop words,
// the analyzer, number words, dates, the place names that recur in the news, and a bounded memo for per-word functions.
export { normalize } from './normalize.js';
export { countWords, splitWords, tokenize } from './tokenize.js';
export type { Token, TokenKind } from './tokenize.js';
export { opening, sentences } from './sentences.js';
export type { Sentence } from './sentences.js';
export { stem } from './stem.js';
export { isStopword, stopwords } from './stopwords.js';
export { analyze, forEachTerm } from './analyze.js';
export type { AnalyzeOptions } from './analyze.js';
export { findNumbers, parseNumber } from './numbers.js';
export type { NumberMention } from './numbers.js';
export { parseDates } from './dates.js';
export { checkDateBound, checkIsoDate } from './iso-date.js';
export { terminalSafe, terminalSafeLines } from './safe-text.js';
export { PLACES, PLACE_SYNONYMS } from './places.js';
export { memoized } from './memo.js';
