// Article and title size bounds (issue 27 item 3, ingest side): a huge "article" is refused by name, a huge
// title is cut, and the other inputs of the same run are stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import type { InputProblem } from '../../src/ingest/index.js';
import { tempDir, writeTemp } from '../ingest/helpers.js';
import { SAMPLE_TEXT, SAMPLE_SENTENCE } from './corpus.js';

async function ingestDir(files: Record<string, string>): Promise<{ khabar: Khabar; problems: InputProblem[]; dir: string }> {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeTemp(dir, name, content);
  const khabar = Khabar.open({ db: join(tempDir(), 'k.db') });
  const problems: InputProblem[] = [];
  await khabar.ingest([dir], { onProblem: (p) => problems.push(p), maxBytes: 200 * 1024 * 1024 });
  return { khabar, problems, dir };
}

test('an article longer than 200,000 characters is refused by name, in .txt, .json and .jsonl; the rest is stored', async () => {
  const sample = readFileSync(SAMPLE_TEXT, 'utf8');
  // One line of real sentences, 260,000 characters: under 800 KB, so read and measured, not refused by size.
  const long = SAMPLE_SENTENCE.concat(' ').repeat(Math.ceil(260_000 / (SAMPLE_SENTENCE.length + 1)));
  const { khabar, problems } = await ingestDir({
    'a-long.txt': long,
    'b-long.json': JSON.stringify({ id: 'long-json', text: long }),
    'c-batch.jsonl': [JSON.stringify({ id: 'ok-line', text: sample }), JSON.stringify({ id: 'long-line', text: long })].join('\n'),
    // 3 MB of one line: refused without being read.
    'd-dump.txt': long.repeat(6),
    'e-ok.txt': sample,
  });
  try {
    const byFile = problems.map((p) => `${p.input.replace(/.*\//, '')}: ${p.reason}`).sort();
    assert.equal(byFile.length, 4, byFile.join('\n'));
    assert.match(byFile[0], /^a-long\.txt: article text is 2\d\d,\d{3} characters, over the limit of 200,000 \(refused, not cut\)$/);
    assert.match(byFile[1], /^b-long\.json: article text is 2\d\d,\d{3} characters, over the limit of 200,000/);
    assert.match(byFile[2], /^c-batch\.jsonl line 2: article text is 2\d\d,\d{3} characters, over the limit of 200,000/);
    assert.match(byFile[3], /^d-dump\.txt: file is \d\.\d MB: a \.txt file is one article, and an article's text is at most 200,000 characters/);
    assert.deepEqual(khabar.articles().map((a) => a.id).sort(), ['e-ok', 'ok-line']);
  } finally {
    khabar.close();
  }
});

test('a title of millions of characters is cut at a word to at most 300, ending with "…"', async () => {
  const sample = readFileSync(SAMPLE_TEXT, 'utf8');
  const title = SAMPLE_SENTENCE.concat(' ').repeat(Math.ceil(3_000_000 / (SAMPLE_SENTENCE.length + 1)));
  const { khabar, problems } = await ingestDir({ 'titled.json': JSON.stringify({ id: 'titled', title, text: sample }) });
  try {
    assert.deepEqual(problems, []);
    const stored = khabar.article('titled')!.title!;
    assert.ok(stored.length <= 300, String(stored.length));
    assert.ok(stored.endsWith('…'));
    assert.ok(stored.startsWith(SAMPLE_SENTENCE));
    // Cut at a word: what precedes "…" is whole words of the title.
    assert.ok(title.startsWith(stored.slice(0, -1) + ' '));
  } finally {
    khabar.close();
  }
});
