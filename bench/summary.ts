// bench for the summary stage: summarizing one story of 200 articles (target < 500 ms), median of 5 runs.
// The articles are built by recombining sentences of the seeds and of ANT corpus texts with a fixed PRNG,
// so every run sees the same input.
import { join } from 'node:path';
import type { Article } from '../src/types.js';
import { summarize } from '../src/summary/index.js';
import { analyzeStory } from '../src/analysis/index.js';
import { sentences } from '../src/summary/lex.js';
import { hasShared, loadSeeds } from '../test/helpers/shared.js';
import { machineReference, median } from './common.js';
import { antRecords } from '../eval/ant.js';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildStory(n = 200): Article[] {
  const pool: string[] = [];
  for (const s of loadSeeds()) for (const x of sentences(s.text)) pool.push(x.text);
  for (const d of antRecords(400)) {
    for (const x of sentences(d.text ?? '')) pool.push(x.text);
  }
  const rand = mulberry32(20181229);
  const outlets = ['الجزيرة', 'الأناضول', 'فرانس برس', 'عربي21', 'سبوتنيك', 'رويترز', 'العربية', 'الشرق الأوسط'];
  return Array.from({ length: n }, (_, i) => {
    const k = 8 + Math.floor(rand() * 17);
    const text = Array.from({ length: k }, () => pool[Math.floor(rand() * pool.length)]).join('\n');
    const day = 29 + Math.floor(rand() * 3);
    return {
      id: `bench-${i}`, source: outlets[i % outlets.length], title: null, url: null,
      published: day <= 31 ? `2018-12-${day}` : '2019-01-01', lang: 'ar', text, removed: [], contentHash: `bench-${i}`,
    };
  });
}

export async function run(): Promise<void> {
  if (!hasShared) { console.log('(summary bench: ../shared not found)'); return; }
  const story = buildStory(200);
  const times: number[] = [];
  const references: number[] = [];
  const runs = Number(process.env.KHABAR_BENCH_RUNS ?? 9);
  // As a story report summarizes (src/report.ts): on the analysis stage's facts, computed once outside the
  // timing (the analysis bench times them).
  const facts = analyzeStory(story).facts;
  summarize(story, { facts }); // warm-up
  for (let r = 0; r < runs; r++) {
    references.push(machineReference());
    const t0 = performance.now();
    summarize(story, { facts });
    times.push(performance.now() - t0);
  }
  const words = story.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  console.log(`summarize 200 articles (${words} words): median ${median(times).toFixed(0)} ms over ${runs} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); target < 500 ms`);
  console.log(`  runs: ${times.map((x) => x.toFixed(0)).join(' ')} ms; machine reference (sha256 of 32 MB) before each: ${references.map((x) => x.toFixed(2)).join(' ')} s`);
}
