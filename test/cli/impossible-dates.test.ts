// A date that names no real day (2018-02-30, 2019-13-45) is refused with a message naming the value, on the command
// line of ingest, report and summarize and inside JSON items; nothing is stored with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('--published 2018-02-30 is refused by ingest, report and summarize, naming the value and why', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-dates-'));
  try {
    const seed = loadSeeds()[0]!.file;
    const db = join(dir, 'k.db');
    for (const [cmd, extra] of [['ingest', ['--db', db]], ['report', []], ['summarize', []]] as const) {
      const r = run(cmd, seed, '--published', '2018-02-30', ...extra);
      assert.equal(r.status, 2, `${cmd}: ${r.stderr}`);
      assert.match(r.stderr, /--published .*not "2018-02-30": day 30 does not exist in 2018-02 \(it has 28 days\)/, cmd);
    }
    const month = run('ingest', seed, '--published', '2019-13-45', '--db', db);
    assert.equal(month.status, 2);
    assert.match(month.stderr, /"2019-13-45": month 13 does not exist/);
    // A real day with a time and offset is still taken.
    const ok = run('summarize', seed, '--published', '2018-12-29T14:05+03:00', '--json');
    assert.equal(ok.status, 0, ok.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a JSON item dated 2018-02-30 (or 31/04/2017) is a problem naming its line and value; the other items are stored', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-dates-'));
  try {
    const seeds = loadSeeds();
    const input = join(dir, 'items.jsonl');
    writeFileSync(input, [
      { id: 'a', text: seeds[0]!.text, published: '2018-12-29' },
      { id: 'b', text: seeds[1]!.text, published: '2018-02-30' },
      { id: 'c', text: seeds[2]!.text, date: '31/04/2017' },
    ].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const db = join(dir, 'k.db');
    const r = run('ingest', input, '--db', db);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /items\.jsonl: line 2: field "published" is not a date .*"2018-02-30" \(day 30 does not exist in 2018-02/);
    assert.match(r.stderr, /items\.jsonl: line 3: field "date" is not a date .*"31\/04\/2017"/);
    assert.match(r.stderr, /1 stored/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
