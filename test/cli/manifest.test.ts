// --manifest: per-input date, outlet (title, url) in one file, CSV with a header or JSON lines, for ingest, report and
// summarize: the five seeds with their five dates in one command. A bad row is named by its line; the rest is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('a CSV manifest dates and credits the five seeds in one ingest; bad rows are named by line', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-manifest-'));
  try {
    const seeds = loadSeeds();
    const csv = ['input,published,source',
      ...seeds.map((s, i) => `${relative(dir, s.file)},${s.published},"وكالة ${i}, للأنباء"`),
      'missing.txt,2018-02-30,x',
      ',2018-12-29,x',
      `${relative(dir, seeds[0]!.file)},2018-12-29`].join('\n');
    const manifest = join(dir, 'm.csv');
    writeFileSync(manifest, csv + '\n');
    const db = join(dir, 'k.db');
    const r = run('ingest', '--manifest', manifest, '--db', db);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /m\.csv line 7: "published" is not an ISO 8601 date .*"2018-02-30" \(day 30 does not exist/);
    assert.match(r.stderr, /m\.csv line 8: no "input"/);
    assert.match(r.stderr, /m\.csv line 9: 2 fields where the header has 3/);
    assert.match(r.stderr, /5 stored/);
    for (const [i, s] of seeds.entries()) {
      const shown = run('show', basename(s.file, '.txt'), '--json', '--db', db);
      assert.equal(shown.status, 0, shown.stderr);
      const a = JSON.parse(shown.stdout) as { published: string; source: string };
      assert.equal(a.published, s.published, s.id);
      // The row's outlet is for articles that name none: seed 001 credits its own (المصدر : الجزيرة).
      if (a.source !== `وكالة ${i}, للأنباء`) assert.match(s.text, new RegExp(`المصدر\\s*:\\s*${a.source}`), s.id);
    }
    const unreadable = run('ingest', '--manifest', join(dir, 'none.csv'), '--db', db);
    assert.equal(unreadable.status, 2);
    assert.match(unreadable.stderr, /none\.csv: cannot read the manifest/);
    writeFileSync(join(dir, 'bad.csv'), 'file,date\nx,y\n');
    assert.match(run('ingest', '--manifest', join(dir, 'bad.csv'), '--db', db).stderr, /header naming its columns/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a JSON-lines manifest for report and summarize: each article gets its row\'s date', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-manifest-'));
  try {
    const seeds = loadSeeds();
    const manifest = join(dir, 'm.jsonl');
    writeFileSync(manifest, seeds.map((s) => JSON.stringify({ input: s.file, published: s.published, source: 'الجزيرة' })).join('\n') + '\n');
    const report = run('report', '--manifest', manifest, '--json');
    assert.equal(report.status, 0, report.stderr);
    const articles = (JSON.parse(report.stdout) as { articles: { id: string; published: string | null }[] }).articles;
    assert.deepEqual(articles.map((a) => a.published).sort(), seeds.map((s) => s.published).sort());
    assert.doesNotMatch(report.stderr, /no publication date/);
    const summary = run('summarize', '--manifest', manifest);
    assert.equal(summary.status, 0, summary.stderr);
    assert.match(summary.stdout, /^\[5\] الجزيرة — .* — 2019-01-23/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
