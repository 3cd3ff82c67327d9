// Rule-based named-entity recognition for Arabic news (no model): gazetteers, title triggers, first names, then
// surname-alone mentions. It is the tagger's fallback when the model file is absent, a source of the tagger's
// features (ner/rule-features.ts), and the surname resolution both use.
import type { Article, EntityType } from '../types.js';
import {
  ADMIN_PLACE_TRIGGERS, FIRST_NAMES, NAME_STOPS, NATIONALITY_STEMS, ORG_TRIGGERS, ORGS, PERSON_TITLES, PLACE_TRIGGERS,
  PLACES, PLACE_GROUPS, SPEECH_VERBS, TITLE_FILLERS, CONSTRUCT_NOUNS, NAMED_PLACE_TRIGGERS,
} from './gazetteer.js';
import { fold, nameKey, sameKey, sameTokenKey, skeleton, tokenDistance, tokenKey } from './names.js';
import { NAME_MATCH } from './config.js';
import { memoized } from '../text/index.js';
import { bareForms, stripConj, surfaceWithoutClitics, words, type Word } from './tokens.js';

export interface Mention {
  /** Surface form without proclitics, as printed. */
  surface: string;
  type: EntityType;
  start: number;
  end: number;
  /** nameKey of the surface (or of the gazetteer canonical name). */
  key: string;
  /** Gazetteer canonical name when the mention came from a list. */
  canonical?: string;
  /** The title right before a person's name (folded), e.g. "وزير الخارجيه التركي". */
  title?: string;
  /** A surname-alone mention, resolved later against full names. */
  partial?: boolean;
}

/** A word that could be part of a name, kept per article so that surnames known from other articles resolve later. */
export interface NameCandidate {
  start: number; end: number; surface: string; key: string; prevKey: string | null;
  /** A definite word (السعدي): an Arabic surname alone only when it equals the full name's last token exactly. */
  definite?: boolean;
}

export interface ArticleEntities { mentions: Mention[]; candidates: NameCandidate[] }

// ---- lookup tables built once from gazetteer.ts ----
const setOf = (xs: string[]) => new Set(xs.map(fold));
const STOPS = setOf(NAME_STOPS);
const SPEECH = setOf(SPEECH_VERBS);
const TITLES = setOf(PERSON_TITLES);
const FILLERS = setOf(TITLE_FILLERS);
const FIRST_KEYS = new Set(FIRST_NAMES.map((n) => tokenKey(fold(n)))); // keyed as the folded words they are compared with
const FIRST_BY_SKELETON = new Map<string, string[]>();
for (const k of FIRST_KEYS) pushTo(FIRST_BY_SKELETON, skeleton(k), k);
/** A first name of the list, or a long spelling one inner long vowel away from one (ديميتري for ديمتري، فلاديمر for
 * فلاديمير): transliterations vary in the long vowels they write. Short words and changed ends are not: مصعد is not
 * مسعود، محمدا is not محمد، أنجولا is not أنجيلا (checked on CLEANANERCorp). */
const FIRST = { has: memoized((key: string): boolean => {
  if (FIRST_KEYS.has(key)) return true;
  if (key.length < 7) return false;
  return (FIRST_BY_SKELETON.get(skeleton(key)) ?? []).some((k) => k[0] === key[0] && k[k.length - 1] === key[key.length - 1] && tokenDistance(k, key) <= NAME_MATCH.vowelCost);
}) };
const NATIONALITY = new Set(NATIONALITY_STEMS.map((n) => fold(n)));
const ORG_TRIG = setOf(ORG_TRIGGERS);
const PLACE_TRIG = setOf(PLACE_TRIGGERS);
const ADMIN_TRIG = setOf(ADMIN_PLACE_TRIGGERS);
const CONSTRUCT = setOf(CONSTRUCT_NOUNS);
const NAMED_TRIG = setOf(NAMED_PLACE_TRIGGERS);

