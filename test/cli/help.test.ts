import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

test('khabar --help lists every command', () => {
  const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  for (const name of ['demo', 'ingest', 'search', 'report', 'stories', 'story', 'summarize', 'analyze', 'serve']) {
    assert.match(r.stdout, new RegExp(`^\\s+${name}\\s`, 'm'), `missing ${name}`);
  }
});

test('an unknown command is a usage error (exit 2)', () => {
  const r = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
});
