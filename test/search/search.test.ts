// Arabic-aware search over the seeds and the sample corpus, through the same pipeline as `khabar ingest`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { analyzeQuery, makeSnippet, markSnippet } from '../../src/search/index.js';
import { normalize } from '../../src/text/index.js';
import { loadSeeds, needsShared, sharedDir, hasShared, repoRoot } from '../helpers/shared.js';

let dir = '';
let khabar: Khabar;
const ids = (hits: { id: string }[]) => hits.map((h) => h.id.slice(0, 3)).sort();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'khabar-search-'));
  khabar = Khabar.open({ db: join(dir, 'k.db') });
  await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
  // The seed .txt files carry no date; they are added with their publication dates (../shared/README.md)
  // as a feed or JSON would give them, so the date filters have something to filter.
  if (hasShared) for (const s of loadSeeds()) khabar.addArticle({ id: basename(s.file, '.txt'), text: s.text, published: s.published, origin: s.file });
});
after(() => {
  khabar.close();
  rmSync(dir, { recursive: true, force: true });
});

test('السوريين finds السوريون and السورية (clitics, plural and nisba endings)', needsShared, () => {
  const hits = khabar.search('السوريين');
  const seed002 = loadSeeds()[2];
  assert.ok(seed002.text.includes('السوريون'));
  assert.ok(ids(hits).includes('002'));
  assert.deepEqual(ids(hits), ['000', '001', '002', '003', '004']);
  // The snippet marks the original form that matched.
  const h002 = hits.find((h) => h.id.startsWith('002'))!;
  assert.match(h002.snippet, /\[(السوريون|السورية|السوري)\]/);
});

test('a diacritized query finds undiacritized text and the reverse', needsShared, () => {
  const plain = ids(khabar.search('الخارجية'));
  const marked = ids(khabar.search('الخَارِجِيَّةِ'));
  assert.ok(plain.length >= 3);
  assert.deepEqual(marked, plain);
  // Reverse: the text holds a word with harakat (مشدداً in 004); the query has none.
  assert.ok(loadSeeds()[4].text.includes('مشدداً'));
  assert.ok(ids(khabar.search('مشددا')).includes('004'));
});

test('أمريكية finds أميركية (spelling variants of foreign names)', needsShared, () => {
  const seeds = loadSeeds();
  assert.ok(!seeds[2].text.includes('أمريكي') && seeds[2].text.includes('الأميركية'));
  assert.ok(ids(khabar.search('أمريكية')).includes('002'));
  assert.deepEqual(ids(khabar.search('أمريكية')), ids(khabar.search('الأميركية')));
  // Çavuşoğlu: جاويش (seeds) is found from تشاووش.
  assert.ok(ids(khabar.search('تشاووش')).includes('001'));
});

test('--source, --from and --to filter the hits', needsShared, () => {
  const all = khabar.search('موسكو');
  assert.ok(all.length >= 4);
  const day = khabar.search('موسكو', { from: '2018-12-29', to: '2018-12-29' });
  assert.ok(day.length > 0 && day.every((h) => h.published!.startsWith('2018-12-29')));
  const later = khabar.search('موسكو', { from: '2019-01-01' });
  assert.deepEqual(ids(later), ['004']);
  // Only 001 names its outlet (its source line: الجزيرة); the other seeds have none.
  const outlet = all.find((h) => h.source)!.source!;
  const src = khabar.search('موسكو', { source: outlet });
  assert.ok(src.length > 0 && src.length < all.length && src.every((h) => h.source === outlet));
  assert.deepEqual(khabar.search('موسكو', { source: 'no such outlet' }), []);
});

test('queries with FTS5 syntax characters never throw', () => {
  for (const q of ['"سوريا', 'سوريا*', 'سوريا OR روسيا', 'OR', '"', '*', 'AND NOT (', 'NEAR(سوريا روسيا)', '^سوريا', 'title_norm:سوريا', '', '   ', '-', 'سوريا "" "روسيا"']) {
    assert.doesNotThrow(() => khabar.search(q), q);
  }
  // OR between words accepts either.
  const either = khabar.search('سيول OR لافروف', { limit: 50 });
  const floods = khabar.search('سيول', { limit: 50 });
  assert.ok(either.length > floods.length || !hasShared);
  assert.equal(analyzeQuery('سوريا OR روسيا').terms.length, 1);
});

test('the sample corpus is searchable and snippets come from the original text', () => {
  const hits = khabar.search('سيول عين الصفا');
  assert.ok(hits.length >= 3, `${hits.length} hits`);
  for (const h of hits) {
    const a = khabar.article(h.id)!;
    assert.equal(a.text.slice(h.passage.start, h.passage.end), h.passage.text);
    for (const [s, e] of h.passage.highlights) {
      const word = normalize(h.passage.text.slice(s, e));
      assert.ok(/سيول|عين|الصفا|صفا/.test(word), word);
    }
  }
});

test('snippet offsets point at the original (diacritized) words', () => {
  const text = 'قال الوزير إنَّ القُوّاتِ الأمريكيةَ ستنسحب من سوريا خلال أسابيع.';
  const s = makeSnippet(text, analyzeQuery('القوات'));
  assert.equal(s.highlights.length, 1);
  const [a, b] = s.highlights[0];
  assert.equal(s.text.slice(a, b), 'القُوّاتِ');
  assert.match(markSnippet(s, text), /\[القُوّاتِ\]/);
});

test('a repeated query is answered again after new articles are stored, by this or another connection', async () => {
  // Recent answers are cached per store version: any write, here or by another process, makes them stale.
  const before = khabar.search('سلفان').map((h) => h.id);
  assert.ok(before.length >= 2);
  assert.deepEqual(khabar.search('سلفان').map((h) => h.id), before);
  const text = 'أعلنت سلطات إقليم سلفان الحدودي اليوم فتح المعابر أمام قوافل الإغاثة بعد سريان وقف إطلاق النار.';
  khabar.addArticle({ id: 'silvan-aid', title: 'فتح معابر سلفان', text, source: 'وكالة الرافد للأنباء', published: '2026-03-16' });
  const after = khabar.search('سلفان').map((h) => h.id);
  assert.ok(after.includes('silvan-aid'), 'the new article is found');
  // Another connection writes (as `khabar ingest` beside a running server does).
  const other = Khabar.open({ db: join(dir, 'k.db') });
  try {
    other.addArticle({ id: 'silvan-aid-2', text: 'وصلت أول قافلة إغاثة إلى إقليم سلفان صباح اليوم عبر معبر جديد.', source: 'موقع شرفة الخبر', published: '2026-03-17' });
  } finally {
    other.close();
  }
  assert.ok(khabar.search('سلفان').map((h) => h.id).includes('silvan-aid-2'), 'a write by another connection is seen');
});
