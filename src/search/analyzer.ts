// What the search index and a search query see of a text: normalized words and light stems, produced by
// the text stage's analyzer so that an index written today and a query typed tomorrow agree.
import { analyze, stem, tokenize } from '../text/index.js';
import type { IndexedText, TermQuery } from '../store/index.js';
import { foldVariant } from './variants.js';

/**
 * The version of what indexText writes for a given article. Bump it whenever normalize, stem, the stop words or
 * the variant folds change their output: a store whose search rows were written by another version has them
 * rewritten when it is opened (Khabar), or a query's stems would miss the rows' older ones. 1: every store before
 * the number was recorded; 2: the ت a ة becomes before a pronoun is stemmed off (مقاطعتها = مقاطعة); 3: كافة ("all")
 * and a detached و are stop words (كافة's stem met the town of الكاف).
 */
export const SEARCH_INDEX_VERSION = 3;

/** Stems are cached per normalized word: news vocabulary repeats, and stem() is the hot path of indexing. */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/** The search stem of a normalized term (light stem, then the name-variant fold). */
export function searchStem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = foldVariant(stem(norm));
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

function normsAndStems(s: string | null | undefined): { norm: string; stem: string } {
  if (!s) return { norm: '', stem: '' };
  const norms = analyze(s);
  const stems = new Array<string>(norms.length);
  for (let i = 0; i < norms.length; i++) stems[i] = searchStem(norms[i]);
  return { norm: norms.join(' '), stem: stems.join(' ') };
}

/** The FTS columns of an article: normalized non-stop words and their stems, space-joined. */
export function indexText(article: { title: string | null; text: string }): IndexedText {
  const t = normsAndStems(article.title);
  const b = normsAndStems(article.text);
  return { titleNorm: t.norm, titleStem: t.stem, bodyNorm: b.norm, bodyStem: b.stem };
}

/**
 * Analyzes a user query. Every word is required; words joined by a Latin `OR` (as typed) are alternatives.
 * Quotes, `*`, parentheses and other punctuation are ignored, never passed to the search engine as syntax.
 * Stop words are dropped unless the query has nothing else.
 */
export function analyzeQuery(query: string): TermQuery {
  const tokens = tokenize(typeof query === 'string' ? query : '').filter((t) => t.kind === 'word' || t.kind === 'number' || t.kind === 'latin');
  const groups: { norms: string[]; stems: string[] }[] = [];
  let joinNext = false;
  const content = analyze(query ?? '');
  const keepStop = content.length === 0 || content.every((w) => w === 'or' || w === 'and' || w === 'not');
  for (const t of tokens) {
    if (t.text === 'OR') { joinNext = groups.length > 0; continue; }
    if (t.text === 'AND' || t.text === 'NOT') continue;
    const isContent = analyze(t.text).length > 0;
    if (!isContent && !keepStop) continue;
    const norm = t.norm;
    if (!norm) continue;
    const s = searchStem(norm);
    if (joinNext) {
      const g = groups[groups.length - 1];
      g.norms.push(norm);
      g.stems.push(s);
    } else {
      groups.push({ norms: [norm], stems: [s] });
    }
    joinNext = false;
  }
  return { terms: groups };
}
