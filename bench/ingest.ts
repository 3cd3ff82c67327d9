// bench for the ingest stage: articles/s from JSON lines into SQLite with cleaning, hashing, MinHash
// near-duplicate lookup and search indexing (the whole `khabar ingest` path through the library), and
// memory as the store fills. Articles are built by recombining sentences of real articles (../shared/seeds
// and the ANT corpus; deterministic PRNG), written as JSON-lines files of 10,000 articles.
// `npm run bench -- ingest`. KHABAR_BENCH_INGEST_ARTICLES (default 100000) and KHABAR_BENCH_RUNS (default 3)
// change the size and the number of runs; the figure is the median over the runs. First, the hostile inputs'
// figures (bench/ingest-hostile.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sentences } from '../src/text/index.js';
import { Khabar } from '../src/khabar.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { median, prng, sharedDir } from './common.js';
import { antLines, antRecords } from '../eval/ant.js';
import { largeInputFigures, nestedHtmlFigures } from './ingest-hostile.js';

// A full garbage collection before reading the heap, so the figure is what is live, not what V8 has not
// collected yet (RSS alone rises and falls with the collector's timing).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** MB of the main thread's heap still in use after a full collection. */
function liveHeapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const CHUNK = 10_000;
const OUTLETS = ['الجزيرة نت', 'عربي21', 'سكاي نيوز عربية', 'الأناضول', 'روسيا اليوم', 'هسبريس', 'الشروق'];

interface Source { title: string; sents: string[] }

function loadSources(): Source[] {
  const out: Source[] = [];
  const seeds = join(sharedDir, 'seeds');
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(seeds, f), 'utf8');
    const sents = sentences(text).map((s) => s.text.replace(/\s+/g, ' ').trim()).filter((s) => s.split(' ').length >= 6);
    out.push({ title: sents[0] ?? f, sents });
  }
  for (const a of antRecords()) {
    const sents = sentences(a.text ?? '').map((s) => s.text.replace(/\s+/g, ' ').trim()).filter((s) => s.split(' ').length >= 6);
    if (a.title && sents.length >= 3) out.push({ title: a.title, sents });
    if (out.length >= 8000) break;
  }
  return out;
}

