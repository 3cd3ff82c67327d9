// A learned decision over the rules' quotes (extract.ts): for each quote, which of a few candidate speakers is the
// source (the rules' own, the previous quote's, or another one named earlier in the article), and whether the quote
// is kept at all. Hand rules grown from a few dozen articles did not carry over to the next ones (docs/quotes.md);
// weights fitted on every annotated article (eval/data/quotes-*.jsonl, not the check set) by `npm run train -- quotes`
// and shipped in data/quotes-model.json weigh the same evidence the rules look at: how the speaker was found, what the
// cue is, whether the speaker looks like a name or like a stray chunk of the sentence, agreement and distance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { ROLE, TIME_WORD, cueOf, fold, type CueInfo } from './cues.js';
import { cueGender, genderOf } from './words.js';
import type { FoundQuote } from './extract.js';

/** Features of one candidate speaker of one quote (the softmax over a quote's candidates picks its speaker). */
export const SPEAKER_FEATURES = [
  'rule', 'prev', 'recency', 'spoke', 'namedHere', 'oneWord', 'long', 'nameWord', 'prepStart', 'digit', 'junk',
  'genderClash', 'genderAgree', 'near', 'far', 'unseen', 'rule×participle', 'rule×conjVerb', 'rule×marker',
  'prev×participle', 'prev×conjVerb', 'shares', 'alt×ruleRoleOnly', 'alt×named',
] as const;
/** Features of a quote with its chosen speaker (a logistic regression: is the attribution right?). */
export const KEEP_FEATURES = [
  'bias', 'direct', 'participle', 'conjVerb', 'marker', 'noun', 'namedHere', 'prev', 'oneWord', 'long', 'nameWord',
  'prepStart', 'digit', 'junk', 'genderClash', 'unseen', 'shortContent', 'longContent', 'nested', 'margin',
  'changed', 'noSpeaker',
] as const;

export interface QuoteModel {
  speakerFeatures: string[];
  keepFeatures: string[];
  speaker: number[];
  keep: number[];
  /** A quote whose kept probability is under this is dropped (chosen by cross-validation by article). */
  threshold: number;
}

/** How many speakers named before a quote, besides the rules' own and the previous quote's, are candidates. */
const EARLIER = 3;
/** Characters before a cue within which a speaker's earlier mention counts as near (about a sentence). */
const NEAR = 300;

const FUNCTION_WORD = /^(حيث|فقد|وقد|الذي|التي|الذين|ان|انه|انها|و|ف|ما|مما|هذه|هذا|تلك|ذلك|كما|بعد|قبل|عند|لدي)$/;
const PREP = /^(في|من|عن|علي|الي|مع|ل|ب|لـ|بـ)$/;

interface Cand { name: string; x: number[] }
export interface QuoteRow { quote: FoundQuote; cands: Cand[]; cue: CueInfo | null; prevSpeaker: string | null; nested: boolean }

const words = (s: string) => fold(s).replace(/[^\u0621-\u064A0-9 ]/g, ' ').split(' ').filter(Boolean);

function cueInfo(q: FoundQuote): { info: CueInfo | null; conj: boolean; first: string } {
  const first = fold(q.cue.split(/\s+/)[0] ?? '');
  const info = cueOf(first);
  return { info, conj: !!info && first !== info.stem && /^[وف]/.test(first), first };
}

