// bench for the scaled set-up (issue 26): ingest throughput on PostgreSQL against SQLite on the same articles (a
// ratio, one run each), with one and with two writer processes; and the API's p50/p99 for a story page and a search
// with two `khabar serve` replicas over one PostgreSQL database, under a loopback load generator (this process,
// Node's fetch, the requests spread over both replicas).
//
// Articles: the generated ones of bench/api.ts (real ANT sentences recombined; fixed PRNG). The PostgreSQL store of
// the API part is built once into schema khabar_bench_scale_<size> of KHABAR_BENCH_PG (default the test server's
// database) and reused; an interrupted build resumes (ingest stores each content once, grouping catches up).
//
// `npm run bench -- scale`; KHABAR_BENCH_SCALE_INGEST (articles of the ingest part, default 2,000),
// KHABAR_BENCH_SCALE_ARTICLES (store of the API part, default 100,000), KHABAR_BENCH_API_ROUNDS / _REQUESTS /
// _CONCURRENCY as in bench/api.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../src/khabar.js';
import { storyGrouperFor } from '../src/report.js';
import { PgDb } from '../src/store/pg-sync.js';
import { benchInput, load, print, quantile, startServer, type Row } from './api.js';
import { prng, repoRoot, sharedDir } from './common.js';

const pgBase = process.env.KHABAR_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

function schemaUrl(schema: string): string {
  return `${pgBase}${pgBase.includes('?') ? '&' : '?'}schema=${schema}`;
}

function dropSchema(schema: string): void {
  const db = new PgDb(pgBase);
  try { db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } finally { db.close(); }
}

