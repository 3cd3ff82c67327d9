// Highlighted snippets cut from the ORIGINAL article text (harakat, hamza and spelling as published),
// located through token offsets: FTS5 only ever sees the normalized text.
import { isStopword, tokenize, type Token } from '../text/index.js';
import type { TermQuery } from '../store/index.js';
import { searchStem } from './analyzer.js';

export interface Snippet {
  /** A passage of the original text, without markers. */
  text: string;
  /** Offsets of the passage in the article text. */
  start: number;
  end: number;
  /** Matched words as [start, end) offsets into `text`. */
  highlights: [number, number][];
}

/** Words in a snippet window; the window slides to cover the most distinct query terms. */
export const SNIPPET_WORDS = 30;

/**
 * The passage of `text` with the most distinct query terms within SNIPPET_WORDS words (the first one
 * on ties), extended to the start of its sentence when that is close, with the matched words' offsets.
 */
export function makeSnippet(text: string, query: TermQuery, maxWords = SNIPPET_WORDS): Snippet {
  const words = tokenize(text).filter((t) => t.kind !== 'punct' && t.kind !== 'symbol');
  if (words.length === 0) return { text: '', start: 0, end: 0, highlights: [] };
  // Memoized per distinct word of this text: the shared stem cache is large (a random memory read per
  // lookup), this map holds only the text's own few hundred words.
  const seen = new Map<string, number>();
  const termOf = (norm: string): number => {
    let i = seen.get(norm);
    if (i !== undefined) return i;
    i = -1;
    const s = searchStem(norm);
    for (let k = 0; k < query.terms.length; k++) {
      const t = query.terms[k];
      if (t.norms.includes(norm) || t.stems.includes(s)) { i = k; break; }
    }
    seen.set(norm, i);
    return i;
  };
  const match = words.map((w) => termOf(w.norm));
  const run = markPhrases(words, query, match);
  const n = words.length;
  const width = Math.min(maxWords, n);
  const counts = new Map<number, number>();
  let total = 0;
  const add = (i: number, d: number) => {
    if (match[i] < 0) return;
    const c = (counts.get(match[i]) ?? 0) + d;
    if (c === 0) counts.delete(match[i]); else counts.set(match[i], c);
    total += d;
  };
  // Score: distinct terms first, then all matches; the earliest best window wins.
  for (let i = 0; i < width; i++) add(i, 1);
  let best = 0;
  let bestScore = counts.size * 1000 + total;
  for (let s = 1; s + width <= n; s++) {
    add(s - 1, -1);
    add(s + width - 1, 1);
    const score = counts.size * 1000 + total;
    if (score > bestScore) { bestScore = score; best = s; }
  }
  // Show a few words of context before the first match, and as much after it as fits.
  let firstMatch = best;
  while (firstMatch < best + width && match[firstMatch] < 0) firstMatch++;
  let from = firstMatch < best + width ? Math.max(best, firstMatch - 5) : best;
  from = Math.max(0, Math.min(from, n - width));
  const to = from + width - 1;
  const start = words[from].start;
  let end = words[to].end;
  // Keep a closing punctuation mark right after the last word (e.g. a full stop).
  if (end < text.length && /[.!?؟۔»"”)]/.test(text[end])) end++;
  const highlights: [number, number][] = [];
  for (let i = from; i <= to; i++) {
    if (match[i] < 0) continue;
    // the words of one phrase match are one highlight, the stop words between them included
    const last = highlights[highlights.length - 1];
    if (last && run[i] >= 0 && i > from && run[i] === runAt(run, match, i - 1)) last[1] = words[i].end - start;
    else highlights.push([words[i].start - start, words[i].end - start]);
  }
  return { text: text.slice(start, end), start, end, highlights };
}

/**
 * Marks the words of each phrase match (match[i] = the phrase's term, for every word of it) and returns each word's
 * run: the index of the phrase match it belongs to, -1 for none. Stop words are skipped as the index skips them, so
 * «وقف إطلاق النار» matches «وقف لإطلاق النار» and the stop word between two phrase words belongs to the run.
 */
function markPhrases(words: Token[], query: TermQuery, match: number[]): number[] {
  const run = new Array<number>(words.length).fill(-1);
  if (!query.terms.some((t) => t.phrases?.some((p) => p.length > 1))) return run;
  const content: number[] = [];
  const stems: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (isStopword(words[i].norm)) continue;
    content.push(i);
    stems.push(searchStem(words[i].norm));
  }
  let runs = 0;
  query.terms.forEach((t, k) => {
    for (const p of t.phrases ?? []) {
      if (p.length < 2) continue;
      for (let j = 0; j + p.length <= stems.length; j++) {
        let ok = true;
        for (let x = 0; x < p.length && ok; x++) ok = stems[j + x] === p[x];
        if (!ok) continue;
        // overlapping matches (تنظيم الدولة الإسلامية and تنظيم الدولة) are one run
        const a = content[j], b = content[j + p.length - 1];
        let id = -1;
        for (let i = a; i <= b && id < 0; i++) id = run[i];
        if (id < 0) id = runs++;
        for (let i = a; i <= b; i++) { match[i] = k; run[i] = id; }
      }
    }
  });
  return run;
}

/** The run of word i: its own, or for a word of no run, -2 (never equal to a run). */
function runAt(run: number[], match: number[], i: number): number {
  return match[i] >= 0 && run[i] >= 0 ? run[i] : -2;
}

/**
 * The snippet with each highlight wrapped in markers, and … where text was cut. Plain text marks with [ ]: « » is
 * how Arabic quotes, and a marked quotation would read as a quotation (the web page marks with <mark>).
 */
export function markSnippet(s: Snippet, full: string, open = '[', close = ']'): string {
  let out = '';
  let pos = 0;
  for (const [a, b] of s.highlights) {
    out += s.text.slice(pos, a) + open + s.text.slice(a, b) + close;
    pos = b;
  }
  out += s.text.slice(pos);
  out = out.replace(/\s+/g, ' ').trim();
  return (s.start > 0 ? '… ' : '') + out + (s.end < full.length ? ' …' : '');
}