interface GazEntry { keys: string[]; canonical: string; type: EntityType }
const GAZ = new Map<string, GazEntry[]>();
// Gazetteer matching is exact on folded words (no transliteration classes): "جدة" must not match "شدة".
const gazKey = (t: string) => fold(t);
function addGaz(name: string, canonical: string, type: EntityType): void {
  const keys = fold(name).split(/\s+/).map(gazKey);
  const list = GAZ.get(keys[0]) ?? [];
  list.push({ keys, canonical, type });
  GAZ.set(keys[0], list);
}
for (const group of PLACE_GROUPS) for (const n of group) addGaz(n, group[0], 'place');
for (const p of PLACES) addGaz(p, p, 'place');
for (const group of ORGS) for (const n of group) addGaz(n, group[0], 'org');
for (const list of GAZ.values()) list.sort((a, b) => b.keys.length - a.keys.length);
const OUGLU = tokenKey('أوغلو');

// Word-level predicates below depend on the word's folded form alone (and, for titles, on whether the surface ends
// in a written ه): they run for every word of every article, and news vocabulary repeats, so each is memoized per
// distinct form in a bounded map.

const isNationality = memoized(computeIsNationality);
function computeIsNationality(f: string): boolean {
  for (const b of bareForms(f)) {
    let w = b.startsWith('ال') ? b.slice(2) : b;
    if (NATIONALITY.has(w)) return true;
    for (const suf of ['يه', 'ه', 'ين', 'ون', 'يين', 'يون', 'ان']) {
      if (w.endsWith(suf) && NATIONALITY.has(w.slice(0, -suf.length))) return true;
      if (w.endsWith(suf) && NATIONALITY.has(w.slice(0, -suf.length) + 'ي')) return true;
    }
    if (w.endsWith('يه')) w = w.slice(0, -1);
  }
  return false;
}

const HAS_DEF_CLITIC = /^(وال|بال|فال|كال|لل|وبال|ولل)/;

/** One bare form of a word (bareForms) with what surname resolution and candidates ask of it. */
interface BareFacts {
  bare: string;
  key: string;
  /** May resolve to a full name's surname (a key, not a stop word or speech verb, 3+ letters). */
  resolvable: boolean;
  /** May be kept as a name candidate for the story (also not a nationality or title filler). */
  candidate: boolean;
}
/** What the entity rules ask of a word. They read its folded form and whether its surface ends in a written ه (not
 * ة), nothing else, so the facts are computed once per distinct form (news vocabulary repeats) and kept in a
 * bounded memo, one for each ending; each scanned word then carries its facts. */
interface WordFacts {
  /** isNameLike: bit 1 with a leading ال allowed, bit 2 without. */
  nameLike: number;
  title: string | null;
  /** Its form without و/ف is a known first name. */
  firstName: boolean;
  /** Gazetteer lists the word can open, with the bare form each was found by. */
  gaz: { list: GazEntry[]; bare: string }[];
  /** The place or organisation trigger it is (one of its bare forms), or ''. */
  trigger: string;
  bares: BareFacts[];
  /** tokenKey of its last bare form: the prevKey of a candidate right after it. */
  lastBareKey: string;
  /** Not name-like, but a clitic-led form (ولافروف, بلافروف) that may still hide a surname. */
  cliticForm: boolean;
}
type ScannedWord = Word & { facts?: WordFacts };

const factsMemo = [memoized((f) => computeFacts(f, false)), memoized((f) => computeFacts(f, true))];
function factsOf(w: Word): WordFacts {
  const sw = w as ScannedWord;
  return (sw.facts ??= factsMemo[w.text.endsWith('ه') ? 1 : 0](w.f));
}

