// A private PostgreSQL cluster for the tests that restart or stop one (the machine's shared server is never
// restarted): initdb on a temporary folder, a free loopback port, started and stopped with pg_ctl. PostgreSQL refuses
// to run as root, so as root the commands run as the `postgres` user. Without the binaries the tests skip, saying so.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.KHABAR_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = userInfo().uid === 0;

const postgresUid: number | null = (() => {
  if (!asRoot) return null;
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
})();

const skipReason: string | null = !existsSync(join(BIN, 'initdb')) || !existsSync(join(BIN, 'pg_ctl'))
  ? `no initdb/pg_ctl in ${BIN} to start a private PostgreSQL with (install PostgreSQL 15's server package, or set KHABAR_TEST_PG_BIN)`
  : asRoot && postgresUid === null ? 'running as root without a `postgres` user to run a private PostgreSQL as' : null;

/** node:test options: skips the test, with the reason printed, when no private cluster can be made here. */
export const needsPrivatePostgres = skipReason ? { skip: skipReason } : {};

function run(tool: string, args: string[]): void {
  const cmd = asRoot ? 'runuser' : join(BIN, tool);
  const argv = asRoot ? ['-u', 'postgres', '--', join(BIN, tool), ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  start(): void;
  /** Stops it as a crash would (pg_ctl -m immediate): connections cut, the next start recovers from the WAL. */
  crash(): void;
  /** Stops it for good and removes its folder. */
  remove(): void;
}

/** Makes a cluster on `port` (trust auth, loopback only, fsync off: a test's data) and starts it. */
export function privatePostgres(port: number): PrivatePostgres {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-pg-'));
  if (postgresUid !== null) chownSync(dir, postgresUid, -1);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let up = false;
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => { run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']); up = true; },
    crash: () => { run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); up = false; },
    remove: () => {
      if (up) try { pg.crash(); } catch { /* already down */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}
