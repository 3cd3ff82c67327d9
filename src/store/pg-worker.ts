// The thread that talks to PostgreSQL for PgDb (pg-sync.ts): one `pg` client, one request at a time. Each answer is
// posted on the port and then signalled through the shared flag, which the calling thread waits on with Atomics.wait.
import { workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import type { PgReply, PgRequest } from './pg-sync.js';

const { port, flag, connectionString, schema } = workerData as { port: MessagePort; flag: Int32Array; connectionString: string; schema: string | null };

// bigint counts and ids as numbers, as better-sqlite3 returns them (article counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));

let client: pg.Client | null = null;
/** Set when the connection failed (server restarted, network): the next request connects again. */
let broken = false;
/** Connections made so far: a reply names the one it ran on, so the caller sees a transaction cut by a reconnect. */
let connection = 0;

async function connected(): Promise<pg.Client> {
  if (client && !broken) return client;
  if (client) client.end().catch(() => undefined);
  broken = false;
  // The schema is set on every connection: a reconnect must not fall back to the database's default search path.
  const c = new pg.Client({ connectionString, options: schema ? `-c search_path=${schema}` : undefined });
  c.on('error', () => { broken = true; });
  client = c;
  connection++;
  await c.connect();
  return c;
}

/** Whether the request being answered reached the server (false: it failed while connecting, so it never ran). */
let sent = false;

async function answer(req: PgRequest): Promise<PgReply> {
  try {
    if (req.kind === 'close') {
      await client?.end();
      client = null;
      return { rows: [], rowCount: 0, connection };
    }
    sent = false;
    const c = await connected();
    sent = true;
    const r = req.values === undefined
      ? await c.query(req.text)
      : await c.query({ name: req.name, text: req.text, values: req.values });
    const last = Array.isArray(r) ? r[r.length - 1] : r;
    return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0, connection };
  } catch (e) {
    const err = e as Error & { code?: string; detail?: string };
    // Not an SQLSTATE (a socket error such as ECONNRESET, or none), a connection exception (08) or the server going
    // down (57P01-57P03): the next request connects again.
    const lost = !err.code || !/^[0-9A-Z]{5}$/.test(err.code) || err.code.startsWith('08') || /^57P0[123]$/.test(err.code);
    if (lost) broken = true;
    return { error: { message: err.message, code: err.code, detail: err.detail, lost, sent } };
  }
}

port.on('message', (req: PgRequest) => {
  void answer(req).then((reply) => {
    port.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
});
