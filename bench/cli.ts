// bench for the command line: the whole process, as a person waits for it, against `node -e 0` (Node's own start-up),
// median of 9 interleaved runs. Goals (issue 28): `khabar summarize` on the seeds ≤ 0.10 s, `khabar --help` ≤ 0.08 s.
// On a shared machine the absolute times drift by several times; the ratio to `node -e 0`, measured in the same
// rounds, drifts much less, and the machine reference says how fast the machine was. On Linux the CPU time of each
// process (user + system, in the kernel's 10 ms ticks) is printed too: on a loaded machine it says more than the wall
// time, which counts the time spent waiting for a core. The load average is printed with the figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineReference, median, repoRoot, sharedDir } from './common.js';
import { hasShared } from '../test/helpers/shared.js';

const RUNS = 9;
const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** CPU seconds (user + system) of this process's finished children, from /proc/self/stat; null elsewhere. */
function childrenCpu(): number | null {
  try {
    // the fields after the command name's closing parenthesis: cutime and cstime are the 14th and 15th of them
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function run1(args: string[]): { wall: number; cpu: number | null } {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const c1 = childrenCpu();
  return { wall, cpu: c0 === null || c1 === null ? null : c1 - c0 };
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
    run1([bin, 'ingest', '--db', db, ...seeds]);
    const cases: { name: string; args: string[]; goal?: number }[] = [
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'khabar --help', args: [bin, '--help'], goal: 0.08 },
      { name: 'khabar summarize --help', args: [bin, 'summarize', '--help'] },
      { name: 'khabar summarize (5 seeds)', args: [bin, 'summarize', ...seeds], goal: 0.10 },
      { name: 'khabar search (seeds store)', args: [bin, 'search', 'موسكو', '--db', db] },
      { name: 'khabar stories (seeds store)', args: [bin, 'stories', '--db', db] },
    ];
    const times = cases.map(() => [] as number[]);
    const cpus = cases.map(() => [] as number[]);
    const reference: number[] = [];
    const load = loadavg()[0];
    for (let round = 0; round < RUNS; round++) {
      reference.push(machineReference());
      cases.forEach((c, i) => {
        const r = run1(c.args);
        times[i].push(r.wall);
        if (r.cpu !== null) cpus[i].push(r.cpu);
      });
    }
    const base = median(times[0]);
    const baseCpu = cpus[0].length ? median(cpus[0]) : null;
    console.log(`machine reference (sha256 of 32 MB, 0.05 s at full speed): ${median(reference).toFixed(3)} s; load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (${cpus.length && cpus[0].length ? 'wall and CPU' : 'wall'} medians of ${RUNS} interleaved runs)`);
    cases.forEach((c, i) => {
      const m = median(times[i]);
      const goal = c.goal ? `  goal ≤ ${c.goal.toFixed(2)} s` : '';
      const cpu = baseCpu === null ? '' : `  cpu ${median(cpus[i]).toFixed(2)} s (+${(median(cpus[i]) - baseCpu).toFixed(2)} s)`;
      console.log(`${c.name.padEnd(30)} ${m.toFixed(3)} s  ×${(m / base).toFixed(2)} node -e 0  (+${(m - base).toFixed(3)} s)${cpu}${goal}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
