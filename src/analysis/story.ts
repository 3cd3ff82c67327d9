// Story analysis in two steps: extractArticle() (per article, cacheable: sentences, entity mentions, quotes,
/** Appends to a list in a map (no copying: lists can be long). */
function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]); }

// numbers, dates) and combine() (across the story's articles: facts, entities, quotes, numbers, timeline).
import type { Article, Entity, Fact, Quantity, Quote, StoryAnalysis, TimelineEvent } from '../types.js';
import { analyze, normalize, parseDates, sentences, type NumberMention } from '../text/index.js';
import { FACTS, NUMBERS, QUOTES, TIMELINE } from './config.js';
import { extractEntities, mergeEntities, surnamesAcrossArticles, type Mention, type MentionIn, type NameCandidate } from './entities.js';
import { extractQuotes, type RawQuote } from './quotes.js';
import { sameName } from './names.js';
import { countedNumbers, numberMentions } from './numbers.js';
import { combineQuantities, type QuantityMention } from './quantities.js';
import { conflation } from './terms.js';
import { memoized } from '../text/index.js';

export interface ArticleSentence { text: string; start: number; end: number; terms: string[] }
/** A figure of the article (numbers.ts Counted, with its sentence index for its offset). */
export type ArticleNumber = QuantityMention;
export interface ArticleDate { date: string; text: string; sentence: number }

/** Everything analysis needs from one article; depends on the article alone, so it can be cached by id+hash. */
export interface ArticleExtraction {
  id: string;
  source: string | null;
  published: string | null;
  sentences: ArticleSentence[];
  mentions: Mention[];
  candidates: NameCandidate[];
  quotes: RawQuote[];
  numbers: ArticleNumber[];
  dates: ArticleDate[];
}

function checkArticle(a: Article, where: string): void {
  if (!a || typeof a !== 'object') throw new TypeError(`${where}: expected an Article object, got ${a === null ? 'null' : typeof a}`);
  if (typeof a.id !== 'string' || !a.id) throw new TypeError(`${where}: article has no string id`);
  if (typeof a.text !== 'string') throw new TypeError(`${where}: article ${a.id} has no text string`);
}

const isoDay = (s: string | null): string | null => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null);

/** Date string by granularity; a range inside one year that spans months ("مطلع العام المقبل") is the year, a range
 * of days longer than a week ("مطلع الشهر المقبل", the 1st to the 10th) is its month, and a week (الأسبوع الماضي) is
 * its first and last day (YYYY-MM-DD/YYYY-MM-DD), no precise day. */
function dateLabel(start: string, end: string, granularity: string): string {
  if (granularity === 'week') return `${start}/${end}`;
  if (granularity === 'day') {
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
    if (!(days > 7)) return start;
    return start.slice(0, 7) === end.slice(0, 7) ? start.slice(0, 7) : start.slice(0, 4);
  }
  if (granularity === 'month') return start.slice(0, 7) === end.slice(0, 7) ? start.slice(0, 7) : start.slice(0, 4);
  return start.slice(0, 4);
}

const BARE_WEEKDAY = /^[وف]?(ال)?(سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)$/;

