// bench for the stories stage: articles/s of StoryGrouper.add when the state already holds 10,000 and
// 100,000 articles, and the ratio (per-article cost must stay near constant thanks to the capped index).
// Articles are built by recombining sentences of ANT corpus texts, never of its held-out days (deterministic PRNG); the state is the
// in-memory one (MemoryStoryState). `npm run bench -- stories`; KHABAR_BENCH_SIZES=2000,20000 to change sizes.
// This machine's speed drifts from minute to minute, and the sizes are measured minutes apart; so the ratio is
// also taken a second way: a fresh state of the smallest size is built beside the largest one and batches
// alternate between the two (same moments, same heap), which no drift can bias.
// KHABAR_BENCH_STORIES_SQLITE=1 adds the persisted state the product uses: a catch-up of the API bench's 100,000
// stored articles (bench/api.ts builds that store once; KHABAR_BENCH_STORIES_SQLITE_ARTICLES for another size).
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Khabar } from '../src/khabar.js';
import { storyGrouperFor } from '../src/report.js';
import { benchStore } from './api.js';
import { sentences } from '../src/text/index.js';
import { MemoryStoryState, StoryGrouper } from '../src/stories/index.js';
import type { Article } from '../src/types.js';
import { machineReference, median, prng, sharedDir } from './common.js';
import { antRecords } from '../eval/ant.js';


interface Source { title: string; sents: string[] }

function loadSources(limit: number): Source[] {
  const out: Source[] = [];
  for (const a of antRecords()) {
    const sents = sentences(a.text ?? '').map((s) => s.text).filter((s) => s.length > 20);
    if (a.title && sents.length >= 2) out.push({ title: a.title, sents });
    if (out.length >= limit) break;
  }
  return out;
}

