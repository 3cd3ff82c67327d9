// What the grouper keeps of an article: a weighted term vector (stems after stop-word removal), entity-like
// keys (proper-noun-ish words, numbers), the time and what a story listing needs to show it.
import { PLACES, PLACE_SYNONYMS, analyze, isStopword, memoized, normalize, sentences, stem, tokenize } from '../text/index.js';
import type { Article } from '../types.js';
import { STORIES_CONFIG, type StoriesConfig } from './config.js';
import { evidenceOf, type Evidence } from './evidence.js';

export interface ArticleFeatures {
  id: string;
  source: string | null;
  title: string | null;
  /** The first sentence of the body: the story title when no article has a headline. */
  lead: string;
  url: string | null;
  published: string | null;
  /** Epoch ms of `published`, or null when unknown or unparsable. */
  time: number | null;
  /** Weighted term frequencies (title, lead and body weighted differently), L2-normalized. */
  terms: Record<string, number>;
  /** Entity-like keys: `n:` proper-noun-ish stems, `#` numbers; and `p:` phrase keys (adjacent content stems
   * of the headline and lead, e.g. p:غرف_فتي): a shared rare phrase names the same event, conference or body. */
  keys: string[];
  /** Near-duplicates named by ingestion. */
  related: string[];
  /** Weekdays (0 = Sunday) the headline names: explicit day names, and اليوم/غدا/أمس resolved
   * against the publication date. Daily bulletins (weather, digests) differ only in these. */
  days: number[];
  /** The headline announces a roundup of the day's news (أبرز أخبار الجمعة): many events, none its own. */
  roundup?: boolean;
  /** The listed place a headline opens with, as grouping terms joined by a space ("قفص" for "قفصة : ..."). */
  dateline?: string;
  /** The idf-weighted norms of `terms` and `keys`, as the grouper computed them (see StoredNorms). */
  norms?: StoredNorms;
  /** The stored copy's content hash the features were taken from: a copy replaced since is grouped again. */
  contentHash?: string;
  /** What the pair scorer weighs beside the cosines: event words, places, headline stems, a date read from the text
   * (see evidence.ts). Absent in records of grouping version 3 and before. */
  evidence?: Evidence;
}

/**
 * The idf-weighted squared norms of a record's terms and of its keys, each with the document count they were
 * computed at: `terms` [documents, Σ(weight·idf)², number of terms], `keys` [documents, entity Σ, phrase Σ, number of
 * keys]. The grouper keeps them with the records it writes, so a state that reads a record back cold (SQLite) does not
 * look up the idf of its 300-odd terms and keys again: that was a tenth of grouping into a 100,000-article store.
 * They are used while fresh, as the norms cached in memory are (STORIES_CONFIG.normRefreshRatio).
 */
export interface StoredNorms {
  terms?: [documents: number, norm2: number, size: number];
  keys?: [documents: number, entities2: number, phrases2: number, size: number];
}

/**
 * The version of how articles become grouping records and stories (extractFeatures, groupingTerm, the grouper's
 * rules). A persisted grouping made by another version keeps its stories, and new articles are scored against its
 * older records, so commands that group say so and `khabar regroup` rebuilds it. Bump it when a change would group
 * stored articles differently. 1: every grouping before the number was recorded; 2: numbers are no terms,
 * كافة and a detached و are stop words, the quote speaker and dateline rules, the re-check of one-article stories;
 * 3: no bridging (an article close to a second story no longer merges it outside the re-check), and related links
 * only to stories within relatedWindowDays (docs/stories-grouping.md); 4: the learned pair scorer (pair-model.ts) must
 * agree to every join and merge, on the evidence of evidence.ts that records now keep; 5: a score of
 * joinThresholdStrong joins undated articles without the scorer.
 */
export const GROUPING_VERSION = 5;

/** A term weight with six decimals: the stored records stay short (a weight of 17 digits was a third of an article's
 * stored features) and rereading them is faster; a cosine moves by well under 10⁻⁵. */
