// `khabar entities INPUT...`: every mention with its offsets into the cleaned text and the key of the entity it
// belongs to across the inputs; the rule layer alone, with a notice, when the model file is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

// Two short reports of one meeting, the Turkish minister spelt two ways (real names, text written for this test).
const ONE = 'التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم نظيره التركي مولود تشاووش أوغلو.\nوقال لافروف إن المحادثات تناولت الوضع في سوريا.';
const TWO = 'أجرى وزير الخارجية التركي مولود جاويش أوغلو محادثات في موسكو مع لافروف حول سوريا.';

interface Out { mentions: { article: string; start: number; end: number; text: string; type: string; entity: string; name: string; title?: string }[] }

function withFiles(fn: (files: string[]) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-entities-'));
  try {
    const files = [join(dir, 'one.txt'), join(dir, 'two.txt')];
    writeFileSync(files[0], ONE);
    writeFileSync(files[1], TWO);
    fn(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('khabar entities prints each mention with offsets into the text and one entity key for both spellings', () => {
  withFiles((files) => {
    const r = spawnSync(process.execPath, [bin, 'entities', '--json', ...files], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { mentions } = JSON.parse(r.stdout) as Out;
    const texts: Record<string, string> = { one: ONE, two: TWO };
    for (const m of mentions) assert.equal(texts[m.article].slice(m.start, m.end), m.text, `${m.article} ${m.start}-${m.end}`);
    const minister = mentions.filter((m) => /أوغلو/.test(m.text));
    assert.deepEqual(minister.map((m) => m.text).sort(), ['مولود تشاووش أوغلو', 'مولود جاويش أوغلو']);
    assert.equal(new Set(minister.map((m) => m.entity)).size, 1, 'one entity for both spellings');
    assert.equal(minister.find((m) => m.article === 'two')?.title, 'وزير الخارجية التركي');
    const lavrov = mentions.filter((m) => m.text.includes('لافروف'));
    assert.equal(lavrov.length, 3);
    assert.ok(lavrov.every((m) => m.type === 'person' && m.name === 'سيرغي لافروف'), JSON.stringify(lavrov));
    assert.ok(mentions.some((m) => m.text === 'موسكو' && m.type === 'place'));

    const plain = spawnSync(process.execPath, [bin, 'entities', files[1]], { encoding: 'utf8' });
    assert.equal(plain.status, 0, plain.stderr);
    assert.ok(plain.stdout.split('\n').includes(`two\t26\t43\tperson\tمولود جاويش أوغلو\tمولود_جاويش_اوغلو\tوزير الخارجية التركي`), plain.stdout);
  });
});

test('without the model file khabar entities says so once and still finds names by the rule layer', () => {
  withFiles((files) => {
    const env = { ...process.env, KHABAR_ENTITY_MODEL: join(tmpdir(), 'no-such-khabar-model') };
    const r = spawnSync(process.execPath, [bin, 'entities', ...files], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const notices = r.stderr.split('\n').filter((l) => l.includes('entity model'));
    assert.equal(notices.length, 1, r.stderr);
    assert.match(notices[0], /no-such-khabar-model is missing; entities come from the rule layer alone/);
    assert.match(r.stdout, /\tperson\tسيرغي لافروف\t/);
  });
});

test('khabar entities with no readable input fails with a reason', () => {
  const r = spawnSync(process.execPath, [bin, 'entities', join(tmpdir(), 'no-such-article.txt')], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no-such-article\.txt/);
});
