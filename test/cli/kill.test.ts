// Crash safety: `khabar ingest` killed with SIGKILL mid-way, then run again, leaves no duplicate and no
// half-written article (every article row has its search row and its LSH bands).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const ARTICLES = 3000;

/** Deterministic articles recombined from the seeds' sentences (mulberry32 PRNG). */
function generate(path: string): void {
  const sentences = loadSeeds().flatMap((s) => s.text.split(/(?<=[.!؟])\s+|\n+/).map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 6));
  let seed = 42;
  const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const lines: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const body = Array.from({ length: 8 }, () => sentences[Math.floor(rand() * sentences.length)]).join(' ') + ` رقم ${i}.`;
    lines.push(JSON.stringify({ id: `gen-${i}`, title: `خبر رقم ${i}`, text: body, source: 'مولد', published: '2019-01-01' }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const count = (db: string): number => {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try { return (d.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n; } finally { d.close(); }
};

test('SIGKILL during ingest, then a second run: no duplicates, no partial article, all inputs stored', { ...needsShared, timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-kill-'));
  try {
    const input = join(dir, 'articles.jsonl');
    const db = join(dir, 'k.db');
    generate(input);
    const child = spawn(process.execPath, [bin, 'ingest', input, '--db', db], { stdio: 'ignore' });
    let killedAt = -1;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (child.exitCode !== null) break;
      try { if (existsSync(db) && (killedAt = count(db)) >= 50) break; } catch { /* schema not there yet */ }
    }
    const exited = child.exitCode !== null;
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    assert.ok(!exited, 'ingest finished before it could be killed');
    const before = count(db);
    assert.ok(before >= 50 && before < ARTICLES, `killed with ${before} rows`);

    const second = spawnSync(process.execPath, [bin, 'ingest', input, '--db', db], { encoding: 'utf8' });
    assert.equal(second.status, 0, second.stderr);
    const d = new Database(db, { readonly: true });
    const one = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    assert.equal(one('SELECT count(*) AS n FROM article'), ARTICLES);
    assert.equal(one('SELECT count(DISTINCT id) AS n FROM article'), ARTICLES);
    assert.equal(one('SELECT count(DISTINCT content_hash) AS n FROM article'), ARTICLES);
    assert.equal(one('SELECT count(*) AS n FROM article_fts'), ARTICLES);
    assert.equal(one('SELECT count(*) AS n FROM article a WHERE a.rowid NOT IN (SELECT rowid FROM article_fts)'), 0);
    assert.equal(one('SELECT count(*) AS n FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_band b WHERE b.article = a.rowid)'), 0);
    d.close();
    assert.match(second.stderr, new RegExp(`${ARTICLES - before} stored, ${before} duplicates`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
