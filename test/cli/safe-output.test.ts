// Terminal and log injection (issue 27, item 9): a file name, an article id or a title holding a line break, an ANSI
// escape or a bidi override is printed escaped by every command, never acted on by the terminal or read as a line of
// its own; JSON output stays valid and keeps the exact id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared, repoRoot, loadSeeds } from '../helpers/shared.js';
import { terminalSafe, terminalSafeLines } from '../../src/text/index.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
/** Anything a terminal acts on: ESC, C1, CR, bidi embeddings, overrides and isolates. */
const ACTIVE = /[\u001b\u0007\r\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

test('terminalSafe writes every control character as a visible escape and keeps Arabic text and its marks', () => {
  assert.equal(terminalSafe('خبر\n\u001b[2Jkhabar: ok'), 'خبر\\n\\e[2Jkhabar: ok');
  assert.equal(terminalSafe('\u202Eتقرير\u202C\t\u009b'), '\\u202eتقرير\\u202c\\t\\u009b');
  // ALM, RLM and ZWNJ belong to Arabic writing; they are not controls of the terminal
  assert.equal(terminalSafe('قال\u061C\u200F \u200Cوزير'), 'قال\u061C\u200F \u200Cوزير');
  assert.equal(terminalSafeLines('سطر أول\r\nسطر \u001b[31mثان'), 'سطر أول\nسطر \\e[31mثان');
  // printed JSON stays JSON, with the same strings
  const json = JSON.stringify({ id: 'a\u202Eb\u009bc\u2028' });
  assert.deepEqual(JSON.parse(terminalSafeLines(json)), { id: 'a\u202Eb\u009bc\u2028' });
});

test('file names and ids with a newline, ANSI escapes and a bidi override are printed escaped by ingest, search, stories and story', needsShared, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-inject-'));
  try {
    const input = join(dir, 'in');
    mkdirSync(input);
    const seed = loadSeeds()[0];
    const forged = 'a\n\u001b[2Jkhabar: 5 stored, 0 failed\u202E.txt';
    copyFileSync(seed.file, join(input, forged));
    writeFileSync(join(input, 'empty\u001b]0;owned\u0007\n.txt'), '');
    const db = join(dir, 'k.db');
    const khabar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8' });

    const ingest = khabar('ingest', input);
    assert.equal(ingest.status, 1, ingest.stderr);
    assert.doesNotMatch(ingest.stderr, ACTIVE);
    assert.match(ingest.stderr, /^khabar: .*empty\\e\]0;owned\\x07\\n\.txt: /m, 'the failing file is named on one line, escaped');
    assert.equal(ingest.stderr.split('\n').filter((l) => l.startsWith('khabar: 5 stored')).length, 0, 'no forged line');

    const search = khabar('search', 'تشاووش');
    assert.equal(search.status, 0, search.stderr);
    assert.doesNotMatch(search.stdout, ACTIVE);
    assert.match(search.stdout, /^a\\n\\e\[2Jkhabar: 5 stored, 0 failed\\u202e  /m);
    assert.ok(!search.stdout.split('\n').some((l) => l.startsWith('khabar: 5 stored')), 'the id cannot start a line of its own');
    const json = khabar('search', 'تشاووش', '--json');
    const hits = (JSON.parse(json.stdout) as { hits: { id: string }[] }).hits;
    assert.equal(hits[0].id, forged.replace(/\.txt$/, ''), 'JSON keeps the exact id');

    const stories = khabar('stories');
    assert.equal(stories.status, 0, stories.stderr);
    assert.doesNotMatch(stories.stdout + stories.stderr, ACTIVE);
    const story = khabar('story', hits[0].id);
    assert.equal(story.status, 0, story.stderr);
    assert.doesNotMatch(story.stdout, ACTIVE);
    assert.match(story.stdout, /a( |\\n)\\e\[2Jkhabar: 5 stored, 0 failed\\u202e/, 'the line break a space or escaped');
    assert.ok(!story.stdout.split('\n').some((l) => l.startsWith('khabar: 5 stored')));
    const missing = khabar('story', 'x\u001b[31my\nkhabar: fine');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /"x\\e\[31my\\nkhabar: fine"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
