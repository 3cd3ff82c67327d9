// Incremental grouping: each arriving article joins the best existing story or starts a new one.
// Evidence: content terms (tf·idf over light stems, headline and lead weighted up), entity-like keys
// (proper-noun-ish words and numbers of the headline and lead), publication time (a window around the
// story) and ingestion's near-duplicate links. Candidates come from a capped inverted index, so the cost of
// one article does not grow with the number of stories. After each join a re-check merges the story with
// a close neighbour, and takes in a one-article neighbour whose article would join it by the arrival rule,
// which makes the result depend little on arrival order.
//
// Cost per article. Every comparison weighs both sides by idf, and reading a document frequency for every term
// of every compared record (some 5,000 reads an article) was most of the time, growing with the size of the
// frequency table. So the article's own vector carries weight·idf², which makes the dot product with a stored
// (unweighted) record need no idf on the record's side, and a record's idf-weighted norm is cached with the
// number of documents it was computed at: it is reused until the documents have grown by normRefreshRatio (a
// batch has one document count throughout, see addBatch, so there it is exact).
import type { Article, Story } from '../types.js';
import { STORIES_CONFIG, type StoriesConfig } from './config.js';
import { documentTerms, extractFeatures, roundWeight, type ArticleFeatures, type StoredNorms } from './features.js';
import { defaultPrior, type DocumentFrequencyPrior } from './prior.js';
import { defaultPairModel, pairFeatures, pairProbability, type PairModel, type PairSide, type PairSimilarities } from './pair-model.js';
import { MemoryStoryState, type StoryRecord, type StorySpan, type StoryState } from './state.js';

const DAY = 86_400_000;

export interface AssignResult {
  article: string;
  story: string;
  /** 'new': started a story; 'joined': joined one; 'duplicate': joined through a near-duplicate link; 'known': already grouped. */
  action: 'new' | 'joined' | 'duplicate' | 'known';
  score: number;
  /** Stories merged into `story` by the re-check. */
  merged: string[];
  /** Grouped again (regroup): the story the article left, when another one (it stays, rebuilt, or is gone). */
  left?: string;
}

type Vector = Map<string, number>;

function isDateOnly(published: string | null): boolean {
  return published !== null && /^\d{4}-\d{2}-\d{2}$/.test(published.trim());
}

function checkArticle(article: Article): void {
  if (!article || typeof article.id !== 'string' || !article.id) {
    throw new TypeError('StoryGrouper.add: the article needs a non-empty string id');
  }
}

const isPhrase = (k: string): boolean => k.charCodeAt(0) === 112 /* p */ && k.charCodeAt(1) === 58 /* : */;

/**
 * An article (or a story's centroid) as scoring compares it with stored records, built once: for each term
 * weight·idf (what index keys are ranked by) and weight·idf² (so that the dot product with a stored, unweighted
 * record needs no idf lookup on the record's side), and the squared norm of the idf-weighted vector. Keys
 * (names, numbers, phrases) count 1 each, entity and phrase keys apart.
 */
interface Probe {
  terms: Vector;
  termsQ: Vector;
  termsNorm2: number;
  entitiesQ: Vector;
  entitiesNorm2: number;
  phrasesQ: Vector;
  phrasesNorm2: number;
  /** The same keys in code-unit order with their weights and kinds, when they came sorted (an article's do): a member's
   * key list is sorted too, and keyCosines walks the two side by side instead of searching one for each key of the
   * other (a tenth of scoring a candidate). Null when they did not come sorted. */
  keyList: string[] | null;
  keyW: number[];
  keyPhrase: boolean[];
  /** indexKeys of `terms`, at the document count they were chosen at (candidates and the join ask twice). */
  indexed?: { docs: number; keys: string[] };
}

/**
 * Where a record's cached norms live: on the record object itself, under symbols, which for…in, Object.keys/
 * entries and JSON.stringify all skip. (A WeakMap beside the records was one more large table to probe per
 * compared record, and its cost grew with the store.)
 */
const TERM_NORM = Symbol('termNorm');
const KEY_NORM = Symbol('keyNorm');
interface NormCache { [TERM_NORM]?: RecordNorm; [KEY_NORM]?: KeyNorm }
const cacheOf = (rec: object): NormCache => rec as NormCache;

/** Takes stored norms as a record's cached ones, where it has none cached (or always, with `replace`). */
function seedNorms(terms: object, keys: object, norms: StoredNorms, replace = false): void {
  const t = cacheOf(terms), k = cacheOf(keys);
  if (norms.terms && (replace || !t[TERM_NORM])) t[TERM_NORM] = { docs: norms.terms[0], norm2: norms.terms[1], size: norms.terms[2] };
  if (norms.keys && (replace || !k[KEY_NORM])) k[KEY_NORM] = { docs: norms.keys[0], entities2: norms.keys[1], phrases2: norms.keys[2], size: norms.keys[3] };
}

/** A candidate story as scored for an article: the score, its centroid cosine, whether it is in the time window, and
 * the pair scorer's probability that they report one happening (NaN where it has none: both dated, outside the window,
 * or no pair model). */
interface Scored { story: StoryRecord; score: number; centroid: number; inWindow: boolean; p: number }

/** Squared norm and size of a stored record weighted by idf, cached on the record object with the document count it was computed at. */
interface RecordNorm { docs: number; norm2: number; size: number }
interface KeyNorm { docs: number; entities2: number; phrases2: number; size: number }

function isEmptyRecord(rec: Record<string, number>): boolean {
  for (const _ in rec) return false;
  return true;
}

/** Binary search in a list sorted by code units (ArticleFeatures.keys is). */
function sortedHas(list: string[], k: string): boolean {
  let lo = 0, hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === k) return true;
    if (v < k) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** The `k` entries that come first under `before`, in that order: the order of a full sort, without sorting all. */
function topK<T>(entries: Iterable<T>, k: number, before: (a: T, b: T) => boolean): T[] {
  const top: T[] = [];
  for (const e of entries) {
    if (top.length === k && !before(e, top[k - 1]!)) continue;
    let i = top.length === k ? k - 1 : top.length;
    if (top.length < k) top.push(e);
    while (i > 0 && before(e, top[i - 1]!)) { top[i] = top[i - 1]!; i--; }
    top[i] = e;
  }
  return top;
}

/** The `k` ids with the most votes (ties: smaller id first), best first. */
function topVoted(votes: Map<string, number>, k: number): string[] {
  return topK(votes, k, (a, b) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0])).map(([id]) => id);
}

/** True when both name weekdays and none in common. */
function daysClash(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  return !a.some((d) => b.includes(d));
}

/**
 * Two sides (an article or story each: its datelines and its terms) open their headlines with different places and
 * neither mentions the other's: the same words about two towns are two events. A side that names the other's place
 * anywhere in its terms (فرنسا and باريس, both in an Orly article) does not clash.
 */
function datelineClash(a: string[] | undefined, aTerms: Record<string, number>, b: string[] | undefined, bTerms: Record<string, number>): boolean {
  if (!a?.length || !b?.length || a.some((d) => b.includes(d))) return false;
  const mentioned = (places: string[], terms: Record<string, number>): boolean => places.some((p) => p.split(' ').some((t) => t in terms));
  return !mentioned(a, bTerms) && !mentioned(b, aTerms);
}

