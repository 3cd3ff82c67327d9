// Search over a Store: analyze the query like the index, rank in the store (BM25), cut snippets here.
import type { ArticleFilter, Store, StoreHit, TermQuery } from '../store/index.js';
import { opening } from '../text/index.js';
import { analyzeQuery } from './analyzer.js';
import { makeSnippet, markSnippet, type Snippet } from './snippet.js';

export interface SearchOptions {
  source?: string;
  /** Inclusive ISO date bounds on the publication date. */
  from?: string;
  to?: string;
  /** At most this many hits (default 20). */
  limit?: number;
  offset?: number;
  /** Other names of the entity a name denotes (see QueryOptions.variants): a name also finds its entity's articles. */
  variants?: (name: string) => string[];
}

export interface SearchHit {
  id: string;
  /** BM25 relevance, higher is better (comparable within one query only). */
  score: number;
  title: string | null;
  source: string | null;
  published: string | null;
  /** The article's opening words (its first sentence, cut): what a hit list shows when there is no title. */
  lead: string;
  /** The best passage of the original text with the matched words marked [ ] (markSnippet). */
  snippet: string;
  /** The same passage unmarked, its offsets in the article text, and the matched words' offsets in it. */
  passage: Snippet;
}

/**
 * Recent answers per store, keyed by the analyzed query and filters, valid while store.version() is unchanged.
 * A served page asks the same few queries again and again (a name in the news, a link shared around), and
 * ranking a frequent word over a large store is the costly part: BM25 over every matching article (تونس matches
 * a third of a 100k-article store). Like Elasticsearch's request cache, any write makes every entry stale.
 */
// Bounded by an estimate of the memory the answers hold, not by their number: an answer is some 20 hits of a
// title, a passage and its marked copy (a few KB), and 64 MB keeps a few thousand of them.
const CACHE_BYTES = 64 * 1024 * 1024;
interface AnswerCache { version: string; answers: Map<string, { hits: SearchHit[]; bytes: number }>; bytes: number; counts: Map<string, number> }
const caches = new WeakMap<Store, AnswerCache>();
/** Totals kept per store version (a number each: a page of hits asks for its total with every page). */
const MAX_COUNTS = 10_000;

function newCache(version: string): AnswerCache {
  return { version, answers: new Map(), bytes: 0, counts: new Map() };
}

/** Rough bytes an answer holds: UTF-16 strings plus a fixed cost per hit object and highlight. */
function answerBytes(hits: SearchHit[]): number {
  let n = 256;
  for (const h of hits) {
    n += 200 + 2 * (h.id.length + (h.title?.length ?? 0) + (h.source?.length ?? 0) + h.lead.length + h.snippet.length + h.passage.text.length);
    n += 40 * h.passage.highlights.length;
  }
  return n;
}

/** Ranked articles matching every word of `query` (Arabic-aware; see analyzeQuery). Never throws on odd queries. */
export function searchArticles(store: Store, query: string, options: SearchOptions = {}): SearchHit[] {
  const asked = searchAsked(store, query, options);
  if (!asked) return [];
  if (asked.known) return asked.known;
  return asked.keep(rank(asked.terms, store.searchArticles(asked.terms, asked.filter)));
}

/**
 * searchArticles without blocking the thread while the store ranks (a store with searchArticlesAsync), so a server
 * answers other requests meanwhile; the same answers and the same cache.
 */
export async function searchArticlesAsync(store: Store, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const asked = searchAsked(store, query, options);
  if (!asked) return [];
  if (asked.known) return asked.known;
  const found = store.searchArticlesAsync ? await store.searchArticlesAsync(asked.terms, asked.filter) : store.searchArticles(asked.terms, asked.filter);
  return asked.keep(rank(asked.terms, found));
}

/** A search's analyzed terms and filter, and its cached answer or how to keep the answer (under the version asked at). */
function searchAsked(store: Store, query: string, options: SearchOptions):
  { terms: TermQuery; filter: ArticleFilter; known?: SearchHit[]; keep: (hits: SearchHit[]) => SearchHit[] } | null {
  const terms = analyzeQuery(query, { variants: options.variants });
  if (terms.terms.length === 0) return null;
  const filter: ArticleFilter = { source: options.source, from: options.from, to: options.to, limit: options.limit ?? 20, offset: options.offset };
  const version = store.version();
  const cache = cacheOf(store, version);
  const key = JSON.stringify([terms.terms, filter.source, filter.from, filter.to, filter.limit, filter.offset]);
  const known = cache.answers.get(key);
  if (known) {
    cache.answers.delete(key); // most recently used last
    cache.answers.set(key, known);
    return { terms, filter, known: [...known.hits], keep: (hits) => hits };
  }
  const keep = (found: SearchHit[]): SearchHit[] => {
    // An answer ranked while the store changed is not kept for the new version.
    if (caches.get(store) !== cache) return [...found];
    const entry = { hits: found, bytes: answerBytes(found) };
    cache.answers.set(key, entry);
    cache.bytes += entry.bytes;
    while (cache.bytes > CACHE_BYTES && cache.answers.size > 1) {
      const [oldest, dropped] = cache.answers.entries().next().value!;
      cache.answers.delete(oldest);
      cache.bytes -= dropped.bytes;
    }
    return [...found];
  };
  return { terms, filter, keep };
}

function cacheOf(store: Store, version: string): AnswerCache {
  let cache = caches.get(store);
  if (!cache || cache.version !== version) caches.set(store, cache = newCache(version));
  return cache;
}

/** How many articles match `query` with the filters of `options` (its limit and offset aside): a hit list's total. */
export function countMatches(store: Store, query: string, options: SearchOptions = {}): number {
  const asked = countAsked(store, query, options);
  if (!asked) return 0;
  return asked.known ?? asked.keep(store.countMatches(asked.terms, asked.filter));
}

/** countMatches without blocking the thread (a store with countMatchesAsync); the same answers and cache. */
export async function countMatchesAsync(store: Store, query: string, options: SearchOptions = {}): Promise<number> {
  const asked = countAsked(store, query, options);
  if (!asked) return 0;
  if (asked.known !== undefined) return asked.known;
  return asked.keep(store.countMatchesAsync ? await store.countMatchesAsync(asked.terms, asked.filter) : store.countMatches(asked.terms, asked.filter));
}

function countAsked(store: Store, query: string, options: SearchOptions):
  { terms: TermQuery; filter: ArticleFilter; known?: number; keep: (n: number) => number } | null {
  const terms = analyzeQuery(query, { variants: options.variants });
  if (terms.terms.length === 0) return null;
  const filter: ArticleFilter = { source: options.source, from: options.from, to: options.to };
  const cache = cacheOf(store, store.version());
  const key = JSON.stringify(['count', terms.terms, filter.source, filter.from, filter.to]);
  const keep = (n: number): number => {
    if (caches.get(store) !== cache) return n;
    if (cache.counts.size >= MAX_COUNTS) cache.counts.clear();
    cache.counts.set(key, n);
    return n;
  };
  return { terms, filter, known: cache.counts.get(key), keep };
}

function rank(terms: TermQuery, found: StoreHit[]): SearchHit[] {
  return found.map((h) => {
    const passage = makeSnippet(h.text, terms);
    return { id: h.id, score: h.score, title: h.title, source: h.source, published: h.published, lead: opening(h.text), snippet: markSnippet(passage, h.text), passage };
  });
}
