// Large local inputs (issue 28, issue 27 item 10): a JSON-lines file is streamed line by line, so maxBytes (the
// cap for fetched pages and feeds) does not refuse it; a line past 50 MB is refused by number, the rest read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, tempDir } from '../ingest/helpers.js';
import { SAMPLE_TEXT } from './corpus.js';

const paragraphs = readFileSync(SAMPLE_TEXT, 'utf8').split('\n').filter((l) => l.trim().split(/\s+/).length > 12);

test('a local JSON-lines file over maxBytes is read, every line of it', async () => {
  const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `l-${i}`, text: `${paragraphs[i % paragraphs.length]} (${i})` }));
  const path = join(tempDir(), 'big.jsonl');
  writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\n');
  const { articles, problems } = await collect([path], { maxBytes: 4096 });
  assert.deepEqual(problems, []);
  assert.equal(articles.length, 200);
  assert.equal(articles[199].id, 'l-199');
  assert.equal(articles[0].origin, `${path} line 1`);
});

test('a JSON line longer than 50 MB is refused by its number, unread; the lines after it are read', async () => {
  const path = join(tempDir(), 'huge-line.jsonl');
  const huge = JSON.stringify({ id: 'huge', text: `${paragraphs[0]} `.repeat(Math.ceil(52 * 2 ** 20 / Buffer.byteLength(paragraphs[0] + ' '))) });
  writeFileSync(path, [JSON.stringify({ id: 'before', text: paragraphs[1] }), huge, JSON.stringify({ id: 'after', text: paragraphs[2] })].join('\n'));
  const { articles, problems } = await collect([path]);
  assert.deepEqual(articles.map((a) => a.id), ['before', 'after']);
  assert.deepEqual(problems.map((p) => p.reason), ['line 2 is longer than 50.0 MB: refused unread']);
  assert.equal(articles[1].origin, `${path} line 3`);
});
