// An article that is not Arabic is stored with a warning naming its input, or skipped with --lang ar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const english = `Ceasefire talks resume in Vienna
Foreign ministers met in Vienna on Saturday and agreed to resume talks on a ceasefire next week.
The meeting lasted four hours, officials said, and ended with a joint statement on the border region.`;

test('a non-Arabic article is stored with a warning naming it; --lang ar skips it; a bad --lang is a usage error', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-lang-'));
  try {
    const corpus = join(dir, 'in');
    mkdirSync(corpus);
    copyFileSync(loadSeeds()[0]!.file, join(corpus, 'arabic.txt'));
    writeFileSync(join(corpus, 'english.txt'), english);
    const all = run('ingest', corpus, '--db', join(dir, 'a.db'));
    assert.equal(all.status, 0, all.stderr);
    assert.match(all.stderr, /english\.txt: stored, but its text is not Arabic \(language "en"\)/);
    assert.doesNotMatch(all.stderr, /arabic\.txt/);
    assert.match(all.stderr, /2 stored/);
    const ar = run('ingest', corpus, '--db', join(dir, 'b.db'), '--lang', 'ar');
    assert.equal(ar.status, 0, ar.stderr);
    assert.match(ar.stderr, /english\.txt: not stored: its language is "en", not "ar"/);
    assert.match(ar.stderr, /1 stored, 0 duplicates, 1 skipped \(--lang ar\), 0 failed/);
    const summary = run('summarize', corpus, '--lang', 'ar', '--json');
    assert.equal(summary.status, 0, summary.stderr);
    assert.match(summary.stderr, /english\.txt: not used/);
    assert.doesNotMatch(summary.stdout, /english/);
    assert.equal(run('ingest', corpus, '--lang', 'arabic!', '--db', join(dir, 'c.db')).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