function pruneTop(rec: Record<string, number>, keep: number): Record<string, number> {
  const entries = Object.entries(rec);
  if (entries.length <= keep) return rec;
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries.slice(0, keep));
}

function pubMin(a: string | null, ta: number | null, b: string | null, tb: number | null): [string | null, number | null] {
  if (tb === null) return [a, ta];
  if (ta === null || tb < ta) return [b, tb];
  return [a, ta];
}
function pubMax(a: string | null, ta: number | null, b: string | null, tb: number | null): [string | null, number | null] {
  if (tb === null) return [a, ta];
  if (ta === null || tb > ta) return [b, tb];
  return [a, ta];
}

/**
 * Document frequencies of a batch being grouped that the state has not counted yet (see addBatch). Added to
 * the state's counts when computing idf, and handed over to the state article by article as each is grouped,
 * so that the sum stays the document frequency over every article of the store plus the batch.
 */
interface PendingDf {
  docs: number;
  df: Map<string, number>;
  /** Document frequencies (state + batch) read so far. Within a batch they do not change: grouping an article
   * moves its counts from the batch to the state (countDocument), so the sum stays the same. One lookup here
   * replaces three (the state's cache of millions of terms, the prior's, the batch's), a tenth of a catch-up. */
  seen: Map<string, number>;
}

const isNumberKey = (k: string): boolean => k.charCodeAt(0) === 35 /* # */;

/** An article as one side of a pair (see pair-model.ts): its evidence, number keys and time (or the date its text gives). */
function articleSide(f: ArticleFeatures): PairSide {
  const t = f.time ?? f.evidence?.eventTime ?? null;
  return { evidence: f.evidence ? [f.evidence] : [], numbers: f.keys.filter(isNumberKey), first: t, last: t };
}

/** A story as one side of a pair: its members' evidence (those read), its number keys and its span (or the dates its
 * undated members' texts give). */
function storySide(story: StoryRecord, members: ArticleFeatures[], keys: Record<string, number> | string[]): PairSide {
  const evidence = members.flatMap((m) => (m.evidence ? [m.evidence] : []));
  const numbers = (Array.isArray(keys) ? keys : Object.keys(keys)).filter(isNumberKey);
  if (story.firstTime !== null && story.lastTime !== null) return { evidence, numbers, first: story.firstTime, last: story.lastTime };
  const times = evidence.flatMap((e) => (e.eventTime !== undefined ? [e.eventTime] : []));
  return { evidence, numbers, first: times.length ? Math.min(...times) : null, last: times.length ? Math.max(...times) : null };
}

/** A member's term vector weighted by the prior's idf and normalized (cached on its terms object): fixed by the article
 * and the shipped prior alone, so it does not depend on the document frequencies when it was grouped. */
const TITLE_VECTOR = Symbol('titleVector');
function titleVector(f: ArticleFeatures, prior: DocumentFrequencyPrior | null): [string[], Float64Array] {
  const c = f.terms as { [TITLE_VECTOR]?: [string[], Float64Array] };
  const hit = c[TITLE_VECTOR];
  if (hit) return hit;
  const terms = Object.keys(f.terms);
  const w = new Float64Array(terms.length);
  let n2 = 0;
  for (let i = 0; i < terms.length; i++) {
    const idf = prior ? Math.log((prior.documents + 1) / ((prior.df.get(terms[i]!) ?? 0) + 1)) + 1 : 1;
    n2 += (w[i] = f.terms[terms[i]!]! * idf) ** 2;
  }
  const n = Math.sqrt(n2) || 1;
  for (let i = 0; i < w.length; i++) w[i]! /= n;
  return (c[TITLE_VECTOR] = [terms, w]);
}

/**
 * The member whose headline titles a story: among the members with a headline (all of them when none has one: then
 * its lead sentence is the title), the one whose article is closest to the others, by the sum of its cosines with
 * them (titleVector); ties by earliest publication, then smallest id. A function of the member set alone, neither of
 * the order the members joined in nor of the document frequencies then: grouped by one process or by three workers
 * in any order, the same members give the same title (issue 26). The sum is the dot product with the members' summed
 * vectors less the member's own (1), and the members are summed in id order, so even its rounding is the same.
 */
export function storyTitle(members: ArticleFeatures[], prior: DocumentFrequencyPrior | null): ArticleFeatures | null {
  if (members.length <= 1) return members[0] ?? null;
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sum = new Map<string, number>();
  for (const m of sorted) {
    const [terms, w] = titleVector(m, prior);
    for (let i = 0; i < terms.length; i++) sum.set(terms[i]!, (sum.get(terms[i]!) ?? 0) + w[i]!);
  }
  const titled = sorted.some((m) => m.title !== null);
  let best: ArticleFeatures | null = null;
  let bestScore = -Infinity;
  for (const m of sorted) {
    if (titled && m.title === null) continue;
    const [terms, w] = titleVector(m, prior);
    let score = 0;
    for (let i = 0; i < terms.length; i++) score += w[i]! * (sum.get(terms[i]!)! - w[i]!);
    // Members in id order: a tie goes to the earlier published (an undated one after every dated one), then the smaller id.
    if (score > bestScore || (score === bestScore && best && (m.time ?? Infinity) < (best.time ?? Infinity))) { best = m; bestScore = score; }
  }
  return best;
}

export interface BatchOptions {
  /** Articles grouped per state transaction, at most (default 256). */
  chunk?: number;
  /**
   * About the longest a transaction should last, in ms: after the first (of at most 256 articles), each is sized from
   * the time an article took in the one before. A persisted state holds the database's write lock for a whole
   * transaction, and another process that writes (a `khabar ingest`, a server, a second grouping) waits for it.
   * Default: none (every transaction `chunk` articles).
   */
  transactionMs?: number;
  /** Called every 64 articles (and after the last) with the articles of the batch grouped so far and the batch size. */
  onProgress?: (done: number, total: number) => void;
}

export interface GrouperOptions {
  /** Document frequencies counted on top of the state's (see prior.ts); default the shipped prior, null for none. */
  prior?: DocumentFrequencyPrior | null;
  /** The learned pair scorer that decides joins and merges where an article or story is undated (see pair-model.ts);
   * default the shipped model, null for the score thresholds alone. */
  pairModel?: PairModel | null;
}

export class StoryGrouper {
  readonly state: StoryState;
  readonly config: StoriesConfig;
  /** Counts of the batch addBatch() is grouping (null outside it). */
  private pending: PendingDf | null = null;
  /** Outside a batch, the document frequencies read while one article is assigned: they do not change meanwhile (its
   * own are counted first), and an undated article, compared with members of every candidate, read the same terms
   * from the large table again and again (a third of its time). */
  private seenOne: Map<string, number> | null = null;
  /** Stories of several articles whose members changed in the current transaction: their titles are chosen at its end. */
  private readonly titlesDue = new Set<string>();
  private readonly prior: DocumentFrequencyPrior | null;
  private readonly pairModel: PairModel | null;

