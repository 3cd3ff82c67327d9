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
 * and a detached و are stop words (كافة's stem met the town of الكاف); 4: more name variants fold (ترمب = ترامب),
 * keyed by stem (أردوجان's stem اردوج had not folded).
 */
export const SEARCH_INDEX_VERSION = 4;

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

/** A quoted phrase: straight double quotes, Arabic guillemets or typographic quotes. */
const QUOTED = /"([^"]*)"|«([^»]*)»|“([^”]*)”/g;

/** The search stems of a text's non-stop words, in order (what a phrase must match, adjacent, in the stem columns). */
function stemsOf(text: string): string[] {
  return analyze(text).map(searchStem);
}

/**
 * The stem sequences a phrase is matched as: its own, and with the preposition ل on one later word when that word has
 * no article (وقف لإطلاق النار is وقف إطلاق النار; the light stemmer keeps a ل it cannot tell from the word's own).
 */
function phraseForms(norms: string[]): string[][] {
  const own = norms.map(searchStem);
  const out = [own];
  for (let i = 1; i < norms.length; i++) {
    if (norms[i].startsWith('ال') || norms[i].startsWith('ل')) continue;
    const withLam = searchStem('ل' + norms[i]);
    if (withLam !== own[i]) out.push(own.map((x, j) => (j === i ? withLam : x)));
  }
  return out;
}

export interface QueryOptions {
  /**
   * Other names of the entity a name denotes (داعش → تنظيم الدولة الإسلامية, …), or none: each becomes an
   * alternative of the word or phrase that named it. A name is a quoted phrase, a single word, or the whole query.
   */
  variants?: (name: string) => string[];
}

type Group = TermQuery['terms'][number];

/** Most alternatives one name gets from its variants: an entity may have many spellings, a query stays small. */
const MAX_VARIANTS = 24;

function addVariants(group: Group, name: string, variants: QueryOptions['variants']): void {
  if (!variants) return;
  const seen = new Set([...group.stems.map((s) => s), ...(group.phrases ?? []).map((p) => p.join(' '))]);
  const own = new Set(stemsOf(name));
  for (const v of variants(name)) {
    const stems = stemsOf(v);
    const key = stems.join(' ');
    if (!stems.length || seen.has(key)) continue;
    // a part of the name itself (أوغلو of تشاووش أوغلو) would only find more than the name does
    if (stems.every((x) => own.has(x))) continue;
    seen.add(key);
    if (stems.length === 1) group.stems.push(stems[0]);
    else (group.phrases ??= []).push(stems);
    if (seen.size >= MAX_VARIANTS) break;
  }
}

/**
 * Analyzes a user query. Every word is required; words joined by a Latin `OR` (as typed) are alternatives; a quoted
 * phrase ("وقف إطلاق النار", «…», “…”) matches its words adjacent and in order (stop words not counted, as in the
 * index). Other quotes, `*`, parentheses and other punctuation are ignored, never passed to the search engine as
 * syntax. Stop words are dropped unless the query has nothing else. With options.variants, a name also finds the
 * other names of its entity.
 */
export function analyzeQuery(query: string, options: QueryOptions = {}): TermQuery {
  const q = typeof query === 'string' ? query : '';
  const groups: Group[] = [];
  /** The text each group was made from when it is a single name (a word or a phrase), for its variants. */
  const names: (string | null)[] = [];
  let joinNext = false;
  const content = analyze(q.replace(QUOTED, ' $1$2$3 '));
  const keepStop = content.length === 0 || content.every((w) => w === 'or' || w === 'and' || w === 'not');
  const push = (g: Group, name: string) => {
    if (joinNext && groups.length) {
      const last = groups[groups.length - 1];
      last.norms.push(...g.norms);
      last.stems.push(...g.stems);
      if (g.phrases) (last.phrases ??= []).push(...g.phrases);
      names[names.length - 1] = null;
    } else {
      groups.push(g);
      names.push(name);
    }
    joinNext = false;
  };
  const words = (text: string) => {
    for (const t of tokenize(text)) {
      if (t.kind !== 'word' && t.kind !== 'number' && t.kind !== 'latin') continue;
      if (t.text === 'OR') { joinNext = groups.length > 0; continue; }
      if (t.text === 'AND' || t.text === 'NOT') continue;
      const isContent = analyze(t.text).length > 0;
      if (!isContent && !keepStop) continue;
      if (!t.norm) continue;
      push({ norms: [t.norm], stems: [searchStem(t.norm)] }, t.text);
    }
  };
  let quoted = false;
  let pos = 0;
  for (const m of q.matchAll(QUOTED)) {
    words(q.slice(pos, m.index));
    pos = m.index + m[0].length;
    const phrase = m[1] ?? m[2] ?? m[3] ?? '';
    const norms = analyze(phrase);
    if (norms.length === 0) continue;
    quoted = true;
    if (norms.length === 1) push({ norms, stems: [searchStem(norms[0])] }, phrase);
    else push({ norms: [], stems: [], phrases: phraseForms(norms) }, phrase);
  }
  words(q.slice(pos));
  if (options.variants) {
    // The whole unquoted query may be one name of several words (تنظيم الدولة الإسلامية): then it is that name.
    const whole = !quoted && groups.length > 1 && names.every((n) => n !== null) ? options.variants(q.trim()) : [];
    if (whole.length) {
      const group: Group = { norms: [], stems: [], phrases: [groups.map((g) => g.stems[0])] };
      addVariants(group, q.trim(), () => whole);
      return { terms: [group] };
    }
    groups.forEach((g, i) => { if (names[i] !== null) addVariants(g, names[i]!, options.variants); });
  }
  return { terms: groups };
}