/** Article i: most sentences from one source article (its "event"), a few from others, a date in 2017–2019. */
function makeArticle(i: number, sources: Source[], rand: () => number): Article {
  const main = sources[Math.floor(rand() * sources.length)];
  const parts: string[] = [];
  const n = 2 + Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) parts.push(main.sents[Math.floor(rand() * main.sents.length)]);
  for (let k = 0; k < 2; k++) { const o = sources[Math.floor(rand() * sources.length)]; parts.push(o.sents[Math.floor(rand() * o.sents.length)]); }
  const day = new Date(Date.UTC(2017, 0, 1) + Math.floor(rand() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
  return { id: `b${i}`, source: `outlet${i % 7}`, title: main.title, url: null, published: day, lang: 'ar', text: parts.join(' '), removed: [], contentHash: `b${i}` };
}

export async function run(): Promise<void> {
  if (!existsSync(join(sharedDir, 'data', 'ant-corpus-v1.1'))) { console.log('(stories bench: ../shared not found)'); return; }
  const sizes = (process.env.KHABAR_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const batch = 200, runs = 5;
  const sources = loadSources(6000);
  const rand = prng(42);
  const grouper = new StoryGrouper(new MemoryStoryState());
  let next = 0;
  const rates: number[] = [];
  const t0 = Date.now();
  /** Milliseconds each article of the batches timed took to group (cleared per size), and the CPU ms of the batches. */
  let latencies: number[] = [];
  let cpuMs = 0, cpuArticles = 0;
  /** Articles/s of one batch of new articles added to a grouper. */
  const timeBatch = (g: StoryGrouper, make: () => Article): number => {
    const batchArticles = Array.from({ length: batch }, make);
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const a of batchArticles) {
      const t = process.hrtime.bigint();
      g.add(a);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
    cpuArticles += batch;
    return batch / seconds;
  };
  /** The per-article times of the batches timed: median, 90th and 99th percentile, and the CPU time per article (which
   * other processes on the machine do not inflate as they do the wall times). */
  const spread = (): string => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(2);
    const line = `median ${median(latencies).toFixed(2)} ms, p90 ${at(0.9)}, p99 ${at(0.99)}; CPU ${(cpuMs / cpuArticles).toFixed(2)} ms an article (${(1000 * cpuArticles / cpuMs).toFixed(0)} articles per CPU second)`;
    latencies = [];
    cpuMs = 0;
    cpuArticles = 0;
    return line;
  };
  for (const size of sizes) {
    while (next < size) grouper.add(makeArticle(next++, sources, rand));
    latencies = [];
    cpuMs = 0;
    cpuArticles = 0;
    const perRun: number[] = [];
    const refs: number[] = [];
    for (let r = 0; r < runs; r++) {
      refs.push(machineReference());
      perRun.push(timeBatch(grouper, () => makeArticle(next++, sources, rand)));
    }
    const rate = median(perRun);
    rates.push(rate);
    const mem = process.memoryUsage().heapUsed / 1e6;
    console.log(`state holds ${size.toLocaleString('en')} articles (${grouper.state.listStories().length.toLocaleString('en')} stories): ` +
      `${rate.toFixed(0)} articles/s (median of ${runs} batches of ${batch}; min ${Math.min(...perRun).toFixed(0)}, max ${Math.max(...perRun).toFixed(0)}), heap ${mem.toFixed(0)} MB, ` +
      `machine reference ${median(refs).toFixed(3)} s, ${((Date.now() - t0) / 1000).toFixed(0)} s so far`);
    console.log(`  one new article: ${spread()}`);
    // Undated articles are where the pair scorer weighs each candidate (src/stories/pair-model.ts): their cost apart.
    timeBatch(grouper, () => ({ ...makeArticle(next++, sources, rand), published: null }));
    console.log(`  one new undated article (the pair scorer consulted): ${spread()}`);
  }
  if (rates.length >= 2) console.log(`ratio articles/s at ${sizes[sizes.length - 1]} vs ${sizes[0]}: ${(rates[rates.length - 1] / rates[0]).toFixed(2)} (1.00 = constant per-article cost)`);
  if (sizes.length >= 2) {
    // The drift-free check: a second state of the smallest size, built with other articles, beside the large one.
    const small = new StoryGrouper(new MemoryStoryState());
    const rand2 = prng(43);
    let next2 = 0;
    while (next2 < sizes[0]) small.add(makeArticle(10_000_000 + next2++, sources, rand2));
    const smallRates: number[] = [];
    const largeRates: number[] = [];
    for (let r = 0; r < 2 * runs; r++) {
      smallRates.push(timeBatch(small, () => makeArticle(10_000_000 + next2++, sources, rand2)));
      largeRates.push(timeBatch(grouper, () => makeArticle(next++, sources, rand)));
    }
    const s = median(smallRates), l = median(largeRates);
    console.log(`batches alternating between a ${sizes[0].toLocaleString('en')}-article and the ${sizes[sizes.length - 1].toLocaleString('en')}-article state ` +
      `(${2 * runs} each, one heap): ${s.toFixed(0)} vs ${l.toFixed(0)} articles/s, ratio ${(l / s).toFixed(2)}`);
  }
  console.log('state: MemoryStoryState (in memory); articles recombine sentences of ANT v1.1 texts, mulberry32 seed 42 (43 for the second state)');
  console.log('machine reference: seconds to sha256 32 MB before each batch (0.05 s at full speed; larger = slower machine)');
  if (process.env.KHABAR_BENCH_STORIES_SQLITE) await sqliteCatchUp(Number(process.env.KHABAR_BENCH_STORIES_SQLITE_ARTICLES ?? 100_000));
  else console.log('(KHABAR_BENCH_STORIES_SQLITE=1 adds the persisted state: regrouping the API bench store, some 6 minutes more)');
}

/**
 * The product's path: the SQLite story state of `khabar stories` catching up on a store of `size` articles (the API
 * bench's store, built by bench/api.ts when missing, copied with its story tables emptied). One catch-up passes
 * through every size on the way, so the rate while the state held 5,000–15,000 articles and while it held the last
 * 10,000 come from the same run.
 */
async function sqliteCatchUp(size: number): Promise<void> {
  const source = await benchStore(size);
  const copy = join(tmpdir(), 'khabar-bench-stories-catchup.db');
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(copy + suffix, { force: true });
    if (existsSync(source + suffix)) copyFileSync(source + suffix, copy + suffix);
  }
  const raw = new Database(copy);
  raw.exec('DELETE FROM story_article; DELETE FROM story; DELETE FROM story_posting; DELETE FROM story_df; DELETE FROM story_meta;');
  raw.close();
  const khabar = Khabar.open({ db: copy });
  const marks: { done: number; at: number }[] = [];
  const start = performance.now();
  try {
    storyGrouperFor(khabar, { onProgress: (done) => marks.push({ done, at: performance.now() }) });
  } finally {
    khabar.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  }
  const seconds = (performance.now() - start) / 1000;
  const total = marks.at(-1)?.done ?? 0;
  const rate = (from: number, to: number): number => {
    const a = marks.find((m) => m.done >= from), b = marks.find((m) => m.done >= to) ?? marks.at(-1);
    return a && b && b.done > a.done ? (b.done - a.done) / ((b.at - a.at) / 1000) : NaN;
  };
  const early = rate(5_000, 15_000), late = rate(total - 10_000, total);
  // The middle tenth too: where the state's caches (20,000 articles' features, 5,000 stories) stop holding the old
  // stories an article is scored against, the rate steps down once and then stays (the reads per article are bounded).
  const midFrom = Math.round(total / 2 - 5_000), middle = rate(midFrom, midFrom + 10_000);
  console.log(`persisted state (SQLite), catch-up of ${total.toLocaleString('en')} stored articles: ${seconds.toFixed(0)} s, ${(total / seconds).toFixed(0)} articles/s; ` +
    `${early.toFixed(0)} articles/s while it held 5,000–15,000, ${middle.toFixed(0)} while it held ${midFrom.toLocaleString('en')}–${(midFrom + 10_000).toLocaleString('en')}, ` +
    `${late.toFixed(0)} over the last 10,000: ratio ${(late / early).toFixed(2)} (last vs middle ${(late / middle).toFixed(2)}); ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process, the in-memory runs above included)`);
}