function computeFacts(f: string, endsH: boolean): WordFacts {
  // a stand-in word: what the rules read (f, noConj, whether text ends in ه)
  const w: Word = { text: endsH ? f : f.endsWith('ه') ? f + '\u0001' : f, start: 0, end: 0, f, noConj: stripConj(f), after: '' };
  const title = computeTitleOf(w);
  const forms = bareForms(f);
  return {
    nameLike: (computeIsNameLike(w, true, title) ? 1 : 0) | (computeIsNameLike(w, false, title) ? 2 : 0),
    title,
    firstName: FIRST.has(tokenKey(w.noConj)),
    gaz: computeGazHeads(f),
    trigger: forms.find((b) => PLACE_TRIG.has(b) || ORG_TRIG.has(b)) ?? '',
    bares: forms.map((bare) => {
      const key = tokenKey(bare);
      return {
        bare, key,
        resolvable: !(!key || STOPS.has(bare) || SPEECH.has(bare) || bare.length < 3),
        candidate: !(bare.length < 3 || STOPS.has(bare) || SPEECH.has(bare) || isNationality(bare) || FILLERS.has(bare)),
      };
    }),
    lastBareKey: tokenKey(forms.at(-1)!),
    cliticForm: /^[وفبل]/.test(f) && f.length >= 4,
  };
}

function isNameLike(w: Word, allowAl: boolean): boolean {
  return (factsOf(w).nameLike & (allowAl ? 1 : 2)) !== 0;
}
function computeIsNameLike(w: Word, allowAl: boolean, title: string | null): boolean {
  const f = w.f;
  if (!/^[\u0621-\u064A]{2,}$/.test(f)) return false;
  if (FIRST.has(tokenKey(f))) return true; // فاليري, ألكسندر look like فـ/ال + word
  if (STOPS.has(f) || STOPS.has(w.noConj) || SPEECH.has(w.noConj) || FILLERS.has(f) || title) return false;
  if (isNationality(f)) return false;
  if (HAS_DEF_CLITIC.test(f)) return false;
  if (!allowAl && f.startsWith('ال')) return false;
  return true;
}

const QUOTE_MARKS = '"«“”»';
/** Punctuation after a word ends a name, except a lone quotation mark. */
const isBreak = (w: Word) => w.after !== '' && !(w.after.length === 1 && QUOTE_MARKS.includes(w.after));

/** Reads a person's name starting at word j (after a title or at a first name). Returns the end index (exclusive). */
function readName(ws: Word[], j: number, needTwo: boolean): number {
  const w0 = ws[j];
  if (!w0 || !isNameLike(w0, false)) return j;
  const first = factsOf(w0).firstName || w0.f === 'عبد' || w0.f === 'ابو';
  let k = j + 1;
  const endsHere = (i: number) => i + 1 >= ws.length || isBreak(ws[i]) || !isNameLike(ws[i + 1], true)
    || STOPS.has(ws[i + 1].noConj);
  // a lone word after a title: no ة ending (nouns: بداية، مساعدة) and a boundary right after it
  const single = needTwo || first || w0.f.endsWith('ه') || !endsHere(j) ? j : j + 1;
  if (isBreak(w0)) return single;
  const w1 = ws[k];
  if (w1 && isNameLike(w1, first) && (first || endsHere(k))) k++;
  else return single;
  if (isBreak(w1)) return k;
  const w2 = ws[k];
  if (w2 && isNameLike(w2, first) && endsHere(k)) k++;
  return k;
}

/** The title a word carries: a title word, also with a possessive suffix (رئيسه، نائبه، نظيرته → رئيس، نائب، نظير). */
function titleOf(w: Word): string | null {
  return factsOf(w).title;
}
function computeTitleOf(w: Word): string | null {
  for (const b of bareForms(w.f)) {
    if (TITLES.has(b)) return b;
    // a pronoun suffix never follows ال; a bare ه must be written ه, not ة (محافظة is not محافظ + ه)
    if (b.startsWith('ال')) continue;
    for (const suf of ['تها', 'ته', 'ها', 'ه']) {
      if (b.length > suf.length + 2 && b.endsWith(suf) && (suf !== 'ه' || w.text.endsWith('ه'))) {
        const stem = b.slice(0, -suf.length) + (suf.startsWith('ت') ? 'ه' : '');
        if (TITLES.has(stem)) return stem;
      }
    }
  }
  return null;
}