export function roundWeight(w: number): number {
  return Math.round(w * 1e6) / 1e6;
}

// Headline openings of news roundups, in normalized form (normalize(): أ→ا, ة→ه). From the bulletin headlines of
// Tunisian/Arab outlets (ANT corpus: أبرز أخبار الأربعاء، أبرز أحداث الخميس) and the usual names of digests
// (موجز، حصاد، نشرة الأخبار، أهم العناوين).
const ROUNDUP_OPENINGS = [
  /^(?:ابرز|اهم)\s+(?:الاخبار|اخبار|الاحداث|احداث|العناوين|عناوين)(?:\s|$)/,
  /^(?:موجز|حصاد|نشره)\s+(?:الاخبار|اخبار|الانباء|اليوم|الاسبوع|الاحداث)(?:\s|$)/,
];

/** True when a headline opens like a news roundup (see ROUNDUP_OPENINGS). */
export function isRoundupHeadline(title: string): boolean {
  const n = normalize(title).replace(/^[\s"'«:—-]+/, '');
  return ROUNDUP_OPENINGS.some((re) => re.test(n));
}

// Weekday names in normalized form (normalize(): ة→ه, أ→ا), Sunday first as in Date.getUTCDay().
const WEEKDAYS = ['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'];
// Relative day words and their offset from the publication day.
const RELATIVE_DAYS: Record<string, number> = { 'اليوم': 0, 'غدا': 1, 'امس': -1, 'البارحه': -1 };

/** The weekdays a headline refers to (see ArticleFeatures.days). */
export function headlineDays(title: string, time: number | null): number[] {
  const days = new Set<number>();
  for (const tok of tokenize(title)) {
    if (tok.kind !== 'word') continue;
    const n = tok.norm.replace(/^[وفب](?=ال)/, '');
    const i = WEEKDAYS.indexOf(n);
    if (i >= 0) { days.add(i); continue; }
    const off = RELATIVE_DAYS[n];
    if (off !== undefined && time !== null) days.add((((new Date(time).getUTCDay() + off) % 7) + 7) % 7);
  }
  return [...days].sort();
}

/** Epoch ms of an ISO date or date-time; a bare date is taken at noon UTC. Null when absent or invalid. */
export function parseTime(published: string | null | undefined): number | null {
  if (!published) return null;
  const s = published.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T12:00:00Z` : s;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

// Prefixes that mark a definite (common-noun-like) word: names of people and most places lack them.
const DEFINITE = /^(?:[وفبكل]?ال|لل)/;

/** Years and small counts say little about which event an article reports. */
function numberKey(value: number): string | null {
  if (!Number.isFinite(value) || value < 10) return null;
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) return null;
  return `#${value}`;
}

// Speech verbs that open a lead attributing the headline's words to its speaker (normalized, perfect tense, with
// the feminine form where outlets use it): قال، أكد، اعتبر … From the ANT leads of "NAME : words" headlines.
const SPEECH_VERBS = new Set(['قال', 'قالت', 'اكد', 'اكدت', 'اعتبر', 'اعتبرت', 'شدد', 'شددت', 'دعا', 'دعت', 'اوضح', 'اوضحت',
  'صرح', 'صرحت', 'افاد', 'افادت', 'كشف', 'كشفت', 'اشار', 'اشارت', 'نفي', 'نفت', 'انتقد', 'انتقدت', 'حذر', 'حذرت', 'اعلن',
  'اعلنت', 'عبر', 'عبرت', 'طالب', 'طالبت', 'رجح', 'رجحت', 'لاحظ', 'لاحظت', 'ابرز', 'ابرزت', 'اتهم', 'اتهمت']);

/**
 * The speaker of a quote headline ("محمد عبو : سنكشف معلومات خطيرة"): the words before a spaced colon, when the
 * lead attributes the words to them: a speech verb within the six words before their first or last name word, or
 * within the twelve words before the whole name of two words or more (a title may stand between: "قال القيادي السابق
 * في حزب نداء تونس الطاهر بن حسين", ANT February). Null when the headline has no such prefix or the prefix is a topic
 * or a listed place ("هجوم لندن : ...", "باريس : ..."; a topic's last word in a lead is not its whole name).
 * Why: one guest's interview yields several articles on different subjects (ANT: the same politician on three
 * subjects in one morning), and a name in the headline, weighted as a headline term, joined them all.
 */
export function headlineSpeaker(title: string, lead: string): { speaker: string; rest: string } | null {
  // A listed place is a dateline: "سيدي بوزيد : ..." whatever its lead says.
  return headlineDateline(title) ? null : quoteSpeaker(title, lead);
}

/** headlineSpeaker for a headline known to have no dateline. */
function quoteSpeaker(title: string, lead: string): { speaker: string; rest: string } | null {
  const m = /^\s*["«]?([^:"«»]{3,60}?)["»]?\s+:\s+(.+)$/s.exec(title);
  if (!m) return null;
  const prefix = m[1]!.trim();
  const nameWords = tokenize(prefix).filter((t) => t.kind === 'word').map((t) => t.norm);
  if (nameWords.length < 1 || nameWords.length > 5) return null;
  const words = tokenize(lead.slice(0, 400)).filter((t) => t.kind === 'word').map((t) => t.norm.replace(/^[وف](?=.{3})/, ''));
  const last = nameWords[nameWords.length - 1]!;
  const spokenWithin = (i: number, n: number): boolean => {
    for (let j = Math.max(0, i - n); j < i; j++) if (SPEECH_VERBS.has(words[j]!)) return true;
    return false;
  };
  const wholeNameAt = (i: number): boolean => nameWords.length >= 2 && nameWords.every((w, k) => words[i + k] === w);
  for (let i = 0; i < words.length; i++) {
    const near = (words[i] === last || words[i] === nameWords[0]) && spokenWithin(i, 6);
    if (near || (wholeNameAt(i) && spokenWithin(i, 12))) return { speaker: prefix, rest: m[2]!.trim() };
  }
  return null;
}

/** The grouping terms of every listed place name, joined by a space: what a dateline must be (lazily built). */
let placeTerms: Set<string> | null = null;
function isPlace(terms: string): boolean {
  placeTerms ??= new Set([...PLACES, ...PLACE_SYNONYMS.flat()].map((p) => groupingTerms(p).join(' ')));
  return placeTerms.has(terms);
}

/**
 * The dateline of a headline: the one or two words before a spaced colon when they name a listed place ("قفصة : إيقاف
 * عنصر تكفيري"; not "وزارة التربية : ..." or "بعد المقاطعة : ..."), as grouping terms joined by a space; a listed place
 * is never a quote's speaker. Null without one. Why: local outlets open a headline with the town it happened in, and
 * two arrests or seizures told in the same words in two towns are two events (ANT March: an arrest in Gafsa and one in
 * Mahdia became one story). Only a listed place: topics and fillers before a colon ("بعد المقاطعة :", "بالتفاصيل :",
 * "غدا :") are no towns (ANT June: two reports of the Gulf boycott scored as from two towns; docs/stories-grouping.md).
 */
export function headlineDateline(title: string): string | null {
  const m = /^\s*["«]?([^:"«»]{2,40}?)["»]?\s+:\s+\S/.exec(title);
  if (!m) return null;
  const words = tokenize(m[1]!).filter((t) => t.kind === 'word');
  if (words.length < 1 || words.length > 2) return null;
  // Every word a word of the place: "والي سوسة" (the governor; والي is also a stop word, و + إلى) is no dateline.
  const terms = groupingTerms(m[1]!);
  return terms.length === words.length && isPlace(terms.join(' ')) ? terms.join(' ') : null;
}

/** The distinct terms and keys an article counts in the document frequencies. */
export function documentTerms(f: ArticleFeatures): string[] {
  return [...new Set([...Object.keys(f.terms), ...f.keys])];
}

/**
 * A light stem with a nisba ending taken off: الجزائري and الجزائر, التونسية and تونس, البريطانية and بريطانيا meet as
 * one term (the light stemmer keeps the nisba ي on purpose: for search, تونسي is not تونس). Why: one outlet writes
 * "the Algerian elections", another "the elections in Algeria", and the same article says both. Only for grouping,
 * and only where four letters are left: with three (روسي، كوري → روس، كور) short stems met other words, and on ANT
 * dev the stories of North Korea's leader and of Trump's wish to meet him, three days apart, became one. Shorter ones
 * go onto a listed place only (قطري → قطر), as does a place behind a bare ب or ل (لقطر → قطر).
 */
export const groupingTerm: (t: string) => string = memoized(computeGroupingTerm);

/** groupingTerm unmemoized (memoized because the place lookups ran for every word of every article). */
function computeGroupingTerm(t: string): string {
  const b = nisbaOff(t);
  const places = singleWordPlaces();
  const place = (x: string): string | undefined => places.get(x) ?? (x.endsWith('ات') ? places.get(x.slice(0, -2)) : undefined);
  let p = place(b);
  if (p || t.length < 3) return p ?? b;
  // A listed place behind a bare ب or ل (لقطر، بفرنسا), which the light stemmer keeps on purpose (لبنان، بلاد).
  const c = t.charCodeAt(0);
  if ((c === 0x644 /* ل */ || c === 0x628 /* ب */) && t.length >= 4 && (p = place(nisbaOff(t.slice(1))))) return p;
  // The nisba of a short listed place: قطري → قطر, مصري → مصر (only onto a listed place, so short stems meet no
  // other word). Not onto a place spelt with a final ا (كوري → كوريا): on ANT May that joined Trump's wish to meet
  // North Korea's leader with the leader's orders to his troops three days later, and gained nothing elsewhere.
  if (t.charCodeAt(t.length - 1) === 0x64a /* ي */ && (p = place(t.slice(0, -1)))) return p;
  return b;
}

function nisbaOff(t: string): string {
  const n = t.length;
  if (n >= 6 && t.endsWith('يا')) return t.slice(0, -2);
  if (n >= 5 && t.charCodeAt(n - 1) === 0x64a /* ي */ && t.charCodeAt(n - 2) !== 0x64a) return t.slice(0, -1);
  return t;
}

/** The one-word listed places as nisbaOff leaves their light stems, each to the term of its group's first one-word
 * name (سورية → سوريا): lazily built. */
let oneWordPlaces: Map<string, string> | null = null;
function singleWordPlaces(): Map<string, string> {
  if (oneWordPlaces) return oneWordPlaces;
  const term = (p: string): string => nisbaOff(stem(normalize(p)));
  const m = new Map<string, string>();
  for (const group of PLACE_SYNONYMS) {
    const words = group.filter((p) => !p.includes(' '));
    for (const p of words) m.set(term(p), term(words[0]!));
  }
  for (const p of PLACES) if (!p.includes(' ') && !m.has(term(p))) m.set(term(p), term(p));
  return (oneWordPlaces = m);
}

/**
 * The grouping terms of a text: light stems of its content words, nisba endings off (see groupingTerm); no numbers.
 * Why no numbers: a results table or a list of flights gave an article dozens of number terms (vote counts, flight
 * numbers, rainfall in mm), each with a high idf, which outweighed its words: on ANT May the Algerian results did not
 * join the Algerian elections. The figures that name an event are entity keys (`#` keys of the headline and lead).
 */
function groupingTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of analyze(text, { stem: true, stopwords: true })) {
    const c = t.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) continue; // analyze() writes every number in ASCII digits
    out.push(groupingTerm(t));
  }
  return out;
}

