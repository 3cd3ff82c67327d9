// The server builds the reports of its top stories in the background, so the first reader does not pay for them,
// and a request that arrives meanwhile is answered between two builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { warmUpReports } from '../../src/api/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { repoRoot } from '../helpers/shared.js';

/** A source over a fresh store holding the sample corpus, removed after `fn`. */
async function withSampleSource(fn: (source: KhabarLibrarySource) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-warm-'));
  const khabar = Khabar.open({ db: join(dir, 'k.db') });
  try {
    await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
    await fn(new KhabarLibrarySource(khabar));
  } finally {
    khabar.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the top stories of the sample corpus are built in the background, after the call returns', () => withSampleSource(async (source) => {
  const ids = source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => s.id);
  assert.equal(ids.length, 4, 'the sample corpus has four stories');
  let result: [number, number] | null = null;
  const warm = warmUpReports(source, { onDone: (built, failed) => { result = [built, failed]; } });
  // Nothing is built synchronously: a request arriving now is served before the first build.
  assert.equal(result, null);
  await warm.done;
  assert.deepEqual(result, [4, 0]);
  // Each report is now cached: asking again returns the very object built during the warm-up.
  const first = await Promise.all(ids.map((id) => source.story(id)));
  assert.ok(first.every((r) => r && (r.summary?.length ?? 0) > 0), 'every warmed story has a summary');
  for (const [i, id] of ids.entries()) assert.equal(await source.story(id), first[i], `report of ${id} reused`);
}));

test('a stopped warm-up ends after the report being built', () => withSampleSource(async (source) => {
  let built = -1;
  const warm = warmUpReports(source, { onDone: (n) => { built = n; } });
  warm.stop();
  await warm.done;
  assert.equal(built, 0);
}));