/** The first n (at most 10,000) generated articles as one JSON-lines file, and in two halves. */
function inputs(n: number, dir: string): { all: string; halves: [string, string] } {
  const lines = readFileSync(join(benchInput(10_000), 'chunk-0000.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, n);
  const all = join(dir, 'all.jsonl');
  writeFileSync(all, lines.join('\n') + '\n');
  const half = Math.ceil(lines.length / 2);
  const halves: [string, string] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
  writeFileSync(halves[0], lines.slice(0, half).join('\n') + '\n');
  writeFileSync(halves[1], lines.slice(half).join('\n') + '\n');
  return { all, halves };
}

/** Seconds `khabar ingest` processes take together, each on its own input, into one database. */
async function ingestProcesses(db: string, files: string[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(files.map(async (f) => {
    const child = spawn(process.execPath, [bin, 'ingest', f, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
    const [code] = await once(child, 'exit') as [number];
    if (code !== 0 && !/no article text left/.test(err)) throw new Error(`khabar ingest ${f} --db ${db}: exit ${code}: ${err.slice(-500)}`);
  }));
  return (performance.now() - t0) / 1000;
}

async function ingestPart(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-scale-'));
  const schemas = ['khabar_bench_scale_ingest1', 'khabar_bench_scale_ingest2'];
  try {
    const { all, halves } = inputs(n, dir);
    for (const s of schemas) dropSchema(s);
    const sqlite = await ingestProcesses(join(dir, 'k.db'), [all]);
    const pg1 = await ingestProcesses(schemaUrl(schemas[0]!), [all]);
    const pg2 = await ingestProcesses(schemaUrl(schemas[1]!), halves);
    const rate = (s: number) => `${(n / s).toFixed(0)} articles/s (${s.toFixed(1)} s)`;
    console.log(`  ingest of ${n.toLocaleString('en')} generated articles (\`khabar ingest\`, one run each):`);
    console.log(`    SQLite, 1 process:       ${rate(sqlite)}`);
    console.log(`    PostgreSQL, 1 process:   ${rate(pg1)}   ratio to SQLite ${(sqlite / pg1).toFixed(2)}`);
    console.log(`    PostgreSQL, 2 processes: ${rate(pg2)}   ratio to SQLite ${(sqlite / pg2).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const s of schemas) dropSchema(s);
  }
}

/** The PostgreSQL store of `size` generated articles, ingested and grouped (kept in its schema for the next run). */
async function pgStore(size: number): Promise<string> {
  const url = schemaUrl(`khabar_bench_scale_${size}`);
  const started = Date.now();
  const khabar = Khabar.open({ db: url });
  try {
    if (khabar.count() < size * 0.95) {
      await khabar.ingest([benchInput(size)], {
        onProgress: (p) => { if (p.read % 5000 === 0) process.stdout.write(`\r  ingesting into PostgreSQL: ${p.read.toLocaleString('en')}/${size.toLocaleString('en')}, ${((Date.now() - started) / 1000).toFixed(0)} s   `); },
      });
      process.stdout.write('\n');
    }
    const grouping = Date.now();
    const grouper = storyGrouperFor(khabar, {
      onProgress: (done, all) => { if (done % 5120 < 256 || done === all) process.stdout.write(`\r  grouping: ${done.toLocaleString('en')}/${all.toLocaleString('en')}, ${((Date.now() - grouping) / 1000).toFixed(0)} s   `); },
    });
    console.log(`\n  PostgreSQL store: ${khabar.count().toLocaleString('en')} articles, ${grouper.state.listStories().length.toLocaleString('en')} stories (built or caught up in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    khabar.close();
  }
  return url;
}

/** Sends the requests spread over the replicas (half the concurrency each); returns every request's latency. */
async function loadReplicas(bases: string[], urls: string[], concurrency: number): Promise<number[]> {
  const parts = await Promise.all(bases.map((b, i) => load(b, urls.filter((_, k) => k % bases.length === i), Math.ceil(concurrency / bases.length))));
  return parts.flat();
}

async function apiPart(size: number): Promise<void> {
  const rounds = Number(process.env.KHABAR_BENCH_API_ROUNDS ?? 5);
  const perRound = Number(process.env.KHABAR_BENCH_API_REQUESTS ?? 500);
  const concurrency = Number(process.env.KHABAR_BENCH_API_CONCURRENCY ?? 50);
  const db = await pgStore(size);
  const servers = await Promise.all([startServer(db), startServer(db)]);
  try {
    const bases = servers.map((s) => s.base);
    const rand = prng(99);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const list = await (await fetch(`${bases[0]}/api/stories?pageSize=100`)).json() as { total: number; items: { id: string; title: string }[] };
    const storyIds = list.items.map((s) => s.id);
    const words = [...new Set(list.items.flatMap((s) => s.title.split(/\s+/)).filter((w) => w.length >= 4 && /^[\u0600-\u06FF]+$/.test(w)))];
    const queries = [...words, 'تونس', 'وزير الخارجية'];
    console.log(`  two replicas up (${size.toLocaleString('en')} articles, ${list.total.toLocaleString('en')} stories); ${concurrency} concurrent requests over both, ${perRound} per round, ${rounds} rounds`);
    await Promise.all(servers.map((s) => s.warmed));
    // First visits (report built, query ranked in PostgreSQL), then the measured rounds.
    const coldStory = (await loadReplicas(bases, storyIds.map((id) => `/api/stories/${encodeURIComponent(id)}`), concurrency)).sort((a, b) => a - b);
    const coldSearch = (await loadReplicas(bases, queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`), concurrency)).sort((a, b) => a - b);
    console.log(`  first visits: story page p50 ${quantile(coldStory, 0.5).toFixed(1)} ms p99 ${quantile(coldStory, 0.99).toFixed(1)} ms; ` +
      `search (${queries.length} queries) p50 ${quantile(coldSearch, 0.5).toFixed(1)} ms p99 ${quantile(coldSearch, 0.99).toFixed(1)} ms`);
    const measure = async (name: string, urls: () => string[]): Promise<Row> => {
      const row: Row = { name, medians: [], p99s: [] };
      for (let r = 0; r < rounds; r++) {
        const lat = (await loadReplicas(bases, urls(), concurrency)).sort((a, b) => a - b);
        row.medians.push(quantile(lat, 0.5));
        row.p99s.push(quantile(lat, 0.99));
      }
      return row;
    };
    print(await measure('story page  GET /api/stories/ID', () => Array.from({ length: perRound }, () => `/api/stories/${encodeURIComponent(pick(storyIds))}`)), 50);
    print(await measure('search      GET /api/search', () => Array.from({ length: perRound }, () => `/api/search?q=${encodeURIComponent(pick(queries))}`)), 100);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
  }
}

export async function run(): Promise<void> {
  if (!existsSync(join(sharedDir, 'data', 'ant-corpus-v1.1', 'ant_v1.1.jsonl'))) { console.log('(scale bench: ../shared/data/ant-corpus-v1.1 not found)'); return; }
  try {
    new PgDb(pgBase).close();
  } catch (e) {
    console.log(`(scale bench: ${(e as Error).message}; start PostgreSQL or set KHABAR_BENCH_PG)`);
    return;
  }
  const ingestN = Number(process.env.KHABAR_BENCH_SCALE_INGEST ?? 2000);
  const size = Number(process.env.KHABAR_BENCH_SCALE_ARTICLES ?? 100_000);
  if (![ingestN, size].every((n) => Number.isInteger(n) && n > 0) || ingestN > 10_000) throw new Error('KHABAR_BENCH_SCALE_* must be positive integers (INGEST at most 10,000)');
  await ingestPart(ingestN);
  await apiPart(size);
}
