// Where the job queue lives: a Redis URL (redis://[user:password@]host:port[/db][?prefix=NAME], or rediss:// for
// TLS). The prefix names the queue's keys, so several queues (or test runs) share one Redis apart.
import { Redis, type RedisOptions } from 'ioredis';

export interface QueueLocation {
  connection: RedisOptions;
  prefix: string;
  /** The URL without its password, for messages. */
  display: string;
}

/** The queue's name inside the prefix (its keys are PREFIX:ingest:...). */
export const INGEST_QUEUE = 'ingest';

/** Parses a queue URL; throws an Error naming the URL and what is wrong with it. */
export function parseQueueUrl(url: string): QueueLocation {
  let u: URL;
  try { u = new URL(url); } catch { throw new Error(`not a queue URL: ${url} (expected redis://host:port)`); }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`only redis:// and rediss:// queues are supported, not ${u.protocol} (${url})`);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`the database of a queue URL is a number, not "${u.pathname.slice(1)}" (${url})`);
  const prefix = u.searchParams.get('prefix') || 'khabar';
  if (!/^[\w.-]+$/.test(prefix)) throw new Error(`a queue prefix is letters, digits, . _ and -, not "${prefix}"`);
  const connection: RedisOptions = {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return { connection, prefix, display: shown.href };
}

/**
 * Throws a clear Error when the queue's Redis does not answer within `timeoutMs`: the queue's own connections retry for
 * ever (they ride out a restart), which would make a command started with no Redis wait without a word.
 */
export async function checkReachable(loc: QueueLocation, timeoutMs = 5000): Promise<void> {
  const probe = new Redis({ ...loc.connection, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: NodeJS.ErrnoException | null = null;
  probe.on('error', (e: NodeJS.ErrnoException) => { cause ??= e; });
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    const err = cause ?? (e as NodeJS.ErrnoException);
    throw new Error(`cannot reach the queue at ${loc.display}: ${err.code ?? err.message} (is Redis running there?)`);
  } finally {
    probe.disconnect();
  }
}