/** Skips what follows a title before the name: definite words (الخارجية، التركي، التحالف، العقيد), listed fillers
 * (باسم), a construct noun and its genitive (خارجية تارانيا، بلدية عين الصفا) and a ل-phrase (لمجموعة الاتصال).
 * Arabic names after a title start with an indefinite word, so the definite chain is the title's complement. */
function skipTitleComplement(ws: Word[], j: number): number {
  let skipped = 0;
  while (j < ws.length && skipped < 7 && !isBreak(ws[j - 1])) {
    const x = ws[j];
    const next = ws[j + 1];
    if (factsOf(x).firstName) break;
    if (FILLERS.has(x.f) || FILLERS.has(x.noConj) || isNationality(x.f) || bareForms(x.f).some((b) => FILLERS.has(b))) { j++; skipped++; continue; }
    if (x.f.startsWith('ال') && x.f.length > 3 && !STOPS.has(x.f)) { j++; skipped++; continue; }
    const g = gazMatch(ws, j);
    if (g && skipped > 0) { j = g.end; skipped++; continue; }
    // construct state: an indefinite ministry/body noun, then its genitive (a country or town, maybe unknown)
    if (CONSTRUCT.has(x.noConj) && next && !isBreak(x)) { j += 2; skipped += 2; continue; }
    // ل + noun + definite genitive: لمجموعة الاتصال, لشؤون اللاجئين
    if (/^ل[^ا]/.test(x.f) && x.f.length > 4 && next && next.f.startsWith('ال') && !isBreak(x)) { j++; skipped++; continue; }
    break;
  }
  return j;
}

/** Words ending in a possessive or object pronoun are not names (مشاركته، بلاده، عليها). */
const PRONOUN_END = /(ته|تها|تهم|ها|هما|هم|كم|نا)$/;

/** Reads a name right after a title and its complement: an indefinite first token, then up to two more tokens
 * (a definite surname ends the name: نادر السعدي، أسامة الخطيب). */
function readTitledName(ws: Word[], j: number): number {
  const w0 = ws[j];
  if (!w0 || !isNameLike(w0, false) || PRONOUN_END.test(w0.f)) return j;
  const endsAfter = (i: number) => i + 1 >= ws.length || isBreak(ws[i]) || !isNameLike(ws[i + 1], false) || !!titleOf(ws[i + 1])
    || ws[i + 1].f.startsWith('لل')
    || STOPS.has(ws[i + 1].noConj) || PRONOUN_END.test(ws[i + 1].f);
  // a lone word: no ة ending (nouns: بداية، مساعدة)
  const single = w0.f.endsWith('ه') ? j : j + 1;
  if (isBreak(w0)) return single;
  const w1 = ws[j + 1];
  if (!w1 || !isNameLike(w1, true) || STOPS.has(w1.noConj) || PRONOUN_END.test(w1.f)) return single;
  if (w1.f.startsWith('ال')) return j + 2;
  if (isBreak(w1) || endsAfter(j + 1)) return j + 2;
  const w2 = ws[j + 2];
  if (w2 && isNameLike(w2, false) && (endsAfter(j + 2) || sameTokenKey(tokenKey(w2.f), OUGLU))) return j + 3;
  return j + 2;
}

/** The gazetteer lists a word can open, with the bare form each was found by (most words: none). Per folded word. */
function computeGazHeads(f: string): { list: GazEntry[]; bare: string }[] {
  const forms = bareForms(f);
  for (const b of [...forms]) if (b.endsWith('ا')) forms.push(b.slice(0, -1) + 'ه'); // أستانا → أستانة
  const out: { list: GazEntry[]; bare: string }[] = [];
  for (const b of forms) {
    const list = GAZ.get(gazKey(b));
    if (list) out.push({ list, bare: b.endsWith('ه') && !forms[0].endsWith('ه') ? b.slice(0, -1) + 'ا' : b });
  }
  return out;
}

