// The same stories and the same story reports through the queue with 1 and with 3 workers as through a plain
// `khabar ingest`: the sample corpus and the seeds, one article a job, so three workers store them in an order no one
// chose; the workers write to a SQLite file, and to a PostgreSQL database. A story is analysed in publication order
// whatever order its articles joined it, so everything a reader sees of it (its title, facts and their wording,
// summary, entities, quotes, numbers, timeline) is compared as it is: the title is chosen from the final member set
// alone (storyTitle in src/stories/grouper.ts). What follows the order the workers stored the articles in: the
// story's id (made when it is first grouped) and the order of its article, outlet and related lists (compared as sets).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasShared, loadSeeds, repoRoot, sharedDir } from '../helpers/shared.js';
import { Khabar } from '../../src/khabar.js';
import { buildReport } from '../../src/report.js';
import type { Report } from '../../src/types.js';
import { freshQueue, khabar, needsRedis, startWorkers } from './redis.js';
import { dropTestSchemas, needsPostgres, pgSchemaUrl } from '../helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-equiv-'));
after(() => { rmSync(dir, { recursive: true, force: true }); dropTestSchemas(); });

interface StoryRow { id: string; articles: string[] }

/** The stories as sets of article ids, in a canonical order: what "the same stories" means whatever the ids. */
async function partition(db: string): Promise<string[][]> {
  const r = await khabar(['stories', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as StoryRow[]).map((s) => [...s.articles].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** x with every array sorted (by its elements' JSON, elements made canonical first): lists compared as sets. */
function unordered(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(unordered).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, unordered(v)]));
  return x;
}

/**
 * The sample corpus names one outlet «قناة النخيل» in a source line and «قناة النخيل الإخبارية» in its feed; the
 * short name resolves to the full one only when the feed was cleaned first, which workers do in any order. A known
 * limitation (an outlet's full name does not relabel articles stored before it was seen), so here each outlet name
 * is read as the longest name of the report it begins.
 */
function sameOutletNames(report: { articles: { source: string | null }[]; stories: { sources: string[] }[] }): unknown {
  const names = [...new Set(report.articles.map((a) => a.source).filter((n): n is string => Boolean(n)))];
  const full = (n: string): string => names.filter((m) => m.startsWith(n + ' ')).sort((a, b) => b.length - a.length)[0] ?? n;
  return {
    articles: unordered(report.articles.map((a) => ({ ...a, source: a.source && full(a.source) }))),
    stories: report.stories.map((s) => ({ ...s, sources: [...new Set(s.sources.map(full))].sort() })),
  };
}

/** A database's report with what follows storing order (see the top) made canonical: ids and list orders. */
function canonicalReport(db: string): unknown {
  const kb = Khabar.open({ db });
  try {
    const r = buildReport(kb);
    const key = new Map(r.stories.map((s) => [s.id, [...s.articles].sort()[0]!]));
    const canon = (id: string): string => key.get(id) ?? `(unknown ${id})`;
    return sameOutletNames({
      articles: r.articles,
      stories: r.stories.map((s) => ({
        ...s, id: canon(s.id), articles: [...s.articles].sort(), related: s.related.map(canon).sort(),
        sources: [...s.sources].sort(),
      })).sort((a, b) => a.id.localeCompare(b.id)),
    });
  } finally {
    kb.close();
  }
}

async function viaQueue(inputs: string[], extra: string[], workers: number, db: string): Promise<string> {
  const q = freshQueue();
  const w = startWorkers(workers, ['--queue', q.url, '--db', db]);
  try {
    const r = await khabar(['ingest', ...inputs, ...extra, '--queue', q.url, '--wait', '--job-size', '1']);
    assert.equal(r.code, 0, r.stderr + w.output());
    return r.stderr;
  } finally {
    await w.stop();
    await q.drop();
  }
}

/** The seeds with their publication dates (../shared/README.md), as JSON lines: undated, they would make one story. */
function seedsJsonl(): string {
  const path = join(dir, 'seeds.jsonl');
  writeFileSync(path, loadSeeds().map((s) => JSON.stringify({ id: s.id, text: s.text, published: s.published })).join('\n') + '\n');
  return path;
}

const cases: { name: string; inputs: () => string[]; extra: string[]; skip?: string }[] = [
  { name: 'the sample corpus', inputs: () => [join(repoRoot, 'samples', 'corpus')], extra: [] },
  { name: 'the seeds', inputs: () => [seedsJsonl()], extra: [], skip: hasShared ? undefined : `../shared not found at ${sharedDir}` },
];

for (const c of cases) {
  test(`${c.name}: the same stories through 1 and 3 workers as through khabar ingest`, { ...needsRedis, ...(c.skip ? { skip: c.skip } : {}), timeout: 300_000 }, async () => {
    const plain = join(dir, `${c.name}-plain.db`);
    const r = await khabar(['ingest', ...c.inputs(), ...c.extra, '--db', plain]);
    assert.equal(r.code, 0, r.stderr);
    const expected = await partition(plain);
    assert.ok(expected.length > 1);
    const report = canonicalReport(plain) as Report;
    assert.ok(report.stories.some((x) => x.articles.length > 1 && x.facts?.length), 'some story of several articles has facts');
    for (const n of [1, 3]) {
      const db = join(dir, `${c.name}-${n}.db`);
      const stderr = await viaQueue(c.inputs(), c.extra, n, db);
      const total = expected.flat().length;
      assert.match(stderr, new RegExp(`${total} stored, 0 duplicates, 0 failed`));
      assert.deepEqual(await partition(db), expected, `${n} worker(s)`);
      assert.deepEqual(canonicalReport(db), report, `${n} worker(s): the same story reports`);
    }
  });
}

for (const c of cases) {
  test(`${c.name}: the same stories through 1 and 3 workers writing to PostgreSQL as through khabar ingest on SQLite`,
    { ...needsRedis, ...needsPostgres, ...(c.skip ? { skip: c.skip } : {}), timeout: 300_000 }, async () => {
      const plain = join(dir, `${c.name}-plain-for-pg.db`);
      const r = await khabar(['ingest', ...c.inputs(), ...c.extra, '--db', plain]);
      assert.equal(r.code, 0, r.stderr);
      const expected = await partition(plain);
      const report = canonicalReport(plain);
      for (const n of [1, 3]) {
        const db = pgSchemaUrl(`workers${n}`);
        const stderr = await viaQueue(c.inputs(), c.extra, n, db);
        assert.match(stderr, new RegExp(`${expected.flat().length} stored, 0 duplicates, 0 failed`));
        assert.deepEqual(await partition(db), expected, `${n} worker(s) on PostgreSQL`);
        assert.deepEqual(canonicalReport(db), report, `${n} worker(s) on PostgreSQL: the same story reports`);
      }
    });
}
