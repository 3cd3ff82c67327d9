// Name merging, safe first: different Arabic names never merge (the list of eval/data/distinct-names.tsv, alone and
// inside a full name), numbers must be equal, an ال with hamza is part of a foreign name, transliteration variants
// merge by the regularities of Arabic transliteration; and the recogniser's false entities of issue 24.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityMentions, extractEntities, sameName } from '../../src/analysis/index.js';
import { repoRoot } from '../helpers/shared.js';

const pairs = readFileSync(join(repoRoot, 'eval', 'data', 'distinct-names.tsv'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]);

test('at least 300 pairs of distinct Arabic names a letter or a long vowel apart, none merged alone or in a full name', () => {
  assert.ok(pairs.length >= 300, `${pairs.length} pairs`);
  const merged = pairs.filter(([a, b]) => sameName(a, b) || sameName(`أحمد ${a}`, `أحمد ${b}`)
    || sameName(`${a} عبد الله الخطيب`, `${b} عبد الله الخطيب`) || sameName(`محمد بن ${a}`, `محمد بن ${b}`));
  assert.deepEqual(merged, []);
});

test('the look-alikes issue 24 names stay apart', () => {
  for (const [a, b] of [['محمد', 'محمود'], ['محمد', 'حامد'], ['حسن', 'حسين'], ['حسن', 'حسان'], ['سعد', 'سعيد'], ['سعد', 'سعود'],
    ['جمال', 'جميل'], ['عمر', 'عمار'], ['كريم', 'كريمة'], ['محمد علي', 'محمود علي'], ['كاتي', 'كاتيا'], ['فريدي', 'فريدة'],
    ['بارون', 'براون'], ['نجوى', 'ناجي'], ['لافروف', 'لافرينتييف']]) assert.equal(sameName(a, b), false, `${a} ≠ ${b}`);
});

test('numbers in a name must be equal', () => {
  assert.equal(sameName('القرار 2254', 'القرار 242'), false);
  assert.equal(sameName('عام 1917', 'عام 1974'), false);
  assert.equal(sameName('القرار 2254', 'القرار ٢٢٥٤'), true);
});

test('an ال written with hamza is part of a foreign name, and still meets its spelling without the hamza', () => {
  assert.equal(sameName('أليكسي نافالني', 'ألكسي نافالني'), true);
  assert.equal(sameName('أليكسي', 'اليكسي'), true);
  assert.equal(sameName('ألمانيا', 'المانيا'), true);
  assert.equal(sameName('ألبرت', 'برت'), true, 'the same letters after an ال the other spelling lacks');
  assert.equal(sameName('ألبرت', 'روبرت'), false);
});

test('transliteration variants merge: تش/ج/ش, غ/ج/ك for g, ز/س/تس, doubled letters, long vowels, ة/ه, ى/ي, hamza', () => {
  for (const [a, b] of [['غوتيريش', 'جوتيريس'], ['شولتس', 'شولتز'], ['مولود تشاووش أوغلو', 'مولود جاويش أوغلو'],
    ['تشاوش اوغلو', 'تشاووش أوغلو'], ['غريغوري', 'جريجوري'], ['ديانا كرزون', 'ديانا كارازون'], ['جورجا ميلوني', 'جيورجيا ميلوني'],
    ['أستانة', 'آستانا'], ['مصطفى', 'مصطفي'], ['خلوصي آكار', 'خلوصي أكار'], ['داود', 'داوود']]) assert.equal(sameName(a, b), true, `${a} = ${b}`);
});

test('السعودية and المملكة العربية السعودية are one place; مقاطعة قطر is not a place beside قطر', () => {
  const { mentions } = entityMentions([
    { id: 'a', text: 'أعلنت المملكة العربية السعودية اليوم دعمها للاتفاق.' },
    { id: 'b', text: 'قالت السعودية إن الاتفاق مهم، وتتواصل مقاطعة قطر منذ أشهر، وقالت قطر إنها لن تتراجع.' },
  ]);
  const saudi = mentions.filter((m) => m.text.includes('السعودية'));
  assert.equal(saudi.length, 2);
  assert.equal(saudi[0].entity, saudi[1].entity);
  assert.ok(!mentions.some((m) => m.text.includes('مقاطعة')), JSON.stringify(mentions));
});

test('no entity from a verb, a common noun or the outlet\'s name; the names themselves are found', () => {
  const names = (t: string) => extractEntities(t).mentions.map((m) => `${m.type}:${m.surface}`);
  assert.deepEqual(names('وفتح الطريق أمام السيارات، ولا يوجد دعم مالي كاف لإصلاحه.'), []);
  assert.deepEqual(names('استقبل الجمهور الفريق بحماس كبير.'), []);
  assert.ok(!names('وفق ما نقله مراسل الجوهرة "أف أم" ماهر الصغيّر الذي واكب الندوة').some((n) => /أف|أم/.test(n)));
  const orgs = extractEntities('اشتباكات بين عناصر تابعة لحركة "فتح" وحركة حماس.').mentions.filter((m) => m.type === 'org');
  assert.deepEqual(orgs.map((m) => m.canonical), ['حركة فتح', 'حركة حماس']);
  assert.ok(names('وصل الجنود الفرنسيون إلى مالي أمس.').includes('place:مالي'));
});

test('a title shows as written: وزير, not زير', () => {
  const m = extractEntities('ووزير الخارجية التركي مولود جاويش أوغلو قال إن المحادثات مثمرة.').mentions.find((x) => x.type === 'person');
  assert.equal(m?.title, 'وزير الخارجية التركي');
});

test('by context: two spellings a consonant apart are one person when the story gives both the same title', () => {
  const { entities } = entityMentions([
    { id: 'a', text: 'قال وزير الخارجية البريطاني بوريس جونسون إن المحادثات مثمرة.' },
    { id: 'b', text: 'قال وزير الخارجية البريطاني بوريس جونستون إن بلاده تدعم الاتفاق.' },
    { id: 'c', text: 'وقال الكاتب محمد جونستون إن الكتاب صدر أمس.' },
  ]);
  const persons = entities.filter((e) => e.type === 'person').map((e) => e.variants.join(' / ')).sort();
  assert.ok(persons.includes('بوريس جونستون / بوريس جونسون'), persons.join('; '));
  assert.equal(sameName('بوريس جونسون', 'بوريس جونستون'), false, 'without the context they stay apart');
});
