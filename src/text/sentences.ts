// Sentence splitting for news text: one linear pass with a small quote state.
import { CLASS, C_ARABIC, C_DIGIT, C_LATIN, C_SPACE } from './chars.js';
import { SENTENCE_LIMITS } from './tuning.js';

export interface Sentence {
  /** Trimmed sentence text; text === input.slice(start, end). */
  text: string;
  start: number;
  end: number;
}

// Sentence-final marks: . ! ? ؟ ؛ … (the Arabic semicolon ends a clause that reads as a sentence in news).
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x061b || c === 0x2026 || c === 0x06d4;
}
function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

// Latin abbreviations that take a period without ending a sentence (lower-cased, without the period).
// Source: our own list of the forms common in English-language names and titles quoted in Arabic news.
const LATIN_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'gen', 'col',
  'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol', 'pp', 'ed',
]);

/**
 * True when the period at i belongs to an abbreviation: a one-letter Arabic abbreviation (د. م. ص. ق.م ه.)
 * not preceded by a number (2018 م. is the era mark that ends a sentence), a Latin abbreviation
 * from the list, or a single Latin capital (J. Smith).
 */
function isAbbreviationPeriod(s: string, i: number): boolean {
  let j = i;
  while (j > 0) {
    const k = CLASS[s.charCodeAt(j - 1)];
    if (k === C_ARABIC || k === C_LATIN || s.charCodeAt(j - 1) === 0x2e) j--;
    else break;
    if (i - j > 12) return false;
  }
  if (j === i) return false;
  const word = s.slice(j, i);
  const first = CLASS[word.charCodeAt(0)];
  if (first === C_ARABIC) {
    // ق.م, ص.ب: letters separated by periods; or a single letter.
    let letters = 0;
    for (let t = 0; t < word.length; t++) if (word.charCodeAt(t) !== 0x2e) letters++;
    if (letters > 2 || (letters === 2 && word.indexOf('.') < 0)) return false;
    // Preceded by a number ("عام 2018 م.")? Then it ends the sentence.
    let p = j - 1;
    while (p >= 0 && CLASS[s.charCodeAt(p)] === C_SPACE && !isNewline(s.charCodeAt(p))) p--;
    if (p >= 0 && CLASS[s.charCodeAt(p)] === C_DIGIT) return false;
    return true;
  }
  if (first === C_LATIN) {
    const lower = word.toLowerCase();
    if (LATIN_ABBREVIATIONS.has(lower)) return true;
    if (word.length === 1 && word !== lower) return true; // single capital initial
  }
  return false;
}

// Quote characters: opening → closing (« » “ ” „ ” ‹ ›); the straight " toggles. Comparisons, not a lookup
// object: this runs for every character of every text.
function closingQuoteOf(c: number): number {
  if (c === 0x22) return 0x22;
  if (c === 0xab) return 0xbb;
  if (c === 0x201c || c === 0x201e) return 0x201d;
  if (c === 0x2039) return 0x203a;
  return 0;
}
function isClosingQuote(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x203a;
}

/**
 * Splits on . ! ? ؟ ؛ … and line breaks. Text inside «» “” "" stays whole; a line break always ends a
 * sentence and resets quotes; an unclosed quote is abandoned after SENTENCE_LIMITS.maxQuoteChars (the
 * text after it is rescanned once without it, so the pass stays linear). No split inside 3.5, after
 * د. / م. / ق.م or Latin abbreviations. Offsets point into the input; sentences are trimmed, never empty.
 */
export function sentences(s: string): Sentence[] {
  const out: Sentence[] = [];
  if (typeof s !== 'string') return out;
  const n = s.length;
  let segStart = 0;
  let quoteClose = 0; // the closing quote we wait for; 0 = not in a quote
  let quoteStart = -1;
  let quotesOffUntil = -1; // after an abandoned quote: ignore quote characters before this offset
  const maxQuote = SENTENCE_LIMITS.maxQuoteChars;
  const emit = (a: number, b: number): void => {
    while (a < b && (CLASS[s.charCodeAt(a)] === C_SPACE || s.charCodeAt(a) === 0xfeff)) a++;
    while (b > a && CLASS[s.charCodeAt(b - 1)] === C_SPACE) b--;
    if (b > a) out.push({ text: s.slice(a, b), start: a, end: b });
  };
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isNewline(c)) {
      emit(segStart, i);
      segStart = i + 1;
      quoteClose = 0;
      i++;
      continue;
    }
    if (quoteClose !== 0) {
      if (c === quoteClose) { quoteClose = 0; i++; continue; }
      if (i - quoteStart > maxQuote) {
        // Unbalanced quote: go back to just after it and read on as if it were not there.
        quotesOffUntil = i;
        i = quoteStart + 1;
        quoteClose = 0;
        continue;
      }
      i++;
      continue;
    }
    if (i >= quotesOffUntil) {
      const close = closingQuoteOf(c);
      if (close !== 0) { quoteClose = close; quoteStart = i; i++; continue; }
    }
    if (isTerminator(c)) {
      if (c === 0x2e) {
        const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (CLASS[prev] === C_DIGIT && CLASS[next] === C_DIGIT) { i++; continue; } // 3.5
        if (isAbbreviationPeriod(s, i) && next !== 0 && !isNewline(next)) { i++; continue; }
      }
      // Take the whole run of terminators (?! … ...) and closing quotes/brackets after it.
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (isTerminator(d) || isClosingQuote(d) || d === 0x29 || d === 0x5d) j++;
        else break;
      }
      emit(segStart, j);
      segStart = j;
      i = j;
      continue;
    }
    i++;
  }
  emit(segStart, n);
  return out;
}

/**
 * The opening of a text for a list entry when it has no headline: its first sentence, cut after `maxWords` words
 * with an ellipsis. Empty for a text without words. Only the text's start is split (a search answer asks this of
 * twenty whole articles), long enough to hold maxWords words.
 */
export function opening(text: string, maxWords = 14): string {
  const first = sentences(text.slice(0, 60 * maxWords))[0]?.text ?? '';
  const words = first.split(/\s+/).filter(Boolean);
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
}
