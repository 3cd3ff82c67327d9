// The summary stage's view of the text API: sentences, normalized forms and content stems.
// TEMPORARY: src/text is being built in parallel; until normalize/sentences/analyze land there, this file
// carries a minimal stand-in with the same behaviour. It is replaced by imports from ../text/index.js.

const HARAKAT = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function normalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(HARAKAT, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export interface Sentence { text: string; start: number; end: number }

/** Sentences: split at line breaks and at . ! ? ؟ followed by space (not inside numbers). */
export function sentences(s: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n.!?؟]*(?:[.!?؟]+(?=\s|$)|\n|$)|[^\n]+?(?=\n|$)/gy;
  let i = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    if (b > a) out.push({ text: s.slice(a, b), start: a, end: b });
  };
  // Simple scanner: end a sentence at terminal punctuation followed by whitespace, or at a newline.
  let start = 0;
  for (i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n') { push(start, i); start = i + 1; continue; }
    if ((c === '.' || c === '!' || c === '?' || c === '؟') && (i + 1 >= s.length || /\s/.test(s[i + 1]))) {
      push(start, i + 1); start = i + 1;
    }
  }
  push(start, s.length);
  void re;
  return out;
}

const STOP = new Set(('في من على الى إلى عن مع ان أن إن او أو ثم ما لا لم لن قد كان كانت هذا هذه ذلك تلك التي الذي الذين ' +
  'هو هي هم بين بعد قبل حتى عند كل بعض غير منذ خلال حول عبر لدى اي أي كما وقد وفي ومن وعلى وهو وهي ' +
  'قال وقال واضاف اضاف انه انها او اما ايضا أيضا به بها له لها لهم فيه فيها منه منها عليه عليها الي علي').split(' ').map(normalize));

export function stem(w: string): string {
  let t = w;
  if (t.length >= 5 && /^(وال|بال|كال|فال)/.test(t)) t = t.slice(3);
  else if (t.length >= 4 && /^(ال|لل)/.test(t)) t = t.slice(2);
  else if (t.length >= 5 && /^[وف]/.test(t)) t = t.slice(1);
  for (const suf of ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي']) {
    if (t.endsWith(suf) && t.length - suf.length >= 3) { t = t.slice(0, -suf.length); break; }
  }
  return t;
}

export function isStopword(w: string): boolean { return STOP.has(w); }

/** Terms as matching sees them: normalized words, optionally stop words removed and stemmed. */
export function analyze(s: string, opts: { stem?: boolean; stopwords?: boolean } = {}): string[] {
  const words = normalize(s).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w0 of words) {
    const w = w0.toLowerCase();
    if (opts.stopwords === false && STOP.has(w)) continue;
    out.push(opts.stem ? stem(w) : w);
  }
  return out;
}

/** Content stems of a sentence: normalized, stop words dropped, light-stemmed. The one place the summary
 * stage decides what a "term" is. */
export function contentStems(s: string): string[] {
  return analyze(s, { stem: true, stopwords: false }).filter((t) => t.length > 1);
}

/** Words as the budget counts them: whitespace-separated tokens holding a letter or a digit. */
export function countWords(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}
