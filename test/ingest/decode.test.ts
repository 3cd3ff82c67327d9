import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { collect, encodeWindows1256, tempDir, writeTemp } from './helpers.js';
import { cleanArticle, decodeBytes } from '../../src/ingest/index.js';

const sentence = 'قال وزير الخارجية الروسي سيرغي لافروف إن موسكو وأنقرة اتفقتا على تنسيق العمليات البرية في سوريا.';
const title = 'اتفاق تركي روسي على التنسيق العسكري بسوريا';

test('empty file is a problem "empty file"', async () => {
  const dir = tempDir();
  const p = writeTemp(dir, 'empty.txt', '');
  const { articles, problems } = await collect([p]);
  assert.equal(articles.length, 0);
  assert.deepEqual(problems, [{ input: p, reason: 'empty file' }]);
});

test('a PNG image is refused as binary, naming the format', async () => {
  const dir = tempDir();
  // The 8-byte PNG signature and an IHDR chunk header: a tiny (truncated) PNG is enough for sniffing.
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const p = writeTemp(dir, 'photo.txt', png);
  const { problems } = await collect([p]);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].reason, 'binary file (PNG image), not text');
});

test('invalid UTF-8 that is not Windows-1256 is refused with the byte offset', async () => {
  const dir = tempDir();
  const good = new TextEncoder().encode('مرحبا ');
  const bytes = new Uint8Array([...good, 0xff, 0xfe, 0x41, 0x80, 0x80]);
  const p = writeTemp(dir, 'bad.txt', bytes);
  const { articles, problems } = await collect([p]);
  assert.equal(articles.length, 0);
  assert.equal(problems.length, 1);
  assert.match(problems[0].reason, /not valid UTF-8 \(first invalid byte 0xff at offset 11\)/);
});

test('UTF-16 LE and BE with BOM decode to the Arabic text', async () => {
  const dir = tempDir();
  const text = `${title}\n\n${sentence}\n`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe; be[1] = 0xff;
  for (const [name, bytes] of [['le.txt', le], ['be.txt', be]] as const) {
    const { articles, problems } = await collect([writeTemp(dir, name, bytes)]);
    assert.deepEqual(problems, []);
    assert.equal(articles[0].title, title);
    assert.equal(cleanArticle(articles[0]).text, sentence);
  }
});

test('broken UTF-16 (cut at an odd byte, a lone surrogate) is refused as broken, naming the encoding', async () => {
  const dir = tempDir();
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${title}\n\n${sentence}\n`, 'utf16le')]);
  const cut = writeTemp(dir, 'cut.txt', le.subarray(0, le.length - 1)); // a download cut one byte short
  const lone = Buffer.from(le);
  lone.writeUInt16LE(0xd83d, 10); // a high surrogate with no low one after it, inside the title
  const surrogate = writeTemp(dir, 'surrogate.txt', lone);
  const { articles, problems } = await collect([cut, surrogate]);
  assert.equal(articles.length, 0);
  assert.deepEqual(problems, [
    { input: cut, reason: `not valid UTF-16LE (a byte-order mark, then an odd number of bytes: ${le.length - 3})` },
    { input: surrogate, reason: 'not valid UTF-16LE (a lone surrogate)' },
  ]);
});

test('UTF-8 with a BOM: the BOM does not reach the title', async () => {
  const dir = tempDir();
  const p = writeTemp(dir, 'bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${title}\n${sentence}`)]));
  const { articles } = await collect([p]);
  assert.equal(articles[0].title, title);
});

test('Windows-1256 Arabic text is detected and decoded (round trip through our encoder)', async () => {
  const dir = tempDir();
  const bytes = encodeWindows1256(`${title}\r\n\r\n${sentence}\r\n`);
  assert.equal(new TextDecoder('windows-1256').decode(bytes), `${title}\r\n\r\n${sentence}\r\n`);
  const decoded = decodeBytes(bytes);
  assert.ok(decoded.ok);
  assert.equal(decoded.ok && decoded.encoding, 'windows-1256');
  const { articles, problems } = await collect([writeTemp(dir, 'cp1256.txt', bytes)]);
  assert.deepEqual(problems, []);
  assert.equal(articles[0].title, title);
  assert.equal(cleanArticle(articles[0]).text, sentence);
});

test('a charset declared in an HTML meta is honoured when the bytes are not UTF-8', async () => {
  const dir = tempDir();
  const head = new TextEncoder().encode('<html><head><meta charset="windows-1256"><title>t</title></head><body><article><p>');
  const body = encodeWindows1256(sentence);
  const tail = new TextEncoder().encode('</p></article></body></html>');
  const p = writeTemp(dir, 'page.html', new Uint8Array([...head, ...body, ...tail]));
  const { articles, problems } = await collect([p]);
  assert.deepEqual(problems, []);
  assert.match(cleanArticle(articles[0]).text, /لافروف/);
});

test('a file over maxBytes is refused before reading, naming its size and the limit', async () => {
  const dir = tempDir();
  const p = writeTemp(dir, 'big.txt', `${title}\n${sentence.repeat(40)}`);
  const size = statSync(p).size;
  const { articles, problems } = await collect([p], { maxBytes: 1024 });
  assert.equal(articles.length, 0);
  assert.equal(problems.length, 1);
  assert.match(problems[0].reason, new RegExp(`file is ${(size / 1024).toFixed(1)} KB, over the limit of 1\\.0 KB`));
});

test('a missing file is a problem, not an exception', async () => {
  const { problems } = await collect(['/nonexistent/khabar/x.txt']);
  assert.deepEqual(problems, [{ input: '/nonexistent/khabar/x.txt', reason: 'no such file or directory' }]);
});