/** Writes `total` articles as JSON-lines files of CHUNK articles each; returns the directory. */
function writeCorpus(total: number): string {
  const dir = join(tmpdir(), `khabar-bench-ingest-${total}-no-held-out`);
  const done = join(dir, 'complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = loadSources();
  const rand = prng(2017);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let c = 0; c * CHUNK < total; c++) {
    const lines: string[] = [];
    for (let i = c * CHUNK; i < Math.min(total, (c + 1) * CHUNK); i++) {
      const main = pick(sources);
      const parts: string[] = [];
      const n = 4 + Math.floor(rand() * 6);
      for (let k = 0; k < n; k++) parts.push(pick(main.sents));
      parts.push(pick(pick(sources).sents));
      // Paragraphs as real bodies have them, and a serial so no two articles are the same content.
      const text = parts.join(' ').replace(/([.؟!]) /gu, (m, p: string) => (rand() < 0.4 ? `${p}\n` : m)) + `\nرقم المادة ${i}.`;
      const day = new Date(Date.UTC(2017, 0, 1) + Math.floor(rand() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
      lines.push(JSON.stringify({ id: `bench-${i}`, title: main.title, text, source: OUTLETS[i % OUTLETS.length], published: day, lang: 'ar' }));
    }
    writeFileSync(join(dir, `chunk-${String(c).padStart(3, '0')}.jsonl`), lines.join('\n') + '\n');
  }
  writeFileSync(done, '');
  return dir;
}

interface RunResult { perSecond: number; chunkRates: number[]; rssMb: number[]; heapMb: number[]; peakRssMb: number; stored: number }

async function runOnce(corpus: string, total: number): Promise<RunResult> {
  const dbDir = mkdtempSync(join(tmpdir(), 'khabar-bench-db-'));
  const k = Khabar.open({ db: join(dbDir, 'bench.db') });
  const chunkRates: number[] = [];
  const rssMb: number[] = [];
  const heapMb: number[] = [];
  let paused = 0; // ms spent measuring the heap, left out of the rates
  let peak = 0;
  let chunkStart = performance.now();
  let lastRead = 0;
  const start = performance.now();
  try {
    const counts = await k.ingest([corpus], {
      onProgress: (p) => {
        if (p.read === lastRead) return;
        lastRead = p.read;
        if (p.read % 1000 === 0) peak = Math.max(peak, process.memoryUsage.rss());
        if (p.read % CHUNK === 0 || p.read === total) {
          const now = performance.now();
          chunkRates.push((p.read % CHUNK || CHUNK) / ((now - chunkStart) / 1000));
          rssMb.push(process.memoryUsage.rss() / 2 ** 20);
          heapMb.push(liveHeapMb());
          paused += performance.now() - now;
          chunkStart = performance.now();
        }
      },
    });
    const seconds = (performance.now() - start - paused) / 1000;
    return { perSecond: counts.stored / seconds, chunkRates, rssMb, heapMb, peakRssMb: peak / 2 ** 20, stored: counts.stored };
  } finally {
    k.close();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

/**
 * Re-ingesting: 1,500 ANT articles (outside the held-out 20 January – 5 February 2017) ingested four times into one
 * store. Prints how many stored rows the second to fourth ingests changed (must be 0) and their speed against the
 * first (a repeat is answered by the store without cleaning the article again).
 */
export async function reingestFigures(): Promise<void> {
  const lines = antLines(1500);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-reingest-'));
  try {
    const input = join(dir, 'ant.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const db = join(dir, 'k.db');
    const rows = (): string[] => {
      const k = Khabar.open({ db });
      try {
        return k.articles().map((a) => JSON.stringify(a));
      } finally {
        k.close();
      }
    };
    const rates: number[] = [];
    let first: string[] = [];
    let changed = 0;
    for (let run = 0; run < 4; run++) {
      const k = Khabar.open({ db });
      const start = performance.now();
      await k.ingest([input]);
      rates.push(lines.length / ((performance.now() - start) / 1000));
      k.close();
      const now = rows();
      if (run === 0) first = now;
      else changed += now.filter((r, i) => r !== first[i]).length + Math.abs(now.length - first.length);
    }
    console.log(`re-ingest: 1,500 ANT articles four times: ${changed} stored rows changed by ingests 2-4 (must be 0); ` +
      `first ${rates[0]!.toFixed(0)} articles/s, again median ${median(rates.slice(1)).toFixed(0)} articles/s ` +
      `(${(median(rates.slice(1)) / rates[0]!).toFixed(1)}x)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await nestedHtmlFigures();
  largeInputFigures();
  if (!existsSync(join(sharedDir, 'data', 'ant-corpus-v1.1'))) {
    console.log(`(ingest bench skipped: ${sharedDir}/data/ant-corpus-v1.1 not found)`);
    return;
  }
  await reingestFigures();
  const total = Number(process.env.KHABAR_BENCH_INGEST_ARTICLES ?? 100_000);
  const runs = Number(process.env.KHABAR_BENCH_RUNS ?? 3);
  const corpus = writeCorpus(total);
  console.log(`${total} articles recombined from seeds + ANT sentences (${corpus}), ${runs} runs, each into a new database`);
  const results: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    const res = await runOnce(corpus, total);
    results.push(res);
    const first = res.chunkRates[0];
    const last = res.chunkRates[res.chunkRates.length - 1];
    console.log(`  run ${r + 1}: ${res.stored} stored, ${res.perSecond.toFixed(0)} articles/s; first ${CHUNK}: ${first.toFixed(0)}/s, last: ${last.toFixed(0)}/s; ` +
      `RSS after each ${CHUNK}: ${res.rssMb.map((m) => m.toFixed(0)).join(' ')} MB; live main-thread heap: ${res.heapMb.map((m) => m.toFixed(0)).join(' ')} MB`);
  }
  const ratio = results.map((x) => x.chunkRates[x.chunkRates.length - 1] / x.chunkRates[0]);
  const growth = results.map((x) => x.rssMb[x.rssMb.length - 1] / x.rssMb[0]);
  const heapGrowth = results.map((x) => x.heapMb[x.heapMb.length - 1] / x.heapMb[0]);
  console.log(`ingest: median ${median(results.map((x) => x.perSecond)).toFixed(0)} articles/s (target ≥ 1000); ` +
    `last/first ${CHUNK}-article chunk throughput ratio ${median(ratio).toFixed(2)}; ` +
    `peak RSS ${median(results.map((x) => x.peakRssMb)).toFixed(0)} MB, RSS at the end / after the first chunk ${median(growth).toFixed(2)}, ` +
    `live heap at the end / after the first chunk ${median(heapGrowth).toFixed(2)}`);
}
