// Pair evidence measured pair by pair, not grouped: how well each candidate feature of the learned pair scorer tells
// SemEval's same-story pairs from its different ones (area under the ROC curve), alone and added to the shipped
// features in a logistic regression trained out of fold (each ANT development window and each third of the SemEval
// development pairs a fold, as train/stories.ts folds them), and by the share of the training weight SemEval carries.
// Also contrast features (what one article says that the other lacks), other penalties, a fit centred on the cosine,
// and where the probabilities sit on each set. The figures of docs/stories-grouping.md (2026-12-06, precision first;
// and the strong-score entry above it). Development data only: the ANT windows (read
// undated, as the trainer reads them) and the SemEval development half; never a held-out day, window or half.
// Run: `node dist/eval/stories-pairs.js` (a few minutes, most of them the recognizer's; needs ../shared).
import { pathToFileURL } from 'node:url';
import { entityMentionKeys } from './stories-pairs-ner.js';
import { CANDIDATE_SCORE, SEMEVAL_FOLDS, fit, trainingData, type FitOptions, type Row } from '../train/stories.js';
import { DIFFERENT_MIN, SAME_MAX } from './stories-semeval.js';
import { StoryGrouper, defaultPrior, extractFeatures, groupingTerm, pairProbability, type ArticleFeatures } from '../src/stories/index.js';
import { tokenize } from '../src/text/index.js';
import type { Article } from '../src/types.js';

/** The candidate features, each of a pair of articles (see extraFeatures). */
const EXTRA = ['headCoverMin', 'headCoverMax', 'headIdfCosine', 'rareHeadMissing', 'nameCover', 'topTermCover', 'sameOutlet', 'nerCover',
  // Contrast: what one article says that the other lacks, or where the two differ.
  'rareHeadMissingMin', 'top5MissingMax', 'top5MissingMin', 'rareNameMissing', 'headNumberClash', 'latinClash', 'textDateGap'] as const;

interface Context { feats: Map<string, ArticleFeatures>; idf: (t: string) => number; logN: number; ner: Map<string, string[]> }

/** The articles' features and an idf over the shipped prior plus the articles, as the grouper counts a batch. */
function context(articles: Article[]): Context {
  const prior = defaultPrior();
  const feats = new Map(articles.map((a) => [a.id, extractFeatures(a)]));
  const df = new Map<string, number>();
  for (const f of feats.values()) for (const t of new Set([...Object.keys(f.terms), ...f.keys])) df.set(t, (df.get(t) ?? 0) + 1);
  const n = prior.documents + feats.size;
  const idf = (t: string): number => Math.log((n + 1) / ((df.get(t) ?? 0) + (prior.df.get(t) ?? 0) + 1)) + 1;
  return { feats, idf, logN: Math.log(n) + 1, ner: entityMentionKeys(articles) };
}

/** Share (idf-weighted) of `words` found in the other side's terms or words. */
function cover(ctx: Context, words: string[], terms: Record<string, number>, other: string[]): number {
  let found = 0, all = 0;
  for (const w of words) { const i = ctx.idf(w); all += i; if (w in terms || other.includes(w)) found += i; }
  return all ? found / all : 0;
}

