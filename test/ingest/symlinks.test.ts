// A symbolic link in an ingested folder must not read a file outside it (dir/passwd.txt → /etc/passwd would be
// stored and published): links inside the tree are followed, links out of it are reported and skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';
import { collect } from './helpers.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

function tree(): { base: string; dir: string; secret: string; done: () => void } {
  const seeds = loadSeeds();
  const base = mkdtempSync(join(tmpdir(), 'khabar-links-'));
  const dir = join(base, 'corpus');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), seeds[0]!.text);
  writeFileSync(join(dir, 'sub', 'b.txt'), seeds[1]!.text);
  // Outside the tree: an Arabic article that must never be read through a link.
  const secret = join(base, 'secret.txt');
  writeFileSync(secret, seeds[2]!.text);
  symlinkSync(secret, join(dir, 'passwd.txt'));
  symlinkSync(base, join(dir, 'up'));
  symlinkSync(join(dir, 'sub'), join(dir, 'sub-again'));
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  return { base, dir, secret, done: () => rmSync(base, { recursive: true, force: true }) };
}

test('links out of the tree are reported and not read; links inside it are followed once, loops end', needsShared, async () => {
  const t = tree();
  try {
    const { articles, problems } = await collect([t.dir]);
    const origins = articles.map((a) => a.origin!.slice(t.dir.length + 1)).sort();
    assert.deepEqual(origins, ['a.txt', 'sub/b.txt'], 'sub-again and sub/loop lead to directories already walked');
    const seeds = loadSeeds();
    assert.ok(!articles.some((a) => a.text === seeds[2]!.text || (a.text ?? '').includes(seeds[2]!.text.slice(200, 260))), 'the file outside is not read');
    const named = problems.map((p) => p.input.slice(t.dir.length + 1)).sort();
    assert.deepEqual(named, ['passwd.txt', 'up']);
    for (const p of problems) assert.match(p.reason, /symbolic link to .*outside .*not followed/);
  } finally {
    t.done();
  }
});

test('khabar ingest names the link on stderr, stores the rest, and says so in --help', needsShared, () => {
  const t = tree();
  try {
    const r = spawnSync(process.execPath, [bin, 'ingest', t.dir, '--db', join(t.base, 'k.db')], { encoding: 'utf8' });
    assert.match(r.stderr, /passwd\.txt: a symbolic link to .*secret\.txt, outside .*: not followed/);
    assert.match(r.stderr, /2 stored/);
    const help = spawnSync(process.execPath, [bin, 'ingest', '--help'], { encoding: 'utf8' });
    assert.match(help.stdout + help.stderr, /symbolic link is followed only when its target is inside/);
  } finally {
    t.done();
  }
});
