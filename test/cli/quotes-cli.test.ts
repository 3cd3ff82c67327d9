// `khabar quotes INPUT...` (every quote with offsets into the cleaned text, kind, cue and speaker) and
// `khabar quotes --speaker NAME` over a store of the sample corpus (samples/corpus, the project's own texts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const corpus = join(repoRoot, 'samples', 'corpus');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('khabar quotes prints each quote with its offsets, kind, cue and speaker', () => {
  const r = run('quotes', '--json', join(corpus, 'rafid-20260319-prisoner-exchange.json'));
  assert.equal(r.status, 0, r.stderr);
  const { quotes } = JSON.parse(r.stdout) as { quotes: { article: string; start: number; end: number; kind: string; cue: string; speaker: string; text: string }[] };
  const first = quotes.find((q) => q.text.startsWith('هذا أول دليل ملموس'));
  assert.ok(first, JSON.stringify(quotes));
  assert.equal(first.kind, 'direct');
  assert.equal(first.cue, 'وقال');
  assert.match(first.speaker, /ماتياس كوخلر$/);
  // وأضاف: "..." carries the same speaker; the ministry's statement is the ministry's
  assert.match(quotes.find((q) => q.text.startsWith('نريد أن نرى'))?.speaker ?? '', /كوخلر/);
  assert.equal(quotes.find((q) => q.text.startsWith('الوزير غريغوري'))?.speaker, 'وزارة الدفاع الكوروفية');
  assert.ok(quotes.every((q) => q.end > q.start));
});

test('khabar quotes --speaker lists what one speaker said, newest first, citing the articles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-quotes-'));
  try {
    const db = join(dir, 'k.db');
    assert.equal(run('ingest', '--db', db, corpus).status, 0);
    const r = run('quotes', '--speaker', 'كوخلر', '--json', '--db', db);
    assert.equal(r.status, 0, r.stderr);
    const { quotes } = JSON.parse(r.stdout) as { quotes: { date: string; speaker: string; articles: { id: string }[] }[] };
    assert.ok(quotes.length >= 5, JSON.stringify(quotes));
    assert.ok(quotes.every((q) => /كوخلر|كوشلر|كوخلير/.test(q.speaker)), quotes.map((q) => q.speaker).join(' / '));
    for (let i = 1; i < quotes.length; i++) assert.ok(quotes[i - 1].date >= quotes[i].date, 'newest first');
    assert.ok(quotes.every((q) => q.articles.length >= 1));
    const later = JSON.parse(run('quotes', '--speaker', 'كوخلر', '--from', '2026-03-16', '--json', '--db', db).stdout) as { quotes: { date: string }[] };
    assert.ok(later.quotes.length >= 1 && later.quotes.every((q) => q.date >= '2026-03-16'));
    const bad = run('quotes', '--speaker', 'كوخلر', '--to', '2026-02-30', '--db', db);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /2026-02-30/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