function extraFeatures(ctx: Context, x: string, y: string): number[] {
  const a = ctx.feats.get(x)!, b = ctx.feats.get(y)!;
  const head = (f: ArticleFeatures): string[] => [...new Set((f.evidence?.head ?? []).map(groupingTerm))];
  const ha = head(a), hb = head(b);
  const ca = cover(ctx, ha, b.terms, hb), cb = cover(ctx, hb, a.terms, ha);
  let dot = 0, na = 0, nb = 0;
  for (const w of ha) { const i = ctx.idf(w) ** 2; na += i; if (hb.includes(w)) dot += i; }
  for (const w of hb) nb += ctx.idf(w) ** 2;
  const missing = (h: string[], o: ArticleFeatures, oh: string[]): number =>
    Math.max(0, ...h.filter((w) => !(w in o.terms) && !oh.includes(w)).map((w) => ctx.idf(w) / ctx.logN));
  const names = (f: ArticleFeatures): string[] => f.keys.filter((k) => k.startsWith('n:'));
  const nameCover = (p: string[], q: string[], terms: Record<string, number>): number => {
    let found = 0, all = 0;
    for (const k of p) { const i = ctx.idf(k); all += i; if (q.includes(k) || k.slice(2) in terms) found += i; }
    return all ? found / all : 1;
  };
  const top = (f: ArticleFeatures): [string, number][] => Object.entries(f.terms).map(([t, w]): [string, number] => [t, w * ctx.idf(t)]).sort((p, q) => q[1] - p[1]).slice(0, 10);
  const topCover = (f: ArticleFeatures, o: ArticleFeatures): number => {
    let found = 0, all = 0;
    for (const [t, v] of top(f)) { all += v; if (t in o.terms) found += v; }
    return all ? found / all : 0;
  };
  const ea = ctx.ner.get(x) ?? [], eb = ctx.ner.get(y) ?? [];
  const entityCover = (p: string[], q: string[]): number => cover(ctx, p, {}, q);
  const topMissing = (f: ArticleFeatures, o: ArticleFeatures): number => {
    let miss = 0, all = 0;
    for (const [t, v] of top(f).slice(0, 5)) { all += v; if (!(t in o.terms)) miss += v; }
    return all ? miss / all : 0;
  };
  const nameMissing = (f: ArticleFeatures, o: ArticleFeatures): number =>
    Math.max(0, ...names(f).filter((k) => !o.keys.includes(k) && !(k.slice(2) in o.terms)).map((k) => ctx.idf(k) / ctx.logN));
  // Numbers of the headline (not years): a score, a model number, a toll.
  const headNumbers = (f: ArticleFeatures): string[] => tokenize(f.title ?? '').filter((t) => t.kind === 'number' && !/^(?:19|20)\d\d$/.test(t.norm)).map((t) => t.norm);
  const clash = (p: string[], q: string[]): number => (p.length && q.length && !p.some((v) => q.includes(v)) ? 1 : 0);
  const latin = (f: ArticleFeatures): string[] => f.keys.filter((k) => /^n:[a-z0-9]/.test(k));
  const ta = a.evidence?.eventTime, tb = b.evidence?.eventTime;
  return [
    Math.min(ca, cb), Math.max(ca, cb), na && nb ? dot / Math.sqrt(na * nb) : 0,
    Math.max(missing(ha, b, hb), missing(hb, a, ha)),
    Math.min(nameCover(names(a), names(b), b.terms), nameCover(names(b), names(a), a.terms)),
    Math.min(topCover(a, b), topCover(b, a)),
    a.source && a.source === b.source ? 1 : 0,
    Math.min(entityCover(ea, eb), entityCover(eb, ea)),
    Math.min(missing(ha, b, hb), missing(hb, a, ha)),
    Math.max(topMissing(a, b), topMissing(b, a)), Math.min(topMissing(a, b), topMissing(b, a)),
    Math.max(nameMissing(a, b), nameMissing(b, a)),
    clash(headNumbers(a), headNumbers(b)), clash(latin(a), latin(b)),
    ta !== undefined && tb !== undefined ? Math.log1p(Math.abs(ta - tb) / 86_400_000) : 0,
  ];
}

interface PairRow extends Row { extra: number[] }

/** The trainer's rows, each with its candidate features. */
function rows(): PairRow[] | null {
  const data = trainingData();
  if (!data) return null;
  const out: PairRow[] = [];
  for (const [name, set] of data.windows) {
    const articles = set.articles.map((a) => ({ ...a, published: null }));
    const goldOf = new Map<string, number>();
    set.groups.forEach((g, i) => g.forEach((id) => goldOf.set(id, i)));
    const pairs: [string, string][] = [];
    for (let i = 0; i < articles.length; i++) for (let j = i + 1; j < articles.length; j++) pairs.push([articles[i]!.id, articles[j]!.id]);
    const xs = new StoryGrouper(undefined, {}, { pairModel: null }).pairFeatureVectors(articles, pairs);
    const ctx = context(articles);
    xs.forEach((x, k) => {
      if (x[0]! + 0.25 * x[1]! + 0.25 * x[2]! < CANDIDATE_SCORE) return;
      const [p, q] = pairs[k]!;
      out.push({ x, extra: extraFeatures(ctx, p, q), y: goldOf.get(p) === goldOf.get(q) ? 1 : 0, w: 1, fold: name });
    });
  }
  const sem = data.semeval;
  const ctx = context(sem.articles);
  const labelled = sem.pairs.map((p, i) => ({ p, fold: `semeval-${(i % SEMEVAL_FOLDS) + 1}` })).filter(({ p }) => p.overall <= SAME_MAX || p.overall >= DIFFERENT_MIN);
  const xs = new StoryGrouper(undefined, {}, { pairModel: null }).pairFeatureVectors(sem.articles, labelled.map(({ p }) => [p.id1, p.id2]));
  xs.forEach((x, k) => {
    const { p, fold } = labelled[k]!;
    out.push({ x, extra: extraFeatures(ctx, p.id1, p.id2), y: p.overall <= SAME_MAX ? 1 : 0, w: 1, fold });
  });
  return out;
}

/** Area under the ROC curve of scores (label 1 above label 0; ties count half). */
function auc(scored: { s: number; y: number }[]): number {
  const pos = scored.filter((r) => r.y).map((r) => r.s), neg = scored.filter((r) => !r.y).map((r) => r.s);
  let n = 0;
  for (const p of pos) for (const q of neg) n += p > q ? 1 : p === q ? 0.5 : 0;
  return n / (pos.length * neg.length);
}

/** Out-of-fold logistic regression on the chosen features: SemEval's AUC and its best threshold (chosen on the same
 * out-of-fold probabilities, so an upper bound). */
