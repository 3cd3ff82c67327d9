// Hostile inputs through the whole `khabar ingest` path (issue 27): the time to store or refuse the worst
// nested HTML (median of 3 runs, each into a new database; machineReference() says how fast the machine was),
// and the peak memory (RSS) of reading large local inputs, each in a process of its own.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../src/khabar.js';
import { nestedPage } from '../test/hostile/corpus.js';
import { machineReference, median } from './common.js';

/** Seconds to ingest one file into a new database, and what became of it. */
async function ingestOnce(file: string): Promise<{ seconds: number; outcome: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-hostile-'));
  const k = Khabar.open({ db: join(dir, 'k.db') });
  try {
    let outcome = 'stored';
    const t0 = performance.now();
    const counts = await k.ingest([file], { onProblem: (p) => { outcome = `refused: ${p.reason}`; } });
    const seconds = (performance.now() - t0) / 1000;
    if (!counts.stored && outcome === 'stored') outcome = 'nothing stored';
    return { seconds, outcome };
  } finally {
    k.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function nestedHtmlFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-nested-'));
  try {
    for (const levels of [3_500, 1_000_000]) {
      const file = join(dir, `nested-${levels}.html`);
      const html = nestedPage(levels);
      writeFileSync(file, html);
      const runs = [];
      for (let r = 0; r < 3; r++) runs.push(await ingestOnce(file));
      console.log(`nested HTML, ${levels.toLocaleString('en')} levels (${(html.length / 1e6).toFixed(2)} MB): ` +
        `${runs[0].outcome.slice(0, 90)} in median ${median(runs.map((x) => x.seconds)).toFixed(2)} s (goal ≤ 2 s; machine reference ${machineReference().toFixed(2)} s)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS (MB) of a new process that reads every article of `file` with readInputs (nothing stored). */
function peakRssReading(file: string, maxBytes: number): { mb: number; read: string } {
  const ingest = new URL('../src/ingest/index.js', import.meta.url).href;
  const script = `import { readInputs, isProblem } from ${JSON.stringify(ingest)};
let articles = 0, problems = 0;
for await (const x of readInputs([${JSON.stringify(file)}], { maxBytes: ${maxBytes} })) { if (isProblem(x)) problems++; else articles++; }
console.log(JSON.stringify({ maxRss: process.resourceUsage().maxRSS, articles, problems }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { maxRss?: number; articles?: number; problems?: number };
  return { mb: (out.maxRss ?? NaN) / 1024, read: `${out.articles} articles, ${out.problems} refused` };
}

export function largeInputFigures(): void {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-large-'));
  try {
    const paragraph = 'وقال الوزير إن المحادثات بين الطرفين ستستمر في الأسبوع المقبل في العاصمة، مضيفا أن الاتفاق قريب. ';
    // 200 MB of JSON lines, articles of about 3 KB, written in pieces.
    const jsonl = join(dir, 'big.jsonl');
    const fd = openSync(jsonl, 'w');
    let bytes = 0;
    for (let i = 0; bytes < 200 * 2 ** 20; i++) {
      const line = JSON.stringify({ id: `b-${i}`, text: `${paragraph.repeat(16)}${i}` }) + '\n';
      bytes += writeSync(fd, line);
    }
    closeSync(fd);
    const line = join(dir, 'one-line.jsonl');
    writeFileSync(line, JSON.stringify({ id: 'one', text: paragraph.repeat(Math.floor(50 * 2 ** 20 / Buffer.byteLength(paragraph)) - 1) }));
    const txt = join(dir, 'one-line.txt');
    writeFileSync(txt, paragraph.repeat(Math.floor(50 * 2 ** 20 / Buffer.byteLength(paragraph))));
    const big = peakRssReading(jsonl, 50 * 2 ** 20);
    const oneJsonl = peakRssReading(line, 50 * 2 ** 20);
    const oneTxt = peakRssReading(txt, 400 * 2 ** 20);
    console.log(`peak RSS reading local inputs (goal < 1024 MB): 200 MB JSON lines ${big.mb.toFixed(0)} MB (${big.read}); ` +
      `a 50 MB single-line .jsonl ${oneJsonl.mb.toFixed(0)} MB (${oneJsonl.read}); a 50 MB single-line .txt with --max-bytes 400 MB ${oneTxt.mb.toFixed(0)} MB (${oneTxt.read})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
