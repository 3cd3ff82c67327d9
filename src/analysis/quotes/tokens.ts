// Tokens of an article paragraph as the quote extractor reads them (words with their folded form, punctuation), the
// quotation marks that pair up, and the words before a name; no rule about speech here (see extract.ts).
import { fold } from './cues.js';
export interface Tok { s: number; e: number; raw: string; f: string; word: boolean }

const WORD = /[\p{L}\p{N}\u064B-\u0652\u0670\u0640]+|[^\s\p{L}\p{N}]/gu;
const WORD_CHAR = /[\p{L}\p{N}\u064B-\u0652\u0670\u0640]/u;
const SPACE = /\s/;
/** Class of each UTF-16 code unit as WORD reads it (0 space, 1 word character, 2 other, 3 surrogate), filled on first
 * use: tokenizing by a table lookup per character instead of a Unicode regex is the extractor's largest saving. */
const CLASS = new Uint8Array(65536).fill(255);
const classOf = (c: number): number => {
  let k = CLASS[c];
  if (k === 255) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? 3 : SPACE.test(ch) ? 0 : WORD_CHAR.test(ch) ? 1 : 2;
    CLASS[c] = k;
  }
  return k;
};

/** Tokens of text[from, to): runs of letters, digits and harakat, and single other characters (as WORD splits). */
export function tokenize(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  let p = from;
  while (p < to) {
    const k = classOf(text.charCodeAt(p));
    if (k === 0) { p++; continue; }
    if (k === 3) {
      // a character outside the BMP: the regex decides, as it always did
      WORD.lastIndex = p;
      const m = WORD.exec(text);
      if (!m || m.index >= to) break;
      const raw = m[0];
      const word = raw.length > 1 || WORD_CHAR.test(raw);
      out.push({ s: m.index, e: m.index + raw.length, raw, f: word ? fold(raw) : raw, word });
      p = m.index + raw.length;
      continue;
    }
    let e = p + 1;
    if (k === 1) while (e < text.length && classOf(text.charCodeAt(e)) === 1) e++;
    const raw = text.slice(p, e);
    const c = text.charCodeAt(p);
    // a lone mark in the Arabic block (ٔ) or [ \ ] ^ _ ` counts as a word, as it always has
    const word = k === 1 || (c >= 0x41 && c <= 0x7a) || (c >= 0x0621 && c <= 0x06d3);
    out.push({ s: p, e, raw, f: word ? fold(raw) : raw, word });
    p = e;
  }
  return out;
}

const OPEN_CLOSE: Record<string, string> = { '«': '»', '“': '”', '"': '"', "'": "'" };
export const isMark = (t: Tok) => !t.word && (t.raw in OPEN_CLOSE || t.raw === '»' || t.raw === '”');
export const SENT_END = new Set(['.', '!', '?', '؟']);

/** Matched quotation marks of a paragraph: open token index -> close token index (and back). A mark that both opens
 * and closes (") opens before a word after a space or bracket; nested pairs close first; an opening mark with no
 * closing mark in the paragraph stays unmatched. */
export function pairMarks(text: string, toks: Tok[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!isMark(t)) continue;
    const c = t.raw;
    if (c === '»' || c === '”') {
      for (let k = stack.length - 1; k >= 0; k--) if (OPEN_CLOSE[toks[stack[k]].raw] === c) { pairs.set(stack[k], i); pairs.set(i, stack[k]); stack.length = k; break; }
      continue;
    }
    if (c === '«' || c === '“') { stack.push(i); continue; }
    // " or ': opens when a word follows at once and a space, bracket or line start precedes
    const prev = t.s > 0 ? text[t.s - 1] : ' ';
    const next = text[t.e] ?? ' ';
    const opens = /[\s(\[:،,]/.test(prev) && !/\s/.test(next);
    const top = stack.length ? stack[stack.length - 1] : -1;
    if (top >= 0 && toks[top].raw === c && (!opens || /[^\s(\[]/.test(prev))) { pairs.set(top, i); pairs.set(i, top); stack.pop(); continue; }
    if (c === "'" && !/[\u0621-\u064A]/.test(next) && !/[\u0621-\u064A]/.test(prev)) continue; // l'Aube
    if (opens) stack.push(i);
    else if (top >= 0 && toks[top].raw === c) { pairs.set(top, i); pairs.set(i, top); stack.pop(); }
    else if (c === '"' && /\s/.test(next) && !stack.some((k) => toks[k].raw === c)) stack.push(i); // قعلول" لا ...
  }
  return pairs;
}

export const words = (ts: Tok[]) => ts.filter((t) => t.word);
export const joinWords = (ts: Tok[]) => words(ts).map((t) => t.raw).join(' ');

const isLetter = (c: number) => c >= 0x0621 && c <= 0x064a;
const isSpace = (c: string) => SPACE.test(c);
/** The one or two words (each followed by one space) just before text[at], and the word or comma before them across
 * whitespace, read back from at no further than from: [, that word or comma, the words with their spaces]; or null.
 * What /([ء-ي]+|[،,])\s+((?:[ء-ي]+ ){1,2})NAME$/ finds on text.slice(from, at) + NAME, read backwards instead: that
 * regex on every occurrence of every surname was the slowest step left. */
export function leadBefore(text: string, from: number, at: number): [string, string, string] | null {
  const run = (end: number): number => { let k = end; while (k > from && isLetter(text.charCodeAt(k - 1))) k--; return k; }; // start of the letters ending at end
  const before = (k: number): string | null => { // the word or comma before the whitespace that ends at k
    let j = k;
    if (j <= from || !isSpace(text[j - 1])) return null;
    while (j > from && isSpace(text[j - 1])) j--;
    if (j <= from) return null;
    const c = text[j - 1];
    if (c === '،' || c === ',') return c;
    const s = run(j);
    return s < j ? text.slice(s, j) : null;
  };
  if (at - 1 < from || text[at - 1] !== ' ') return null;
  const w2s = run(at - 1);
  if (w2s === at - 1) return null;
  if (w2s - 1 > from && text[w2s - 1] === ' ') {
    const w1s = run(w2s - 1);
    if (w1s < w2s - 1) { const g = before(w1s); if (g !== null) return ['', g, text.slice(w1s, at)]; }
  }
  const g = before(w2s);
  return g !== null ? ['', g, text.slice(w2s, at)] : null;
}