  constructor(state: StoryState = new MemoryStoryState(), config: Partial<StoriesConfig> = {}, options: GrouperOptions = {}) {
    this.state = state;
    this.config = { ...STORIES_CONFIG, ...config };
    this.prior = options.prior === undefined ? defaultPrior() : options.prior;
    this.pairModel = options.pairModel === undefined ? defaultPairModel() : options.pairModel;
  }

  /**
   * Groups one article as it arrives: its terms count in the document frequencies from now on, so idf is
   * computed over the articles grouped so far and this one (see addBatch for articles that are all at hand).
   */
  add(article: Article): AssignResult {
    checkArticle(article);
    return this.inTransaction(() => this.addInner(article, null));
  }

  /**
   * Groups articles that are all at hand (a batch just stored, a store catching up): first every one of them is
   * counted in the document frequencies, then each is assigned in the given order. An article is then scored
   * with the idf of the whole batch (and of everything grouped before) instead of the few articles that
   * happened to come before it, which is what made the grouping of a batch depend on its order.
   * `chunk` articles are assigned per state transaction (a persisted state pays a commit per transaction).
   */
  addBatch(articles: Iterable<Article> | (() => Iterable<Article>), options: BatchOptions = {}): AssignResult[] {
    const chunk = options.chunk ?? 256;
    // Given a function, the articles are read twice: once to count them, once to assign them, and only one
    // chunk's features are held at a time: a catch-up of the 100,000-article bench store peaked at 3.5 GB RSS when
    // it held every article's features to the end, 2.4 GB read twice, in the same time (593 s and 600 s). Given
    // the articles themselves, only their features are kept (their text can go).
    const twice = typeof articles === 'function';
    const todo: { id: string; features: ArticleFeatures | null; fresh: boolean }[] = [];
    const seen = new Set<string>();
    const pending: PendingDf = { docs: 0, df: new Map(), seen: new Map() };
    for (const a of twice ? articles() : articles) {
      checkArticle(a);
      if (seen.has(a.id) || this.state.storyOfArticle(a.id)) { todo.push({ id: a.id, features: null, fresh: false }); continue; }
      seen.add(a.id);
      const f = extractFeatures(a, this.config);
      pending.docs++;
      for (const term of documentTerms(f)) pending.df.set(term, (pending.df.get(term) ?? 0) + 1);
      todo.push({ id: a.id, features: twice ? null : f, fresh: true });
    }
    const self = this;
    function* items(): Generator<{ id: string; features: ArticleFeatures | null }> {
      if (!twice) { yield* todo; return; }
      let i = 0;
      for (const a of articles()) {
        const t = todo[i++];
        if (!t || t.id !== a.id) throw new Error(`StoryGrouper.addBatch: the second reading of the articles differs from the first at ${i} (${a.id})`);
        yield { id: t.id, features: t.fresh ? extractFeatures(a, self.config) : null };
      }
      if (i !== todo.length) throw new Error(`StoryGrouper.addBatch: the second reading of the articles ended after ${i} of ${todo.length}`);
    }
    const out: AssignResult[] = [];
    this.pending = pending;
    try {
      // Progress every 64 articles, inside a transaction too: a chunk of a large persisted state takes tens of seconds.
      let done = 0;
      const it = items();
      const budget = options.transactionMs;
      let size = budget === undefined ? chunk : Math.min(chunk, 256);
      for (;;) {
        // Read (and the features taken) outside the transaction: another process may write meanwhile.
        const part: { id: string; features: ArticleFeatures | null }[] = [];
        for (let r = it.next(); !r.done; r = it.next()) { part.push(r.value); if (part.length >= size) break; }
        if (!part.length) break;
        const started = performance.now();
        this.inTransaction(() => {
          for (const t of part) {
            const r = this.addInner(t.id, t.features);
            // Grouped meanwhile by another process (its transaction came between two of ours): the state counts it
            // now, so the batch's counts must not count it again.
            if (r.action === 'known' && t.features) this.uncountPending(t.features);
            out.push(r);
            if (++done % 64 === 0 || done === todo.length) options.onProgress?.(done, todo.length);
          }
        });
        if (budget !== undefined) {
          const perArticle = (performance.now() - started) / part.length;
          size = Math.max(16, Math.min(chunk, Math.floor(budget / Math.max(perArticle, 1e-3))));
        }
      }
    } finally {
      this.pending = null;
    }
    return out;
  }

  /**
   * Groups again an article whose stored copy changed since it was grouped (its missing date or outlet filled in,
   * its text replaced): it leaves its story, whose centroid, keys, span, outlets and title are rebuilt from the
   * other members, and is assigned as if it arrived now. A story it leaves empty is deleted and links to it are
   * dropped, unless the article starts a story again: then that story keeps the old id. An article never grouped
   * is simply added; one whose copy did not change is left where it is ('known').
   */
  regroup(article: Article): AssignResult {
    checkArticle(article);
    return this.inTransaction(() => {
      const before = this.state.storyOfArticle(article.id);
      if (before && !this.changedSinceGrouped(article)) return { article: article.id, story: before, action: 'known', score: 1, merged: [] };
      // An article alone in its story that starts a story again keeps its story's id and creation order.
      const emptied = before ? this.withdraw(article.id, before) : null;
      const r = this.addInner(article, null, emptied);
      return before && before !== r.story ? { ...r, left: before } : r;
    });
  }

  /** The stored copy differs from the one the article's features were taken from (text, date or outlet). */
  changedSinceGrouped(article: Article): boolean {
    const f = this.state.getArticle(article.id);
    if (!f) return true;
    return f.contentHash !== article.contentHash || f.published !== (article.published ?? null) || f.source !== (article.source ?? null);
  }

  /** Takes an article out of its story (see regroup) and out of the document frequencies; returns the id and sequence
   * number of the story when the article was its only member (the story is deleted, to be reused or not). */
  private withdraw(id: string, storyId: string): { id: string; seq: number } | null {
    const old = this.readArticle(id);
    if (old) this.state.removeDocument(documentTerms(old));
    const story = this.readStory(storyId);
    // A one-article story reads its vectors from its article (ownVectors): the article goes last.
    this.state.removeArticle(id);
    if (!story) return null;
    const rest = story.articles.filter((a) => a !== id);
    if (!rest.length) {
      for (const r of story.related) {
        const other = this.readStory(r);
        if (!other) continue;
        other.related = other.related.filter((x) => x !== storyId);
        this.saveStory(other);
      }
      this.state.deleteStory(storyId);
      return { id: story.id, seq: story.seq };
    }
    // Rebuilt as the members' joins built it, in their order (a one-member story keeps no vectors of its own).
    const members = this.readArticles(rest);
    delete story.norms;
    Object.assign(story, {
      articles: [], centroid: {}, keys: {}, first: null, last: null, firstTime: null, lastTime: null, sources: [], days: [], datelines: [],
    });
    for (const m of members) {
      story.articles.push(m.id);
      this.addMember(story, m, members.length > 1);
    }
    this.retitle(story);
    this.saveStory(story);
    return null;
  }