/** The candidate speakers of each quote, with their features (in the order the quotes are given: by offset). */
export function candidateRows(text: string, quotes: FoundQuote[]): QuoteRow[] {
  const order = quotes.map((q, k) => k).sort((a, b) => quotes[a]!.cueStart - quotes[b]!.cueStart);
  const rows: QuoteRow[] = new Array(quotes.length);
  const spoken: string[] = []; // the rules' speakers so far, in cue order
  const count = new Map<string, number>();
  let prev: string | null = null;
  for (const k of order) {
    const q = quotes[k]!;
    const { info, conj, first } = cueInfo(q);
    const g = info ? cueGender(first, info) : null;
    const names: string[] = [];
    if (q.speaker) names.push(q.speaker);
    if (prev && !names.includes(prev)) names.push(prev);
    const earlier: string[] = [];
    for (let h = spoken.length - 1; h >= 0 && earlier.length < EARLIER; h--) if (!earlier.includes(spoken[h]!)) earlier.push(spoken[h]!);
    for (const e of earlier) if (!names.includes(e)) names.push(e);
    // the rules' speaker as words without ال, and whether it names anyone (القائد الميداني، أحد هذه المصادر do not)
    const stems = (n: string) => words(n).map((w) => w.replace(/^(ال|لل)/, '')).filter((w) => w.length >= 3 && !FUNCTION_WORD.test(w));
    const ruleStems = q.speaker ? stems(q.speaker) : [];
    const hasName = (ws: string[]) => ws.some((w) => !ROLE.test(w) && !PREP.test(w) && !FUNCTION_WORD.test(w) && !/^\d/.test(w));
    const ruleRoleOnly = q.speaker && !hasName(words(q.speaker)) ? 1 : 0;
    const participle = info?.kind === 'participle' ? 1 : 0, conjVerb = info?.kind === 'verb' && conj ? 1 : 0, marker = info?.kind === 'marker' ? 1 : 0;
    const cands = names.map((name): Cand => {
      const ws = words(name);
      const isRule = name === q.speaker ? 1 : 0, isPrev = name === prev ? 1 : 0;
      const rank = earlier.indexOf(name);
      const h = genderOf(name);
      // the speaker's last word written before the cue (or within the cue's own clause): near, far, or not at all
      const last = name.split(/\s+/).pop() ?? name;
      const at = text.lastIndexOf(last, q.cueStart + 200);
      const near = at >= 0 && at >= q.cueStart - NEAR ? 1 : 0, far = at >= 0 && !near ? 1 : 0;
      const x = [
        isRule, isPrev, rank >= 0 ? 1 / (rank + 1) : 0, Math.log1p(count.get(name) ?? 0), isRule && q.speakerStart >= 0 ? 1 : 0,
        ws.length <= 1 ? 1 : 0, ws.length > 8 ? 1 : 0, hasName(ws) ? 1 : 0,
        PREP.test(ws[0] ?? '') || /^(لل|بال)/.test(ws[0] ?? '') ? 1 : 0, /\d/.test(name) ? 1 : 0,
        ws.some((w) => FUNCTION_WORD.test(w) || TIME_WORD.test(w) || !!cueOf(w)) ? 1 : 0,
        g && h && g !== h ? 1 : 0, g && h && g === h ? 1 : 0, near, far, at < 0 ? 1 : 0,
        isRule * participle, isRule * conjVerb, isRule * marker, isPrev * participle, isPrev * conjVerb,
        // another speaker that holds a word of the rules' one (مصادر مطلعة for أحد هذه المصادر, مدرب الفريق ... for مدرب
        // نادي ...): the anaphor's antecedent
        !isRule && ruleStems.length && stems(name).some((w) => ruleStems.includes(w)) ? 1 : 0,
        !isRule ? ruleRoleOnly : 0, !isRule && hasName(ws) ? 1 : 0,
      ];
      return { name, x };
    });
    const nested = quotes.some((o) => o !== q && o.start <= q.start && q.end <= o.end && (o.start < q.start || q.end < o.end));
    rows[k] = { quote: q, cands, cue: info, prevSpeaker: prev, nested };
    if (q.speaker) { spoken.push(q.speaker); count.set(q.speaker, (count.get(q.speaker) ?? 0) + 1); }
    prev = q.speaker;
  }
  return rows;
}

const dot = (w: number[], x: number[]) => { let s = 0; for (let i = 0; i < x.length; i++) s += w[i]! * x[i]!; return s; };