function addTerms(into: Map<string, number>, terms: string[], weight: number): void {
  for (const t of terms) into.set(t, (into.get(t) ?? 0) + weight);
}

export function extractFeatures(article: Article, config: StoriesConfig = STORIES_CONFIG): ArticleFeatures {
  if (!article || typeof article.id !== 'string') throw new TypeError('extractFeatures: the article has no string id');
  const title = (article.title ?? '').trim();
  const text = article.text ?? '';
  const sents = sentences(text);
  const leadEnd = sents.length ? sents[Math.min(config.leadSentences, sents.length) - 1].end : 0;
  const leadText = text.slice(0, leadEnd);
  const firstSentence = (sents[0]?.text ?? text.slice(0, 200)).trim();

  // A quote headline's speaker weighs as a body term: the rest of the headline says what the article is about.
  const dateline = headlineDateline(title);
  const quote = dateline ? null : quoteSpeaker(title, leadText);
  const headline = quote ? quote.rest : title;
  const weights = new Map<string, number>();
  addTerms(weights, groupingTerms(headline), config.titleWeight);
  const speaker = new Set(quote ? groupingTerms(quote.speaker) : []);
  if (quote) addTerms(weights, [...speaker], config.bodyWeight);
  // The lead names the speaker again ("قال محمد عبو ..."): there too the name weighs as a body term.
  for (const t of groupingTerms(leadText)) weights.set(t, (weights.get(t) ?? 0) + (speaker.has(t) ? config.bodyWeight : config.leadWeight));
  const body = groupingTerms(text.slice(leadEnd)).slice(0, config.maxBodyTokens);
  addTerms(weights, body, config.bodyWeight);

  const top = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, config.maxArticleTerms);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const terms: Record<string, number> = {};
  for (const [t, w] of top) terms[t] = roundWeight(w / norm);

  // Entity-like keys from the headline and lead only: where an event's names and figures are stated.
  const keys = new Set<string>();
  const head = `${title}\n${leadText}`;
  for (const tok of tokenize(head)) {
    if (tok.kind === 'number') {
      // Digits only: number words rarely carry the figures that identify an event.
      const k = numberKey(Number(tok.norm.replace(/[,\u066c]/g, '').replace('\u066b', '.')));
      if (k) keys.add(k);
      continue;
    }
    if (tok.kind === 'latin') {
      if (/^[A-Z]/.test(tok.text) && tok.text.length > 2) keys.add(`n:${tok.norm.toLowerCase()}`);
      continue;
    }
    if (tok.kind !== 'word' || tok.norm.length < 3 || DEFINITE.test(tok.norm) || isStopword(tok.norm)) continue;
    const s = groupingTerm(stem(tok.norm));
    if (s.length >= 3 && !speaker.has(s)) keys.add(`n:${s}`);
  }

  // Phrase keys: pairs of adjacent content stems (stop-words skipped) within the headline and within the lead.
  for (const part of [headline, leadText]) {
    const seq = groupingTerms(part).filter((t) => t.length >= 2 && !/^\d+$/.test(t));
    for (let i = 0; i + 1 < seq.length && i < config.maxPhraseKeys; i++) {
      if (seq[i] !== seq[i + 1] && !speaker.has(seq[i]!) && !speaker.has(seq[i + 1]!)) keys.add(`p:${seq[i]}_${seq[i + 1]}`);
    }
  }

  return {
    id: article.id,
    source: article.source ?? null,
    title: title || null,
    lead: firstSentence,
    url: article.url ?? null,
    published: article.published ?? null,
    time: parseTime(article.published),
    terms,
    keys: [...keys].sort(),
    related: Array.isArray(article.related) ? article.related.filter((r) => typeof r === 'string') : [],
    days: headlineDays(title, parseTime(article.published)),
    roundup: isRoundupHeadline(title),
    ...(dateline ? { dateline } : {}),
    ...(typeof article.contentHash === 'string' && article.contentHash ? { contentHash: article.contentHash } : {}),
    evidence: evidenceOf(title, leadText, parseTime(article.published)),
  };
}