  /**
   * The pair scorer's features of article pairs (pair-model.ts), each as the grouper sees an article against a story of
   * the other alone, with the document frequencies of `articles` counted as a batch (as addBatch does): what the pair
   * model is trained on (train/stories.ts). The state is not changed.
   */
  pairFeatureVectors(articles: Article[], pairs: [string, string][]): number[][] {
    const feats = new Map(articles.map((a) => [a.id, extractFeatures(a, this.config)]));
    const pending: PendingDf = { docs: 0, df: new Map(), seen: new Map() };
    for (const f of feats.values()) {
      pending.docs++;
      for (const t of documentTerms(f)) pending.df.set(t, (pending.df.get(t) ?? 0) + 1);
    }
    this.pending = pending;
    try {
      return pairs.map(([x, y]) => {
        const a = feats.get(x), b = feats.get(y);
        if (!a || !b) throw new Error(`StoryGrouper.pairFeatureVectors: no article ${a ? y : x} among the articles`);
        const q = this.probeOf(a);
        const keys = this.keyCosines(q, b.keys);
        const clash = daysClash(a.days, b.days) || Boolean(a.roundup) !== Boolean(b.roundup) ||
          datelineClash(a.dateline ? [a.dateline] : undefined, a.terms, b.dateline ? [b.dateline] : undefined, b.terms);
        return pairFeatures({ cosine: this.cosineToRecord(q, b.terms), entities: keys.entity, phrases: keys.phrase, clash }, articleSide(a), articleSide(b));
      });
    } finally {
      this.pending = null;
    }
  }

  /** Groups many articles in the given order, as one batch (see addBatch). */
  addAll(articles: Iterable<Article>): AssignResult[] {
    return this.addBatch(articles);
  }

  /** Documents counted for idf: the prior's, the state's and those of the batch being grouped. */
  private documentCount(): number {
    return (this.prior?.documents ?? 0) + this.state.documentCount() + (this.pending?.docs ?? 0);
  }

  private documentFrequency(term: string): number {
    const p = this.pending;
    if (!p) {
      const m = this.seenOne;
      if (!m) return this.storedFrequency(term);
      let df = m.get(term);
      if (df === undefined) { df = this.storedFrequency(term); m.set(term, df); }
      return df;
    }
    let df = p.seen.get(term);
    if (df === undefined) { df = this.storedFrequency(term) + (p.df.get(term) ?? 0); p.seen.set(term, df); }
    return df;
  }

  /** The state's document frequency of a term and the prior's. */
  private storedFrequency(term: string): number {
    return this.state.documentFrequency(term) + (this.prior?.df.get(term) ?? 0);
  }

  private idf(term: string): number {
    return Math.log((this.documentCount() + 1) / (this.documentFrequency(term) + 1)) + 1;
  }

  /** A cached norm computed at `docs` documents is still good: the documents grew by at most `tolerance` since. */
  private fresh(docs: number, tolerance: number): boolean {
    const n = this.documentCount();
    return docs === n || (docs < n && n <= docs * (1 + tolerance));
  }

  /** The probe of a term record (an article's terms or a story's centroid) and, optionally, of a key list. */
  private probe(rec: Record<string, number>, keys: string[] | null): Probe {
    const terms: Vector = new Map();
    const termsQ: Vector = new Map();
    let termsNorm2 = 0;
    for (const t in rec) {
      const i = this.idf(t);
      const x = rec[t]! * i;
      terms.set(t, x);
      termsQ.set(t, x * i);
      termsNorm2 += x * x;
    }
    const entitiesQ: Vector = new Map();
    const phrasesQ: Vector = new Map();
    let entitiesNorm2 = 0, phrasesNorm2 = 0;
    let keyList: string[] | null = [];
    const keyW: number[] = [], keyPhrase: boolean[] = [];
    for (const k of keys ?? []) {
      const i = this.idf(k);
      const phrase = isPhrase(k);
      if (phrase) { phrasesQ.set(k, i * i); phrasesNorm2 += i * i; } else { entitiesQ.set(k, i * i); entitiesNorm2 += i * i; }
      if (keyList && keyList.length && !(keyList[keyList.length - 1]! < k)) keyList = null;
      if (keyList) { keyList.push(k); keyW.push(i * i); keyPhrase.push(phrase); }
    }
    return { terms, termsQ, termsNorm2, entitiesQ, entitiesNorm2, phrasesQ, phrasesNorm2, keyList, keyW, keyPhrase };
  }

  private probeOf(f: ArticleFeatures): Probe {
    return this.probe(f.terms, f.keys);
  }

  /** Squared idf-weighted norm and size of a stored term record (cached per object, see fresh()). */
  private termNorm(rec: Record<string, number>, tolerance = this.config.normRefreshRatio): RecordNorm {
    const hit = cacheOf(rec)[TERM_NORM];
    if (hit && this.fresh(hit.docs, tolerance)) return hit;
    let norm2 = 0, size = 0;
    for (const t in rec) { const x = rec[t]! * this.idf(t); norm2 += x * x; size++; }
    const v = { docs: this.documentCount(), norm2, size };
    cacheOf(rec)[TERM_NORM] = v;
    return v;
  }

  /** Squared idf-weighted norms of a story's key counts (count capped at 3) or of a member's key list. */
  private keyNorm(keys: Record<string, number> | string[], tolerance = this.config.normRefreshRatio): KeyNorm {
    const hit = cacheOf(keys)[KEY_NORM];
    if (hit && this.fresh(hit.docs, tolerance)) return hit;
    let entities2 = 0, phrases2 = 0, size = 0;
    const visit = (k: string, c: number): void => {
      const x = Math.min(c, 3) * this.idf(k);
      if (isPhrase(k)) phrases2 += x * x; else entities2 += x * x;
      size++;
    };
    if (Array.isArray(keys)) for (const k of keys) visit(k, 1);
    else for (const k in keys) visit(k, keys[k]!);
    const v = { docs: this.documentCount(), entities2, phrases2, size };
    cacheOf(keys)[KEY_NORM] = v;
    return v;
  }

  /** The record changed in place: its cached norms are stale. */
  private changed(rec: object): void {
    const c = cacheOf(rec);
    delete c[TERM_NORM];
    delete c[KEY_NORM];
  }

  /** Cosine of the probe's terms with a stored term record, both weighted by idf. */
  private cosineToRecord(q: Probe, rec: Record<string, number>, tolerance?: number): number {
    const norm = this.termNorm(rec, tolerance);
    let dot = 0;
    // Over the probe's terms, looking each up in the record (or the other way round when the record is smaller).
    if (q.termsQ.size <= norm.size) {
      for (const [t, w] of q.termsQ) { const r = rec[t]; if (typeof r === 'number') dot += w * r; }
    } else {
      for (const t in rec) { const w = q.termsQ.get(t); if (w !== undefined) dot += w * rec[t]!; }
    }
    if (dot === 0) return 0;
    return dot / Math.sqrt(q.termsNorm2 * norm.norm2);
  }

