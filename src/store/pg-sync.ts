// PgDb: a synchronous PostgreSQL connection with better-sqlite3's shape (SqlDb), so the synchronous Store interface
// and the state classes written for SQLite run over PostgreSQL unchanged. A worker thread (pg-worker.ts) holds the
// `pg` client; this thread posts each statement to it and blocks on Atomics.wait until the answer is signalled, then
// takes it with receiveMessageOnPort. Why synchronous rather than an async Store: docs/scale.md.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SqlDb, SqlStatement } from './sql.js';

export type PgRequest =
  | { kind: 'query'; text: string; name?: string; values?: unknown[] }
  | { kind: 'close' };

export type PgReply =
  | { rows: Record<string, unknown>[]; rowCount: number; connection: number; error?: undefined }
  | { error: { message: string; code?: string; detail?: string; lost?: boolean; sent?: boolean } };

/** How long dataVersion() outside a transaction reuses its last answer: another process's write is seen this much later. */
const DATA_VERSION_REUSE_MS = 100;

/** The longest one statement may take before the caller gives up (a grouping batch's statements take milliseconds). */
const ANSWER_TIMEOUT_MS = 10 * 60_000;

/**
 * How long a statement outside a transaction, or a write that PostgresStore retries whole (retrying), waits for a
 * server that went away (restarted, failed over) before giving up.
 */
export const RECONNECT_MS = Number(process.env.KHABAR_PG_RECONNECT_MS ?? 60_000);

/** An error from PostgreSQL, with its SQLSTATE code; `lost` when the connection went (the server restarted, the network). */
export class PgError extends Error {
  constructor(message: string, readonly code?: string, readonly lost = false) {
    super(message);
  }
}

/** Rewrites `?` placeholders as `$1, $2, …`, leaving quoted strings and identifiers alone. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}

/** A connection string without the password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Splits khabar's own `schema` parameter off a connection string (`postgres://…/db?schema=name`). */
export function splitSchema(url: string): { connectionString: string; schema: string | null } {
  const m = /([?&])schema=([^&]*)&?/.exec(url);
  if (!m) return { connectionString: url, schema: null };
  const schema = decodeURIComponent(m[2]!);
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name in ${redact(url)}: "${schema}" (lower-case letters, digits and _)`);
  const rest = url.slice(0, m.index) + (m[0].endsWith('&') ? m[1] : '') + url.slice(m.index + m[0].length);
  return { connectionString: rest.replace(/[?&]$/, ''), schema };
}

class PgStatement implements SqlStatement {
  private readonly returns: boolean;
  constructor(private readonly db: PgDb, private readonly text: string, private readonly name: string, private readonly plucked = false) {
    this.returns = /\bRETURNING\b/i.test(text);
  }
  private rows(params: unknown[]): Record<string, unknown>[] {
    return this.db.query(this.text, params.map(toPg), this.name).rows;
  }
  get(...params: unknown[]): unknown {
    const row = this.rows(params)[0];
    return row === undefined ? undefined : this.plucked ? Object.values(row)[0] : row;
  }
  all(...params: unknown[]): unknown[] {
    const rows = this.rows(params);
    return this.plucked ? rows.map((r) => Object.values(r)[0]) : rows;
  }
  run(...params: unknown[]): { changes: number; lastInsertRowid: number } {
    // A write inside a transaction whose answer nobody reads waits to go with the next statement (see PgDb.defer).
    if (this.db.inTransaction && !this.returns) {
      this.db.defer(this.text, params);
      return { changes: 0, lastInsertRowid: 0 };
    }
    const r = this.db.query(this.text, params.map(toPg), this.name);
    return { changes: r.rowCount, lastInsertRowid: Number(r.rows[0]?.rowid ?? 0) };
  }
  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.all(...params)[Symbol.iterator]();
  }
  pluck(toggle = true): PgStatement {
    return new PgStatement(this.db, this.text, this.name, toggle);
  }
}

/** A value as an SQL literal of unknown type (PostgreSQL casts it to the column's or operator's type). */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) return `'{${v.map(arrayElement).join(',')}}'`;
  if (v instanceof Uint8Array) return `'\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}'`;
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`cannot write ${v} to PostgreSQL`);
  const s = String(v);
  if (s.includes('\0')) throw new Error('text cannot hold a NUL character (invalid byte sequence for PostgreSQL)');
  // standard_conforming_strings is on (the default since 9.1): only the quote is special.
  return `'${s.replace(/'/g, "''")}'`;
}