export function extractArticle(article: Article): ArticleExtraction {
  checkArticle(article, 'extractArticle');
  const text = article.text;
  const spans = sentences(text);
  const sentenceAt = (offset: number) => {
    let lo = 0, hi = spans.length - 1, ans = 0;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (spans[mid].start <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1; }
    return ans;
  };
  const ents = extractEntities(text);
  const quotes = extractQuotes(text, ents);
  const published = isoDay(article.published);
  const dates: ArticleDate[] = [];
  const dateSpans: [number, number][] = [];
  if (published) {
    for (const d of parseDates(text, published)) {
      dates.push({ date: dateLabel(d.start, d.end, d.granularity), text: d.text, sentence: sentenceAt(d.startOffset) });
      dateSpans.push([d.startOffset, d.endOffset]);
    }
  }
  const allNumbers = numberMentions(text);
  const numbers: ArticleNumber[] = countedNumbers(text, allNumbers, sentenceAt, (n) => dateSpans.some(([a, b]) => n.start < b && n.end > a), (i) => spans[i].text)
    .map(({ start: _s, ...n }) => n);
  // a sentence's terms: its stems, with each number as its value (ثلاثمئة أسير and 300 أسير share the term 300)
  // and each date it names as the resolved date (اليوم السبت and أمس السبت of the next day share 2026-03-14)
  const sents: ArticleSentence[] = spans.map((s) => ({ text: s.text, start: s.start, end: s.end, terms: [] }));
  const numbersOf: NumberMention[][] = spans.map(() => []);
  for (const n of allNumbers) if (n.start >= spans[sentenceAt(n.start)]?.start) numbersOf[sentenceAt(n.start)].push(n);
  const datesOf: string[][] = spans.map(() => []);
  // (not a bare weekday: which week it means is a guess, and its stem is a term already)
  for (const d of dates) if (!BARE_WEEKDAY.test(normalize(d.text))) datesOf[d.sentence].push(d.date);
  sents.forEach((s, i) => {
    let t = s.text;
    // replace from the last number on so that earlier offsets stay valid
    for (const n of [...numbersOf[i]].reverse()) {
      const a = n.start - s.start, b = n.end - s.start;
      if (a < 0 || b > t.length) continue;
      t = `${t.slice(0, a)} ${n.value} ${t.slice(b)}`;
    }
    s.terms = [...new Set([...analyze(t, { stem: true }), ...datesOf[i]])];
  });
  return {
    id: article.id, source: article.source ?? null, published, sentences: sents,
    mentions: ents.mentions, candidates: ents.candidates, quotes, numbers, dates,
  };
}

// ---------------- combine ----------------

class UnionFind {
  parent: number[];
  constructor(n: number) { this.parent = new Array<number>(n); for (let i = 0; i < n; i++) this.parent[i] = i; }
  find(x: number): number { while (this.parent[x] !== x) { this.parent[x] = this.parent[this.parent[x]]; x = this.parent[x]; } return x; }
  union(a: number, b: number): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb); }
}