function gazMatch(ws: Word[], i: number): { end: number; entry: GazEntry; bare: string } | null {
  for (const { list, bare } of factsOf(ws[i]).gaz) {
    for (const e of list) {
      let ok = true;
      for (let t = 1; t < e.keys.length; t++) {
        const w = ws[i + t];
        if (!w || gazKey(w.f) !== e.keys[t] || isBreak(ws[i + t - 1])) { ok = false; break; }
      }
      if (ok) return { end: i + e.keys.length, entry: e, bare };
    }
  }
  return null;
}

/** A title phrase as written (وزير الخارجية التركي), words i to j of `text`, without a conjunction before the title
 * word (ووزير → وزير; وزير keeps its و, which is no conjunction there). */
function titleText(text: string, ws: Word[], i: number, j: number, titleWord: string): string {
  const w0 = ws[i].f.startsWith(titleWord) ? ws[i].text : surfaceWithoutClitics(ws[i].text, ws[i].noConj);
  return w0 + (j > i + 1 ? text.slice(ws[i].end, ws[j - 1].end) : '');
}

/** Appends to a list in a map (no copying: lists can be long). */
export function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]); }

/** Finds entity mentions in one article's text by the rules alone. */
export function ruleEntities(article: Pick<Article, 'text'> | string): ArticleEntities {
  const text = typeof article === 'string' ? article : article?.text;
  if (typeof text !== 'string') throw new TypeError('ruleEntities: article.text must be a string');
  const ws = words(text);
  const mentions: Mention[] = [];
  const covered = new Uint8Array(ws.length);
  const span = (i: number, end: number, firstBare: string) =>
    surfaceWithoutClitics(ws[i].text, firstBare) + (end - 1 > i ? text.slice(ws[i].end, ws[end - 1].end) : '');
  const add = (i: number, end: number, m: Omit<Mention, 'start' | 'end' | 'surface' | 'key'> & { surface?: string }, bare?: string) => {
    const surface = m.surface ?? span(i, end, bare ?? ws[i].f);
    mentions.push({ ...m, surface, start: ws[i].start, end: ws[end - 1].end, key: nameKey(m.canonical ?? surface) });
    for (let t = i; t < end; t++) covered[t] = 1;
  };

  for (let i = 0; i < ws.length; i++) {
    if (covered[i]) continue;
    const w = ws[i];
    const bare = w.noConj;
    // 1. a title, then its complement (ministry, body, place, nationality), then a name
    const titleWord = titleOf(w);
    if (titleWord && !isBreak(w)) {
      const j = skipTitleComplement(ws, i + 1);
      if (j < ws.length && !(j > i + 1 && isBreak(ws[j - 1]))) {
        const end = gazMatch(ws, j) ? j : readTitledName(ws, j);
        if (end > j) {
          add(j, end, { type: 'person', title: titleText(text, ws, i, j, titleWord) });
          i = end - 1;
          continue;
        }
      }
    }
    // 2. a known first name
    if (factsOf(w).firstName) {
      const end = readName(ws, i, true);
      if (end > i + 1) { add(i, end, { type: 'person' }, bare); i = end - 1; continue; }
    }
    // 3. gazetteer places and organisations
    const g = gazMatch(ws, i);
    if (g) { add(i, g.end, { type: g.entry.type, canonical: g.entry.canonical }, g.bare); i = g.end - 1; continue; }
    // 4. place and organisation triggers
    const trig = factsOf(w).trigger;
    if (trig && i + 1 < ws.length && !isBreak(w)) {
      const x = ws[i + 1];
      const gg = PLACE_TRIG.has(trig) ? gazMatch(ws, i + 1) : null;
      const placeWord = /^[\u0621-\u064A]{3,}$/.test(x.f) && !STOPS.has(x.f) && !isNationality(x.f) && !HAS_DEF_CLITIC.test(x.f)
        && !FILLERS.has(x.f) && !SPEECH.has(x.f) && (x.f.startsWith('ال') || !x.f.endsWith('ه'));
      if (PLACE_TRIG.has(trig) && (gg || placeWord)) {
        let end = gg ? gg.end : i + 2;
        // a construct name: an indefinite head and its definite genitive (عين الصفا، تل الريحان)
        const y = ws[i + 2];
        if (!gg && !ADMIN_TRIG.has(trig) && !x.f.startsWith('ال') && !isBreak(x) && y && y.f.startsWith('ال') && y.f.length > 3 && !STOPS.has(y.f)
          && !isNationality(y.f) && !FILLERS.has(y.f)) end = i + 3;
        if (ADMIN_TRIG.has(trig) || NAMED_TRIG.has(trig)) add(i, end, { type: 'place' }, trig);
        else add(i + 1, end, { type: 'place', canonical: gg?.entry.canonical });
        i = end - 1;
        continue;
      }
      if (ORG_TRIG.has(trig) && x.f.startsWith('ال') && !isNationality(x.f)) {
        let end = i + 2;
        while (end < i + 4 && end < ws.length && !isBreak(ws[end - 1]) && ws[end].f.startsWith('ال') && !STOPS.has(ws[end].f)) end++;
        add(i, end, { type: 'org' }, trig);
        i = end - 1;
        continue;
      }
    }
  }

  // 5. surname-alone mentions of persons named in full in this article
  const persons = mentions.filter((m) => m.type === 'person' && m.key.includes(' '));
  const surnames = surnameIndex(persons.map((p) => p.key));
  const candidates: NameCandidate[] = [];
  const anyFullName = surnames.last.size > 0 || surnames.ouglu.size > 0;
  for (let i = 0; i < ws.length; i++) {
    if (covered[i]) continue;
    const w = ws[i];
    const fw = factsOf(w);
    // bare forms with a clitic (ولافروف, بلافروف) are still candidates
    if (!(fw.nameLike & 1) && !fw.cliticForm) continue;
    const prevWord = i > 0 && !covered[i - 1] && !isBreak(ws[i - 1]) ? ws[i - 1] : null;
    const prev = prevWord ? factsOf(prevWord).lastBareKey : null;
    let resolved = false;
    for (const { bare, key, resolvable } of anyFullName ? fw.bares : []) {
      if (!resolvable) continue;
      const hit = resolveSurname(surnames, { key, prevKey: prev, definite: bare.startsWith('ال') });
      if (hit) {
        const startWord = hit.twoWords ? i - 1 : i;
        const surface = hit.twoWords ? surfaceWithoutClitics(ws[i - 1].text, bareForms(ws[i - 1].f).at(-1)!) + text.slice(ws[i - 1].end, w.end) : surfaceWithoutClitics(w.text, bare);
        mentions.push({ surface, type: 'person', start: ws[startWord].start, end: w.end, key: nameKey(surface), partial: true });
        covered[i] = 1;
        if (hit.twoWords) covered[i - 1] = 1;
        resolved = true;
        break;
      }
    }
    if (!resolved) {
      for (const { bare, key, candidate } of fw.bares) {
        if (!candidate) continue;
        const cand: NameCandidate = { start: w.start, end: w.end, surface: surfaceWithoutClitics(w.text, bare), key, prevKey: prev };
        if (bare.startsWith('ال')) cand.definite = true;
        candidates.push(cand);
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, candidates };
}

// ---- surname-alone resolution ----

export interface SurnameIndex { last: Map<string, string[]>; ouglu: Map<string, string[]> }

/** Indexes full person names (as nameKeys) by their last token key; for "X أوغلو" names also by X. */
export function surnameIndex(fullKeys: string[]): SurnameIndex {
  const last = new Map<string, string[]>();
  const ouglu = new Map<string, string[]>();
  for (const k of new Set(fullKeys)) {
    const toks = k.split(' ');
    if (toks.length < 2) continue;
    const l = toks[toks.length - 1];
    const sk = skeleton(l);
    pushTo(last, sk, k);
    if (sameTokenKey(l, OUGLU)) {
      const p = skeleton(toks[toks.length - 2]);
      pushTo(ouglu, p, k);
    }
  }
  return { last, ouglu };
}

/** Which full name (key) a lone surname refers to: only when exactly one distinct person fits. */
export function resolveSurname(index: SurnameIndex, c: { key: string; prevKey: string | null; definite?: boolean }): { full: string; twoWords: boolean } | null {
  // (called for every word that could be a surname: most find no list, and return before any allocation)
  const ougluList = c.prevKey && index.ouglu.size ? index.ouglu.get(skeleton(c.prevKey)) : undefined;
  if (ougluList && sameTokenKey(c.key, OUGLU)) {
    const hits = distinctPersons(ougluList.filter((k) => {
      const t = k.split(' ');
      return sameTokenKey(t[t.length - 2], c.prevKey!);
    }));
    if (hits.length === 1) return { full: hits[0], twoWords: true };
  }
  const lastList = index.last.get(skeleton(c.key));
  if (!lastList) return null;
  const hits = distinctPersons(lastList.filter((k) => {
    const t = k.split(' ');
    return c.definite ? t[t.length - 1] === c.key : strictSurname(t[t.length - 1], c.key);
  }));
  if (hits.length === 1) return { full: hits[0], twoWords: false };
  return null;
}

/** Distinct people among full-name keys: variants of one name, and a name that is the tail of a longer one
 * ("تشاووش أوغلو" of "مولود تشاووش أوغلو"), count once (the longest is kept). */
/** Lone surnames carry no first name to confirm them, so they must be closer than full-name variants. */
function strictSurname(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && sameTokenKey(a, b) && tokenDistance(a, b) <= NAME_MATCH.vowelCost);
}

function distinctPersons(keys: string[]): string[] {
  const sorted = [...new Set(keys)].sort((a, b) => b.split(' ').length - a.split(' ').length);
  const out: string[] = [];
  for (const k of sorted) if (!out.some((o) => sameKey(o, k) || isTailOf(k, o))) out.push(k);
  return out;
}

function isTailOf(short: string, long: string): boolean {
  const s = short.split(' '), l = long.split(' ');
  if (s.length >= l.length) return false;
  const off = l.length - s.length;
  return s.every((t, i) => sameTokenKey(t, l[off + i]));
}


// ---- the rule layer as the tagger's post-pass (ner/mentions.ts) ----

/** A word's readings as a possible surname, as the rule layer keeps name candidates: its bare forms that may be one
 * (none when the word cannot be part of a name), and the key a following word sees as its previous word. */
export function surnameReadings(folded: string, endsInH: boolean): { forms: { bare: string; key: string }[]; prevKey: string } {
  const facts = factsMemo[endsInH ? 1 : 0](folded);
  const forms = !(facts.nameLike & 1) && !facts.cliticForm ? [] : facts.bares.filter((b) => b.candidate);
  return { forms, prevKey: facts.lastBareKey };
}

/** The title before a name that starts at `start` in `text`, as the rule layer reads it (a title word, then its
 * complement: وزير الخارجية التركي, رئيس بلدية عين الصفا), and where the rule layer's name would start (at or before
 * `start`: the tagger may take only the last words of a name it does not know, تشتين ياووز أوغلو). */
export function titleBefore(text: string, start: number): { title: string; nameStart: number } | null {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 200);
  const window = text.slice(from, start);
  const ws = words(window);
  const nameAt = ws.length; // the name's first word, just past the window
  for (let i = nameAt - 1; i >= Math.max(0, nameAt - 9); i--) {
    const titleWord = titleOf(ws[i]);
    if (!titleWord || isBreak(ws[i])) continue;
    const j = skipTitleComplement(ws, i + 1);
    if (j > nameAt || (j > i + 1 && isBreak(ws[j - 1]))) return null;
    // up to two name words between the complement and the name (the start of a name the tagger cut short)
    if (nameAt - j > 2) return null;
    // (two-letter words are no name's start: the outlet's "أف أم" in مراسل الجوهرة أف أم ماهر الصغير)
    for (let k = j; k < nameAt; k++) if (!isNameLike(ws[k], k > j) || isBreak(ws[k]) || ws[k].f.length < 3) return null;
    return { title: titleText(window, ws, i, j, titleWord), nameStart: j < nameAt ? from + ws[j].start : start };
  }
  return null;
}
