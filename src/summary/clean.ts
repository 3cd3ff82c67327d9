// Turns an article into candidate summary sentences that read well on their own: no boilerplate,
// headings or captions, no fragment, balanced quotes, an explicit speaker instead of a dangling "وأضاف".
import type { Article } from '../types.js';
import { SUMMARY_DEFAULTS as C } from './config.js';
import { countWords, isStopword, normalize, sentences } from './lex.js';
import {
  BOILERPLATE, CONJUNCTION_FOLLOWERS, NAME_TAILS, NO_SUBJECT_NEXT, SPEAKER_PHRASE_END, SPEECH_CONTINUATIONS,
  SPEECH_VERBS, STANCE_OPENERS, TITLE_WORDS,
} from './rules.js';

/** A sentence of an article, with what the summary needs to know about it. */
export interface Candidate {
  /** Index of the article in the input list. */
  article: number;
  /** Sentence number within the article (0 = lead), after headings and boilerplate are dropped. */
  position: number;
  /** The indices (in src/text's sentences() of the article) of the sentences it is made of: one, or several that a
   * quotation spans. */
  sentences: number[];
  /** The sentence as written (after quote-merging). */
  original: string;
  /** The sentence as the summary would print it, or null when it cannot stand alone. */
  text: string | null;
  /** Why it cannot stand alone. */
  rejected?: string;
  /** It needed a repair (speaker made explicit, quote closed): prefer other wordings of the same fact. */
  repaired: boolean;
  /** It opens with a pronoun that refers back (وهي، وهذا): readable but weaker. */
  pronounOpener: boolean;
  /** The speaker it names, if it reports speech ("قال لافروف ..."). */
  speaker: string | null;
  /** The speaker named just before it in its article (what a dangling "وأضاف" refers to). */
  context: string | null;
  words: number;
}

