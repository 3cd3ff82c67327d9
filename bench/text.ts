// bench for the text stage: throughput of normalize+tokenize+sentences+stem and wall time of
// `khabar analyze --stem --count` on a ~48 MB file built from the ANT corpus (cached under bench-data/).
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forEachTerm, normalize, sentences, stem, tokenize } from '../src/text/index.js';
import { machineReference, median, repoRoot, sharedDir as shared } from './common.js';
import { antRecords } from '../eval/ant.js';

const TARGET = 48 * 1024 * 1024;
const RUNS = Number(process.env.KHABAR_BENCH_RUNS ?? 5);

async function buildFile(): Promise<string> {
  const dir = resolve(repoRoot, 'bench-data');
  const file = join(dir, 'ant-48mb-no-held-out.txt');
  if (existsSync(file) && statSync(file).size >= TARGET) return file;
  mkdirSync(dir, { recursive: true });
  const texts = antRecords()
    .map((r) => String(r.text ?? '').replace(/\s*\n\s*/g, ' '));
  const out = createWriteStream(file);
  let size = 0;
  while (size < TARGET) for (const t of texts) { const line = t + '\n'; out.write(line); size += Buffer.byteLength(line); if (size >= TARGET) break; }
  await new Promise<void>((res) => out.end(res));
  return file;
}

export async function run(): Promise<void> {
  if (!existsSync(join(shared, 'data/ant-corpus-v1.1'))) { console.log('(text: ../shared not found)'); return; }
  const file = await buildFile();
  const text = readFileSync(file, 'utf8');
  const sample = text.slice(0, 4 * 1024 * 1024);
  const mb = Buffer.byteLength(sample) / 1e6;
  // Two figures: the analyzer path search and grouping use (sentences + forEachTerm, which normalizes,
  // tokenizes and stems in one pass), and the Token-object path (normalize + tokenize + stem of each word).
  const analyzerRuns: number[] = [];
  const tokenRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t0 = process.hrtime.bigint();
    sentences(sample);
    forEachTerm(sample, { stem: true }, null);
    analyzerRuns.push(Number(process.hrtime.bigint() - t0) / 1e9);
    t0 = process.hrtime.bigint();
    normalize(sample);
    for (const t of tokenize(sample)) if (t.kind === 'word') stem(t.norm);
    tokenRuns.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const rate = (xs: number[]): string => `${(mb / median(xs)).toFixed(1)} MB/s median, ${(mb / Math.min(...xs)).toFixed(1)} best`;
  console.log(`sentences + analyzer (normalize, tokenize, stem): ${rate(analyzerRuns)}; normalize + tokenize() objects + stem: ${rate(tokenRuns)} (${RUNS} runs on ${mb.toFixed(1)} MB)`);
  const cli = resolve(repoRoot, 'dist/src/cli/main.js');
  const walls: number[] = [];
  const references: number[] = [];
  let count = '';
  for (let r = 0; r < RUNS; r++) {
    references.push(machineReference());
    const t0 = process.hrtime.bigint();
    count = execFileSync(process.execPath, [cli, 'analyze', '--stem', '--count', file], { encoding: 'utf8' }).trim();
    walls.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const size = (statSync(file).size / 1e6).toFixed(1);
  console.log(`khabar analyze --stem --count (${size} MB, ${count} terms): median ${median(walls).toFixed(2)} s, best ${Math.min(...walls).toFixed(2)} s wall over ${RUNS} runs (Lucene ArabicAnalyzer: 1.65 s)`);
  console.log(`  runs: ${walls.map((w) => w.toFixed(2)).join(' ')} s; machine reference (sha256 of 32 MB) before each: ${references.map((x) => x.toFixed(2)).join(' ')} s`);
}
