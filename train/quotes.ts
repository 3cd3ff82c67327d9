// `npm run train -- quotes`: rebuilds data/quotes-model.json, the learned speaker choice and keep decision over the
// rules' quotes (src/analysis/quotes/learned.ts), deterministically.
//
// Data: our own hand annotations of real articles under ../shared/notes/quote-guidelines.md (eval/data/quotes-dev,
// -fresh, -fresh2, -fresh3.jsonl; texts from ANT v1.1, Apache-2.0, the seeds and the sample corpus). Never the check
// set (quotes-check.jsonl) and never the held-out ANT days (no gold set holds them).
// Model: a softmax over each quote's candidate speakers (labelled right when it names the gold source, as the eval
// counts it), then a logistic regression on the quote with its chosen speaker (right quote and right speaker or not);
// L2, full-batch gradient descent from zero: the same data gives the same bytes. The keep threshold is chosen by
// cross-validation by article (5 folds by sha1 of the article id): each fold is scored with weights fitted on the other
// four, and the threshold with the best pooled F1 of right quote + right speaker is kept.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { goldTexts, loadQuoteGold, sameSource, scoreArticle, type GoldArticle, type QuoteScores, type QuoteSplit } from '../eval/quotes.js';
import { ruleQuotes, type FoundQuote } from '../src/analysis/quotes/index.js';
import {
  KEEP_FEATURES, SPEAKER_FEATURES, applyQuoteModel, candidateRows, chooseSpeaker, defaultQuoteModelPath, keepFeatures, type QuoteModel, type QuoteRow,
} from '../src/analysis/quotes/learned.js';

export const TRAIN_SPLITS: QuoteSplit[] = ['dev', 'fresh', 'fresh2', 'fresh3'];
export const FOLDS = 5;
/** L2 strengths tried by cross-validation: a strong one shrinks every weight toward zero, where the rules' speaker (the
 * first candidate, kept on ties) and every quote stay, so the rules alone are among the models compared. */
export const L2S = [0.001, 0.01, 0.1, 10];
const ITERATIONS = 3000;
const RATE = 1;
const THRESHOLDS = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

/** One annotated article with the rules' quotes, their candidate rows and the gold quote each matches (-1: none). */
export interface Doc { split: QuoteSplit; gold: GoldArticle; text: string; quotes: FoundQuote[]; rows: QuoteRow[]; match: number[]; fold: number }

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The gold quote a found quote is counted against, as the eval matches them (eval/quotes.ts scoreArticle). */
function matchOf(g: GoldArticle, f: FoundQuote): number {
  let best = -1, bo = 0;
  g.quotes.forEach((q, k) => { const o = overlap(f, q); if (o > bo || (o === bo && o > 0 && Math.abs(q.start - f.start) < Math.abs(g.quotes[best]!.start - f.start))) { bo = o; best = k; } });
  return best;
}

export async function trainingDocs(): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const split of TRAIN_SPLITS) {
    const gold = loadQuoteGold(split).sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
    const texts = await goldTexts(gold);
    for (const g of gold) {
      const text = texts.get(g.article);
      if (text === undefined || sha(text).slice(0, 16) !== g.textSha1) continue; // the eval skips these too
      const quotes = ruleQuotes(text);
      docs.push({ split, gold: g, text, quotes, rows: candidateRows(text, quotes), match: quotes.map((q) => matchOf(g, q)), fold: parseInt(sha(g.article).slice(0, 8), 16) % FOLDS });
    }
  }
  return docs;
}

/** Softmax over each quote's candidates, on the quotes where some but not all candidates name the gold source. */
function fitSpeaker(docs: Doc[], l2: number): number[] {
  const groups: { xs: number[][]; ys: number[] }[] = [];
  for (const d of docs) d.rows.forEach((row, k) => {
    if (d.match[k]! < 0) return;
    const gq = d.gold.quotes[d.match[k]!]!;
    const ys = row.cands.map((c): number => (sameSource(c.name, gq) ? 1 : 0));
    const right = ys.reduce((a, b) => a + b, 0);
    if (right > 0 && right < ys.length) groups.push({ xs: row.cands.map((c) => c.x), ys: ys.map((y) => y / right) });
  });
  const n = SPEAKER_FEATURES.length, w = new Array<number>(n).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Array<number>(n).fill(0);
    for (const { xs, ys } of groups) {
      const z = xs.map((x) => x.reduce((s, v, i) => s + v * w[i]!, 0));
      const m = Math.max(...z), e = z.map((v) => Math.exp(v - m)), sum = e.reduce((a, b) => a + b, 0);
      xs.forEach((x, c) => { const g = e[c]! / sum - ys[c]!; for (let i = 0; i < n; i++) grad[i]! += g * x[i]!; });
    }
    for (let i = 0; i < n; i++) w[i]! -= RATE * (grad[i]! / Math.max(1, groups.length) + l2 * w[i]!);
  }
  return w.map(r6);
}

