// bench for the scaled set-up (issue 26): ingest throughput on PostgreSQL against SQLite on the same articles (a
// ratio, one run each), with one and with two writer processes; and the API's p50/p99 for a story page and a search
// with two `khabar serve` replicas over one PostgreSQL database of 100,000 articles (bench/api-replicas.ts, which
// says how that store is built).
//
// Articles: the generated ones of bench/api.ts (real ANT sentences recombined; fixed PRNG), in KHABAR_BENCH_PG
// (default the test server's database). KHABAR_BENCH_SCALE_PARTS=ingest or =api runs one part.
//
// `npm run bench -- scale`; KHABAR_BENCH_SCALE_INGEST (articles of the ingest part, default 2,000),
// KHABAR_BENCH_SCALE_ARTICLES (store of the API part, default 100,000), KHABAR_BENCH_API_ROUNDS / _REQUESTS /
// _CONCURRENCY as in bench/api.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgDb } from '../src/store/pg-sync.js';
import { benchInput } from './api.js';
import { apiReplicas } from './api-replicas.js';
import { repoRoot, sharedDir } from './common.js';

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
  const parts = (process.env.KHABAR_BENCH_SCALE_PARTS ?? 'ingest,api').split(',');
  if (parts.includes('ingest')) await ingestPart(ingestN);
  if (parts.includes('api')) await apiReplicas(pgBase, size);
}
