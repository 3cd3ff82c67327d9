// khabar search on the sample corpus: impossible dates refused naming the value; a quoted phrase; the highlight a
// bracket, not the « » Arabic quotes with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

test('search: impossible dates are refused naming the value; phrases and brackets in the text output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-search-cli-'));
  try {
    const db = join(dir, 'k.db');
    const khabar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8' });
    assert.equal(khabar('ingest', join(repoRoot, 'samples', 'corpus')).status, 0);
    for (const [flag, value, reason] of [['--from', '2019-13-45', /month 13 does not exist/], ['--to', '2018-02-30', /day 30 does not exist in 2018-02/]] as const) {
      const r = khabar('search', 'سلفان', flag, value);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`${flag} "${value}" is not a date`));
      assert.match(r.stderr, reason);
    }
    assert.equal(khabar('search', 'سلفان', '--from', '2026-03').status, 0, 'a month bounds a range');
    const r = khabar('search', '"وقف إطلاق النار"');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\[وقف (ل)?إطلاق النار\]/);
    assert.doesNotMatch(r.stdout, /«وقف/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
