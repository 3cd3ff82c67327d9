// bench for the analysis stage: stories of 200 and 400 articles built by recombining seed sentences and ANT corpus
// sentences; for each size, median and min of 5 full analyses (extract + combine), of 5 combines over cached
// extractions, and of 5 analyses of the story with one article added to cached extractions of all the others
// (the store's case). The 400/200 ratio shows how the cost scales (2.0 is linear). The machine's CPU speed drifts
// several times over from minute to minute: the reference time (sha256 of 32 MB) is printed next to the figures.
// Run: npm run bench -- analysis
import { join } from 'node:path';
import type { Article } from '../src/types.js';
import { analyzeStory, combine, extractArticle, type ArticleExtraction } from '../src/analysis/index.js';
import { hasShared, loadSeeds } from '../test/helpers/shared.js';
import { antRecords } from '../eval/ant.js';

import { machineReference, median } from './common.js';

const RUNS = 5;

function storyArticles(n: number): Article[] {
  const seedSentences = loadSeeds().flatMap((s) => s.text.split(/(?<=[.!؟])\s+|\n+/)).filter((x) => x.trim().length > 30);
  const ant = antRecords(400)
    .flatMap((r) => String(r.text ?? '').split(/(?<=[.!؟])\s+|\n+/)).filter((x) => x.trim().length > 30);
  let seed = 42;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const articles: Article[] = [];
  for (let i = 0; i < n; i++) {
    const lines: string[] = [];
    for (let k = 0; k < 16; k++) lines.push(k % 2 ? ant[Math.floor(rnd() * ant.length)] : seedSentences[Math.floor(rnd() * seedSentences.length)]);
    articles.push({ id: `bench-${i}`, source: `outlet${i % 7}`, title: null, url: null, published: `2018-12-${String(20 + (i % 10)).padStart(2, '0')}`, lang: 'ar', text: lines.join('\n'), removed: [], contentHash: String(i) });
  }
  return articles;
}

function times(f: () => void): number[] {
  const out: number[] = [];
  for (let r = 0; r < RUNS; r++) { const t0 = performance.now(); f(); out.push(performance.now() - t0); }
  return out;
}
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms (runs ${xs.map((x) => x.toFixed(0)).join(', ')})`;

export async function run(): Promise<void> {
  if (!hasShared) { console.log('(analysis: ../shared not found; skipped)'); return; }
  const fullBySize = new Map<number, number[]>();
  for (const n of [200, 400]) {
    const articles = storyArticles(n);
    const chars = articles.reduce((k, a) => k + a.text.length, 0);
    const full = times(() => analyzeStory(articles));
    fullBySize.set(n, full);
    const xs = articles.map(extractArticle);
    const comb = times(() => combine(xs));
    // one article added to a story whose other extractions are cached
    const warm = new Map<string, ArticleExtraction>();
    analyzeStory(articles.slice(0, n - 1), { cache: warm });
    const caches = Array.from({ length: RUNS }, () => new Map(warm));
    let run = 0;
    const inc = times(() => analyzeStory(articles, { cache: caches[run++] }));
    console.log(`  ${n}-article story (${(chars / 1000).toFixed(0)}k chars), machine reference ${machineReference().toFixed(2)} s (0.05 s at full speed):`);
    console.log(`    analyzeStory (extract + combine): ${fmt(full)}`);
    console.log(`    combine over cached extractions:  ${fmt(comb)}`);
    console.log(`    one article added to ${n - 1} cached: ${fmt(inc)}`);
  }
  const f200 = fullBySize.get(200)!, f400 = fullBySize.get(400)!;
  console.log(`  400/200 ratio of analyzeStory: median ${(median(f400) / median(f200)).toFixed(2)}, min ${(Math.min(...f400) / Math.min(...f200)).toFixed(2)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
