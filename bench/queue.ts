// bench for the queued ingest: articles/s through `khabar ingest --queue --wait` with 1 and with 2 `khabar worker`
// processes, against a plain `khabar ingest` of the same articles into SQLite (the ratio is the figure: it says what
// the queue costs on one machine, and what a second worker brings). Every path runs as the CLI runs, in its own
// processes; grouping is left out on both sides (`--no-group`; a plain ingest does not group either). Articles are
// recombined from the sample corpus's sentences (deterministic PRNG).
// `npm run bench -- queue`. Needs Redis at 127.0.0.1:6379 (KHABAR_BENCH_REDIS for another URL; each run uses its own
// key prefix, removed after). KHABAR_BENCH_QUEUE_ARTICLES (default 6000) and KHABAR_BENCH_RUNS (default 1).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { machineReference, median, prng, repoRoot } from './common.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const OUTLETS = ['وكالة الرافد للأنباء', 'صحيفة الميناء الجديد', 'موقع شرفة الخبر', 'قناة النخيل الإخبارية'];

/** Writes `total` distinct articles recombined from the sample corpus's sentences as JSON lines (also the queue tests' articles). */
export function writeArticles(path: string, total: number): void {
  const corpus = join(repoRoot, 'samples', 'corpus');
  const sents = readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(corpus, f), 'utf8')) as { text: string }).text.split(/(?<=[.!؟])\s+|\n+/))
    .map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 6);
  const rand = prng(2026);
  const lines: string[] = [];
  for (let i = 0; i < total; i++) {
    // One paragraph: short lines repeated across an outlet's articles would be removed as its boilerplate.
    const body = Array.from({ length: 10 }, () => sents[Math.floor(rand() * sents.length)]).join(' ') + ` رقم ${i}.`;
    lines.push(JSON.stringify({ id: `q-${i}`, title: `خبر رقم ${i}`, text: body, source: OUTLETS[i % OUTLETS.length], published: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}` }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

function timed(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`khabar ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function throughQueue(input: string, workers: number, db: string, redisUrl: string, total: number): Promise<number> {
  const prefix = `khabar-bench-${randomBytes(4).toString('hex')}`;
  const url = `${redisUrl}${redisUrl.includes('?') ? '&' : '?'}prefix=${prefix}`;
  const children = Array.from({ length: workers }, () => spawn(process.execPath, [bin, 'worker', '--queue', url, '--db', db, '--no-group'], { stdio: ['ignore', 'ignore', 'pipe'] }));
  try {
    // Started before the clock: a worker's start-up is not ingest time.
    await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
      let err = '';
      c.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; if (err.includes('taking jobs')) resolve(); });
      c.once('exit', () => reject(new Error(`a worker stopped: ${err}`)));
    })));
    const seconds = timed(['ingest', input, '--queue', url, '--wait']);
    return total / seconds;
  } finally {
    await Promise.all(children.map((c) => new Promise((r) => { if (c.exitCode !== null) r(null); else { c.once('exit', r); c.kill('SIGTERM'); } })));
    const redis = new Redis(redisUrl.replace(/\?.*$/, ''), { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

export async function run(): Promise<void> {
  const redisUrl = process.env.KHABAR_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
  if (spawnSync('redis-cli', ['-u', redisUrl.replace(/\?.*$/, ''), 'ping'], { encoding: 'utf8' }).stdout?.trim() !== 'PONG') {
    console.log(`queue: skipped, no Redis answers at ${redisUrl} (set KHABAR_BENCH_REDIS, or start one: ../shared/notes/services.md)`);
    return;
  }
  const total = Number(process.env.KHABAR_BENCH_QUEUE_ARTICLES ?? 6000);
  const runs = Number(process.env.KHABAR_BENCH_RUNS ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-queue-'));
  try {
    const input = join(dir, 'articles.jsonl');
    writeArticles(input, total);
    const plain: number[] = [];
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < runs; r++) {
      plain.push(total / timed(['ingest', input, '--db', join(dir, `plain-${r}.db`)]));
      one.push(await throughQueue(input, 1, join(dir, `one-${r}.db`), redisUrl, total));
      two.push(await throughQueue(input, 2, join(dir, `two-${r}.db`), redisUrl, total));
    }
    const p = median(plain);
    console.log(`queue: ${total} articles, median of ${runs} run${runs === 1 ? '' : 's'} (machine reference ${machineReference().toFixed(2)} s)`);
    console.log(`  plain khabar ingest (SQLite)     ${p.toFixed(0)} articles/s`);
    console.log(`  queue, 1 worker                  ${median(one).toFixed(0)} articles/s  (${(median(one) / p).toFixed(2)} × plain)`);
    console.log(`  queue, 2 workers                 ${median(two).toFixed(0)} articles/s  (${(median(two) / p).toFixed(2)} × plain)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
