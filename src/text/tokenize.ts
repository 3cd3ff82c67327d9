// Tokens with offsets into the original string. One left-to-right pass over a class table: linear time.
import {
  CLASS, C_ARABIC, C_DIGIT, C_IGNORE, C_LATIN, C_MARK, C_OTHER, C_PUNCT, C_SPACE, C_SURROGATE, NORM_MAP,
} from './chars.js';
import { normalizeRange } from './normalize.js';
import { releaseUnits, unitsOfString } from './units.js';

export type TokenKind = 'word' | 'number' | 'punct' | 'latin' | 'symbol';

export interface Token {
  /** The original surface text, harakat and tatweel included. */
  text: string;
  /** The matching form (normalize()); numbers: ASCII digits, '.' decimal point, thousands separators dropped. */
  norm: string;
  kind: TokenKind;
  /** UTF-16 offsets into the input: text === input.slice(start, end). */
  start: number;
  end: number;
}

/** Number separators allowed between two digits: . , ٫ ٬ */
export function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

// The scanners read code units u[i] (see units.ts) so that strings and UTF-8 bytes share them.

/** End of the word that starts at i (Arabic letters, marks, invisible joiners between letters). */
export function scanWord(u: Uint16Array, i: number, n: number): number {
  while (i < n) {
    const k = CLASS[u[i]!];
    if (k === C_ARABIC || k === C_MARK) { i++; continue; }
    if (k === C_IGNORE) {
      // A ZWNJ/LRM inside a word stays inside it; at the edge it is not part of the token.
      let j = i + 1;
      while (j < n && CLASS[u[j]!] === C_IGNORE) j++;
      if (j < n && (CLASS[u[j]!] === C_ARABIC || CLASS[u[j]!] === C_MARK)) { i = j; continue; }
    }
    break;
  }
  return i;
}

/** End of the number starting at i: digits with . , ٫ ٬ only between digits. */
export function scanNumber(u: Uint16Array, i: number, n: number): number {
  while (i < n) {
    const k = CLASS[u[i]!];
    if (k === C_DIGIT) { i++; continue; }
    if (isNumberSeparator(u[i]!) && i + 1 < n && CLASS[u[i + 1]!] === C_DIGIT) { i += 2; continue; }
    break;
  }
  return i;
}

/** End of a run of other-script letters; digits and combining marks may follow the first letter (F16, café). */
export function scanLatin(u: Uint16Array, i: number, n: number): number {
  while (i < n) {
    const c = u[i]!;
    const k = CLASS[c];
    if (k === C_LATIN || k === C_DIGIT || (k === C_MARK && !(c >= 0x0600 && c <= 0x08ff))) { i++; continue; }
    if (k === C_SURROGATE && isAstralLetterAt(u, i, n)) { i += 2; continue; }
    break;
  }
  return i;
}

const astralLetter = /^\p{L}$/u;
/** Is u[i], u[i+1] a surrogate pair encoding a letter (𝐀, CJK extension B …)? */
export function isAstralLetterAt(u: Uint16Array, i: number, n: number): boolean {
  const hi = u[i]!;
  if (hi < 0xd800 || hi > 0xdbff || i + 1 >= n) return false;
  const lo = u[i + 1]!;
  if (lo < 0xdc00 || lo > 0xdfff) return false;
  return astralLetter.test(String.fromCharCode(hi, lo));
}

/**
 * Normalized form of a number token: ASCII digits; ٫ → '.'; a ',' or '٬' followed by exactly three digits
 * is a thousands separator and is dropped (1,500 → 1500); any other ',' stays (so "3,5" is not silently 35).
 */
export function normalizeNumber(u: Uint16Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = u[i]!;
    if (c === 0x2c || c === 0x066c) {
      let d = 0;
      while (i + 1 + d < end && CLASS[u[i + 1 + d]!] === C_DIGIT) d++;
      if (d === 3) continue;
      out += ',';
    } else if (c === 0x066b) out += '.';
    else out += String.fromCharCode(NORM_MAP[c]!);
  }
  return out;
}

