// Redis for the queue tests: the machine's shared Redis (127.0.0.1:6379, each run under its own key prefix, removed at
// the end), started with the project's command when it is down and this user may, else the tests skip with a message;
// and private redis-servers on other ports for the tests that restart one (the shared one is never restarted).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { repoRoot } from '../helpers/shared.js';

const ping = (port: number): boolean => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';

/** Whether the shared Redis answers, after trying to start it (../shared/notes/services.md) when it does not. */
export const redisUp: boolean = (() => {
  if (ping(6379)) return true;
  spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log']);
  return ping(6379);
})();

/** node:test options: skip, saying how to run them, when no Redis answers. */
export const needsRedis = redisUp ? {} : { skip: 'no Redis at 127.0.0.1:6379: start one (redis-server --port 6379, see ../shared/notes/services.md) to run the queue tests' };

export const hasRedisServer: boolean = spawnSync('redis-server', ['--version']).status === 0;

/** A queue URL under a fresh prefix, and a function removing every key of that prefix. */
export function freshQueue(port = 6379): { url: string; prefix: string; drop: () => Promise<void> } {
  const prefix = `khabar-test-${randomBytes(6).toString('hex')}`;
  return {
    url: `redis://127.0.0.1:${port}?prefix=${prefix}`,
    prefix,
    drop: async () => {
      const r = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await r.connect();
        let cursor = '0';
        do {
          const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length) await r.del(...keys);
        } while (cursor !== '0');
      } catch { /* a private server already stopped */ } finally {
        r.disconnect();
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

/** A private redis-server (keeping nothing on disk, as the shared one) on `port`; stop() shuts it down. */
export async function startPrivateRedis(port: number): Promise<{ stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !ping(port); i++) await new Promise((r) => setTimeout(r, 50));
  if (!ping(port)) throw new Error(`redis-server did not start on port ${port}`);
  return {
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** Runs `khabar ARGS` to its end; its exit code and output. */
export function khabar(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `khabar worker` processes; stop() ends them with SIGTERM (they finish their jobs) and waits. */
export function startWorkers(n: number, args: string[]): { children: ChildProcess[]; output: () => string; stop: () => Promise<void> } {
  let output = '';
  const children = Array.from({ length: n }, () => {
    const c = spawn(process.execPath, [bin, 'worker', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr!.setEncoding('utf8').on('data', (d: string) => { output += d; });
    return c;
  });
  return {
    children,
    output: () => output,
    stop: async () => {
      await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => { c.once('exit', r); c.kill('SIGTERM'); }))));
    },
  };
}
