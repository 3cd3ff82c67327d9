// eval for the summary stage: ROUGE-1/2/L (recall and F1) of khabar's summary against human references,
// next to two baselines computed here on the same inputs and lengths: lead sentences and LexRank.
//
// ROUGE is our own: tokens are runs of letters/digits after the text API's normalize() (so Arabic letters
// are kept and hamza/ya/ta-marbuta spellings are folded — EASC references flatten hamza), no stemming,
// no stop-word removal. Python rouge-score would drop every Arabic letter; this does not.
//
// Sets:
//  (a) EASC dev (../shared/data/easc/dev.jsonl): one article, five human extractive summaries. Budget = the
//      mean word length of the topic's five references. Scores are ROUGE against each reference, averaged
//      over the five (the "max" line gives the multi-reference maximum of ROUGE-2 F1 as well).
//  (b) samples/gold/summaries.json: stories A–D of the sample corpus, budget = the reference's word count.
//  (c) the seeds story 000–003 against SEEDS_REFERENCE below (written by hand before any tuning).
//
// Citations: "this sentence is carried by that article", on the facts of samples/gold/analysis.json (each fact with the
// sentence of every article that states it, mostly in its own words; seeds and sample stories A–D, dev and held-out
// facts printed apart, the held-out ones never studied). A sentence of a gold fact cites the articles of the analysis
// fact that holds it (what the summary and the fact list print); a citation of another article is right when a gold
// fact of that sentence names the article. Sentences of no gold fact are not scored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/types.js';
import { summarize } from '../src/summary/index.js';
import { analyzeStoryDetailed, type CombineDetail } from '../src/analysis/index.js';
import { goldAnalysis, sampleArticles, seedArticles, type GoldStory } from '../test/analysis/load.js';
import { contentStems, countWords, normalize, sentences } from '../src/summary/lex.js';
import { cleanArticle, isProblem, readInputs } from '../src/ingest/index.js';
import { repoRoot, sharedDir, hasShared, loadSeeds } from '../test/helpers/shared.js';

/** Hand-written reference for the seeds story 000–003 (~95 words), committed before the summary was tuned. */
export const SEEDS_REFERENCE =
  'اتفقت تركيا وروسيا يوم السبت 29 كانون الأول/ديسمبر 2018 في موسكو على تنسيق العمليات البرية في سوريا بعد إعلان واشنطن قرارها سحب قواتها. ' +
  'وشارك في المحادثات وزيرا الخارجية مولود تشاووش أوغلو وسيرغي لافروف ووزيرا الدفاع خلوصي آكار وسيرغي شويغو. ' +
  'وقال لافروف إنه تم التوصل إلى تفاهم بشأن مواصلة الممثلين العسكريين للبلدين تنسيق خطواتهم على الأرض لاجتثاث التهديدات الإرهابية في سوريا. ' +
  'وقال تشاووش أوغلو إن البلدين يريدان تطهير سوريا من التنظيمات الإرهابية، وسيواصلان التنسيق مع إيران لتسريع التسوية السياسية. ' +
  'واتفق الجانبان على تهيئة الظروف لعودة اللاجئين السوريين، وتستضيف روسيا مطلع العام المقبل قمة ثلاثية مع تركيا وإيران.';

// ---------- ROUGE ----------

