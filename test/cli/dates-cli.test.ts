// The seeds as a user has them: plain .txt files with no date. Grouped by content alone, the 23 January summit
// (004) reads like the December talks (000–003); `khabar ingest --published` dates them, as ../shared/README.md
// gives the dates, and after `khabar regroup` the summit is its own story, related to the talks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared, repoRoot, sharedDir } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

interface ListedStory { id: string; articles: string[]; related: string[]; first: string | null }

test('undated seeds are named as such; --published dates them without storing them twice; regrouped, the summit is a related story', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-dates-'));
  try {
    const db = join(dir, 'k.db');
    const khabar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8' });
    const seeds = join(sharedDir, 'seeds');
    const file = (prefix: string): string[] => readdirSync(seeds).filter((f) => f.startsWith(prefix)).map((f) => join(seeds, f));

    assert.equal(khabar('ingest', seeds).status, 0);
    const bare = khabar('stories', '--json');
    assert.equal(bare.status, 0, bare.stderr);
    assert.match(bare.stderr, /5 articles in \d+ stor(y|ies) have no publication date .* `khabar ingest --published DATE INPUT\.\.\.`/);

    const december = khabar('ingest', '--published', '2018-12-29', ...file('001'), ...file('002'), ...file('003'));
    assert.equal(december.status, 0, december.stderr);
    assert.match(december.stderr, /0 stored, 3 updated, 0 duplicates/);
    assert.match(december.stderr, /the next command that shows stories groups the 3 updated articles again/);
    assert.equal(khabar('ingest', '--published', '2018-12-30', ...file('000')).status, 0);
    assert.equal(khabar('ingest', '--published', '2019-01-23', ...file('004')).status, 0);

    const dated = khabar('stories', '--json');
    assert.equal(dated.status, 0, dated.stderr);
    assert.doesNotMatch(dated.stderr, /no publication date/);
    const stories = JSON.parse(dated.stdout) as ListedStory[];
    const summit = stories.find((s) => s.articles.some((a) => a.startsWith('004')))!;
    const talks = stories.find((s) => s.articles.some((a) => a.startsWith('000')))!;
    assert.notEqual(summit.id, talks.id, 'the summit is its own story');
    assert.deepEqual(talks.articles.map((a) => a.slice(0, 3)).sort(), ['000', '001', '002', '003']);
    assert.ok(summit.related.includes(talks.id) && talks.related.includes(summit.id), 'linked both ways');
    assert.equal(talks.first, '2018-12-29');

    const bad = khabar('ingest', '--published', '29/12/2018', ...file('000'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--published must be an ISO 8601 date .*not "29\/12\/2018"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('khabar report says when the seeds it grouped have no date, and not once --published dates them', needsShared, () => {
  const seeds = readdirSync(join(sharedDir, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(sharedDir, 'seeds', f));
  const report = (...args: string[]) => spawnSync(process.execPath, [bin, 'report', '--json', ...args, ...seeds], { encoding: 'utf8' });
  const bare = report();
  assert.equal(bare.status, 0, bare.stderr);
  assert.match(bare.stderr, /5 articles in 1 story have no publication date .* --published DATE/);
  assert.equal((JSON.parse(bare.stdout) as { stories: unknown[] }).stories.length, 1, 'by content alone the summit joins the talks');
  const dated = report('--published', '2018-12-29');
  assert.equal(dated.status, 0, dated.stderr);
  assert.doesNotMatch(dated.stderr, /no publication date/);
});