/** Logistic regression: is a quote, with the speaker the speaker weights choose, a right quote with its right source? */
function fitKeep(docs: Doc[], speaker: number[], l2: number): number[] {
  const xs: number[][] = [], ys: number[] = [];
  for (const d of docs) d.rows.forEach((row, k) => {
    const { pick, margin } = chooseSpeaker(row, speaker);
    const name = pick >= 0 ? row.cands[pick]!.name : null;
    xs.push(keepFeatures(row, pick, margin));
    ys.push(d.match[k]! >= 0 && sameSource(name, d.gold.quotes[d.match[k]!]!) ? 1 : 0);
  });
  const n = KEEP_FEATURES.length, w = new Array<number>(n).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Array<number>(n).fill(0);
    xs.forEach((x, r) => { const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i]!, 0))); const g = p - ys[r]!; for (let i = 0; i < n; i++) grad[i]! += g * x[i]!; });
    for (let i = 0; i < n; i++) w[i]! -= RATE * (grad[i]! / Math.max(1, xs.length) + (i === 0 ? 0 : l2 * w[i]!));
  }
  return w.map(r6);
}

const emptyScores = (): QuoteScores => ({ found: 0, gold: 0, rightQuote: 0, rightSpeaker: 0, goldHit: 0, goldHitSpeaker: 0, errors: [] });
const f1 = (s: QuoteScores) => { const p = s.found ? s.rightSpeaker / s.found : 0, r = s.gold ? s.goldHitSpeaker / s.gold : 0; return p + r ? (2 * p * r) / (p + r) : 0; };

/** Scores of each split with each doc's own model (per fold, or one for all). */
function scoreDocs(docs: Doc[], modelOf: (d: Doc) => QuoteModel | null): Map<QuoteSplit | 'all', QuoteScores> {
  const out = new Map<QuoteSplit | 'all', QuoteScores>([['all', emptyScores()]]);
  for (const d of docs) {
    const m = modelOf(d);
    const found = m ? applyQuoteModel(d.text, d.quotes, m) : d.quotes;
    if (!out.has(d.split)) out.set(d.split, emptyScores());
    scoreArticle(d.gold, d.text, found, out.get(d.split)!);
    scoreArticle(d.gold, d.text, found, out.get('all')!);
  }
  return out;
}

export interface Fitted { model: QuoteModel & { l2: number }; cv: Record<string, string> }

/** The model with the given L2 strength and keep threshold, fitted on all docs. */
export function fitModel(docs: Doc[], l2: number, threshold: number): QuoteModel & { l2: number } {
  const speaker = fitSpeaker(docs, l2);
  return { speakerFeatures: [...SPEAKER_FEATURES], keepFeatures: [...KEEP_FEATURES], speaker, keep: fitKeep(docs, speaker, l2), threshold, l2 };
}

/** The L2 strength and threshold whose out-of-fold figures are best (pooled F1 of right quote + right speaker), the
 * model fitted on all docs with them, and the figures per split (the rules alone and cross-validated). */
export function fit(docs: Doc[]): Fitted {
  let best = -1, pick = { l2: L2S[L2S.length - 1]!, threshold: 0 };
  const fmt = (s: QuoteScores) => `P ${(s.rightSpeaker / s.found).toFixed(3)} R ${(s.goldHitSpeaker / s.gold).toFixed(3)} (content ${(s.rightQuote / s.found).toFixed(3)} / ${(s.goldHit / s.gold).toFixed(3)}; ${s.found} found, ${s.gold} gold)`;
  let bestScores: Map<QuoteSplit | 'all', QuoteScores> | null = null;
  for (const l2 of L2S) {
    const folds = Array.from({ length: FOLDS }, (_, f) => {
      const rest = docs.filter((d) => d.fold !== f);
      const speaker = fitSpeaker(rest, l2);
      return { speaker, keep: fitKeep(rest, speaker, l2) };
    });
    for (const t of THRESHOLDS) {
      const scores = scoreDocs(docs, (d) => ({ speakerFeatures: [...SPEAKER_FEATURES], keepFeatures: [...KEEP_FEATURES], ...folds[d.fold]!, threshold: t }));
      const f = f1(scores.get('all')!);
      // ties go to the stronger L2 and the lower threshold: the model nearer the rules
      if (f > best + 1e-9 || (Math.abs(f - best) <= 1e-9 && l2 > pick.l2)) { best = f; pick = { l2, threshold: t }; bestScores = scores; }
    }
  }
  const rules = scoreDocs(docs, () => null);
  const figures: Record<string, string> = {};
  for (const [k, s] of bestScores!) figures[k] = `rules ${fmt(rules.get(k)!)} -> cross-validated ${fmt(s)}`;
  return { model: fitModel(docs, pick.l2, pick.threshold), cv: figures };
}

export async function train(): Promise<void> {
  const docs = await trainingDocs();
  if (!docs.length) { console.error('train quotes: no gold article could be read (is ../shared there? set KHABAR_SHARED)'); process.exitCode = 1; return; }
  const { model, cv } = fit(docs);
  for (const [k, v] of Object.entries(cv)) console.log(`  ${k}: ${v}`);
  console.log(`  chosen by cross-validation: L2 ${model.l2}, keep threshold ${model.threshold}`);
  writeFileSync(defaultQuoteModelPath(), JSON.stringify(model, null, 1) + '\n');
  console.log(`  wrote ${defaultQuoteModelPath()}`);
}