function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  const s = String(v).replace(/'/g, "''");
  return typeof v === 'number' ? s : `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Values as pg sends them: better-sqlite3 callers pass booleans as 0/1 and buffers as they are. */
function toPg(v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

export class PgDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  /** The connection string without the password. */
  readonly label: string;
  readonly schema: string | null;
  /** The connection string without khabar's schema parameter (for other connections to the same database). */
  readonly connectionString: string;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  /** Never signalled: Atomics.wait on it is a short sleep. */
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));
  private readonly names = new Map<string, string>();
  private depth = 0;
  /** The worker's connection the open transaction began on. */
  private txConnection = 0;
  /** Writes waiting to be sent together (see defer). */
  private deferred: string[] = [];
  private closed = false;
  /** Set when the server was waited for in vain; cleared by the next answer (see send). */
  private unreachable = false;
  /** While the constructor's first statement runs: a server that does not answer then is not waited for. */
  private opening = false;
  /** Whether transactions count their commits in khabar_commit (set once the store's migrations made the table). */
  countCommits = false;
  /** The khabar_commit count this connection has accounted for, and the value dataVersion() reports for it. */
  private known = -1;
  private reported = 0;
  private checkedAt = -Infinity;

  constructor(url: string) {
    const { connectionString, schema } = splitSchema(url);
    this.label = redact(connectionString);
    this.schema = schema;
    this.connectionString = connectionString;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./pg-worker.js', import.meta.url), {
      workerData: { port: port2, flag: this.flag, connectionString, schema },
      transferList: [port2],
    });
    this.worker.unref();
    // A server that does not answer at open is a wrong address or a stopped server: say so at once, without the
    // wait for a restart that statements of an open store get.
    this.unreachable = true;
    this.opening = true;
    try {
      if (schema) this.createSchema(schema);
      else this.query('SELECT 1');
      this.opening = false;
    } catch (e) {
      this.close();
      throw new Error(`cannot use PostgreSQL at ${this.label}: ${(e as Error).message.replace(`PostgreSQL (${this.label}): `, "")}`);
    }
  }

  /** Creates the schema unless it exists; another process creating it at the same moment is no failure. */
  private createSchema(schema: string): void {
    try {
      this.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      if (!(e instanceof PgError && (e.code === '23505' || e.code === '42P06'))) throw e;
    }
  }

  get inTransaction(): boolean { return this.depth > 0; }
  get open(): boolean { return !this.closed; }

  /** Sends one request and blocks until the worker answers. */
  private call(req: PgRequest): PgReply {
    if (this.closed) throw new Error(`the PostgreSQL connection to ${this.label} is closed`);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(req);
    if (Atomics.wait(this.flag, 0, 0, ANSWER_TIMEOUT_MS) === 'timed-out') {
      throw new Error(`no answer from PostgreSQL at ${this.label} within ${ANSWER_TIMEOUT_MS / 1000} s`);
    }
    // The flag can be seen before the posted answer reaches this end of the port: wait for it a little.
    for (let i = 0; i < 10_000; i++) {
      const m = receiveMessageOnPort(this.port);
      if (m) return m.message as PgReply;
      Atomics.wait(this.pause, 0, 0, 1);
    }
    throw new Error(`the PostgreSQL thread for ${this.label} answered nothing`);
  }

  /**
   * Queues a write inside a transaction: every round trip to the server costs about a millisecond here, and a
   * grouping batch writes tens of thousands of rows whose answers nobody reads. The queue is sent as one
   * multi-statement string (values inlined as literals) before the next statement or the commit; a failure then
   * fails that statement, and the transaction rolls back whole.
   */
  defer(text: string, params: unknown[]): void {
    try {
      this.deferred.push(text.replace(/\$(\d+)/g, (_, n: string) => sqlLiteral(params[Number(n) - 1])));
    } catch (e) {
      throw new PgError(`PostgreSQL (${this.label}): ${(e as Error).message}`);
    }
    if (this.deferred.length >= 2000) this.flush();
  }

  private flush(): void {
    if (!this.deferred.length) return;
    const sql = this.deferred.join(';\n');
    this.deferred = [];
    this.send(sql);
  }

  /** Runs one statement with `$n` parameters (or several, without parameters), after any deferred writes. */
  query(text: string, values?: unknown[], name?: string): { rows: Record<string, unknown>[]; rowCount: number; connection: number } {
    this.flush();
    return this.send(text, values, name);
  }

  private send(text: string, values?: unknown[], name?: string): { rows: Record<string, unknown>[]; rowCount: number; connection: number } {
    // Once the server was waited for in vain, the next statements fail at once until one gets through: a caller
    // that tries each article of a failed batch alone would otherwise wait RECONNECT_MS for every one.
    const deadline = this.unreachable ? 0 : performance.now() + RECONNECT_MS;
    for (;;) {
      const reply = this.call({ kind: 'query', text, values, name });
      if (reply.error) {
        const { message, code, detail, lost, sent } = reply.error;
        if (lost && this.depth > 0) {
          throw new PgError(`PostgreSQL (${this.label}): the connection was lost during a transaction (${message}); nothing of it was kept`, '08006', true);
        }
        // Outside a transaction a statement that never reached the server, or a read, is sent again once the server
        // is back (a restart takes seconds); a write that may have run is not.
        if (lost && (!sent || /^\s*(SELECT|WITH)\b/i.test(text)) && performance.now() < deadline) {
          Atomics.wait(this.pause, 0, 0, 250);
          continue;
        }
        if (lost && sent === false) this.unreachable = true;
        const gone = lost && !this.opening ? ` (the server could not be reached for ${Math.round(RECONNECT_MS / 1000)} s)` : '';
        throw new PgError(`PostgreSQL (${this.label}): ${message}${detail ? ` (${detail})` : ''}${sent === false ? gone : ''}`, code, lost);
      }
      this.unreachable = false;
      if (this.depth > 0 && reply.connection !== this.txConnection) {
        throw new PgError(`PostgreSQL (${this.label}): the connection was lost during a transaction; nothing of it was kept`, '08006', true);
      }
      return reply;
    }
  }

  /**
   * Runs fn (a whole transaction, or statements safe to repeat) again when the connection is lost in it, waiting for
   * the server for up to RECONNECT_MS: a transaction cut by a restart was rolled back whole, so running it again
   * writes it once. fn must keep no state of its own across attempts. Gives up with a message naming `what`.
   */
  retrying<T>(what: string, fn: () => T): T {
    const deadline = this.unreachable ? 0 : performance.now() + RECONNECT_MS;
    for (;;) {
      try {
        return fn();
      } catch (e) {
        if (!(e instanceof PgError && e.lost) || this.depth > 0) throw e;
        if (performance.now() >= deadline || this.unreachable) {
          this.unreachable = true;
          throw new PgError(`${e.message}: nothing of the ${what} in flight was kept; run the same command again once PostgreSQL is back`, e.code, true);
        }
        Atomics.wait(this.pause, 0, 0, 250);
      }
    }
  }

  prepare(sql: string): SqlStatement {
    const text = numberPlaceholders(sql);
    let name = this.names.get(text);
    if (!name) {
      name = `k${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return new PgStatement(this, text, name);
  }

  exec(sql: string): this {
    this.query(sql);
    return this;
  }

  transaction<T>(fn: () => T): { (): T; immediate(): T } {
    const run = (): T => {
      if (this.depth > 0) {
        // Nested: a savepoint, as better-sqlite3 does, so an inner failure undoes only the inner part.
        const sp = `k_sp${this.depth}`;
        this.query(`SAVEPOINT ${sp}`);
        this.depth++;
        try {
          const r = fn();
          this.query(`RELEASE SAVEPOINT ${sp}`);
          return r;
        } catch (e) {
          this.deferred = [];
          this.query(`ROLLBACK TO SAVEPOINT ${sp}`);
          this.query(`RELEASE SAVEPOINT ${sp}`);
          throw e;
        } finally {
          this.depth--;
        }
      }
      this.txConnection = (this.query('BEGIN') as { connection: number }).connection;
      this.depth = 1;
      try {
        const r = fn();
        if (this.countCommits) {
          const n = this.query('UPDATE khabar_commit SET n = n + 1 RETURNING n').rows[0]!.n as number;
          // Only this commit since the count was last read: nothing another connection wrote to account for.
          if (n === this.known + 1) this.known = n;
        }
        this.query('COMMIT');
        return r;
      } catch (e) {
        this.deferred = [];
        try { this.query('ROLLBACK'); } catch { /* the connection is gone: the server rolled back */ }
        throw e;
      } finally {
        this.depth = 0;
      }
    };
    return Object.assign(run, { immediate: run });
  }

  /**
   * A number that changes when another connection has committed a transaction since this one last asked (SQLite's
   * PRAGMA data_version): this connection's own commits leave it as it was.
   */
  dataVersion(): number {
    // Outside a transaction the answer is reused for a short while: a server asks before every request, and a round
    // trip each, on a thread that serves every request, queued them behind one another. Inside a transaction (a
    // grouping checking whether its caches are still current) it is always read.
    const now = performance.now();
    if (!this.inTransaction && now - this.checkedAt < DATA_VERSION_REUSE_MS) return this.reported;
    this.checkedAt = now;
    const n = this.prepare('SELECT n FROM khabar_commit').pluck().get() as number;
    if (n !== this.known) {
      this.known = n;
      this.reported++;
    }
    return this.reported;
  }

  /** Holds a transaction-scoped advisory lock named `name` (in this schema) until the transaction ends. */
  lock(name: string): void {
    this.prepare('SELECT pg_advisory_xact_lock(hashtext(current_schema() || ?))').run(`:${name}`);
  }

  close(): void {
    if (this.closed) return;
    try { this.call({ kind: 'close' }); } catch { /* already gone */ }
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}
