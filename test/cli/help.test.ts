import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/text/index.js';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

test('khabar --help lists every command', () => {
  const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  for (const name of ['demo', 'ingest', 'search', 'report', 'regroup', 'stories', 'story', 'summarize', 'analyze', 'serve']) {
    assert.match(r.stdout, new RegExp(`^\\s+${name}\\s`, 'm'), `missing ${name}`);
  }
});

test('an unknown command is a usage error (exit 2)', () => {
  const r = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
});

test('khabar analyze gives the same terms from a file (read in 4 MB windows) and from stdin', () => {
  // A seed-like sentence repeated past the 4 MB window, then a 2 MB word (one run without whitespace,
  // carried across a window cut); the result must equal analyzing the text in one piece.
  const sentence = 'قال وزير الخارجية التركي مولود تشاووش أوغلو، أمس، إن ٢٠٠٠ عنصر F16 😀 سيغادرون.\n';
  const text = sentence.repeat(40_000) + 'ب'.repeat(1_000_000) + ' ' + sentence;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-analyze-'));
  const file = join(dir, 'big.txt');
  writeFileSync(file, text);
  const fromFile = spawnSync(process.execPath, [bin, 'analyze', '--stem', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const fromStdin = spawnSync(process.execPath, [bin, 'analyze', '--stem', '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
  const count = spawnSync(process.execPath, [bin, 'analyze', '--stem', '--count', file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(fromFile.status, 0, fromFile.stderr);
  const expected = analyze(text, { stem: true });
  const got = fromFile.stdout.split('\n').filter(Boolean);
  assert.equal(got.length, expected.length);
  assert.deepEqual(got.slice(0, 12), ['وزير', 'خارجي', 'تركي', 'مولود', 'تشاووش', 'اوغلو', 'امس', '2000', 'عنصر', 'f16', 'سيغادر', 'وزير']);
  assert.ok(got.every((t, i) => t === expected[i]), 'file terms differ from analyze()');
  assert.equal(fromStdin.stdout, fromFile.stdout);
  assert.equal(count.stdout.trim(), String(expected.length));
});
