// Incremental grouping: each arriving article joins the best existing story or starts a new one.
// Evidence: content terms (tf·idf over light stems, headline and lead weighted up), entity-like keys
// (proper-noun-ish words and numbers of the headline and lead), publication time (a window around the
// story) and ingestion's near-duplicate links. Candidates come from a capped inverted index, so the cost of
// one article does not grow with the number of stories. After each join a re-check merges the story with
// a close neighbour, which makes the result depend little on arrival order.
import type { Article, Story } from '../types.js';
import { STORIES_CONFIG, type StoriesConfig } from './config.js';
import { extractFeatures, type ArticleFeatures } from './features.js';
import { MemoryStoryState, type StoryRecord, type StoryState } from './state.js';

const DAY = 86_400_000;

export interface AssignResult {
  article: string;
  story: string;
  /** 'new': started a story; 'joined': joined one; 'duplicate': joined through a near-duplicate link; 'known': already grouped. */
  action: 'new' | 'joined' | 'duplicate' | 'known';
  score: number;
  /** Stories merged into `story` by the re-check. */
  merged: string[];
}

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  let dot = 0, na = 0, nb = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, w] of small) { const v = large.get(t); if (v !== undefined) dot += w * v; }
  if (dot === 0) return 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return dot / Math.sqrt(na * nb);
}

function isDateOnly(published: string | null): boolean {
  return published !== null && /^\d{4}-\d{2}-\d{2}$/.test(published.trim());
}

/** Entity keys (names, numbers) and phrase keys (`p:`) of a key vector, apart. */
function splitKeys(v: Vector): [Vector, Vector] {
  const entities: Vector = new Map();
  const phrases: Vector = new Map();
  for (const [k, w] of v) (k.startsWith('p:') ? phrases : entities).set(k, w);
  return [entities, phrases];
}

function checkArticle(article: Article): void {
  if (!article || typeof article.id !== 'string' || !article.id) {
    throw new TypeError('StoryGrouper.add: the article needs a non-empty string id');
  }
}

/** The distinct terms and keys an article counts in the document frequencies. */
function documentTerms(f: ArticleFeatures): string[] {
  return [...new Set([...Object.keys(f.terms), ...f.keys])];
}

