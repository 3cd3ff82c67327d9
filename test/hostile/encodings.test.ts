// UTF-16 without a byte-order mark (issue 27 item 10): read as the text it is, not refused as "binary (NUL bytes)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../../src/ingest/index.js';
import { collect, tempDir, writeTemp } from '../ingest/helpers.js';
import { SAMPLE_TEXT } from './corpus.js';

const text = readFileSync(SAMPLE_TEXT, 'utf8');
const le = Buffer.from(text, 'utf16le');
const be = Buffer.from(le).swap16();

test('UTF-16 without BOM, little and big endian, is decoded to the article', async () => {
  for (const [bytes, name] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
    const d = decodeBytes(bytes);
    assert.ok(d.ok, JSON.stringify(d));
    assert.equal(d.text, text);
    assert.equal(d.encoding, `${name} (no BOM)`);
  }
  const dir = tempDir();
  const { articles, problems } = await collect([writeTemp(dir, 'utf16.txt', le)]);
  assert.deepEqual(problems, []);
  assert.ok(String(articles[0].text).includes('الجرف'));
});

test('binary data with NUL bytes is still refused as binary, and odd UTF-16 says what it is', () => {
  const bin = new Uint8Array(4096).map((_, i) => (i * 37) & 0xff);
  const d = decodeBytes(bin);
  assert.ok(!d.ok && /binary file \(contains NUL bytes\)/.test(d.reason), JSON.stringify(d));
  const odd = decodeBytes(le.subarray(0, le.length - 1));
  assert.ok(!odd.ok && /UTF-16 without BOM/.test(odd.reason), JSON.stringify(odd));
});