const DANGLING = /^(و|ف)?(اضاف|تابع|اردف|اوضح|لفت|اشار|قال|اكد)(ت)?(?=[\s:،,])/;
/** A body line shorter than this with no final stop is a headline, not the article's lead. */
const HEADLINE_WORDS = 10;
/** How good a sentence is as the wording of a fact: complete, balanced quotes, no dangling opener, moderate length. */
function wordingScore(text: string): number {
  const n = normalize(text);
  let s = 0;
  const len = text.length;
  if (len >= FACTS.idealMin && len <= FACTS.idealMax) s += 2; else s -= Math.abs(len < FACTS.idealMin ? FACTS.idealMin - len : len - FACTS.idealMax) / 100;
  if (DANGLING.test(n)) s -= 2;
  const q = (text.match(/"/g) ?? []).length;
  if (q % 2) s -= 2;
  if ((text.match(/«/g) ?? []).length !== (text.match(/»/g) ?? []).length) s -= 2;
  if (/[.!؟?]["»”]?\s*$/.test(text)) s += 0.5;
  return s;
}

export interface FactGroup { fact: Fact; members: { article: string; sentence: number; text: string }[] }

export interface CombineDetail extends StoryAnalysis { factGroups: FactGroup[] }

/** The story's entities (per-article mentions, plus lone surnames of people named in full elsewhere in the story),
 * each mention's entity, and the speaker of a quote as the story names it: what facts and quotes are combined with. */
function storyEntities(extractions: ArticleExtraction[]) {
  const mentionsIn: MentionIn[] = [];
  const mentionIdx: number[][] = []; // per article: index of each mention in mentionsIn
  for (const x of extractions) mentionIdx.push(x.mentions.map((m) => mentionsIn.push({ articleId: x.id, mention: m }) - 1));
  const extraMentions = surnamesAcrossArticles(extractions);
  extractions.forEach((x, a) => { for (const m of extraMentions[a]) mentionsIn.push({ articleId: x.id, mention: m }); });
  const { entities, entityOf } = mergeEntities(mentionsIn);
  const speakerOf = speakerResolver(entities, (a, i) => entityOf[mentionIdx[a][i]]);
  return { entities, entityOf, mentionIdx, extraMentions, speakerOf };
}

export function combine(extractions: ArticleExtraction[]): CombineDetail {
  if (!Array.isArray(extractions)) throw new TypeError('combine: expected an array of article extractions');
  // ---- entities ----
  const { entities, entityOf, mentionIdx, extraMentions, speakerOf } = storyEntities(extractions);

  // ---- quotes ----
  const quotes = combineQuotes(extractions, speakerOf, entities);

  // ---- facts ----
  const factGroups = combineFacts(extractions, mentionIdx, extraMentions, entityOf, speakerOf);

  // ---- numbers ----
  const numbers = combineNumbers(extractions);

  // ---- timeline ----
  const timeline = combineTimeline(extractions);

  entities.sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { facts: factGroups.map((g) => g.fact), factGroups, entities, quotes, numbers, timeline };
}

/** The stems of a place name as sentences index them (memoized: place names repeat across articles). */
const placeStems = memoized((surface: string) => analyze(surface, { stem: true }));

function termSet(s: string): Set<string> { return new Set(analyze(s, { stem: true })); }
function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The speaker of a quote of article `a` as the story names it (its entity's name), or null. */
type SpeakerOf = (a: number, q: RawQuote) => string | null;

function speakerResolver(entities: Entity[], entityOfMention: (a: number, i: number) => number): SpeakerOf {
  const speakerNames = entities.filter((e) => e.type === 'person');
  // the same unrecognised speaker text recurs across articles: match it against the story's people once (the whole
  // text, or its last one or two words: وزير الخارجية التركي مولود تشاووش أوغلو names the person تشاووش أوغلو)
  const speakerOfText = new Map<string, string>();
  return (a, q) => {
    if (q.speakerMention >= 0) return entities[entityOfMention(a, q.speakerMention)].name;
    if (!q.speakerText) return null;
    let speaker = speakerOfText.get(q.speakerText);
    if (speaker === undefined) {
      const ws = q.speakerText.split(' ');
      const tails = [q.speakerText, ws.slice(-2).join(' '), ws.length > 1 ? ws[ws.length - 1] : ''].filter((t) => t.length > 2);
      const hit = speakerNames.find((e) => e.variants.some((v) => tails.some((t) => sameName(v, t))));
      speaker = hit ? hit.name : q.speakerText;
      speakerOfText.set(q.speakerText, speaker);
    }
    return speaker;
  };
}

function combineQuotes(xs: ArticleExtraction[], speakerOf: SpeakerOf, entities: Entity[]): Quote[] {
  const out: (Quote & { terms: Set<string> })[] = [];
  const bySpeaker = new Map<string, (Quote & { terms: Set<string> })[]>();
  const entityNames = new Set(entities.map((e) => e.name));
  xs.forEach((x, a) => {
    for (const q of x.quotes) {
      const speaker = speakerOf(a, q);
      const terms = termSet(q.text);
      const sk = `${speaker}|${q.kind}`;
      const span = { article: x.id, start: q.start, end: q.end };
      const same = (bySpeaker.get(sk) ?? []).find((o) => jaccard(o.terms, terms) >= QUOTES.sameQuote);
      if (same) { if (!same.articles.includes(x.id)) { same.articles.push(x.id); same.spans!.push(span); } continue; }
      const speakerEntity = speaker !== null && entityNames.has(speaker) ? speaker : null;
      const entry = { speaker, text: q.text, kind: q.kind, articles: [x.id], cue: q.cue, speakerEntity, spans: [span], terms };
      out.push(entry);
      pushTo(bySpeaker, sk, entry);
    }
  });
  return out.map(({ terms: _t, ...q }) => q);
}

/** Indices of the spans of a list (sorted by start unless `sorted` is false) that lie within [start, end), in list order. */
function spansWithin(list: { start: number; end: number }[], sorted: boolean, start: number, end: number): number[] {
  const out: number[] = [];
  let i = 0;
  if (sorted) {
    let hi = list.length;
    while (i < hi) { const mid = (i + hi) >> 1; if (list[mid].start < start) i = mid + 1; else hi = mid; }
  }
  for (; i < list.length; i++) {
    const m = list[i];
    if (sorted && m.start > end) break;
    if (m.start >= start && m.end <= end) out.push(i);
  }
  return out;
}
const sortedByStart = (list: { start: number }[]) => list.every((m, i) => i === 0 || list[i - 1].start <= m.start);

/** A continuation opener at the start of a sentence (وأضاف، وتابعت، وأردف), with its colon if any. */
const CONTINUATION_OPENER = /^[وف]?((?:أضاف|اضاف|تابع|أردف|اردف)ت?)\s*:?\s*/;

/**
 * A fact worded by a sentence that continues someone's speech (وأضاف "تم التوصل إلى تفاهم...") names the
 * speaker the quotes found for it (أضاف سيرغي لافروف: "تم التوصل..."), so the fact is not read as the outlet's
 * own statement. Without a known speaker the sentence stays as written, opener included.
 */
function withSpeaker(x: ArticleExtraction, a: number, sentence: number, text: string, speakerOf: SpeakerOf): string {
  const m = CONTINUATION_OPENER.exec(text);
  if (!m) return text;
  const sent = x.sentences[sentence];
  const q = sent && x.quotes.find((q) => q.start >= sent.start && q.start < sent.end);
  const speaker = q ? speakerOf(a, q) : null;
  if (!speaker) return text;
  const rest = text.slice(m[0].length);
  // وأضاف يافوز اوغلو: "..." names its speaker already (in any spelling of one of the name's words)
  const nameWords = speaker.split(' ');
  const firstWords = rest.replace(/[:"«“]/g, ' ').trim().split(/\s+/, 2);
  if (firstWords.some((w) => w.length > 1 && nameWords.some((n) => sameName(w, n)))) return text;
  // indirect speech (وأضاف أن ...) takes no colon: أضاف تشاووش أوغلو أن ...
  return /^(?:[أإا]ن|ب[أا]ن)[هاي]?\s/.test(rest) ? `${m[1]} ${speaker} ${rest}` : `${m[1]} ${speaker}: ${rest}`;
}

function combineFacts(xs: ArticleExtraction[], mentionIdx: number[][], extra: Mention[][], entityOf: number[], speakerOf: SpeakerOf): FactGroup[] {
  // items: sentences with enough content; terms = stems + numbers + dates + entity ids, as integer ids so that the
  // pair loop below reads typed arrays instead of hashing strings
  interface Item { a: number; s: number }
  const items: Item[] = [];
  const extraStart: number[] = [];
  let offset = xs.reduce((n, x) => n + x.mentions.length, 0);
  xs.forEach((x, a) => { extraStart.push(offset); offset += extra[a].length; });
  // each distinct stem once: its raw id (one map lookup per word of the story), then the story's conflation of the
  // distinct stems (لروسيا → روسيا، تنسيقهم → تنسيق، الروس → روسيا) gives each raw id its term id
  const rawIds = new Map<string, number>();
  const rawNames: string[] = [];
  const rawOf: Int32Array[][] = xs.map((x) => x.sentences.map((s) => {
    const ids = new Int32Array(s.terms.length);
    s.terms.forEach((t, k) => {
      let id = rawIds.get(t);
      if (id === undefined) { id = rawNames.length; rawIds.set(t, id); rawNames.push(t); }
      ids[k] = id;
    });
    return ids;
  }));
  const places = new Set<string>();
  for (const x of xs) for (const m of x.mentions) if (m.type === 'place') for (const t of placeStems(m.surface)) places.add(t);
  const canon = conflation(rawIds, places);
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const termId = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) { id = termNames.length; termIds.set(t, id); termNames.push(t); }
    return id;
  };
  const termOfRaw = Int32Array.from(rawNames, (t) => termId(canon.get(t) ?? t));
  const entityTermIds: number[] = [];
  const entityTerm = (e: number) => (entityTermIds[e] ??= termId(`@${e}`));
  const itemTerms: Int32Array[] = [];
  let seen = new Int32Array(termNames.length + 64).fill(-1); // seen[term] === item: already in the item
  const ids: number[] = [];
  const add = (id: number, item: number) => {
    if (id >= seen.length) { const grown = new Int32Array(Math.max(id + 1, seen.length * 2)).fill(-1); grown.set(seen); seen = grown; }
    if (seen[id] !== item) { seen[id] = item; ids.push(id); }
  };
  xs.forEach((x, a) => {
    // a sentence's mentions by binary search on start offsets (both lists are in text order), not by a scan of all
    const mentionsSorted = sortedByStart(x.mentions), extraSorted = sortedByStart(extra[a]);
    x.sentences.forEach((s, si) => {
      if (s.terms.length < FACTS.minTerms) return;
      const item = items.length;
      ids.length = 0;
      for (const r of rawOf[a][si]) add(termOfRaw[r], item);
      for (const i of spansWithin(x.mentions, mentionsSorted, s.start, s.end)) add(entityTerm(entityOf[mentionIdx[a][i]]), item);
      for (const i of spansWithin(extra[a], extraSorted, s.start, s.end)) add(entityTerm(entityOf[extraStart[a] + i]), item);
      items.push({ a, s: si });
      itemTerms.push(Int32Array.from(ids));
    });
  });
  const T = termNames.length;
  const df = new Int32Array(T);
  for (const ts of itemTerms) for (const t of ts) df[t]++;
  const N = items.length;
  // term weights: idf, names and numbers count more (computed once per term, not per pair)
  const weight = new Float64Array(T);
  termNames.forEach((t, id) => { weight[id] = Math.log(1 + N / df[id]) * (t.startsWith('@') ? 1.5 : /^\d/.test(t) ? 1.5 : 1); });
  // inverted index on rare terms only: candidate pairs share at least two rare terms
  const maxDf = Math.max(2, Math.min(FACTS.maxPosting, Math.floor(FACTS.maxIndexShare * N)));
  const postings: number[][] = termNames.map(() => []);
  const rareTerms: number[][] = itemTerms.map((ts, i) => {
    const rare: number[] = [];
    for (const t of ts) if (df[t] <= maxDf && !termNames[t].startsWith('@')) { rare.push(t); postings[t].push(i); }
    return rare;
  });
  const articleOf = new Int32Array(N);
  items.forEach((it, i) => { articleOf[i] = it.a; });
  // each article's lead (its first sentence that can be a fact, not a headline left in the body: short with no final
  // stop, or ending in a headline's ..): the leads of one story's articles report its event in each outlet's words
  const isLead = new Uint8Array(N);
  const withLead = new Set<number>();
  items.forEach((it, i) => {
    if (withLead.has(it.a)) return;
    const text = xs[it.a].sentences[it.s].text.trim();
    if (/(?:^|[^.])[.!؟?]["»”]?$/.test(text) || text.split(/\s+/).length >= HEADLINE_WORDS) { withLead.add(it.a); isLead[i] = 1; }
  });
  // two leads that count one unit with different values (12 قتيلا, 15 قتيلا) report different news of the event: only
  // their likeness as any two sentences can make them one fact
  const countsOf = (i: number) => {
    const m = new Map<string, Set<number>>();
    for (const n of xs[items[i].a].numbers) if (n.sentence === items[i].s && !n.aside) (m.get(n.unit) ?? m.set(n.unit, new Set()).get(n.unit)!).add(n.value);
    return m;
  };
  const countsDiffer = (i: number, j: number) => {
    const cj = countsOf(j);
    for (const [unit, values] of countsOf(i)) {
      const other = cj.get(unit);
      if (other && ![...values].some((v) => other.has(v))) return true;
    }
    return false;
  };
  const uf = new UnionFind(items.length);
  // for each item, count the rare terms it shares with each later item of another article (a dense counter,
  // reset through the list of items touched), then weigh the pairs that share two or more: weighted jaccard,
  // summed in the items' term order (membership marks: inI[t] === i when term t is in item i); the pairs at or above
  // the threshold are kept
  const shared = new Int32Array(N);
  const touched: number[] = [];
  const pairI: number[] = [], pairJ: number[] = [], pairSim: number[] = [];
  // pairs too unlike to be one fact's sentences but alike enough that each article carries the other's sentence
  const carriedI: number[] = [], carriedJ: number[] = [];
  const inI = new Int32Array(T).fill(-1), inJ = new Int32Array(T).fill(-1);
  for (let i = 0; i < N; i++) {
    const ai = articleOf[i];
    for (const t of rareTerms[i]) {
      for (const j of postings[t]) {
        if (j <= i || articleOf[j] === ai) continue;
        if (shared[j]++ === 0) touched.push(j);
      }
    }
    if (!touched.length) continue;
    const ti = itemTerms[i];
    for (const t of ti) inI[t] = i;
    for (const j of touched) {
      const count = shared[j];
      shared[j] = 0;
      if (count < 2) continue;
      const tj = itemTerms[j];
      for (const t of tj) inJ[t] = j;
      let inter = 0, uni = 0;
      for (const t of ti) { const wt = weight[t]; uni += wt; if (inJ[t] === j) inter += wt; }
      for (const t of tj) if (inI[t] !== i) uni += weight[t];
      const sim = uni > 0 ? inter / uni : 0;
      if (sim >= FACTS.minSimilarity || (sim >= FACTS.leadSimilarity && isLead[i] && isLead[j] && !countsDiffer(i, j))) { pairI.push(i); pairJ.push(j); pairSim.push(sim); }
      else if (sim >= FACTS.carried && !countsDiffer(i, j)) { carriedI.push(i); carriedJ.push(j); }
    }
    touched.length = 0;
  }
  // Groups: the most similar pairs first, and a group holds one sentence per article at most (an article states a
  // fact once; without this a lead that states two facts would chain the other outlets' sentences of both into one).
  const order = Array.from(pairSim.keys()).sort((p, q) => pairSim[q] - pairSim[p] || pairI[p] - pairI[q] || pairJ[p] - pairJ[q]);
  const articlesOf = new Map<number, Set<number>>();
  const articlesOfRoot = (r: number) => { let set = articlesOf.get(r); if (!set) { set = new Set([articleOf[r]]); articlesOf.set(r, set); } return set; };
  for (const k of order) {
    const ri = uf.find(pairI[k]), rj = uf.find(pairJ[k]);
    if (ri === rj) continue;
    const si = articlesOfRoot(ri), sj = articlesOfRoot(rj);
    const [small, large] = si.size <= sj.size ? [si, sj] : [sj, si];
    let disjoint = true;
    for (const a of small) if (large.has(a)) { disjoint = false; break; }
    if (!disjoint) {
      // one article's sentence states this fact and another (a lead with the agreement and its start): the two facts
      // stay apart, each cites the other's article
      if (!countsDiffer(pairI[k], pairJ[k])) { carriedI.push(pairI[k]); carriedJ.push(pairJ[k]); }
      continue;
    }
    for (const a of small) large.add(a);
    uf.union(ri, rj);
    const r = uf.find(ri);
    articlesOf.delete(ri); articlesOf.delete(rj);
    articlesOf.set(r, large);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => { const r = uf.find(i); pushTo(groups, r, i); });
  // a fact is carried by the articles of its own sentences and by those with a sentence that says it in other words
  const carriedBy = new Map<number, Set<number>>();
  carriedI.forEach((i, k) => {
    const j = carriedJ[k], ri = uf.find(i), rj = uf.find(j);
    if (ri === rj) return;
    (carriedBy.get(ri) ?? carriedBy.set(ri, new Set()).get(ri)!).add(articleOf[j]);
    (carriedBy.get(rj) ?? carriedBy.set(rj, new Set()).get(rj)!).add(articleOf[i]);
  });
  const articleOrder = new Map<string, number>();
  xs.forEach((x, a) => { if (!articleOrder.has(x.id)) articleOrder.set(x.id, a); });
  const out: FactGroup[] = [];
  for (const [root, ids] of groups) {
    const members = ids.map((i) => ({ article: xs[items[i].a].id, sentence: items[i].s, text: xs[items[i].a].sentences[items[i].s].text.trim() }));
    const articles = [...new Set([...members.map((m) => m.article), ...[...carriedBy.get(root) ?? []].map((a) => xs[a].id)])].sort();
    // the best-scored wording, the first of equals
    let best = members[0], bestScore = members.length > 1 ? wordingScore(best.text) : 0;
    for (let k = 1; k < members.length; k++) {
      const sc = wordingScore(members[k].text);
      if (sc > bestScore) { best = members[k]; bestScore = sc; }
    }
    const bestAt = ids[members.indexOf(best)];
    const text = withSpeaker(xs[items[bestAt].a], items[bestAt].a, best.sentence, best.text, speakerOf);
    // (in a story of one article every fact is its one article's: none is "reported by one article only")
    out.push({ fact: { text, articles, unique: articles.length === 1 && articleOrder.size > 1 }, members });
  }
  out.sort((p, q) => q.fact.articles.length - p.fact.articles.length || (articleOrder.get(p.members[0].article)! - articleOrder.get(q.members[0].article)!) || p.members[0].sentence - q.members[0].sentence);
  return out;
}

// Similarity joins without comparing all pairs (prefix filtering, exact): order terms by a global order (rarest
// first); if jaccard(x, y) >= t then x and y share at least ceil(t·max(|x|,|y|)) terms, so the first
// |x| - ceil(t·|x|) + 1 terms of x and those of y have a term in common. Indexing each set by that prefix finds every
// pair at or above t; the pairs found are then checked with jaccard() as before, so results do not change.

/** A global term order for prefix filtering: rarest first (ties by the term), over the given sets. */
function termOrder(sets: Iterable<Iterable<string>>): Map<string, number> {
  const freq = new Map<string, number>();
  for (const set of sets) for (const t of set) freq.set(t, (freq.get(t) ?? 0) + 1);
  const terms = [...freq.keys()].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(terms.map((t, i) => [t, i]));
}
/** The prefix of a set under `order` that any set with jaccard >= threshold shares a term with. */
function prefixOf(set: Set<string>, order: Map<string, number>, threshold: number): string[] {
  const sorted = [...set].sort((a, b) => order.get(a)! - order.get(b)!);
  // (the margin keeps float rounding of threshold·size from shortening the prefix: a longer prefix is still exact)
  const overlap = Math.max(1, Math.ceil(threshold * sorted.length - 1e-6));
  return sorted.slice(0, Math.max(0, sorted.length - overlap + 1));
}

function combineNumbers(xs: ArticleExtraction[]): Quantity[] {
  return combineQuantities(xs);
}

function combineTimeline(xs: ArticleExtraction[]): TimelineEvent[] {
  interface E { date: string; text: string; articles: string[]; terms: Set<string> }
  interface Item { date: string; text: string; article: string; terms: Set<string> }
  // what is added, in order: the story's own date (the earliest publication, with the lead of that article),
  // then each dated sentence
  const items: Item[] = [];
  const dated = xs.filter((x) => x.published).sort((a, b) => a.published!.localeCompare(b.published!));
  if (dated.length) {
    const first = dated[0];
    const lead = first.sentences.find((s) => s.terms.length >= FACTS.minTerms) ?? first.sentences[0];
    if (lead) items.push({ date: first.published!, text: lead.text, article: first.id, terms: new Set(lead.terms) });
  }
  for (const x of xs) for (const d of x.dates) {
    const s = x.sentences[d.sentence];
    if (s) items.push({ date: d.date, text: s.text, article: x.id, terms: new Set(s.terms) });
  }
  // Each item joins the first event of its date that it matches: an event of its own article with the same text, or
  // an event of other articles whose terms are similar (jaccard >= TIMELINE.sameEvent). Candidates come from two
  // indexes, by date + text and by date + prefix term (prefix filtering: every similar event is found).
  const events: E[] = [];
  const order = termOrder(items.map((it) => it.terms));
  const byText = new Map<string, number[]>();
  const byTerm = new Map<string, number[]>();
  const trimmed = (text: string) => (text.trim().length > TIMELINE.maxText ? text.trim().slice(0, TIMELINE.maxText).replace(/\s+\S*$/, '') + '…' : text.trim());
  for (const { date, text, article, terms } of items) {
    const t = trimmed(text);
    const prefix = prefixOf(terms, order, TIMELINE.sameEvent);
    const candidates = new Set<number>(byText.get(`${date}\u0000${t}`));
    for (const term of prefix) for (const e of byTerm.get(`${date}\u0000${term}`) ?? []) candidates.add(e);
    let same: E | undefined;
    for (const e of [...candidates].sort((a, b) => a - b)) {
      const ev = events[e];
      if (ev.articles.includes(article) ? ev.text === t : jaccard(ev.terms, terms) >= TIMELINE.sameEvent) { same = ev; break; }
    }
    if (same) { if (!same.articles.includes(article)) same.articles.push(article); continue; }
    const k = events.push({ date, text: t, articles: [article], terms }) - 1;
    pushTo(byText, `${date}\u0000${t}`, k);
    for (const term of prefix) pushTo(byTerm, `${date}\u0000${term}`, k);
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  return events.map(({ terms: _t, ...e }) => ({ ...e, articles: e.articles.sort() }));
}

/** Bumped whenever extractArticle's output changes, so that stored extractions of older code are not reused. */
export const EXTRACTION_VERSION = 10;

/** FNV-1a over the text: a content hash for articles that carry no contentHash. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(16);
}

/** The cache key of an article's extraction: id + content hash + what else extraction reads (publication date, used to
 * resolve relative dates; source) + the extraction version. An edited article gets a new key. */
export function extractionKey(article: Article): string {
  checkArticle(article, 'extractionKey');
  const hash = article.contentHash || textHash(article.text);
  return `v${EXTRACTION_VERSION}|${article.id}|${hash}|${isoDay(article.published) ?? ''}|${article.source ?? ''}`;
}

/** Where per-article extractions are kept between analyses: a Map, or a store-backed object (extractions are plain
 * JSON, so a caller may persist them, e.g. one row per key). */
export interface ExtractionCache {
  get(key: string): ArticleExtraction | undefined;
  set(key: string, extraction: ArticleExtraction): unknown;
}

export interface AnalyzeOptions {
  /** Per-article extraction cache keyed by extractionKey(article); filled as articles are extracted, so that a story
   * that gains one article extracts only that one and recombines. */
  cache?: ExtractionCache;
  /** Called with each article id that had to be extracted (a cache miss). */
  onExtract?: (id: string) => void;
}

/** Facts, entities, quotes, numbers and timeline of one story's articles. */
export function analyzeStory(articles: Article[], opts: AnalyzeOptions = {}): StoryAnalysis {
  const { factGroups: _g, ...analysis } = analyzeStoryDetailed(articles, opts);
  return analysis;
}

/** Extracts each article, or takes its extraction from opts.cache. */
export function extractArticles(articles: Article[], opts: AnalyzeOptions = {}): ArticleExtraction[] {
  if (!Array.isArray(articles)) throw new TypeError('analyzeStory: expected an array of articles');
  return articles.map((a) => {
    checkArticle(a, 'analyzeStory');
    const key = opts.cache ? extractionKey(a) : '';
    const hit = opts.cache?.get(key);
    if (hit) return hit;
    const x = extractArticle(a);
    opts.onExtract?.(a.id);
    opts.cache?.set(key, x);
    return x;
  });
}

/** analyzeStory plus each fact's member sentences (for evaluation and summaries). */
export function analyzeStoryDetailed(articles: Article[], opts: AnalyzeOptions = {}): CombineDetail {
  return combine(extractArticles(articles, opts));
}

/** The facts of a story's articles with the sentences that state them, and nothing else: what a summary is built on
 * (`khabar summarize`), without the quote list, numbers, timeline and entity order that combine() also makes. The same
 * groups as analyzeStoryDetailed(articles).factGroups: facts read the entities before they are sorted, and a quote's
 * speaker is resolved alike whether or not the quote list was made. */
export function storyFactGroups(articles: Article[], opts: AnalyzeOptions = {}): FactGroup[] {
  const xs = extractArticles(articles, opts);
  const { entityOf, mentionIdx, extraMentions, speakerOf } = storyEntities(xs);
  return combineFacts(xs, mentionIdx, extraMentions, entityOf, speakerOf);
}