/** An article's vectors as scoring compares them, with their squared norms (computed once per article). */
interface Probe {
  terms: Vector; termsNorm2: number;
  entities: Vector; entitiesNorm2: number;
  phrases: Vector; phrasesNorm2: number;
}
const norm2 = (v: Vector): number => { let n = 0; for (const w of v.values()) n += w * w; return n; };
/** The probe of an article's term vector and key vector, built once and compared with every candidate. */
function probeOf(vec: Vector, keyVec: Vector): Probe {
  const [entities, phrases] = splitKeys(keyVec);
  return { terms: vec, termsNorm2: norm2(vec), entities, entitiesNorm2: norm2(entities), phrases, phrasesNorm2: norm2(phrases) };
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

/** True when both name weekdays and none in common. */
function daysClash(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  return !a.some((d) => b.includes(d));
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
}

export class StoryGrouper {
  readonly state: StoryState;
  readonly config: StoriesConfig;
  /** Entries of the record the last cosineToRecord() read. */
  private recordSize = 0;
  /** Counts of the batch addBatch() is grouping (null outside it). */
  private pending: PendingDf | null = null;

  constructor(state: StoryState = new MemoryStoryState(), config: Partial<StoriesConfig> = {}) {
    this.state = state;
    this.config = { ...STORIES_CONFIG, ...config };
  }

  /**
   * Groups one article as it arrives: its terms count in the document frequencies from now on, so idf is
   * computed over the articles grouped so far and this one (see addBatch for articles that are all at hand).
   */
  add(article: Article): AssignResult {
    checkArticle(article);
    return this.state.transaction(() => this.addInner(article, null));
  }

  /**
   * Groups articles that are all at hand (a batch just stored, a store catching up): first every one of them is
   * counted in the document frequencies, then each is assigned in the given order. An article is then scored
   * with the idf of the whole batch (and of everything grouped before) instead of the few articles that
   * happened to come before it, which is what made the grouping of a batch depend on its order.
   * `chunk` articles are assigned per state transaction (a persisted state pays a commit per transaction).
   */
  addBatch(articles: Iterable<Article>, chunk = 256): AssignResult[] {
    const todo: { article: Article; features: ArticleFeatures | null }[] = [];
    const seen = new Set<string>();
    for (const a of articles) {
      checkArticle(a);
      if (seen.has(a.id) || this.state.storyOfArticle(a.id)) { todo.push({ article: a, features: null }); continue; }
      seen.add(a.id);
      todo.push({ article: a, features: extractFeatures(a, this.config) });
    }
    const pending: PendingDf = { docs: 0, df: new Map() };
    for (const t of todo) {
      if (!t.features) continue;
      pending.docs++;
      for (const term of documentTerms(t.features)) pending.df.set(term, (pending.df.get(term) ?? 0) + 1);
    }
    const out: AssignResult[] = [];
    this.pending = pending;
    try {
      for (let i = 0; i < todo.length; i += chunk) {
        const part = todo.slice(i, i + chunk);
        this.state.transaction(() => { for (const t of part) out.push(this.addInner(t.article, t.features)); });
      }
    } finally {
      this.pending = null;
    }
    return out;
  }

  /** Groups many articles in the given order, as one batch (see addBatch). */
  addAll(articles: Iterable<Article>): AssignResult[] {
    return this.addBatch(articles);
  }

  /** Documents counted for idf: the state's and those of the batch being grouped. */
  private documentCount(): number {
    return this.state.documentCount() + (this.pending?.docs ?? 0);
  }

  private documentFrequency(term: string): number {
    return this.state.documentFrequency(term) + (this.pending?.df.get(term) ?? 0);
  }

  /** idf over the live document frequencies (read per term: no per-comparison frequency map). */
  private idf(term: string): number {
    return Math.log((this.documentCount() + 1) / (this.documentFrequency(term) + 1)) + 1;
  }

  private weighted(rec: Record<string, number>): Vector {
    const v: Vector = new Map();
    for (const t in rec) v.set(t, rec[t]! * this.idf(t));
    return v;
  }

  private keyVector(keys: Iterable<[string, number]>): Vector {
    const v: Vector = new Map();
    for (const [k, c] of keys) v.set(k, Math.min(c, 3) * this.idf(k));
    return v;
  }

  /** Counts the article in the state's document frequencies (moving it out of the pending batch counts). */
  private countDocument(f: ArticleFeatures): void {
    const terms = documentTerms(f);
    this.state.addDocument(terms);
    const p = this.pending;
    if (!p) return;
    p.docs--;
    for (const t of terms) {
      const c = (p.df.get(t) ?? 0) - 1;
      if (c > 0) p.df.set(t, c); else p.df.delete(t);
    }
  }

  private addInner(article: Article, features: ArticleFeatures | null): AssignResult {
    const known = this.state.storyOfArticle(article.id);
    if (known) return { article: article.id, story: known, action: 'known', score: 1, merged: [] };
    const f = features ?? extractFeatures(article, this.config);
    this.countDocument(f);
    const vec = this.weighted(f.terms);
    const keyVec = this.keyVector(f.keys.map((k) => [k, 1]));

    // Near-duplicates named by ingestion: the same copy is the same story, whatever the scores say.
    for (const rel of f.related) {
      const sid = this.state.storyOfArticle(rel);
      const story = sid ? this.state.getStory(sid) : null;
      if (story) {
        this.join(story, f);
        const merged = this.recheck(story.id);
        return { article: f.id, story: story.id, action: 'duplicate', score: 1, merged };
      }
    }

    const scored = this.scoreCandidates(f, probeOf(vec, keyVec));
    let best: { story: StoryRecord; score: number } | null = null;
    for (const c of scored) {
      if (!c.inWindow) continue;
      const threshold = f.time === null || c.story.firstTime === null ? this.config.joinThresholdUndated : this.config.joinThreshold;
      if (c.score >= threshold && (!best || c.score > best.score)) best = { story: c.story, score: c.score };
    }

    let story: StoryRecord;
    let action: AssignResult['action'];
    if (best) {
      story = best.story;
      this.join(story, f);
      action = 'joined';
    } else {
      const { id, seq } = this.state.newStory();
      story = {
        id, seq, articles: [], centroid: {}, keys: {}, first: null, last: null, firstTime: null, lastTime: null,
        sources: [], related: [], days: [], title: '', titleArticle: null, roundup: Boolean(f.roundup),
      };
      this.join(story, f);
      action = 'new';
    }
    // Bridging: a second story this article is also close to is the same event seen through another member.
    // Every story the article could have joined is merged, not only those about as close as the best one:
    // which one is "best" depends on which members happened to arrive first, and a rule relative to it made
    // the grouping of a batch depend on its order (ANT dev: 5-order pairwise F1 0.786–0.871 with it, 0.848–0.871 without).
    const merged: string[] = [];
    if (best) {
      for (const c of scored) {
        if (c.story.id === story.id || !c.inWindow || c.score < this.config.bridgeThreshold) continue;
        const current = this.state.getStory(story.id);
        const other = this.state.getStory(c.story.id);
        if (!current || !other || daysClash(current.days, other.days) || Boolean(current.roundup) !== Boolean(other.roundup)) continue;
        const [keep, drop] = current.seq < other.seq ? [current, other] : [other, current];
        this.mergeInto(keep, drop);
        merged.push(drop.id);
        story = keep;
      }
    }
    // Related: close in topic but not joined (below the threshold or outside the time window).
    for (const c of scored) {
      if (c.story.id === story.id || merged.includes(c.story.id)) continue;
      if (c.score >= this.config.relatedThreshold) this.link(story.id, c.story.id);
    }
    merged.push(...this.recheck(story.id));
    return { article: f.id, story: this.state.storyOfArticle(f.id) ?? story.id, action, score: best?.score ?? 0, merged };
  }

  private indexKeys(vec: Vector): string[] {
    const n = this.documentCount();
    const capByDf = n >= this.config.minDocsForDfCap;
    return [...vec]
      .filter(([t]) => !capByDf || this.documentFrequency(t) / n <= this.config.maxKeyDfRatio)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.config.indexTerms)
      .map(([t]) => t);
  }

  private inWindow(f: ArticleFeatures, story: StoryRecord): boolean {
    const time = f.time;
    if (time === null || story.firstTime === null || story.lastTime === null) return true;
    const before = (this.config.windowDays + this.slack(f.published, story.first)) * DAY;
    const after = (this.config.windowDays + this.slack(f.published, story.last)) * DAY;
    return time >= story.firstTime - before && time <= story.lastTime + after;
  }

  /** A bare date (no time of day) is read as noon but may be any hour of that day: widen the window. */
  private slack(a: string | null, b: string | null): number {
    return isDateOnly(a) || isDateOnly(b) ? this.config.dateOnlySlackDays : 0;
  }

  private scoreCandidates(f: ArticleFeatures, q: Probe) {
    const vec = q.terms;
    const keys = this.indexKeys(vec);
    const posted = this.state.postings(keys, this.config.postingsCap);
    const votes = new Map<string, number>();
    for (const [term, ids] of posted) {
      const w = vec.get(term) ?? 0;
      for (const id of ids) votes.set(id, (votes.get(id) ?? 0) + w);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, this.config.maxCandidates);
    const out: { story: StoryRecord; score: number; inWindow: boolean }[] = [];
    for (const [id] of ranked) {
      const story = this.state.getStory(id);
      if (!story) continue; // merged away: postings are cleaned lazily
      out.push({ story, score: this.score(f, q, story), inWindow: this.inWindow(f, story) });
    }
    return out;
  }

  /** Similarity of an article to a story: the better of centroid and closest recent member, plus entity and
   * phrase overlap (each the better of the story's pooled keys and its closest member's keys). */
  private score(f: ArticleFeatures, q: Probe, story: StoryRecord): number {
    const centroidSim = this.cosineToRecord(q.terms, q.termsNorm2, story.centroid);
    const centroidSize = this.recordSize;
    const storyKeys = this.keyCosines(q, story.keys, null);
    let memberSim = 0;
    let entitySim = storyKeys.entity;
    let phraseSim = storyKeys.phrase;
    const recent = story.articles.slice(-this.config.maxMembersCompared);
    for (const m of this.state.getArticles(recent)) {
      // A story of one article whose centroid and keys were never pruned (a pruned record has exactly
      // maxCentroidTerms entries) holds exactly that article's terms and keys: compared above already.
      if (story.articles.length === 1 && centroidSize !== this.config.maxCentroidTerms &&
        storyKeys.size !== this.config.maxCentroidTerms) break;
      memberSim = Math.max(memberSim, this.cosineToRecord(q.terms, q.termsNorm2, m.terms));
      const memberKeys = this.keyCosines(q, null, m.keys);
      entitySim = Math.max(entitySim, memberKeys.entity);
      phraseSim = Math.max(phraseSim, memberKeys.phrase);
    }
    const score = Math.max(centroidSim, memberSim) + this.config.entityWeight * entitySim + this.config.phraseWeight * phraseSim;
    const clash = daysClash(f.days, story.days) || Boolean(f.roundup) !== Boolean(story.roundup);
    return clash ? score * this.config.dayMismatchFactor : score;
  }

  /**
   * cosine(a, this.weighted(rec)) without building the weighted vector: the same value, summed in the same
   * order (the dot product runs over the smaller side, as cosine() does). The hot path of grouping.
   */
  private cosineToRecord(a: Vector, aNorm2: number, rec: Record<string, number>): number {
    let nb = 0, size = 0, dot = 0;
    this.recordSize = 0;
    for (const t in rec) {
      const x = rec[t]! * this.idf(t);
      nb += x * x;
      size++;
      const y = a.get(t);
      if (y !== undefined) dot += x * y;
    }
    this.recordSize = size;
    if (a.size <= size) {
      dot = 0;
      for (const [t, w] of a) {
        const r = rec[t];
        if (typeof r === 'number' && Object.hasOwn(rec, t)) dot += w * (r * this.idf(t));
      }
    }
    if (dot === 0) return 0;
    return dot / Math.sqrt(aNorm2 * nb);
  }

  /**
   * Entity and phrase cosines of the article's keys against a story's pooled key counts (counts) or a
   * member's keys (list, count 1 each): cosine() of splitKeys(keyVector(...)) without building them.
   */
  private keyCosines(q: Probe, counts: Record<string, number> | null, list: string[] | null): { entity: number; phrase: number; size: number } {
    let ne = 0, np = 0, se = 0, sp = 0, de = 0, dp = 0;
    const visit = (k: string, c: number): void => {
      const x = Math.min(c, 3) * this.idf(k);
      if (k.startsWith('p:')) { np += x * x; sp++; const y = q.phrases.get(k); if (y !== undefined) dp += x * y; }
      else { ne += x * x; se++; const y = q.entities.get(k); if (y !== undefined) de += x * y; }
    };
    if (counts) for (const k in counts) visit(k, counts[k]!);
    if (list) for (const k of list) visit(k, 1);
    const countOf = (k: string): number | undefined => {
      if (counts) { const c = counts[k]; return typeof c === 'number' && Object.hasOwn(counts, k) ? c : undefined; }
      return sortedHas(list!, k) ? 1 : undefined;
    };
    const redo = (a: Vector): number => {
      let dot = 0;
      for (const [k, w] of a) { const c = countOf(k); if (c !== undefined) dot += w * (Math.min(c, 3) * this.idf(k)); }
      return dot;
    };
    if (q.entities.size <= se) de = redo(q.entities);
    if (q.phrases.size <= sp) dp = redo(q.phrases);
    return {
      entity: de === 0 ? 0 : de / Math.sqrt(q.entitiesNorm2 * ne),
      phrase: dp === 0 ? 0 : dp / Math.sqrt(q.phrasesNorm2 * np),
      size: se + sp,
    };
  }

  private join(story: StoryRecord, f: ArticleFeatures): void {
    story.articles.push(f.id);
    for (const [t, w] of Object.entries(f.terms)) story.centroid[t] = (story.centroid[t] ?? 0) + w;
    if (Object.keys(story.centroid).length > 2 * this.config.maxCentroidTerms) story.centroid = pruneTop(story.centroid, this.config.maxCentroidTerms);
    for (const k of f.keys) story.keys[k] = (story.keys[k] ?? 0) + 1;
    if (Object.keys(story.keys).length > 2 * this.config.maxCentroidTerms) story.keys = pruneTop(story.keys, this.config.maxCentroidTerms);
    [story.first, story.firstTime] = pubMin(story.first, story.firstTime, f.published, f.time);
    [story.last, story.lastTime] = pubMax(story.last, story.lastTime, f.published, f.time);
    if (f.source && !story.sources.includes(f.source)) story.sources.push(f.source);
    for (const d of f.days ?? []) { story.days ??= []; if (!story.days.includes(d)) story.days.push(d); }
    this.state.putArticle(f, story.id);
    this.retitle(story);
    this.state.putStory(story);
    this.state.addPostings(story.id, this.indexKeys(this.weighted(f.terms)));
  }

  /** The title is the headline (or lead sentence) of the member closest to the centroid: never invented. */
  private retitle(story: StoryRecord): void {
    const members = this.state.getArticles(story.articles.slice(-30));
    const centroid = this.weighted(story.centroid);
    let best: ArticleFeatures | null = null;
    let bestSim = -1;
    for (const m of members) {
      const sim = cosine(this.weighted(m.terms), centroid) + (m.title ? 0.05 : 0);
      if (sim > bestSim || (sim === bestSim && best && m.id < best.id)) { best = m; bestSim = sim; }
    }
    if (best) {
      story.title = best.title ?? best.lead;
      story.titleArticle = best.id;
    }
  }

  private link(a: string, b: string): void {
    if (a === b) return;
    const sa = this.state.getStory(a);
    const sb = this.state.getStory(b);
    if (!sa || !sb) return;
    if (!sa.related.includes(b) && sa.related.length < this.config.maxRelated) { sa.related.push(b); this.state.putStory(sa); }
    if (!sb.related.includes(a) && sb.related.length < this.config.maxRelated) { sb.related.push(a); this.state.putStory(sb); }
  }

  /** Re-check: merge the story with any candidate whose centroid became close and whose window touches. */
  private recheck(storyId: string): string[] {
    const merged: string[] = [];
    let story = this.state.getStory(storyId);
    for (let round = 0; story && round < 4; round++) {
      const vec = this.weighted(story.centroid);
      const keys = this.indexKeys(vec);
      const posted = this.state.postings(keys, this.config.postingsCap);
      const votes = new Map<string, number>();
      for (const [term, ids] of posted) for (const id of ids) if (id !== story.id) votes.set(id, (votes.get(id) ?? 0) + (vec.get(term) ?? 0));
      const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, this.config.maxCandidates);
      let target: StoryRecord | null = null;
      for (const [id] of ranked) {
        const other = this.state.getStory(id);
        if (!other || !this.windowsTouch(story, other) || daysClash(story.days, other.days) || Boolean(story.roundup) !== Boolean(other.roundup)) continue;
        const sim = cosine(vec, this.weighted(other.centroid));
        if (sim >= this.config.mergeThreshold) { target = other; break; }
        // Would one of this story's latest members join the other story if it arrived now (df grown since)?
        if (round === 0 && this.config.recheckMembers > 0 && this.memberWouldJoin(story, other)) { target = other; break; }
      }
      if (!target) break;
      const [keep, drop] = story.seq < target.seq ? [story, target] : [target, story];
      this.mergeInto(keep, drop);
      merged.push(drop.id);
      story = this.state.getStory(keep.id);
    }
    return merged;
  }

  private memberWouldJoin(story: StoryRecord, other: StoryRecord): boolean {
    for (const m of this.state.getArticles(story.articles.slice(-this.config.recheckMembers))) {
      if (!this.inWindow(m, other)) continue;
      const s = this.score(m, probeOf(this.weighted(m.terms), this.keyVector(m.keys.map((k) => [k, 1]))), other);
      if (s >= this.config.memberMergeThreshold) return true;
    }
    return false;
  }

  private windowsTouch(a: StoryRecord, b: StoryRecord): boolean {
    if (a.firstTime === null || b.firstTime === null || a.lastTime === null || b.lastTime === null) return true;
    const w = this.config.windowDays * DAY;
    return a.firstTime <= b.lastTime + w + this.slack(a.first, b.last) * DAY
      && b.firstTime <= a.lastTime + w + this.slack(b.first, a.last) * DAY;
  }

  private mergeInto(keep: StoryRecord, drop: StoryRecord): void {
    this.state.moveArticles(drop.id, keep.id);
    keep.articles.push(...drop.articles);
    for (const [t, w] of Object.entries(drop.centroid)) keep.centroid[t] = (keep.centroid[t] ?? 0) + w;
    keep.centroid = pruneTop(keep.centroid, 2 * this.config.maxCentroidTerms);
    for (const [k, c] of Object.entries(drop.keys)) keep.keys[k] = (keep.keys[k] ?? 0) + c;
    [keep.first, keep.firstTime] = pubMin(keep.first, keep.firstTime, drop.first, drop.firstTime);
    [keep.last, keep.lastTime] = pubMax(keep.last, keep.lastTime, drop.last, drop.lastTime);
    for (const s of drop.sources) if (!keep.sources.includes(s)) keep.sources.push(s);
    for (const d of drop.days ?? []) { keep.days ??= []; if (!keep.days.includes(d)) keep.days.push(d); }
    // Related links of the dropped story now point at the kept one.
    keep.related = keep.related.filter((r) => r !== drop.id);
    for (const r of drop.related) {
      if (r === keep.id) continue;
      const other = this.state.getStory(r);
      if (!other) continue;
      other.related = other.related.filter((x) => x !== drop.id);
      if (!other.related.includes(keep.id)) other.related.push(keep.id);
      this.state.putStory(other);
      if (!keep.related.includes(r)) keep.related.push(r);
    }
    this.state.deleteStory(drop.id);
    this.retitle(keep);
    this.state.putStory(keep);
    this.state.addPostings(keep.id, this.indexKeys(this.weighted(keep.centroid)));
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