/** The chosen candidate (index into row.cands, -1 when there is none) and the softmax margin over the next best. */
export function chooseSpeaker(row: QuoteRow, weights: number[]): { pick: number; margin: number } {
  let best = -1, bs = -Infinity, second = -Infinity;
  row.cands.forEach((c, i) => {
    const s = dot(weights, c.x);
    if (s > bs) { second = bs; bs = s; best = i; } else if (s > second) second = s;
  });
  return { pick: best, margin: best < 0 ? 0 : Number.isFinite(second) ? Math.min(bs - second, 5) : 5 };
}

/** Features of a quote given its chosen speaker. */
export function keepFeatures(row: QuoteRow, pick: number, margin: number): number[] {
  const q = row.quote, c = pick >= 0 ? row.cands[pick]! : null;
  const f = (name: (typeof SPEAKER_FEATURES)[number]) => (c ? c.x[SPEAKER_FEATURES.indexOf(name)]! : 0);
  const n = q.text.split(/\s+/).length;
  const { conj } = cueInfo(q);
  const kind = row.cue?.kind;
  return [
    1, q.kind === 'direct' ? 1 : 0, kind === 'participle' ? 1 : 0, kind === 'verb' && conj ? 1 : 0, kind === 'marker' ? 1 : 0, kind === 'noun' ? 1 : 0,
    c && c.name === q.speaker && q.speakerStart >= 0 ? 1 : 0, f('prev'), f('oneWord'), f('long'), f('nameWord'), f('prepStart'), f('digit'), f('junk'),
    f('genderClash'), f('unseen'), n < 8 ? 1 : 0, n > 60 ? 1 : 0, row.nested ? 1 : 0, margin / 5, c && c.name !== q.speaker ? 1 : 0, c ? 0 : 1,
  ];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The quotes with the model's speakers, the unlikely ones dropped. */
export function applyQuoteModel(text: string, quotes: FoundQuote[], model: QuoteModel): FoundQuote[] {
  if (!quotes.length) return quotes;
  const rows = candidateRows(text, quotes);
  const out: FoundQuote[] = [];
  for (const row of rows) {
    const { pick, margin } = chooseSpeaker(row, model.speaker);
    if (sigmoid(dot(model.keep, keepFeatures(row, pick, margin))) < model.threshold) continue;
    const name = pick >= 0 ? row.cands[pick]!.name : null;
    out.push(name === row.quote.speaker ? row.quote : { ...row.quote, speaker: name, speakerStart: -1, speakerEnd: -1 });
  }
  return out;
}

export function defaultQuoteModelPath(): string {
  return join(packageRoot(), 'data', 'quotes-model.json');
}

/** Reads a quote model file; a clear error names the file and what is wrong with it. */
export function readQuoteModel(path: string): QuoteModel {
  let m: QuoteModel;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as QuoteModel;
  } catch (e) {
    throw new Error(`quotes: cannot read the quote model ${path}: ${(e as Error).message}; it ships with khabar (npm run train -- quotes rebuilds it)`);
  }
  const numbers = (xs: unknown, n: number) => Array.isArray(xs) && xs.length === n && xs.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!m || !Array.isArray(m.speakerFeatures) || m.speakerFeatures.join() !== SPEAKER_FEATURES.join() || !Array.isArray(m.keepFeatures)
    || m.keepFeatures.join() !== KEEP_FEATURES.join() || !numbers(m.speaker, SPEAKER_FEATURES.length) || !numbers(m.keep, KEEP_FEATURES.length)
    || typeof m.threshold !== 'number' || !(m.threshold >= 0 && m.threshold < 1)) {
    throw new Error(`quotes: the quote model ${path} does not have the features this khabar computes, their weights and a threshold in [0, 1): npm run train -- quotes rebuilds it`);
  }
  return m;
}

let shipped: QuoteModel | undefined;
export function defaultQuoteModel(): QuoteModel {
  shipped ??= readQuoteModel(defaultQuoteModelPath());
  return shipped;
}
