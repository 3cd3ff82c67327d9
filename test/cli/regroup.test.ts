// khabar regroup, and the notice of commands that group a database whose stories an older grouping made: on the
// sample corpus (no ../shared needed), as a user runs them (spawned).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const corpus = join(repoRoot, 'samples', 'corpus');

function partition(groups: string[][]): string[] {
  return groups.map((g) => [...g].sort().join(' ')).sort();
}

test('a database grouped before grouping versions were recorded is named stale; khabar regroup makes it current', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-regroup-'));
  try {
    const db = join(dir, 'k.db');
    const khabar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8' });
    assert.equal(khabar('ingest', corpus).status, 0);
    const first = khabar('stories', '--json');
    assert.equal(first.status, 0, first.stderr);
    assert.doesNotMatch(first.stderr, /grouped by version/, 'a grouping this version made is not stale');
    // What a database grouped before the grouping version was recorded holds: its stories and no recorded version.
    const sql = new Database(db);
    sql.prepare("DELETE FROM story_meta WHERE key = 'grouping_version'").run();
    sql.close();

    const stale = khabar('stories', '--json');
    assert.equal(stale.status, 0, stale.stderr);
    assert.match(stale.stderr, /grouped by version 1 of the grouping .* `khabar regroup --db [^`]+` groups every article again/);
    assert.deepEqual(JSON.parse(stale.stdout), JSON.parse(first.stdout), 'the stories are kept as they were');

    const regroup = khabar('regroup');
    assert.equal(regroup.status, 0, regroup.stderr);
    assert.match(regroup.stderr, /13 articles regrouped into 4 stories with grouping version \d+/);
    const after = khabar('stories', '--json');
    assert.doesNotMatch(after.stderr, /grouped by version/);
    const gold = JSON.parse(readFileSync(join(repoRoot, 'samples', 'gold', 'stories.json'), 'utf8')) as { sample: string[][] };
    const stories = JSON.parse(after.stdout) as { articles: string[] }[];
    assert.deepEqual(partition(stories.map((s) => s.articles)), partition(gold.sample));
    assert.equal(khabar('regroup', '--nope').status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('khabar regroup on a missing database says so and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-regroup-'));
  try {
    const r = spawnSync(process.execPath, [bin, 'regroup', '--db', join(dir, 'none.db')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /none\.db: no such database/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
