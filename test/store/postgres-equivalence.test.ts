// The same inputs give the same stories and the same story reports through SQLite and through PostgreSQL (issue 26):
// the seeds, the sample corpus and eight days of ANT news (24 February – 3 March 2017, some 390 articles), each
// ingested into a fresh SQLite file and a fresh PostgreSQL schema, grouped, and reported.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared } from '../helpers/shared.js';
import { dropTestSchemas, needsPostgres, pgSchemaUrl } from '../helpers/postgres.js';
import { antArticles, sampleSet, seedSet } from '../../eval/stories.js';
import { Khabar, type IngestCounts } from '../../src/khabar.js';
import { buildReport } from '../../src/report.js';
import type { Article, Report } from '../../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-pg-eq-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  dropTestSchemas();
});

/** The articles as one JSON-lines input, so both stores read exactly the same thing. */
function asInput(name: string, articles: Article[]): string {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, articles.map(({ id, title, text, published, source, url }) => JSON.stringify({ id, title, text, published, source, url })).join('\n') + '\n');
  return path;
}

async function reportThrough(db: string, input: string): Promise<{ report: Report; hits: string[]; counts: IngestCounts }> {
  const kb = Khabar.open({ db });
  try {
    const counts = await kb.ingest([input], { parallel: false });
    return { report: buildReport(kb), hits: kb.search('تونس', { limit: 1000 }).map((h) => h.id).sort(), counts };
  } finally {
    kb.close();
  }
}

async function sameThroughBoth(name: string, articles: Article[], minStories: number): Promise<void> {
  const input = asInput(name, articles);
  const lite = await reportThrough(join(dir, `${name}.db`), input);
  const pg = await reportThrough(pgSchemaUrl(name), input);
  assert.deepEqual(pg.counts, lite.counts, `${name}: the same ingest counts`);
  const { stored, duplicates, failed } = lite.counts;
  assert.equal(stored + duplicates + failed, articles.length);
  assert.ok(stored > articles.length * 0.9, `${name}: ${stored} of ${articles.length} stored`);
  assert.ok(lite.report.stories.length >= minStories, `${name}: ${lite.report.stories.length} stories`);
  assert.ok(lite.report.stories.some((s) => s.articles.length > 1), `${name}: some story has several articles`);
  assert.deepEqual(pg.report.articles, lite.report.articles);
  assert.deepEqual(pg.report.stories.map((s) => s.articles), lite.report.stories.map((s) => s.articles), `${name}: the same stories`);
  assert.deepEqual(pg.report, lite.report, `${name}: the same story reports`);
  assert.deepEqual(pg.hits, lite.hits, `${name}: search finds the same articles`);
}

test('the seeds give the same stories and reports through SQLite and PostgreSQL', { ...needsShared, ...needsPostgres }, async () => {
  const seeds = await seedSet();
  assert.ok(seeds);
  await sameThroughBoth('seeds', seeds.articles, 2);
});

test('the sample corpus gives the same stories and reports through SQLite and PostgreSQL', needsPostgres, async () => {
  const sample = await sampleSet();
  assert.ok(sample);
  await sameThroughBoth('sample', sample.articles, 4);
});

test('eight days of ANT news give the same stories and reports through SQLite and PostgreSQL', { ...needsShared, ...needsPostgres }, async () => {
  const ant = antArticles((a) => a.published !== null && a.published >= '2017-02-24' && a.published < '2017-03-04');
  assert.ok(ant && ant.length > 350, `ANT window: ${ant?.length} articles`);
  await sameThroughBoth('ant', ant, 100);
});
