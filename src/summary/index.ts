// Public surface of the summary stage: a cited extractive summary of one story.
import type { Article, Fact, SummarySentence } from '../types.js';
import { summarizeArticles, type StatedFact } from './summarize.js';

export type { StatedFact, SummarizeOptions } from './summarize.js';

/**
 * Summarizes articles as one story: at most `words` words (default 100), sentences taken from the
 * articles (or from the analysis stage's `facts`, or its `factGroups`: then each sentence cites exactly what its fact
 * cites), each citing every article that carries it.
 * Throws a TypeError naming the bad input when articles are not Article objects.
 */
export function summarize(articles: Article[], opts: { words?: number; facts?: Fact[]; factGroups?: StatedFact[] } = {}): SummarySentence[] {
  if (!Array.isArray(articles)) throw new TypeError('summarize: articles must be an array of Article');
  articles.forEach((a, i) => {
    if (!a || typeof a !== 'object') throw new TypeError(`summarize: article #${i} is not an object`);
    if (typeof a.id !== 'string' || !a.id) throw new TypeError(`summarize: article #${i} has no string id`);
    if (typeof a.text !== 'string') throw new TypeError(`summarize: article ${a.id} has no text string`);
  });
  const words = opts.words;
  if (words !== undefined && (!Number.isFinite(words) || words < 1)) {
    throw new TypeError(`summarize: words must be a positive number, got ${String(words)}`);
  }
  if (opts.facts !== undefined && !Array.isArray(opts.facts)) throw new TypeError('summarize: facts must be an array of Fact');
  if (opts.factGroups !== undefined && !Array.isArray(opts.factGroups)) throw new TypeError('summarize: factGroups must be an array of {fact, members}');
  return summarizeArticles(articles, { words: words === undefined ? undefined : Math.floor(words), facts: opts.facts, factGroups: opts.factGroups });
}