  /** Entity and phrase cosines of the probe's keys with a story's key counts or a member's (sorted) key list. */
  private keyCosines(q: Probe, keys: Record<string, number> | string[], tolerance?: number): { entity: number; phrase: number; size: number } {
    const norm = this.keyNorm(keys, tolerance);
    const list = Array.isArray(keys) ? keys : null;
    const count = (k: string): number => {
      if (list) return sortedHas(list, k) ? 1 : 0;
      const c = (keys as Record<string, number>)[k];
      return typeof c === 'number' ? Math.min(c, 3) : 0;
    };
    let de = 0, dp = 0;
    const mine = q.keyList;
    if (list && mine) {
      // Both sorted: the shared keys met in the same order as below, so the sums are the same to the last bit.
      for (let i = 0, j = 0; i < mine.length && j < list.length;) {
        const a = mine[i]!, b = list[j]!;
        if (a === b) { if (q.keyPhrase[i]) dp += q.keyW[i]!; else de += q.keyW[i]!; i++; j++; } else if (a < b) i++; else j++;
      }
    } else {
      for (const [k, w] of q.entitiesQ) { const c = count(k); if (c) de += w * c; }
      for (const [k, w] of q.phrasesQ) { const c = count(k); if (c) dp += w * c; }
    }
    return {
      entity: de === 0 ? 0 : de / Math.sqrt(q.entitiesNorm2 * norm.entities2),
      phrase: dp === 0 ? 0 : dp / Math.sqrt(q.phrasesNorm2 * norm.phrases2),
      size: norm.size,
    };
  }

  /** Counts the article in the state's document frequencies (moving it out of the pending batch counts). */
  private countDocument(f: ArticleFeatures): void {
    this.state.addDocument(documentTerms(f));
    this.uncountPending(f);
  }

  /** Takes an article of the batch being grouped out of the batch's counts (see addBatch). The frequencies read so far
   * in the batch (p.seen) stay right: each counted the article once, in the batch, and now counts it in the state. */
  private uncountPending(f: ArticleFeatures): void {
    const p = this.pending;
    if (!p) return;
    p.docs--;
    for (const t of documentTerms(f)) {
      const c = (p.df.get(t) ?? 0) - 1;
      if (c > 0) p.df.set(t, c); else p.df.delete(t);
    }
  }

  /** Groups one article (its features, or the article to extract them from) unless it is grouped already. */
  private addInner(article: Article | string, features: ArticleFeatures | null, reuse: { id: string; seq: number } | null = null): AssignResult {
    const id = typeof article === 'string' ? article : article.id;
    const known = this.state.storyOfArticle(id);
    if (known) return { article: id, story: known, action: 'known', score: 1, merged: [] };
    if (!features && typeof article === 'string') throw new Error(`StoryGrouper: article ${id} has no features`);
    const f = features ?? extractFeatures(article as Article, this.config);
    this.countDocument(f);
    if (this.pending) return this.assign(f, reuse);
    this.seenOne = new Map();
    try {
      return this.assign(f, reuse);
    } finally {
      this.seenOne = null;
    }
  }

  /** Assigns an article, already counted in the document frequencies, to a story (see addInner). */
  private assign(f: ArticleFeatures, reuse: { id: string; seq: number } | null): AssignResult {

    // Near-duplicates named by ingestion: the same copy is the same story, whatever the scores say.
    for (const rel of f.related) {
      const sid = this.state.storyOfArticle(rel);
      const story = sid ? this.readStory(sid) : null;
      if (story) {
        this.join(story, f);
        const merged = this.recheck(story.id);
        return { article: f.id, story: story.id, action: 'duplicate', score: 1, merged };
      }
    }

    const q = this.probeOf(f);
    const scored = this.scoreCandidates(f, q);
    let best: { story: StoryRecord; score: number } | null = null;
    for (const c of scored) {
      if (!c.inWindow) continue;
      const threshold = this.thresholdToJoin(f, c.story);
      if (this.joins(c.score, threshold, c.p) && (!best || c.score > best.score)) best = { story: c.story, score: c.score };
    }

    let story: StoryRecord;
    let action: AssignResult['action'];
    if (best) {
      story = best.story;
      this.join(story, f, q);
      action = 'joined';
    } else {
      const { id, seq } = reuse ?? this.state.newStory();
      story = {
        id, seq, articles: [], centroid: {}, keys: {}, first: null, last: null, firstTime: null, lastTime: null,
        sources: [], related: [], days: [], title: '', titleArticle: null, roundup: Boolean(f.roundup),
      };
      this.join(story, f, q);
      action = 'new';
    }
    // Related: close in topic but not joined (below the threshold or outside the time window).
    for (const c of scored) {
      if (c.story.id !== story.id && (c.score >= this.config.relatedThreshold || c.p >= (this.pairModel?.thresholds.relate ?? Infinity))) this.link(story.id, c.story.id);
    }
    // A second story this article is also close to is merged by the re-check when their centroids meet, or when
    // it is one article that would now join. No separate bridging rule: without one no dev set's grouping changes in
    // publication order, and two 5-order means rise (docs/stories-grouping.md).
    // A story this article just started has the article's terms as its centroid: the centroid cosines with the
    // candidates were computed while scoring, and the re-check's first round reads them instead of again.
    const merged = this.recheck(story.id, action === 'new' ? scored : null);
    return { article: f.id, story: this.state.storyOfArticle(f.id) ?? story.id, action, score: best?.score ?? 0, merged };
  }

  /** The score an article needs to join a story: stricter when either has no date, lower as the story grows. */
  private thresholdToJoin(f: ArticleFeatures, story: StoryRecord): number {
    return f.time === null || story.firstTime === null ? this.config.joinThresholdUndated : this.joinThresholdFor(story.articles.length);
  }

  /** The score an article needs to join a story of `size` articles (see joinThresholdEstablished). */
  private joinThresholdFor(size: number): number {
    const c = this.config;
    if (size < c.establishedStorySize) return c.joinThreshold;
    return Math.max(c.joinThresholdFloor, c.joinThresholdEstablished - c.joinThresholdSizeSlope * Math.log2(size / c.establishedStorySize));
  }