export function rougeTokens(s: string): string[] {
  return (normalize(s).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export interface PRF { r: number; p: number; f: number }

function prf(overlap: number, candLen: number, refLen: number): PRF {
  const r = refLen ? overlap / refLen : 0;
  const p = candLen ? overlap / candLen : 0;
  return { r, p, f: r + p ? (2 * r * p) / (r + p) : 0 };
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export function rougeN(cand: string[], ref: string[], n: number): PRF {
  const c = ngrams(cand, n), r = ngrams(ref, n);
  let overlap = 0;
  for (const [g, k] of r) overlap += Math.min(k, c.get(g) ?? 0);
  return prf(overlap, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

export function rougeL(cand: string[], ref: string[]): PRF {
  const prev = new Uint16Array(ref.length + 1), cur = new Uint16Array(ref.length + 1);
  for (let i = 1; i <= cand.length; i++) {
    for (let j = 1; j <= ref.length; j++) {
      cur[j] = cand[i - 1] === ref[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev.set(cur);
  }
  return prf(prev[ref.length], cand.length, ref.length);
}

interface Scores { r1: PRF; r2: PRF; rl: PRF; r2maxF: number }

function scoreAgainst(summary: string, refs: string[]): Scores {
  const c = rougeTokens(summary);
  const all = refs.map((ref) => { const r = rougeTokens(ref); return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeL(c, r) }; });
  const mean = (k: 'r1' | 'r2' | 'rl'): PRF => ({
    r: avg(all.map((x) => x[k].r)), p: avg(all.map((x) => x[k].p)), f: avg(all.map((x) => x[k].f)),
  });
  return { r1: mean('r1'), r2: mean('r2'), rl: mean('rl'), r2maxF: Math.max(...all.map((x) => x.r2.f)) };
}

function avg(xs: number[]): number { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0; }

// ---------- baselines ----------

function baselineSentences(a: Article): string[] {
  return sentences(a.text).map((s) => s.text.trim()).filter((s) => countWords(s) >= 4);
}

/** Fills the budget with sentences in the given order, skipping those that no longer fit. */
function fill(ordered: string[], budget: number): string[] {
  const out: string[] = [];
  let left = budget;
  for (const s of ordered) {
    const w = countWords(s);
    if (w <= left) { out.push(s); left -= w; }
  }
  return out;
}

/** Lead: the articles' sentences in position order, round-robin over articles by date (leads first). */
export function leadBaseline(articles: Article[], budget: number): string {
  const lists = [...articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '')).map(baselineSentences);
  const ordered: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) ordered.push(l[i]);
  return fill(ordered, budget).join(' ');
}

/** LexRank (Erkan & Radev 2004): PageRank over the graph of sentences with stem TF-IDF cosine ≥ 0.1. */
export function lexRankBaseline(articles: Article[], budget: number): string {
  const sents = articles.flatMap(baselineSentences);
  const bags = sents.map((s) => contentStems(s));
  const df = new Map<string, number>();
  for (const b of bags) for (const t of new Set(b)) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = bags.map((b) => {
    const tf = new Map<string, number>();
    for (const t of b) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, k] of tf) { const w = k * Math.log((sents.length + 1) / (df.get(t)! + 0.5)); v.set(t, w); norm += w * w; }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const cos = (a: Map<string, number>, b: Map<string, number>) => { let s = 0; for (const [t, w] of a) s += w * (b.get(t) ?? 0); return s; };
  const n = sents.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && cos(vecs[i], vecs[j]) >= 0.1) adj[i].push(j);
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let it = 0; it < 50; it++) {
    const next = new Array<number>(n).fill(0.15 / Math.max(1, n));
    for (let i = 0; i < n; i++) {
      if (!adj[i].length) { for (let j = 0; j < n; j++) next[j] += 0.85 * rank[i] / n; continue; }
      for (const j of adj[i]) next[j] += 0.85 * rank[i] / adj[i].length;
    }
    rank = next;
  }
  const byRank = sents.map((_, i) => i).sort((a, b) => rank[b] - rank[a]);
  const chosen: number[] = [];
  let left = budget;
  for (const i of byRank) {
    const w = countWords(sents[i]);
    if (w > left || chosen.some((j) => cos(vecs[i], vecs[j]) > 0.5)) continue;
    chosen.push(i); left -= w;
  }
  return chosen.sort((a, b) => a - b).map((i) => sents[i]).join(' ');
}

/** The summary as khabar gives it for a story: built on the analysis stage's facts with their sentences (src/report.ts
 * does the same). */
function khabar(articles: Article[], budget: number): string {
  return summarize(articles, { words: budget, factGroups: analyzeStoryDetailed(articles).factGroups }).map((s) => s.text).join(' ');
}

/** The summary stage alone, grouping sentences itself (no facts given). */
function sentencesOnly(articles: Article[], budget: number): string {
  return summarize(articles, { words: budget }).map((s) => s.text).join(' ');
}

// ---------- data ----------

/** EASC text: BOM stripped, hard line wraps inside sentences joined. */
export function unwrapEasc(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    const prev = out[out.length - 1];
    if (prev !== undefined && prev !== '' && t !== '' && !/[.!?؟:»"”)]$/u.test(prev)) out[out.length - 1] = prev + ' ' + t;
    else out.push(t);
  }
  return out.join('\n');
}

function article(id: string, text: string, published: string | null = null, source: string | null = null): Article {
  return { id, source, title: null, url: null, published, lang: 'ar', text, removed: [], contentHash: id };
}

interface EvalSet { name: string; items: { articles: Article[]; refs: string[]; budget: number }[] }

function easc(): EvalSet {
  const lines = readFileSync(join(sharedDir, 'data/easc/dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const items = lines.map((l) => {
    const d = JSON.parse(l) as { id: string; text: string; summaries: { text: string }[] };
    const refs = d.summaries.map((s) => unwrapEasc(s.text));
    const budget = Math.round(avg(refs.map(countWords)));
    return { articles: [article(d.id, unwrapEasc(d.text))], refs, budget };
  });
  return { name: `EASC dev (${items.length} topics, 5 refs each, budget = mean ref length)`, items };
}

async function readCleaned(inputs: string[]): Promise<Article[]> {
  const out: Article[] = [];
  for await (const x of readInputs(inputs)) if (!isProblem(x)) out.push(cleanArticle(x));
  return out;
}

async function samples(): Promise<EvalSet> {
  const gold = JSON.parse(readFileSync(join(repoRoot, 'samples/gold/summaries.json'), 'utf8')) as Record<string, { articles: string[]; summary: string; words: number }>;
  const all = await readCleaned([join(repoRoot, 'samples/corpus')]);
  const byId = new Map(all.map((a) => [a.id, a]));
  const items = Object.values(gold).map((g) => ({
    articles: g.articles.map((id) => byId.get(id)).filter((a): a is Article => !!a),
    refs: [g.summary], budget: g.words,
  }));
  return { name: `sample corpus stories A–D (${items.length}, budget = reference length)`, items };
}

function seeds(): EvalSet {
  const s = loadSeeds().filter((x) => x.id <= '003');
  const arts = s.map((x) => article(x.id, x.text, x.published));
  return { name: 'seeds story 000–003 (own reference, 1 ref)', items: [{ articles: arts, refs: [SEEDS_REFERENCE], budget: countWords(SEEDS_REFERENCE) }] };
}

function pct(x: number): string { return (100 * x).toFixed(1).padStart(5); }

function report(set: EvalSet): void {
  console.log(`\n${set.name}`);
  console.log('system    R1-R  R1-F  R2-R  R2-F  RL-R  RL-F  R2-F(max ref)  words');
  const systems: [string, (a: Article[], b: number) => string][] = [['lead', leadBaseline], ['lexrank', lexRankBaseline], ['khabar', khabar], ['sent-only', sentencesOnly]];
  for (const [name, fn] of systems) {
    const scores: Scores[] = [];
    const lengths: number[] = [];
    for (const it of set.items) {
      const s = fn(it.articles, it.budget);
      lengths.push(countWords(s));
      scores.push(scoreAgainst(s, it.refs));
    }
    const m = (f: (s: Scores) => number) => avg(scores.map(f));
    console.log(`${name.padEnd(8)} ${pct(m((s) => s.r1.r))} ${pct(m((s) => s.r1.f))} ${pct(m((s) => s.r2.r))} ${pct(m((s) => s.r2.f))} ${pct(m((s) => s.rl.r))} ${pct(m((s) => s.rl.f))}  ${pct(m((s) => s.r2maxF))}        ${avg(lengths).toFixed(0)}`);
  }
}

const foldText = (t: string) => normalize(t).replace(/[^\u0621-\u064A0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

/** Citations of other articles by the sentences of one story's gold facts: right, cited, and gold (per split). */
function citationCounts(g: GoldStory, a: CombineDetail, out: Record<'dev' | 'heldout', { right: number; cited: number; gold: number; alone: number; shared: number }>): void {
  // the analysis fact holding a gold mention's sentence: its key (article#sentence) and the articles it cites
  const holding = (article: string, text: string) => {
    const probe = foldText(text).slice(0, 30);
    for (const fg of a.factGroups) for (const m of fg.members) if (m.article === article && foldText(m.text).includes(probe)) return { key: `${article}#${m.sentence}`, cites: fg.fact.articles };
    return null;
  };
  const bySentence = new Map<string, { article: string; cites: string[]; gold: Set<string>; heldout: boolean }>();
  g.facts.forEach((f, fi) => {
    for (const m of f.mentions) {
      const h = holding(m.article, m.text);
      const key = h?.key ?? `${m.article}|${fi}`;
      const e = bySentence.get(key) ?? { article: m.article, cites: h?.cites ?? [m.article], gold: new Set<string>(), heldout: false };
      for (const o of f.mentions) e.gold.add(o.article);
      e.heldout ||= !!f.heldout;
      bySentence.set(key, e);
    }
  });
  for (const [key, e] of bySentence) {
    const t = out[e.heldout ? 'heldout' : 'dev'];
    if (!e.heldout && process.env.KHABAR_CITATION_ERRORS === '1') {
      const missed = [...e.gold].filter((id) => id !== e.article && !e.cites.includes(id)), wrong = e.cites.filter((id) => !e.gold.has(id));
      if (missed.length || wrong.length) console.log(`  ${key}: missed [${missed.join(' ')}] wrong [${wrong.join(' ')}]`);
    }
    const cited = e.cites.filter((id) => id !== e.article);
    const gold = [...e.gold].filter((id) => id !== e.article);
    t.cited += cited.length;
    t.right += cited.filter((id) => e.gold.has(id)).length;
    t.gold += gold.length;
    if (gold.length) { t.shared++; if (!cited.length) t.alone++; }
  }
}

/** Prints precision and recall of "this sentence is carried by that article" on the gold facts. */
async function citations(): Promise<void> {
  const gold = goldAnalysis();
  const sample = await sampleArticles();
  const stories: [string, Article[]][] = Object.entries(gold).filter(([name]) => name !== 'seeds')
    .map(([name, g]) => [name, g.articles.map((id) => sample.find((x) => x.id === id)).filter((x): x is Article => !!x)]);
  if (hasShared && gold.seeds) {
    const seedsById = new Map(seedArticles().map((x) => [x.id, x]));
    stories.unshift(['seeds', gold.seeds.articles.map((id) => seedsById.get(id)).filter((x): x is Article => !!x)]);
  }
  const counts = { dev: { right: 0, cited: 0, gold: 0, alone: 0, shared: 0 }, heldout: { right: 0, cited: 0, gold: 0, alone: 0, shared: 0 } };
  for (const [name, articles] of stories) citationCounts(gold[name], analyzeStoryDetailed(articles), counts);
  const ratio = (x: number, n: number) => (n ? `${(x / n).toFixed(3)} (${x}/${n})` : 'n/a');
  console.log(`\ncitations: "this sentence is carried by that article" on the gold facts of samples/gold/analysis.json (${stories.map(([n]) => n).join(', ')})`);
  for (const split of ['dev', 'heldout'] as const) {
    const c = counts[split];
    console.log(`  [${split}] precision ${ratio(c.right, c.cited)}, recall ${ratio(c.right, c.gold)}; sentences other articles carry that cite no other: ${c.alone}/${c.shared}`);
  }
}

export async function run(): Promise<void> {
  if (!hasShared) { console.log('(summary: ../shared not found; EASC and seeds skipped)'); }
  else { report(easc()); report(seeds()); }
  report(await samples());
  await citations();
}
