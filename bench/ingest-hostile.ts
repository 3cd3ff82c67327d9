// Hostile inputs through the whole `khabar ingest` path (issue 27): the time to store or refuse the worst
// nested HTML. Median of 3 runs, each into a new database; machineReference() says how fast the machine was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