  /** The terms a probe's record is posted under: its highest weight·idf terms that are not too frequent. */
  private indexKeys(q: Probe): string[] {
    const n = this.documentCount();
    if (q.indexed?.docs === n) return q.indexed.keys;
    const terms = q.terms;
    const capByDf = n >= this.config.minDocsForDfCap;
    const keys = [...terms]
      .filter(([t]) => !capByDf || this.documentFrequency(t) / n <= this.config.maxKeyDfRatio)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.config.indexTerms)
      .map(([t]) => t);
    q.indexed = { docs: n, keys };
    return keys;
  }

  /** A story's time span, read without its record where the state can (see StoryState.storySpan). */
  private spanOf(id: string): StorySpan | null {
    return this.state.storySpan ? this.state.storySpan(id) : this.state.getStory(id);
  }

  private inWindow(f: ArticleFeatures, story: StorySpan): boolean {
    const time = f.time;
    if (time === null || story.firstTime === null || story.lastTime === null) return true;
    if (Math.max(time, story.lastTime) - Math.min(time, story.firstTime) > this.config.maxSpanDays * DAY) return false;
    // Decided by the numbers alone unless the time falls where the date-only slack matters (reading the
    // published strings of every candidate was a measurable part of scoring a large store).
    const w = this.config.windowDays * DAY;
    if (time >= story.firstTime - w && time <= story.lastTime + w) return true;
    const widest = w + this.config.dateOnlySlackDays * DAY;
    if (time < story.firstTime - widest || time > story.lastTime + widest) return false;
    const before = (this.config.windowDays + this.slack(f.published, story.first)) * DAY;
    const after = (this.config.windowDays + this.slack(f.published, story.last)) * DAY;
    return time >= story.firstTime - before && time <= story.lastTime + after;
  }

  /** The story ended more than relatedWindowDays before the article, or starts that long after it (either undated: no). */
  private beyondRelatedWindow(f: ArticleFeatures, story: StorySpan): boolean {
    const time = f.time;
    if (time === null || story.firstTime === null || story.lastTime === null) return false;
    const w = this.config.relatedWindowDays * DAY;
    return time - story.lastTime > w || story.firstTime - time > w;
  }

  /** A bare date (no time of day) is read as noon but may be any hour of that day: widen the window. */
  private slack(a: string | null, b: string | null): number {
    return isDateOnly(a) || isDateOnly(b) ? this.config.dateOnlySlackDays : 0;
  }

  /** Stories that share index keys with the probe, the most shared weight first (at most maxCandidates). */
  private candidates(q: Probe, exclude: string | null): string[] {
    const keys = this.indexKeys(q);
    const k = this.config.maxCandidates;
    const st = this.state;
    if (st.postingNumbers && st.storyIdOfNumber) {
      const idOf = st.storyIdOfNumber.bind(st);
      const votes = new Map<number, number>();
      for (const [term, nums] of st.postingNumbers(keys, this.config.postingsCap)) {
        const w = q.terms.get(term) ?? 0;
        for (const n of nums) votes.set(n, (votes.get(n) ?? 0) + w);
      }
      // The same order as the string path below: most votes first, ties by id.
      const keep = k + 1; // one more, in case `exclude` is among them
      const top = topK(votes, keep, (a, b) => a[1] > b[1] || (a[1] === b[1] && idOf(a[0]) < idOf(b[0])));
      return top.map(([n]) => idOf(n)).filter((id) => id !== exclude).slice(0, k);
    }
    const posted = this.state.postings(keys, this.config.postingsCap);
    const votes = new Map<string, number>();
    for (const [term, ids] of posted) {
      const w = q.terms.get(term) ?? 0;
      for (const id of ids) if (id !== exclude) votes.set(id, (votes.get(id) ?? 0) + w);
    }
    return topVoted(votes, this.config.maxCandidates);
  }

  private scoreCandidates(f: ArticleFeatures, q: Probe) {
    const out: Scored[] = [];
    let outside = 0;
    for (const id of this.candidates(q, null)) {
      // The time span first: a candidate outside the window past the quota below is not read at all.
      const span = this.spanOf(id);
      if (!span) continue; // merged away: postings are cleaned lazily
      const inWindow = this.inWindow(f, span);
      if (!inWindow && (outside >= this.config.maxRelatedCandidates || this.beyondRelatedWindow(f, span))) continue;
      const story = this.readStory(id);
      if (!story) continue;
      if (inWindow) {
        const parts = this.scoreParts(f, q, story);
        out.push({ story, score: parts.score, centroid: parts.centroid, inWindow, p: parts.p });
        continue;
      }
      // Outside the window a story can only be linked as related (a lower bar, relatedThreshold). In a large
      // store most candidates are old stories, each one more cold record to read: only the best-voted
      // maxRelatedCandidates of them are scored, by centroid and pooled keys (not member by member), with cached
      // norms that may be older (relatedNormRefreshRatio).
      outside++;
      const parts = this.scoreParts(f, q, story, this.config.relatedNormRefreshRatio, false);
      out.push({ story, score: parts.score, centroid: parts.centroid, inWindow, p: NaN });
    }
    return out;
  }

  /** Similarity of an article to a story: the better of centroid and closest recent member, plus entity and
   * phrase overlap (each the better of the story's pooled keys and its closest member's keys). */
  private score(f: ArticleFeatures, q: Probe, story: StoryRecord): number {
    return this.scoreParts(f, q, story).score;
  }

  /** The score, the centroid cosine in it, and the pair scorer's probability where a side is undated (else NaN; and
   * with `members` false: the centroid and pooled keys only). */
  private scoreParts(f: ArticleFeatures, q: Probe, story: StoryRecord, tolerance = this.config.normRefreshRatio, members = true): { score: number; centroid: number; p: number } {
    const own = this.ownVectors(story);
    const centroid = own?.terms ?? story.centroid;
    const centroidSim = this.cosineToRecord(q, centroid, tolerance);
    const centroidSize = this.termNorm(centroid, tolerance).size;
    const storyKeys = this.keyCosines(q, own?.keys ?? story.keys, tolerance);
    let memberSim = 0;
    let entitySim = storyKeys.entity;
    let phraseSim = storyKeys.phrase;
    // A story of one article whose centroid and keys are that article's (or were never pruned: a pruned record
    // has exactly maxCentroidTerms entries) was compared with that article above already.
    const single = story.articles.length === 1 && (own !== null || (centroidSize !== this.config.maxCentroidTerms &&
      storyKeys.size !== this.config.maxCentroidTerms));
    let read: ArticleFeatures[] = [];
    if (!single && members && this.config.maxMembersCompared > 0) {
      for (const m of (read = this.readArticles(story.articles.slice(-this.config.maxMembersCompared)))) {
        memberSim = Math.max(memberSim, this.cosineToRecord(q, m.terms, tolerance));
        const memberKeys = this.keyCosines(q, m.keys, tolerance);
        entitySim = Math.max(entitySim, memberKeys.entity);
        phraseSim = Math.max(phraseSim, memberKeys.phrase);
      }
    }
    const score = Math.max(centroidSim, memberSim) + this.config.entityWeight * entitySim + this.config.phraseWeight * phraseSim;
    const clash = daysClash(f.days, story.days) || Boolean(f.roundup) !== Boolean(story.roundup) ||
      datelineClash(f.dateline ? [f.dateline] : undefined, f.terms, story.datelines, centroid);
    let p = NaN;
    if (this.pairModel && members && (f.time === null || story.firstTime === null)) {
      if (single) { const m = this.readArticle(story.articles[0]!); read = m ? [m] : []; }
      const sim: PairSimilarities = { cosine: Math.max(centroidSim, memberSim), entities: entitySim, phrases: phraseSim, clash };
      p = pairProbability(this.pairModel, pairFeatures(sim, articleSide(f), storySide(story, read, own?.keys ?? story.keys)));
    }
    return { score: clash ? score * this.config.dayMismatchFactor : score, centroid: centroidSim, p };
  }

  /**
   * Whether an article joins a story: its score reaches the threshold, and where the pair scorer has a probability (a
   * side undated, see scoreParts: the evidence is thin) the scorer agrees too, unless the score is strong on its own
   * (joinThresholdStrong).
   */
  private joins(score: number, threshold: number, p: number): boolean {
    return score >= threshold && (Number.isNaN(p) || !this.pairModel || p >= this.pairModel.thresholds.join || score >= this.config.joinThresholdStrong);
  }

  /** Two stories whose centroids meet may merge: always when both are dated, else when the pair scorer agrees (the
   * article's probability `p` when the story is that one article, computed while scoring it). */
  private mayMerge(a: StoryRecord, b: StoryRecord, centroidSim: number, p: number): boolean {
    if (!this.pairModel || (a.firstTime !== null && b.firstTime !== null)) return true;
    return (Number.isNaN(p) ? this.storiesProbability(a, b, centroidSim) : p) >= this.pairModel.thresholds.merge;
  }

  /** The pair scorer's probability that two stories report one happening (their centroids and pooled keys, the
   * evidence of their latest members). */
  private storiesProbability(a: StoryRecord, b: StoryRecord, centroidSim: number): number {
    if (!this.pairModel) return 1;
    const aKeys = this.ownVectors(a)?.keys ?? Object.keys(a.keys).sort();
    const bKeys = this.ownVectors(b)?.keys ?? b.keys;
    const keys = this.keyCosines(this.probe({}, aKeys), bKeys);
    const members = (s: StoryRecord): ArticleFeatures[] => this.readArticles(s.articles.slice(-this.config.maxMembersCompared));
    const sim: PairSimilarities = { cosine: centroidSim, entities: keys.entity, phrases: keys.phrase, clash: false };
    return pairProbability(this.pairModel, pairFeatures(sim, storySide(a, members(a), aKeys), storySide(b, members(b), bKeys)));
  }

  /**
   * A story of one article keeps no centroid or keys of its own, which would copy its article's (most stories
   * have one article, and this was two fifths of the memory per article): they are read from the article.
   * Null for other stories (and for one-article stories stored with their own copy).
   */
  private ownVectors(story: StoryRecord): { terms: Record<string, number>; keys: string[] } | null {
    if (story.articles.length !== 1 || !isEmptyRecord(story.centroid)) return null;
    const m = this.readArticle(story.articles[0]!);
    return m ? { terms: m.terms, keys: m.keys } : null;
  }

  /** Gives a one-article story its own centroid and keys (before a second article is added to them). */
  private materialize(story: StoryRecord): void {
    const own = this.ownVectors(story);
    if (!own) return;
    story.centroid = {};
    for (const t in own.terms) story.centroid[t] = own.terms[t]!;
    story.keys = {};
    for (const k of own.keys) story.keys[k] = (story.keys[k] ?? 0) + 1;
  }

  /** Adds a member's span, outlet, weekdays and dateline to a story's record, and its vectors when `vectors` (a story
   * of one article keeps none of its own: see ownVectors); the caller has put its id in story.articles. */
  private addMember(story: StoryRecord, f: ArticleFeatures, vectors: boolean): void {
    if (vectors) {
      for (const [t, w] of Object.entries(f.terms)) story.centroid[t] = roundWeight((story.centroid[t] ?? 0) + w);
      if (Object.keys(story.centroid).length > 2 * this.config.maxCentroidTerms) story.centroid = pruneTop(story.centroid, this.config.maxCentroidTerms);
      for (const k of f.keys) story.keys[k] = (story.keys[k] ?? 0) + 1;
      if (Object.keys(story.keys).length > 2 * this.config.maxCentroidTerms) story.keys = pruneTop(story.keys, this.config.maxCentroidTerms);
    }
    [story.first, story.firstTime] = pubMin(story.first, story.firstTime, f.published, f.time);
    [story.last, story.lastTime] = pubMax(story.last, story.lastTime, f.published, f.time);
    if (f.source && !story.sources.includes(f.source)) story.sources.push(f.source);
    for (const d of f.days ?? []) { story.days ??= []; if (!story.days.includes(d)) story.days.push(d); }
    if (f.dateline) { story.datelines ??= []; if (!story.datelines.includes(f.dateline)) story.datelines.push(f.dateline); }
  }

  private join(story: StoryRecord, f: ArticleFeatures, q: Probe | null = null): void {
    this.materialize(story);
    story.articles.push(f.id);
    if (story.articles.length > 1) {
      this.changed(story.centroid);
      this.changed(story.keys);
      delete story.norms; // stale until saveStory writes them again
    }
    this.addMember(story, f, story.articles.length > 1);
    const probe = q ?? this.probeOf(f);
    this.keepNorms(f, probe);
    this.state.putArticle(f, story.id);
    this.retitle(story);
    this.saveStory(story);
    this.state.addPostings(story.id, this.indexKeys(probe));
  }

  /**
   * A story's title is chosen again when its members change: at once for a story of one article (its headline or lead
   * sentence), at the end of the transaction for others (see settleTitles), so a story joined many times in a batch
   * reads its members once.
   */
  private retitle(story: StoryRecord): void {
    if (story.articles.length === 1) {
      const m = this.readArticle(story.articles[0]!);
      if (m) { story.title = m.title ?? m.lead; story.titleArticle = m.id; }
      this.titlesDue.delete(story.id);
      return;
    }
    this.titlesDue.add(story.id);
  }

  /** Runs `fn` in a state transaction and settles the titles of the stories it changed before the transaction ends. */
  private inTransaction<T>(fn: () => T): T {
    return this.state.transaction(() => {
      try {
        const out = fn();
        this.settleTitles();
        return out;
      } finally {
        this.titlesDue.clear();
      }
    });
  }

  /** Gives each story whose members changed the title of its member set (storyTitle), written when it changed. */
  private settleTitles(): void {
    for (const id of this.titlesDue) {
      const story = this.readStory(id);
      if (!story || !story.articles.length) continue;
      const best = storyTitle(this.readArticles(story.articles), this.prior);
      if (!best) continue;
      const title = best.title ?? best.lead;
      if (story.title === title && story.titleArticle === best.id) continue;
      story.title = title;
      story.titleArticle = best.id;
      this.saveStory(story);
    }
    this.titlesDue.clear();
  }

  private link(a: string, b: string): void {
    if (a === b) return;
    const sa = this.readStory(a);
    const sb = this.readStory(b);
    if (!sa || !sb) return;
    if (!sa.related.includes(b) && sa.related.length < this.config.maxRelated) { sa.related.push(b); this.saveStory(sa); }
    if (!sb.related.includes(a) && sb.related.length < this.config.maxRelated) { sb.related.push(a); this.saveStory(sb); }
  }

  /** Re-check: merge the story with any candidate whose window touches and whose centroid became close, or that is
   * one article which would now join the story (rejoinSingles). */
  private recheck(storyId: string, scored: Scored[] | null = null): string[] {
    const merged: string[] = [];
    let story = this.readStory(storyId);
    for (let round = 0; story && round < 4; round++) {
      const first = round === 0 ? scored : null;
      const c = first ? null : this.probe(this.ownVectors(story)?.terms ?? story.centroid, null);
      const ids = first ? first.map((x) => x.story.id) : this.candidates(c!, story.id);
      let target: StoryRecord | null = null;
      for (let i = 0; i < ids.length; i++) {
        const span = this.spanOf(ids[i]!);
        if (!span || !this.windowsTouch(story, span)) continue;
        const other = this.readStory(ids[i]!);
        if (!other || other.id === story.id || this.storiesClash(story, other)) continue;
        const sim = first ? first[i]!.centroid : this.cosineToRecord(c!, this.ownVectors(other)?.terms ?? other.centroid);
        if (sim >= this.config.mergeThreshold && this.mayMerge(story, other, sim, first ? first[i]!.p : NaN)) { target = other; break; }
        if (!first && this.config.rejoinSingles && this.singleWouldJoin(other, story)) { target = other; break; }
        // Would one of this story's latest members join the other story if it arrived now (df grown since)?
        if (round === 0 && this.config.recheckMembers > 0 && this.memberWouldJoin(story, other)) { target = other; break; }
      }
      if (!target) break;
      const [keep, drop] = story.seq < target.seq ? [story, target] : [target, story];
      this.mergeInto(keep, drop);
      merged.push(drop.id);
      story = this.readStory(keep.id);
    }
    return merged;
  }

  /** A one-article story whose article would join `story` if it arrived now (see STORIES_CONFIG.rejoinSingles). */
  private singleWouldJoin(single: StoryRecord, story: StoryRecord): boolean {
    if (single.articles.length !== 1 || story.articles.length < 2) return false;
    const m = this.readArticle(single.articles[0]!);
    if (!m || !this.inWindow(m, story)) return false;
    const parts = this.scoreParts(m, this.probeOf(m), story);
    return this.joins(parts.score, this.thresholdToJoin(m, story), parts.p);
  }

  private memberWouldJoin(story: StoryRecord, other: StoryRecord): boolean {
    for (const m of this.readArticles(story.articles.slice(-this.config.recheckMembers))) {
      if (!this.inWindow(m, other)) continue;
      if (this.score(m, this.probeOf(m), other) >= this.config.memberMergeThreshold) return true;
    }
    return false;
  }

  private windowsTouch(a: StorySpan, b: StorySpan): boolean {
    if (a.firstTime === null || b.firstTime === null || a.lastTime === null || b.lastTime === null) return true;
    if (Math.max(a.lastTime, b.lastTime) - Math.min(a.firstTime, b.firstTime) > this.config.maxSpanDays * DAY) return false;
    const w = this.config.windowDays * DAY;
    return a.firstTime <= b.lastTime + w + this.slack(a.first, b.last) * DAY
      && b.firstTime <= a.lastTime + w + this.slack(b.first, a.last) * DAY;
  }

  private mergeInto(keep: StoryRecord, drop: StoryRecord): void {
    this.materialize(keep);
    this.materialize(drop);
    this.state.moveArticles(drop.id, keep.id);
    keep.articles.push(...drop.articles);
    this.changed(keep.centroid);
    this.changed(keep.keys);
    delete keep.norms; // stale until saveStory writes them again
    for (const [t, w] of Object.entries(drop.centroid)) keep.centroid[t] = roundWeight((keep.centroid[t] ?? 0) + w);
    keep.centroid = pruneTop(keep.centroid, 2 * this.config.maxCentroidTerms);
    for (const [k, c] of Object.entries(drop.keys)) keep.keys[k] = (keep.keys[k] ?? 0) + c;
    [keep.first, keep.firstTime] = pubMin(keep.first, keep.firstTime, drop.first, drop.firstTime);
    [keep.last, keep.lastTime] = pubMax(keep.last, keep.lastTime, drop.last, drop.lastTime);
    for (const s of drop.sources) if (!keep.sources.includes(s)) keep.sources.push(s);
    for (const d of drop.days ?? []) { keep.days ??= []; if (!keep.days.includes(d)) keep.days.push(d); }
    for (const d of drop.datelines ?? []) { keep.datelines ??= []; if (!keep.datelines.includes(d)) keep.datelines.push(d); }
    // Related links of the dropped story now point at the kept one.
    keep.related = keep.related.filter((r) => r !== drop.id);
    for (const r of drop.related) {
      if (r === keep.id) continue;
      const other = this.readStory(r);
      if (!other) continue;
      other.related = other.related.filter((x) => x !== drop.id);
      if (!other.related.includes(keep.id)) other.related.push(keep.id);
      this.saveStory(other);
      if (!keep.related.includes(r)) keep.related.push(r);
    }
    this.state.deleteStory(drop.id);
    this.retitle(keep);
    this.saveStory(keep);
    this.state.addPostings(keep.id, this.indexKeys(this.probe(keep.centroid, null)));
  }

  /** Two stories that may not merge: their headlines name different weekdays or places, or one is a roundup. */
  private storiesClash(a: StoryRecord, b: StoryRecord): boolean {
    if (daysClash(a.days, b.days) || Boolean(a.roundup) !== Boolean(b.roundup)) return true;
    if (!a.datelines?.length || !b.datelines?.length) return false;
    return datelineClash(a.datelines, this.ownVectors(a)?.terms ?? a.centroid, b.datelines, this.ownVectors(b)?.terms ?? b.centroid);
  }

  /** A story record from the state, its stored norms taken as its cached ones (see StoredNorms). */
  private readStory(id: string): StoryRecord | null {
    const s = this.state.getStory(id);
    if (s?.norms) seedNorms(s.centroid, s.keys, s.norms);
    return s;
  }

  private readArticle(id: string): ArticleFeatures | null {
    const f = this.state.getArticle(id);
    if (f?.norms) seedNorms(f.terms, f.keys, f.norms);
    return f;
  }

  private readArticles(ids: string[]): ArticleFeatures[] {
    const out = this.state.getArticles(ids);
    for (const f of out) if (f.norms) seedNorms(f.terms, f.keys, f.norms);
    return out;
  }

  /** Writes a story with the norms of its centroid and keys (reusing cached ones a reader may still take). */
  private saveStory(story: StoryRecord): void {
    if (isEmptyRecord(story.centroid)) {
      delete story.norms;
    } else {
      const wide = Math.max(this.config.normRefreshRatio, this.config.relatedNormRefreshRatio);
      const t = this.termNorm(story.centroid, wide);
      const k = this.keyNorm(story.keys, wide);
      story.norms = { terms: [t.docs, t.norm2, t.size], keys: [k.docs, k.entities2, k.phrases2, k.size] };
    }
    this.state.putStory(story);
  }

  /** An article's norms are its probe's (computed at this document count): cached on its vectors and stored with it. */
  private keepNorms(f: ArticleFeatures, q: Probe): void {
    const docs = this.documentCount();
    f.norms = {
      terms: [docs, q.termsNorm2, q.terms.size],
      keys: [docs, q.entitiesNorm2, q.phrasesNorm2, q.entitiesQ.size + q.phrasesQ.size],
    };
    seedNorms(f.terms, f.keys, f.norms, true);
  }

  /** The story record of an article (null when the article was never grouped). */
  storyOf(articleId: string): StoryRecord | null {
    const id = this.state.storyOfArticle(articleId);
    return id ? this.state.getStory(id) : null;
  }

  /** All stories as the shared Story type, newest last publication first. */
  stories(): Story[] {
    return this.state.listStories().map(toStory).sort(compareStories);
  }

  story(id: string): Story | null {
    const s = this.state.getStory(id);
    return s ? toStory(s) : null;
  }
}

export function toStory(s: StoryRecord): Story {
  return {
    id: s.id, title: s.title, articles: [...s.articles], related: [...s.related], sources: [...s.sources],
    first: s.first, last: s.last,
  };
}

function compareStories(a: Story, b: Story): number {
  const la = a.last ? Date.parse(a.last) : -Infinity;
  const lb = b.last ? Date.parse(b.last) : -Infinity;
  return lb - la || b.articles.length - a.articles.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
