// The hand-grouped ANT windows the stories eval scores against (eval/data): each must group every article its
// window's selection rule picks from the corpus, each exactly once, or a figure would silently leave articles out.
// The second groupings (eval/data/agreement) must cover the same articles as the first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { needsShared, repoRoot } from '../helpers/shared.js';
import { ANT_HELD_OUT, ANT_WINDOWS, antTime } from '../../eval/stories.js';
import { antRecords } from '../../eval/ant.js';

interface GoldFile {
  window: { categories: string[]; from: string; to: string; articles: number };
  groups: string[][];
}

const dataDir = join(repoRoot, 'eval', 'data');
const read = (path: string): GoldFile => JSON.parse(readFileSync(path, 'utf8')) as GoldFile;

/** The docnos of the ANT articles of `categories` (second dash-separated part of the docno) published from..to. */
function windowIds(w: GoldFile['window'], corpus: { docno: string; time?: string }[]): string[] {
  return corpus.filter((a) => {
    const day = antTime(a.time)?.slice(0, 10);
    return day !== undefined && day >= w.from && day <= w.to && w.categories.includes(a.docno.split('-')[1] ?? '');
  }).map((a) => a.docno).sort();
}

test('every hand-grouped ANT window groups each article of its window exactly once', needsShared, () => {
  const corpus = antRecords();
  const files = readdirSync(dataDir).filter((f) => /^ant-.*-stories\.json$/.test(f));
  assert.ok(files.length >= 6, `the dev windows and the held-out one are in eval/data (found ${files.join(', ')})`);
  for (const file of files) {
    const gold = read(join(dataDir, file));
    const grouped = gold.groups.flat();
    assert.equal(new Set(grouped).size, grouped.length, `${file}: an article is in two stories`);
    const want = windowIds(gold.window, corpus);
    assert.equal(want.length, gold.window.articles, `${file}: the window's article count`);
    assert.deepEqual([...grouped].sort(), want, `${file}: the stories hold exactly the window's articles`);
  }
  for (const file of readdirSync(join(dataDir, 'agreement'))) {
    const second = JSON.parse(readFileSync(join(dataDir, 'agreement', file), 'utf8')) as { of: string; groups: string[][] };
    const first = read(join(repoRoot, second.of));
    const ids = second.groups.flat();
    assert.equal(new Set(ids).size, ids.length, `${file}: an article is in two stories`);
    assert.deepEqual([...ids].sort(), first.groups.flat().sort(), `${file}: the second grouping covers the first one's articles`);
  }
});

test('each hand-grouped window says the role the eval gives it: the held-out one held out, the others development sets', () => {
  // A reader of eval/data must not take a window the sessions have studied (and tuned on) for an untouched check.
  const role = (file: string): string => (JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as { role?: string }).role ?? '';
  assert.match(role(ANT_HELD_OUT.file), /^HELD-OUT/, `${ANT_HELD_OUT.file} is the held-out window`);
  for (const [name, w] of Object.entries(ANT_WINDOWS)) {
    assert.doesNotMatch(role(w.file), /HELD-OUT CHECK SET/, `${name} (${w.file}) is a development set`);
  }
});
