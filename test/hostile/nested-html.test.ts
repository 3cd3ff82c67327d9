// Deeply nested HTML (issue 27 item 2): a page nested thousands of levels deep is stored, one nested past any
// real page is refused, and neither hangs the process, overflows the stack or blocks a server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { ExtractPool, type InputProblem } from '../../src/ingest/index.js';
import { extractHtml } from '../../src/ingest/html.js';
import { buildServer } from '../../src/api/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { tempDir, writeTemp } from '../ingest/helpers.js';
import { SAMPLE_SENTENCE, nestedPage, unclosedPage } from './corpus.js';

// Before the bounds, 3,500 levels ran for minutes: the limit turns a hang into a failure (no figure is asserted).
const GUARD = { timeout: 120_000 };

async function ingestFiles(files: Record<string, string>): Promise<{ khabar: Khabar; problems: InputProblem[] }> {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeTemp(dir, name, content);
  const khabar = Khabar.open({ db: join(tempDir(), 'k.db') });
  const problems: InputProblem[] = [];
  await khabar.ingest([dir], { onProblem: (p) => problems.push(p) });
  return { khabar, problems };
}

test('a page nested 3,500 levels deep is stored with its article text, title and date', GUARD, async () => {
  const { khabar, problems } = await ingestFiles({ 'deep.html': nestedPage(3_500) });
  try {
    assert.deepEqual(problems, []);
    const [a] = khabar.articles();
    assert.equal(a.title, 'وقف لإطلاق النار في سلفان بعد اجتماع ڤيينا');
    assert.equal(a.published, '2026-03-14T21:15:00+02:00');
    assert.equal(a.source, 'صحيفة الميناء الجديد');
    assert.ok(a.text.includes(SAMPLE_SENTENCE), a.text);
    // The site header and footer are not article text.
    assert.ok(!a.text.includes('الرئيسية'), a.text);
  } finally {
    khabar.close();
  }
});

test('pages nested 100,000 and a million levels deep are refused by name; the other inputs are stored', GUARD, async () => {
  const { khabar, problems } = await ingestFiles({
    'a-100k.html': nestedPage(100_000),
    'b-million-unclosed.html': unclosedPage(1_000_000),
    'c-plain.html': nestedPage(3),
  });
  try {
    assert.deepEqual(problems.map((p) => p.input.replace(/.*\//, '')), ['a-100k.html', 'b-million-unclosed.html']);
    for (const p of problems) assert.match(p.reason, /HTML nested more than 10000 levels deep is refused/);
    assert.equal(khabar.count(), 1);
    assert.ok(khabar.articles()[0].text.includes(SAMPLE_SENTENCE));
  } finally {
    khabar.close();
  }
});

test('past the DOM bounds the linear scan keeps the article and leaves header and footer out of it', () => {
  const shallow = extractHtml(nestedPage(3));
  const deep = extractHtml(nestedPage(500));
  assert.equal(deep.title, shallow.title);
  assert.equal(deep.published, shallow.published);
  assert.ok(deep.text.includes(SAMPLE_SENTENCE));
  // Every line Readability keeps, the scan keeps too.
  for (const line of shallow.text.split('\n')) assert.ok(deep.text.includes(line), line);
  assert.ok(deep.outside.some((l) => l.includes('جميع الحقوق محفوظة')), deep.outside.join('\n'));
  assert.ok(!deep.text.includes('جميع الحقوق محفوظة'));
});

test('the extraction pool gives what extractHtml gives, and refuses a page that outlasts its time limits', async () => {
  const pool = new ExtractPool({ size: 1, domTimeoutMs: 120_000 });
  try {
    const html = nestedPage(50);
    assert.deepEqual(await pool.extract(html), extractHtml(html));
    await assert.rejects(pool.extract(nestedPage(100_000)), /HTML nested more than 10000 levels deep is refused/);
  } finally {
    await pool.close();
  }
  // Limits no extraction can meet (a worker takes longer than 1 ms to start): the worker is terminated and the
  // page refused with the reason; the pool goes on with a new worker.
  const strict = new ExtractPool({ size: 1, domTimeoutMs: 1, linearTimeoutMs: 1 });
  try {
    await assert.rejects(strict.extract(nestedPage(3_500)), /HTML extraction did not finish within 2 ms: refused/);
    await assert.rejects(strict.extract(nestedPage(3_500)), /did not finish/);
  } finally {
    await strict.close();
  }
});

test('POST /api/articles stores a deeply nested page and names the one it refuses', GUARD, async () => {
  const khabar = Khabar.open({ db: join(tempDir(), 'k.db') });
  const app = await buildServer({ source: new KhabarLibrarySource(khabar), token: 't' });
  try {
    const r = await app.inject({
      method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer t' },
      payload: [{ id: 'deep', html: nestedPage(3_500) }, { id: 'bomb', html: nestedPage(20_000) }],
    });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.stored, 1);
    assert.equal(body.failed.length, 1);
    assert.equal(body.failed[0].index, 1);
    assert.match(body.failed[0].reason, /^request item 2: HTML nested more than 10000 levels deep is refused/);
    assert.ok(khabar.article('deep')!.text.includes(SAMPLE_SENTENCE));
  } finally {
    await app.close();
    khabar.close();
  }
});
