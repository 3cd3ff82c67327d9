// Word scanning for entity and quote rules: words with offsets, their folded form, and the form with
// proclitics (و ف ب ل ك ال) removed. Entity rules need the exact surface span, so this keeps offsets.
import { fold } from './names.js';

export interface Word {
  text: string;
  start: number;
  end: number;
  /** Folded (fold()) form. */
  f: string;
  /** Folded form without the conjunction و/ف (for matching verbs and titles). */
  noConj: string;
  /** Punctuation right after the word (before the next word), trimmed; '' when none. */
  after: string;
}

const WORD = /[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FF\u0670A-Za-z0-9\u064B-\u065F\u0640]+(?:[.,٫][0-9٠-٩]+)*/g;

// extractArticle scans one text for entities and then for quotes: the last scan is kept for the second caller.
// (Callers only read the words.)
let lastText: string | null = null;
let lastWords: Word[] = [];

export function words(text: string): Word[] {
  if (text === lastText) return lastWords;
  const out = scanWords(text);
  lastText = text;
  lastWords = out;
  return out;
}

function scanWords(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const f = fold(m[0]);
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, f, noConj: stripConj(f), after: '' });
  }
  for (let i = 0; i < out.length; i++) {
    const gapEnd = i + 1 < out.length ? out[i + 1].start : text.length;
    out[i].after = text.slice(out[i].end, gapEnd).trim();
  }
  return out;
}

/** Removes a leading و or ف when a plausible word remains. */
export function stripConj(f: string): string {
  if (f.length > 3 && (f[0] === 'و' || f[0] === 'ف')) return f.slice(1);
  return f;
}

/** Candidate bare forms of a folded word: itself, without و/ف, without ب/ل/ك, without ال (and combinations). */
export function bareForms(f: string): string[] {
  const out = [f];
  let w = f;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) { w = w.slice(1); out.push(w); }
  if (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل' || w[0] === 'ك')) {
    const x = w.slice(1);
    out.push(x);
    if (w.startsWith('لل') && w.length > 4) out.push('ال' + w.slice(2));
  }
  return out;
}

/** Drops proclitics for a display variant: والولايات → الولايات, بسوريا → سوريا, لتركيا → تركيا. */
export function surfaceWithoutClitics(text: string, bare: string): string {
  // bare is a folded suffix of fold(text); cut the same number of leading letters from the surface.
  const f = fold(text);
  const cut = f.length - bare.length;
  if (cut <= 0) return text;
  let letters = 0, i = 0;
  while (i < text.length && letters < cut) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640)) letters++; // harakat, tatweel: not letters
    i++;
  }
  let rest = text.slice(i);
  if (bare.startsWith('ال') && !fold(rest).startsWith('ال')) rest = 'ال' + rest; // لل → ال
  return rest;
}
