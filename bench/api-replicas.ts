// The API part of the scale bench (issue 26): p50/p99 of a story page and a search with two `khabar serve` replicas
// over one PostgreSQL store of 100,000 articles, under a loopback load generator (this process, Node's fetch, the
// requests spread over both replicas).
//
// The store. Ingesting and grouping 100,000 articles through PostgreSQL takes hours on a shared 2-core machine, so
// it is built by a bulk path: the API bench's SQLite store of the same generated articles (bench/api.ts benchStore:
// ingested and grouped by the library, cached in the temporary folder) is copied table by table into a PostgreSQL
// schema (multi-row inserts of unnest'ed arrays), and the PostgreSQL store derives its own search rows from the
// articles when it is first opened (its search index version is not copied), with the GIN index built after the rows.
// The grouping copied is the SQLite grouper's, which the equivalence test shows PostgreSQL's gives too. The schema,
// khabar_bench_replicas_<size>_v<version>, is kept for the next run and rebuilt when the code's version changes.
import Database from 'better-sqlite3';
import { Khabar } from '../src/khabar.js';
import { PgDb } from '../src/store/pg-sync.js';
import { PG_ARTICLE_MIGRATIONS, PG_ARTICLE_ORIGIN_MIGRATIONS, PG_ENTITY_MIGRATIONS, PG_STORY_MIGRATIONS } from '../src/store/postgres-schema.js';
import { PostgresStore } from '../src/store/index.js';
import { STORE_VERSION, benchStore, load, print, quantile, startServer, type Row } from './api.js';
import { prng } from './common.js';

/** Changes when the generated articles or any PostgreSQL migration changes, so a stale copy is rebuilt. */
const COPY_VERSION = `${STORE_VERSION}_${[PG_ARTICLE_MIGRATIONS, PG_ARTICLE_ORIGIN_MIGRATIONS, PG_STORY_MIGRATIONS, PG_ENTITY_MIGRATIONS].map((m) => m.length).join('')}`;
const BUILT_KEY = 'bench-copy-complete';
/** Tables copied as they are (article_search is derived, not copied). */
const TABLES = ['article', 'article_signature', 'article_band', 'article_related', 'article_alias', 'kv',
  'story_meta', 'story_df', 'story_article', 'story', 'story_posting', 'entity_meta', 'entity', 'entity_form', 'entity_block', 'entity_mention'];
const ROWS_PER_INSERT = 5000;

const PG_ARRAY_TYPE: Record<string, string> = { text: 'text[]', bigint: 'bigint[]', integer: 'integer[]', 'double precision': 'float8[]', bytea: 'bytea[]' };

function schemaUrl(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Copies every table of the SQLite store into the (migrated, empty) PostgreSQL schema; returns the rows copied. */
function copyTables(sqlitePath: string, pg: PgDb): number {
  const lite = new Database(sqlitePath, { readonly: true });
  let copied = 0;
  try {
    for (const table of TABLES) {
      // A component the SQLite store never used (the entity index until something asked for it) has no table there.
      if (!lite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) continue;
      const cols = pg.prepare(`SELECT column_name AS name, data_type AS type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position`).all(table) as { name: string; type: string }[];
      const names = cols.map((c) => c.name);
      const insert = `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${PG_ARRAY_TYPE[c.type] ?? 'text[]'}`).join(', ')})`;
      const where = table === 'kv' ? " WHERE key <> 'search-index-version'" : '';
      let columns: unknown[][] = names.map(() => []);
      const flush = (): void => {
        if (!columns[0]!.length) return;
        pg.query(insert, columns);
        copied += columns[0]!.length;
        columns = names.map(() => []);
      };
      for (const row of lite.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM ${table}${where}`).raw().iterate() as IterableIterator<unknown[]>) {
        row.forEach((v, i) => columns[i]!.push(v));
        if (columns[0]!.length >= ROWS_PER_INSERT) flush();
      }
      flush();
    }
    pg.exec("SELECT setval(pg_get_serial_sequence('article', 'rowid'), (SELECT coalesce(max(rowid), 1) FROM article))");
  } finally {
    lite.close();
  }
  return copied;
}