function outOfFold(all: PairRow[], pick: (r: PairRow) => number[], share = 0.5, options: FitOptions = {}): string {
  const rs = all.map((r) => ({ ...r, x: pick(r) }));
  const p = outOfFoldProbabilities(rs, share, options);
  const ant = rs.map((r, k) => ({ s: p[k]!, y: r.y })).filter((_, k) => !rs[k]!.fold.startsWith('semeval'));
  const sem = rs.map((r, k) => ({ s: p[k]!, y: r.y, fold: r.fold })).filter((r) => r.fold.startsWith('semeval'));
  let best = { f1: 0, line: '' };
  for (let t = 0.2; t < 0.951; t += 0.05) {
    const tp = sem.filter((r) => r.y && r.s >= t).length, fp = sem.filter((r) => !r.y && r.s >= t).length, fn = sem.filter((r) => r.y && r.s < t).length;
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { f1, line: `at ${t.toFixed(2)} P ${(tp / (tp + fp)).toFixed(3)} R ${(tp / (tp + fn)).toFixed(3)} F1 ${f1.toFixed(3)}` };
  }
  return `SemEval AUC ${auc(sem).toFixed(3)}; best threshold ${best.line}; ANT AUC ${auc(ant).toFixed(3)}`;
}

/** Each row's probability from the model fit on the other folds. */
function outOfFoldProbabilities(rs: Row[], share: number, options: FitOptions): number[] {
  const p = new Array<number>(rs.length);
  for (const f of [...new Set(rs.map((r) => r.fold))]) {
    const model = { ...fit(rs.filter((r) => r.fold !== f), share, options), thresholds: { join: 0, merge: 0, relate: 0 } };
    rs.forEach((r, k) => { if (r.fold === f) p[k] = pairProbability(model, r.x); });
  }
  return p;
}

/** How the out-of-fold probabilities of the shipped features sit on each set: the median of its same-story and of its
 * different pairs, and the share of same-story pairs at 0.3 or more (the join threshold). */
function calibration(all: PairRow[], share: number): string {
  const p = outOfFoldProbabilities(all, share, {});
  const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };
  const of = (semeval: boolean, y: number): number[] => p.filter((_, k) => all[k]!.fold.startsWith('semeval') === semeval && all[k]!.y === y);
  return [true, false].map((semeval) => {
    const same = of(semeval, 1), different = of(semeval, 0);
    return `${semeval ? 'SemEval' : 'ANT'} same story median ${median(same).toFixed(2)} (${((100 * same.filter((x) => x >= 0.3).length) / same.length).toFixed(0)}% ≥ 0.3), different median ${median(different).toFixed(2)}`;
  }).join('; ');
}

export async function run(): Promise<void> {
  const all = rows();
  if (!all) { console.log('(stories pair evidence: ../shared not found)'); return; }
  const sem = all.filter((r) => r.fold.startsWith('semeval')), ant = all.filter((r) => !r.fold.startsWith('semeval'));
  console.log(`pairs: ${ant.length} ANT candidate pairs (undated, ${ant.filter((r) => r.y).length} same story), ${sem.length} SemEval same/different pairs (${sem.filter((r) => r.y).length} same)`);
  console.log('each feature alone, AUC (SemEval / ANT):');
  console.log(`  cosine (shipped) ${auc(sem.map((r) => ({ s: r.x[0]!, y: r.y }))).toFixed(3)} / ${auc(ant.map((r) => ({ s: r.x[0]!, y: r.y }))).toFixed(3)}`);
  EXTRA.forEach((name, j) => console.log(`  ${name} ${auc(sem.map((r) => ({ s: r.extra[j]!, y: r.y }))).toFixed(3)} / ${auc(ant.map((r) => ({ s: r.extra[j]!, y: r.y }))).toFixed(3)}`));
  console.log('logistic regression out of fold (ANT and SemEval weighing alike unless said):');
  console.log(`  shipped features: ${outOfFold(all, (r) => r.x)}`);
  console.log(`  cosine alone: ${outOfFold(all, (r) => [r.x[0]!])}`);
  EXTRA.forEach((name, j) => console.log(`  shipped + ${name}: ${outOfFold(all, (r) => [...r.x, r.extra[j]!])}; at SemEval share 0.9: ${outOfFold(all, (r) => [...r.x, r.extra[j]!], 0.9)}`));
  console.log(`  shipped + all of them: ${outOfFold(all, (r) => [...r.x, ...r.extra])}`);
  for (const share of [0.25, 0.5, 0.75, 0.9, 1]) console.log(`  shipped features, SemEval share of the weight ${share}: ${outOfFold(all, (r) => r.x, share)}`);
  console.log('at SemEval share 0.9 (the shipped model\'s):');
  console.log(`  cosine alone: ${outOfFold(all, (r) => [r.x[0]!], 0.9)}`);
  for (const l2 of [0.001, 0.01, 0.03, 0.1, 0.3]) console.log(`  shipped features, L2 ${l2}: ${outOfFold(all, (r) => r.x, 0.9, { l2 })}`);
  // Centred on the cosine: its weight is not penalised, the others' are, so a strong penalty leaves the cosine alone.
  for (const l2 of [0.03, 0.1, 0.3, 1]) console.log(`  shipped features, the cosine unpenalised, L2 ${l2} on the rest: ${outOfFold(all, (r) => r.x, 0.9, { l2, freeCosine: true })}`);
  console.log(`  calibration: ${calibration(all, 0.9)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