/** Splits text into word, number, latin, punct and symbol tokens; whitespace and invisible controls are skipped. */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  if (typeof s !== 'string') return tokens;
  const n = s.length;
  const u = unitsOfString(s);
  let i = 0;
  while (i < n) {
    const c = u[i]!;
    const k = CLASS[c];
    const start = i;
    switch (k) {
      case C_SPACE:
      case C_IGNORE:
        i++;
        continue;
      case C_ARABIC:
      case C_MARK: {
        i = scanWord(u, i, n);
        const norm = normalizeRange(s, start, i);
        // A run of marks with no letter (a stray tatweel line) is punctuation, not a word.
        tokens.push({ text: s.slice(start, i), norm, kind: norm.length ? 'word' : 'punct', start, end: i });
        continue;
      }
      case C_DIGIT:
        i = scanNumber(u, i, n);
        tokens.push({ text: s.slice(start, i), norm: normalizeNumber(u, start, i), kind: 'number', start, end: i });
        continue;
      case C_LATIN:
        i = scanLatin(u, i, n);
        tokens.push({ text: s.slice(start, i), norm: normalizeRange(s, start, i), kind: 'latin', start, end: i });
        continue;
      case C_PUNCT: {
        i++;
        const text = s.slice(start, i);
        tokens.push({ text, norm: normalizeRange(s, start, i), kind: 'punct', start, end: i });
        continue;
      }
      case C_SURROGATE: {
        if (isAstralLetterAt(u, i, n)) {
          i = scanLatin(u, i, n);
          tokens.push({ text: s.slice(start, i), norm: s.slice(start, i), kind: 'latin', start, end: i });
          continue;
        }
        // An astral symbol (emoji) is one token; a lone surrogate is a one-unit symbol.
        const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && u[i + 1]! >= 0xdc00 && u[i + 1]! <= 0xdfff;
        i += pair ? 2 : 1;
        const text = s.slice(start, i);
        tokens.push({ text, norm: text, kind: 'symbol', start, end: i });
        continue;
      }
      default: {
        i++;
        const text = s.slice(start, i);
        tokens.push({ text, norm: normalizeRange(s, start, i), kind: 'symbol', start, end: i });
      }
    }
  }
  releaseUnits(u);
  return tokens;
}

const letterOrNumber = /^[\p{L}\p{N}]/u;
/**
 * Words as a reader counts them (summary budgets): whitespace-separated runs holding at least one letter or
 * digit — the same count as s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, in one pass.
 */
export function countWords(s: string): number {
  if (typeof s !== 'string') return 0;
  let n = 0;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = CLASS[c];
    if (k === C_SPACE || c === 0xfeff) { counted = false; continue; }
    if (counted) continue;
    if (k === C_ARABIC || k === C_LATIN || k === C_DIGIT || c === 0x0640 ||
      ((k === C_OTHER || k === C_SURROGATE) && letterOrNumber.test(s.slice(i, i + 2)))) {
      n++;
      counted = true;
    }
  }
  return n;
}

/**
 * The runs of letters and digits of s (any script), in order: the same as
 * s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0), in one pass over the class table (ingest splits
 * every line of every article this way to hash it).
 */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  if (typeof s !== 'string') return out;
  const n = s.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = CLASS[c];
    let width = 1;
    let inWord: boolean;
    if (k === C_ARABIC || k === C_LATIN || k === C_DIGIT) inWord = true;
    else if (k === C_SPACE || k === C_PUNCT || k === C_IGNORE) inWord = false;
    else if (k === C_SURROGATE) {
      const pair = c <= 0xdbff && i + 1 < n && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) width = 2;
      inWord = pair && letterOrNumber.test(s.slice(i, i + 2));
    } else inWord = letterOrNumber.test(s[i]!); // symbols, marks, other scripts' digits: ask Unicode
    if (inWord) { if (start < 0) start = i; }
    else if (start >= 0) { out.push(s.slice(start, i)); start = -1; }
    i += width - 1;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}
