// khabar stories as a monitor uses it every day: the bundled sample corpus (13 articles, 4 outlets, 4 stories from
// November 2025 to March 2026) cut by size, dates, outlet and a limit, sorted by size or recency; impossible dates
// refused naming the value; the seeds' undated stories still named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared, repoRoot, sharedDir } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

interface Listed { id: string; title: string; articles: string[]; sources: string[]; first: string | null; last: string | null }

function withStore(inputs: string[], fn: (khabar: (...args: string[]) => SpawnSyncReturns<string>) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-'));
  try {
    const db = join(dir, 'k.db');
    const khabar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8' });
    const ingest = khabar('ingest', ...inputs);
    assert.equal(ingest.status, 0, ingest.stderr);
    fn(khabar);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const listed = (r: { stdout: string; stderr: string; status: number | null }): Listed[] => {
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Listed[];
};

test('stories: --limit, --min-articles, --from/--to, --source and --sort on the sample corpus', () => {
  withStore([join(repoRoot, 'samples', 'corpus')], (khabar) => {
    const all = listed(khabar('stories', '--json'));
    assert.equal(all.length, 4);
    const ceasefire = all.find((s) => s.title.includes('وقف لإطلاق النار'))!;
    const floods = all.find((s) => s.title.includes('سيول'))!;
    const prisoners = all.find((s) => s.title.includes('تبادل'))!;
    assert.equal(all[0].id, prisoners.id, 'latest story first by default');

    const bySize = listed(khabar('stories', '--json', '--sort', 'size'));
    assert.deepEqual(bySize.map((s) => s.articles.length), [4, 4, 3, 2]);
    assert.deepEqual(bySize.slice(0, 2).map((s) => s.id), [ceasefire.id, floods.id], 'equal size: the more recent first');

    const cut = khabar('stories', '--json', '--sort', 'size', '--limit', '1');
    assert.deepEqual(listed(cut).map((s) => s.id), [ceasefire.id]);
    assert.match(cut.stderr, /1 of 4 matching stories shown \(--limit 1\)/, 'a cut list says so');

    assert.deepEqual(listed(khabar('stories', '--json', '--min-articles', '3')).map((s) => s.articles.length).sort(), [3, 4, 4]);
    // March 2026, up to the 14th: the ceasefire story begins on the 14th, the exchange on the 19th
    assert.deepEqual(listed(khabar('stories', '--json', '--from', '2026-03', '--to', '2026-03-14')).map((s) => s.id), [ceasefire.id]);
    assert.deepEqual(listed(khabar('stories', '--json', '--to', '2025')).map((s) => s.id), [floods.id]);
    assert.deepEqual(listed(khabar('stories', '--json', '--from', '2025-11-09', '--to', '2025-11-09')).map((s) => s.id), [floods.id], 'a story spanning the day');

    const nakheel = listed(khabar('stories', '--json', '--source', 'قناة النخيل الإخبارية'));
    assert.ok(nakheel.length > 0 && nakheel.every((s) => s.sources.includes('قناة النخيل الإخبارية')));
    assert.ok(!nakheel.some((s) => s.id === prisoners.id), 'the exchange story has no article of that outlet');
    const unknown = khabar('stories', '--source', 'قناة لا وجود لها');
    assert.equal(unknown.status, 0);
    assert.match(unknown.stderr, /no story has an article of the outlet "قناة لا وجود لها"/);

    const text = khabar('stories', '--sort', 'size', '--limit', '2');
    assert.equal(text.stdout.trim().split('\n').length, 2);
  });
});

test('stories refuses impossible dates, naming the value, and bad numbers and sorts', () => {
  withStore([join(repoRoot, 'samples', 'corpus', 'rafid-20260120-rail-agreement.json')], (khabar) => {
    for (const [flag, value, reason] of [['--from', '2019-13-45', /month 13/], ['--to', '2018-02-30', /day 30 does not exist/], ['--from', 'أمس', /not a date/]] as const) {
      const r = khabar('stories', flag, value);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`${flag} "${value}" is not a date`));
      assert.match(r.stderr, reason);
    }
    assert.match(khabar('stories', '--limit', '0').stderr, /--limit must be a positive integer, not "0"/);
    assert.match(khabar('stories', '--min-articles', '2.5').stderr, /--min-articles must be a positive integer/);
    assert.match(khabar('stories', '--sort', 'oldest').stderr, /--sort must be recent or size, not "oldest"/);
  });
});

test('stories still says how many articles were grouped by content alone when filters hide them', needsShared, () => {
  withStore([join(sharedDir, 'seeds')], (khabar) => {
    const r = khabar('stories', '--from', '2018-12-01');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '(لا قصص)', 'undated seeds match no date bound');
    assert.match(r.stderr, /5 articles in 1 story have no publication date and were grouped by content alone/);
  });
});