/** The PostgreSQL store of `size` generated articles (see the top of the file); says how it was had. */
export async function replicaStore(pgBase: string, size: number): Promise<string> {
  const schema = `khabar_bench_replicas_${size}_v${COPY_VERSION}`;
  const url = schemaUrl(pgBase, schema);
  const admin = new PgDb(pgBase);
  try {
    const built = admin.prepare(`SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'kv'`).get(schema)
      && admin.prepare(`SELECT value FROM ${schema}.kv WHERE key = ?`).pluck().get(BUILT_KEY);
    if (built) {
      console.log(`  reusing PostgreSQL schema ${schema} (${String(built)})`);
      return url;
    }
    admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    admin.close();
  }
  const sqlite = await benchStore(size);
  const started = Date.now();
  PostgresStore.open(url).close(); // creates and migrates the schema
  const pg = new PgDb(url);
  let rows = 0;
  try {
    pg.exec('DROP INDEX article_search_match');
    rows = pg.transaction(() => copyTables(sqlite, pg))();
  } finally {
    pg.close();
  }
  const copiedMs = Date.now() - started;
  const khabar = Khabar.open({ db: url }); // derives the search rows: the copy has no search index version
  khabar.close();
  const indexedMs = Date.now() - started - copiedMs;
  const pg2 = new PgDb(url);
  try {
    pg2.exec('CREATE INDEX article_search_match ON article_search USING GIN (match); ANALYZE');
    const how = `copied from ${sqlite} (${rows.toLocaleString('en')} rows in ${(copiedMs / 1000).toFixed(0)} s), search rows derived in ` +
      `${(indexedMs / 1000).toFixed(0)} s, GIN index and ANALYZE in ${((Date.now() - started - copiedMs - indexedMs) / 1000).toFixed(0)} s`;
    pg2.transaction(() => pg2.prepare('INSERT INTO kv (key, value) VALUES (?, ?)').run(BUILT_KEY, how))();
    console.log(`  built PostgreSQL schema ${schema}: ${how}`);
  } finally {
    pg2.close();
  }
  return url;
}

/** Sends the requests spread over the replicas (half the concurrency each); returns every request's latency. */
async function loadReplicas(bases: string[], urls: string[], concurrency: number): Promise<number[]> {
  const parts = await Promise.all(bases.map((b, i) => load(b, urls.filter((_, k) => k % bases.length === i), Math.ceil(concurrency / bases.length))));
  return parts.flat();
}

/** Story page and search latency through two `khabar serve` replicas over the PostgreSQL store of `size` articles. */
export async function apiReplicas(pgBase: string, size: number): Promise<void> {
  const rounds = Number(process.env.KHABAR_BENCH_API_ROUNDS ?? 5);
  const perRound = Number(process.env.KHABAR_BENCH_API_REQUESTS ?? 500);
  const concurrency = Number(process.env.KHABAR_BENCH_API_CONCURRENCY ?? 50);
  const db = await replicaStore(pgBase, size);
  const servers = await Promise.all([startServer(db), startServer(db)]);
  try {
    const bases = servers.map((s) => s.base);
    const rand = prng(99);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const list = await (await fetch(`${bases[0]}/api/stories?pageSize=100`)).json() as { total: number; items: { id: string; title: string }[] };
    const storyIds = list.items.map((s) => s.id);
    const words = [...new Set(list.items.flatMap((s) => s.title.split(/\s+/)).filter((w) => w.length >= 4 && /^[\u0600-\u06FF]+$/.test(w)))];
    const queries = [...words, 'تونس', 'وزير الخارجية'];
    const other = await (await fetch(`${bases[1]}/api/stories?pageSize=1`)).json() as { total: number };
    console.log(`  two replicas up over PostgreSQL (${size.toLocaleString('en')} articles, ${list.total.toLocaleString('en')} stories, both answering ${other.total === list.total ? 'alike' : 'DIFFERENTLY'}); ` +
      `${concurrency} concurrent requests over both, ${perRound} per round, ${rounds} rounds`);
    await Promise.all(servers.map((s) => s.warmed));
    // First visits (report built, query ranked in PostgreSQL), then the measured rounds.
    const coldStory = (await loadReplicas(bases, storyIds.map((id) => `/api/stories/${encodeURIComponent(id)}`), concurrency)).sort((a, b) => a - b);
    const coldSearch = (await loadReplicas(bases, queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`), concurrency)).sort((a, b) => a - b);
    console.log(`  first visits: story page p50 ${quantile(coldStory, 0.5).toFixed(1)} ms p99 ${quantile(coldStory, 0.99).toFixed(1)} ms; ` +
      `search (${queries.length} queries) p50 ${quantile(coldSearch, 0.5).toFixed(1)} ms p99 ${quantile(coldSearch, 0.99).toFixed(1)} ms`);
    const measure = async (name: string, urls: () => string[]): Promise<Row> => {
      const row: Row = { name, medians: [], p99s: [] };
      for (let r = 0; r < rounds; r++) {
        const lat = (await loadReplicas(bases, urls(), concurrency)).sort((a, b) => a - b);
        row.medians.push(quantile(lat, 0.5));
        row.p99s.push(quantile(lat, 0.99));
      }
      return row;
    };
    print(await measure('story page  GET /api/stories/ID', () => Array.from({ length: perRound }, () => `/api/stories/${encodeURIComponent(pick(storyIds))}`)), 50);
    print(await measure('search      GET /api/search', () => Array.from({ length: perRound }, () => `/api/search?q=${encodeURIComponent(pick(queries))}`)), 100);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
  }
}
