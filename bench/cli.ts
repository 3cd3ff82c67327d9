// bench for the command line: the whole process, as a person waits for it, against `node -e 0` (Node's own start-up),
// median of 9 interleaved runs. Goals (issue 28): `khabar summarize` on the seeds ≤ 0.10 s, `khabar --help` ≤ 0.08 s.
// On a shared machine the absolute times drift by several times; the ratio to `node -e 0`, measured in the same
// rounds, drifts much less, and the machine reference says how fast the machine was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineReference, median, repoRoot, sharedDir } from './common.js';
import { hasShared } from '../test/helpers/shared.js';

const RUNS = 9;
const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

function seconds(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return s;
}

export async function run(): Promise<void> {
  if (!hasShared) {
    console.log(`cli: skipped, ../shared not found at ${sharedDir}`);
    return;
  }
  const seeds = readdirSync(join(sharedDir, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(sharedDir, 'seeds', f));
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-cli-'));
  try {
    const db = join(dir, 'k.db');
    seconds([bin, 'ingest', '--db', db, ...seeds]);
    const cases: { name: string; args: string[]; goal?: number }[] = [
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'khabar --help', args: [bin, '--help'], goal: 0.08 },
      { name: 'khabar summarize --help', args: [bin, 'summarize', '--help'] },
      { name: 'khabar summarize (5 seeds)', args: [bin, 'summarize', ...seeds], goal: 0.10 },
      { name: 'khabar search (seeds store)', args: [bin, 'search', 'موسكو', '--db', db] },
      { name: 'khabar stories (seeds store)', args: [bin, 'stories', '--db', db] },
    ];
    const times = cases.map(() => [] as number[]);
    const reference: number[] = [];
    for (let round = 0; round < RUNS; round++) {
      reference.push(machineReference());
      cases.forEach((c, i) => times[i].push(seconds(c.args)));
    }
    const base = median(times[0]);
    console.log(`machine reference (sha256 of 32 MB, 0.05 s at full speed): ${median(reference).toFixed(3)} s`);
    cases.forEach((c, i) => {
      const m = median(times[i]);
      const goal = c.goal ? `  goal ≤ ${c.goal.toFixed(2)} s` : '';
      console.log(`${c.name.padEnd(30)} ${m.toFixed(3)} s  ×${(m / base).toFixed(2)} node -e 0  (+${(m - base).toFixed(3)} s)${goal}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
