// bench for the analysis stage: a 200-article story built by recombining seed sentences and ANT corpus sentences;
// median of 5 full analyses (extract + combine) and of 5 combines over cached extractions.
// Run: npm run bench -- analysis
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/types.js';
import { analyzeStory, combine, extractArticle, type ArticleExtraction } from '../src/analysis/index.js';
import { hasShared, loadSeeds, sharedDir } from '../test/helpers/shared.js';

import { median } from './common.js';

export async function run(): Promise<void> {
  if (!hasShared) { console.log('(analysis: ../shared not found; skipped)'); return; }
  const seedSentences = loadSeeds().flatMap((s) => s.text.split(/(?<=[.!؟])\s+|\n+/)).filter((x) => x.trim().length > 30);
  const ant = readFileSync(join(sharedDir, 'data/ant-corpus-v1.1/ant_v1.1.jsonl'), 'utf8').split('\n', 400).filter(Boolean)
    .flatMap((l) => String((JSON.parse(l) as { text?: string }).text ?? '').split(/(?<=[.!؟])\s+|\n+/)).filter((x) => x.trim().length > 30);
  let seed = 42;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const articles: Article[] = [];
  for (let i = 0; i < 200; i++) {
    const lines: string[] = [];
    for (let k = 0; k < 16; k++) lines.push(k % 2 ? ant[Math.floor(rnd() * ant.length)] : seedSentences[Math.floor(rnd() * seedSentences.length)]);
    articles.push({ id: `bench-${i}`, source: `outlet${i % 7}`, title: null, url: null, published: `2018-12-${String(20 + (i % 10)).padStart(2, '0')}`, lang: 'ar', text: lines.join('\n'), removed: [], contentHash: String(i) });
  }
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const full: number[] = [];
  for (let r = 0; r < 5; r++) { const t0 = performance.now(); analyzeStory(articles); full.push(performance.now() - t0); }
  const xs = articles.map(extractArticle);
  const comb: number[] = [];
  for (let r = 0; r < 5; r++) { const t0 = performance.now(); combine(xs); comb.push(performance.now() - t0); }
  // one article added to a story whose 199 other extractions are cached (the store's case)
  const inc: number[] = [];
  const warm = new Map<string, ArticleExtraction>();
  analyzeStory(articles.slice(0, 199), { cache: warm });
  for (let r = 0; r < 5; r++) {
    const cache = new Map(warm);
    const t0 = performance.now(); analyzeStory(articles, { cache }); inc.push(performance.now() - t0);
  }
  console.log(`  one article added to a cached 199-article story: median ${median(inc).toFixed(0)} ms (runs ${inc.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  200-article story (${(chars / 1000).toFixed(0)}k chars): analyzeStory median ${median(full).toFixed(0)} ms (runs ${full.map((x) => x.toFixed(0)).join(', ')}); combine over cached extractions median ${median(comb).toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