const TERMINAL = /[.!?؟…]["'»”)\]]*$|["»”]$/u;
const QUOTE_CHARS = /["«»“”]/u;

function stripPunct(w: string): string {
  return w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const continuationSet = new Set(SPEECH_CONTINUATIONS.map(normalize));
const speechVerbSet = new Set([...SPEECH_VERBS].map(normalize));
const noSubjectSet = new Set([...NO_SUBJECT_NEXT].map(normalize));
const phraseEndSet = new Set([...SPEAKER_PHRASE_END].map(normalize));
const titleSet = new Set([...TITLE_WORDS].map(normalize));
const nameTailSet = new Set([...NAME_TAILS].map(normalize));
const conjunctionSet = new Set([...CONJUNCTION_FOLLOWERS].map(normalize));

export function isBoilerplate(s: string): boolean {
  return BOILERPLATE.some((re) => re.test(s));
}

const ASCII_LETTER = /[A-Za-z]/;
function latinShare(s: string): number {
  if (!ASCII_LETTER.test(s)) return 0; // most sentences: no regex match arrays to build
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  const latin = s.match(/[A-Za-z]/g)?.length ?? 0;
  return letters ? latin / letters : 0;
}

let lastTitle: string | null = null;
let lastTitleKey = '';
/** The title's comparison form (memo of one: every sentence of an article is checked against it). */
function titleKey(title: string): string {
  if (title !== lastTitle) { lastTitle = title; lastTitleKey = normalize(title).replace(/\s+/g, ' '); }
  return lastTitleKey;
}

/** Headings, captions and credit lines: short lines without final punctuation, "(الأناضول)" endings. */
export function isHeadingOrCaption(s: string, title: string | null): boolean {
  const t = s.trim();
  if (latinShare(t) > C.maxLatinShare) return true;
  if (title && normalize(t).replace(/\s+/g, ' ') === titleKey(title)) return true;
  if (/^[-–—]/.test(t) && /[-–—]$/.test(t)) return true; // -"subheading"-
  const terminal = TERMINAL.test(t);
  if (!terminal && countWords(t) < C.headingMaxWords) return true;
  if (!terminal && /(\([^()]{1,30}\)|[-–—]\s*[\p{L} ]{2,25})$/u.test(t)) return true; // "... (الأناضول)" / "... - الأناضول"
  return false;
}

/** Closes quotes a sentence opens and never closes; drops closers that have no opener. */
export function balanceQuotes(s: string): { text: string; changed: boolean } {
  let text = s;
  let changed = false;
  for (const [open, close] of [['«', '»'], ['“', '”']] as const) {
    if (!text.includes(open) && !text.includes(close)) continue;
    let depth = 0;
    let out = '';
    for (const ch of text) {
      if (ch === open) depth++;
      else if (ch === close) {
        if (depth === 0) { changed = true; continue; }
        depth--;
      }
      out += ch;
    }
    if (depth > 0) { out = closeAtEnd(out, close.repeat(depth)); changed = true; }
    text = out;
  }
  const straight = (text.match(/"/g) ?? []).length;
  if (straight % 2 === 1) {
    // One stray mark: a quote that ran to the end of the sentence, or a closer left from the previous one.
    const first = text.indexOf('"');
    if (first <= 1) text = text.slice(0, first) + text.slice(first + 1);
    else text = closeAtEnd(text, '"');
    changed = true;
  }
  return { text, changed };
}

function closeAtEnd(s: string, closer: string): string {
  const m = /([.!?؟…]+)$/u.exec(s);
  return m ? s.slice(0, m.index) + closer + m[1] : s + closer;
}

function quotesOpen(s: string): boolean {
  let straight = 0, guillemets = 0, curly = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) straight++;
    else if (c === 0xab) guillemets++;
    else if (c === 0xbb) guillemets--;
    else if (c === 0x201c) curly++;
    else if (c === 0x201d) curly--;
  }
  return straight % 2 === 1 || guillemets > 0 || curly > 0;
}

/** The speaker a sentence names after a speech verb ("وقال وزير الخارجية الروسي سيرغي لافروف عقب" → "لافروف"). */
export function speakerIn(s: string): string | null {
  const words = s.split(/\s+/).filter(Boolean);
  for (let i = 0; i < Math.min(words.length, 12); i++) {
    if (!speechVerbSet.has(normalize(stripPunct(words[i])))) continue;
    if (/[:"«“]$/u.test(words[i])) return null; // "وقال:" — the subject is elsewhere
    const phrase: string[] = [];
    for (let j = i + 1; j < words.length && phrase.length < 6; j++) {
      const w = words[j];
      if (QUOTE_CHARS.test(w[0] ?? '')) break;
      const bare = stripPunct(w);
      if (!bare || phraseEndSet.has(normalize(bare)) || (phrase.length === 0 && isStopword(normalize(bare)))) break;
      phrase.push(bare);
      if (/[،,:.؛]$/u.test(w)) break;
    }
    if (!phrase.length) return null;
    return shortName(phrase);
  }
  return null;
}

function shortName(phrase: string[]): string {
  if (phrase.length <= 2) return phrase.join(' ');
  if (!titleSet.has(normalize(phrase[0]))) return phrase.join(' ');
  const last = phrase[phrase.length - 1];
  if (normalize(last).startsWith('ال')) return phrase.join(' '); // "وزير الدفاع الروسي": no name given
  if (nameTailSet.has(normalize(last))) return phrase.slice(-2).join(' ');
  return last;
}

/** A speech verb, in the masculine or the feminine (أشار، أشارت). */
function isSpeechVerb(word: string): boolean {
  const w = normalize(stripPunct(word));
  return speechVerbSet.has(w) || (w.length > 3 && w.endsWith('ت') && speechVerbSet.has(w.slice(0, -1)));
}

/** "كما أكد"، "كما أشارت": a speech verb after كما ("as well") refers back to the speaker before, as وأكد does. */
function withoutAlso(words: string[]): string[] {
  const first = normalize(stripPunct(words[0] ?? ''));
  return (first === 'كما' || first === 'وكما') && words[1] && isSpeechVerb(words[1]) ? words.slice(1) : words;
}

/** Opens with "وأضاف" (or "كما أكد") and no subject after it: needs a speaker from the context. */
function danglingSpeech(words: string[]): boolean {
  if (!words.length || !(continuationSet.has(normalize(stripPunct(words[0]))) || isSpeechVerb(words[0]))) return false;
  if (/[:"«“]$/u.test(words[0])) return true;
  const next = words[1];
  if (!next) return true;
  if (QUOTE_CHARS.test(next[0])) return true;
  const bare = normalize(stripPunct(next));
  return !bare || noSubjectSet.has(bare) || isStopword(bare);
}

function insertSpeaker(words: string[], speaker: string): string {
  const verb = words[0];
  const rest = words.slice(1).join(' ');
  const m = /^(.*?)([:"«“]+)$/u.exec(verb);
  if (m) {
    const marks = m[2].replace(':', '');
    return `${m[1]} ${speaker}:${marks ? ' ' + marks : ''}${marks ? '' : ' '}${rest}`.replace(/\s+/g, ' ').replace(/ ([«“"]) /, ' $1');
  }
  const next = words[1] ? normalize(stripPunct(words[1])) : '';
  const needsColon = words[1] && !QUOTE_CHARS.test(words[1][0]) && !noSubjectSet.has(next) && !isStopword(next);
  return `${verb} ${speaker}${needsColon ? ':' : ''} ${rest}`;
}

/** Strips a stance opener ("من جانبه،") when a verb with an explicit subject follows; null if the subject is missing. */
function stripStanceOpener(s: string): string | null | undefined {
  for (const opener of STANCE_OPENERS) {
    if (!s.startsWith(opener)) continue;
    const after = s.slice(opener.length);
    if (after && !/^[\s،,:]/u.test(after)) continue;
    const rest = after.replace(/^[\s،,:]+/u, '');
    const words = rest.split(/\s+/);
    const verbHasSubject = words.length > 1 && speakerIn(rest) !== null;
    if (!verbHasSubject) {
      const next = words[1] ? normalize(stripPunct(words[1])) : '';
      if (!next || noSubjectSet.has(next) || isStopword(next) || QUOTE_CHARS.test(words[1]?.[0] ?? '')) return null;
    }
    return rest;
  }
  return undefined;
}

/** Leading conjunction و: dropped when it is "and" before a verb, particle or definite noun (see rules.ts). */
export function stripLeadingWa(s: string): string {
  const m = /^و(\S+)/u.exec(s);
  if (!m) return s;
  const rest = stripPunct(m[1]);
  const n = normalize(rest);
  if (conjunctionSet.has(n) || (n.startsWith('ال') && n.length >= 4) || (n.startsWith('لل') && n.length >= 4)) {
    return s.slice(1);
  }
  return s;
}

/**
 * Makes one sentence printable on its own. `contextSpeaker` is the speaker named just before it in its
 * article. Returns null text with a reason when it cannot be made to stand alone.
 */
export function standAlone(sentence: string, contextSpeaker: string | null): { text: string | null; reason?: string; repaired: boolean } {
  let s = sentence.replace(/\s+/g, ' ').trim();
  let repaired = false;
  if (!s) return { text: null, reason: 'empty', repaired };
  if (/^[،,:؛.)\]»”-]/u.test(s)) return { text: null, reason: 'starts mid-sentence', repaired };
  const stance = stripStanceOpener(s);
  if (stance === null) return { text: null, reason: 'stance opener without subject', repaired };
  if (stance !== undefined) s = stance;
  const words = s.split(' ');
  if (/^(مضيفا|مضيفاً|مضيفة|مؤكدا|مؤكداً|مشيرا|مشيراً|موضحا|موضحاً|قائلا|قائلاً)$/u.test(stripPunct(words[0]))) {
    return { text: null, reason: 'opens with a participle of speech', repaired };
  }
  const spoken = withoutAlso(words);
  if (spoken !== words && !danglingSpeech(spoken)) {
    s = spoken.join(' '); // كما أكد لافروف أن ... → أكد لافروف أن ...
  } else if (danglingSpeech(spoken)) {
    if (!contextSpeaker) return { text: null, reason: 'dangling speech verb, speaker unknown', repaired };
    s = insertSpeaker(spoken, contextSpeaker);
    repaired = true;
  }
  const q = balanceQuotes(s);
  if (q.changed) { s = q.text; repaired = true; }
  s = stripLeadingWa(s);
  return { text: s, repaired };
}

const PRONOUN_OPENER = /^و?(هي|هو|هذا|هذه|ذلك|تلك|هم|وهي)\s/u;

/** All candidate sentences of an article, in order. */
export function candidatesOf(article: Article, index: number): Candidate[] {
  const out: Candidate[] = [];
  const text = article.text ?? '';
  const raw = sentences(text);
  // Merge sentences the splitter cut inside an open quote (same paragraph only).
  const merged: { text: string; sentences: number[] }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = raw[i].start;
    const spanned = [i];
    let cur = raw[i].text;
    while (quotesOpen(cur) && i + 1 < raw.length && !text.slice(raw[i].end, raw[i + 1].start).includes('\n')
      && countWords(cur) + countWords(raw[i + 1].text) <= C.maxMergedWords) {
      i++;
      spanned.push(i);
      cur = text.slice(first, raw[i].end).trim();
    }
    merged.push({ text: cur, sentences: spanned });
  }
  let position = 0;
  let lastSpeaker: string | null = null;
  let sinceSpeaker = 0;
  for (const { text: sentence, sentences: spanned } of merged) {
    const s = sentence.trim();
    if (!s) continue;
    if (isBoilerplate(s) || isHeadingOrCaption(s, article.title)) continue;
    const words = countWords(s);
    const speaker = speakerIn(s);
    const context: string | null = sinceSpeaker <= 3 ? lastSpeaker : null;
    let result: { text: string | null; reason?: string; repaired: boolean };
    if (words < C.minWords) result = { text: null, reason: 'too short', repaired: false };
    else result = standAlone(s, context);
    const effectiveSpeaker: string | null = speaker ?? (result.repaired ? context : null);
    out.push({
      article: index, position: position++, sentences: spanned, original: s, text: result.text, rejected: result.reason,
      repaired: result.repaired, pronounOpener: PRONOUN_OPENER.test(s), speaker: effectiveSpeaker, context,
      words: result.text ? countWords(result.text) : words,
    });
    if (effectiveSpeaker) { lastSpeaker = effectiveSpeaker; sinceSpeaker = 0; } else sinceSpeaker++;
  }
  return out;
}
