// Story analysis on the sample corpus (samples/corpus, Apache-2.0): names after titles, quote speakers, and the
// per-article extraction cache (a story gaining one article extracts only that one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStory, analyzeStoryDetailed, extractionKey, storyFactGroups, type ArticleExtraction } from '../../src/analysis/index.js';
import { numberMentions } from '../../src/analysis/numbers.js';
import type { Article } from '../../src/types.js';
import { goldAnalysis, sampleArticles, seedArticles } from './load.js';
import { needsShared } from '../helpers/shared.js';

async function story(name: string): Promise<Article[]> {
  const byId = new Map((await sampleArticles()).map((a) => [a.id, a]));
  return goldAnalysis()[name].articles.map((id) => byId.get(id)!).filter(Boolean);
}

test('names after a title and its complement are persons, merged across spellings', async () => {
  const a = analyzeStory(await story('A'));
  const entity = (v: string) => a.entities.find((e) => e.type === 'person' && e.variants.includes(v));
  // وزير خارجية تارانيا تشتين ياووز أوغلو / وزير الخارجية التاراني جتين يافوز اوغلو
  const yavuz = entity('تشتين ياووز أوغلو');
  assert.ok(yavuz, 'تشتين ياووز أوغلو found');
  assert.equal(entity('جتين يافوز اوغلو'), yavuz);
  // المبعوث الخاص لمجموعة الاتصال الأوروبية ماتياس كوخلر / المبعوث الأوروبي ماتياس كوشلر
  assert.ok(entity('ماتياس كوخلر'));
  assert.equal(entity('ماتياس كوشلر'), entity('ماتياس كوخلر'));
  // look-alike ministers stay apart
  assert.notEqual(entity('غريغوري فاسيليفسكي'), entity('غريغوري فاسيلينكو'));
  // "الصحفي، رغم مشاركته" is not a person
  assert.ok(!a.entities.some((e) => e.variants.some((v) => v.includes('مشاركته'))));
});

test('quotes in the sample story B carry their speakers', async () => {
  const a = analyzeStory(await story('B'));
  const speakerOf = (text: string) => a.quotes.find((q) => q.text.includes(text))?.speaker;
  assert.equal(speakerOf('فرق الإنقاذ تعمل منذ منتصف الليل'), 'أسامة الخطيب');
  assert.equal(speakerOf('خسرنا في ليلة واحدة'), 'ماجد النجار');
  assert.equal(speakerOf('سنعوض كل عائلة فقدت بيتها'), 'أسامة الخطيب');
  // "وقال النجار:" in the agency copy, which names only the spokesman ماهر النجار in full (the story also has the
  // mayor ماجد النجار): the surname is the spokesman's, and the two stay apart
  assert.equal(speakerOf('منسوب المياه في الوادي بلغ'), 'ماهر النجار');
  const maher = a.entities.find((e) => e.name === 'ماهر النجار');
  assert.ok(maher?.variants.includes('النجار'), maher?.variants.join(' / '));
  assert.ok(!a.entities.find((e) => e.name === 'ماجد النجار')?.variants.includes('النجار'));
});

test('numbers: the same count in digits and words, with what it counts, is one quantity across outlets', async () => {
  const b = analyzeStory(await story('B'));
  const find = (value: number, unit: string) => b.numbers.find((n) => n.value === value && n.unit === unit);
  // لقي 12 شخصا حتفهم / لقي اثنا عشر شخصا حتفهم / 15 قتيلا / 12 قتيلا: people who died are the killed
  const killed = find(12, 'قتيل');
  assert.ok(killed, JSON.stringify(b.numbers.filter((n) => n.value === 12)));
  assert.equal(killed.articles.length, 4, killed.articles.join(','));
  assert.deepEqual(killed.conflicts?.map((c) => c.value), [15]);
  // وفقد 5 آخرون / 5 مفقودين
  assert.equal(find(5, 'مفقود')?.articles.length, 4);
  // 340 أسرة / ثلاثمئة وأربعين عائلة
  assert.equal(find(340, 'أسرة')?.articles.length, 4);
  // C: 60 في المئة / ستين بالمئة (not 160, not 100)
  const c = analyzeStory(await story('C'));
  assert.equal(c.numbers.find((n) => n.value === 60 && n.unit === 'بالمئة')?.articles.length, 2, JSON.stringify(c.numbers.filter((n) => [60, 100, 160].includes(n.value))));
  assert.ok(!c.numbers.some((n) => n.value === 160 || n.conflicts?.some((x) => x.value === 160)));
  // …but a lone مئة is a hundred (ANT JA-internationalNews-154-20161023).
  assert.deepEqual(numberMentions('ونظم مئة من طاقم العمل في الأمم المتحدة احتجاجا ضد اختيار الأمم المتحدة').map((n) => n.value), [100]);
  // A: 200 مراقب / مئتي مراقب / مئتا مراقب
  const a = analyzeStory(await story('A'));
  assert.equal(a.numbers.find((n) => n.value === 200 && n.unit === 'مراقب')?.articles.length, 4);
});

test('facts: a close rewording in another outlet joins the agency sentence; a fact cites each article once', async () => {
  const d = analyzeStoryDetailed(await story('B'));
  const groupOf = (probe: string) => d.factGroups.find((x) => x.members.some((m) => m.text.includes(probe)));
  // وأعلن ... ماهر النجار أن فرقه أجلت 340 أسرة ... / فأعلن إجلاء ثلاثمئة وأربعين عائلة ... / مضيفا أن فرقه أجلت 340 أسرة
  const families = groupOf('إجلاء ثلاثمئة وأربعين عائلة');
  assert.ok(families, 'the alminaa sentence is a member');
  assert.equal(families.fact.articles.length, 4, families.members.map((m) => m.text.slice(0, 50)).join(' | '));
  // وأضاف: "الجسر الرئيسي انهار، والبلدة مقطوعة ..." / قال رئيس البلدية ماجد النجار إن الجسر الرئيسي انهار بالكامل ...
  assert.equal(groupOf('الجسر الرئيسي انهار بالكامل'), groupOf('الجسر الرئيسي انهار،'));
  // "لقي اثنا عشر شخصا حتفهم" (words) and "لقي 12 شخصا حتفهم" (digits) are one fact
  assert.equal(groupOf('لقي اثنا عشر شخصا حتفهم'), groupOf('لقي 12 شخصا حتفهم'));
  for (const name of ['A', 'B']) {
    const x = name === 'B' ? d : analyzeStoryDetailed(await story(name));
    for (const g of x.factGroups) assert.equal(new Set(g.members.map((m) => m.article)).size, g.members.length, `one sentence per article: ${g.fact.text}`);
  }
});

test('a first name spelt with one more long vowel still opens a name (ديميتري for ديمتري)', async () => {
  const c = analyzeStory(await story('C'));
  // ووقع عن الجانب الروسي في التحالف ديميتري جوكوفسكي، الذي قال إن «الخبرة الروسية في السكك الطويلة» ...
  const dmitri = c.entities.find((e) => e.variants.includes('ديميتري جوكوفسكي'));
  assert.ok(dmitri, c.entities.map((e) => e.name).join(', '));
  assert.ok(dmitri.variants.includes('دميتري جوكوفسكي'), dmitri.variants.join(' / '));
  assert.equal(c.quotes.find((q) => q.text.includes('الخبرة الروسية في السكك الطويلة'))?.speaker, dmitri.name);
  // وقال جوكوفسكي لـ"شرفة الخبر": "...": the outlet he spoke to is no quote
  assert.ok(!c.quotes.some((q) => q.text === 'شرفة الخبر'), JSON.stringify(c.quotes.filter((q) => q.text.length < 20)));
});

test('timeline: a range of days longer than a week is dated by its month', async () => {
  const a = analyzeStory(await story('A'));
  // على أن تبدأ جولة مفاوضات سياسية مطلع الشهر المقبل (published 2026-03-14): April, not 1 April
  const talks = a.timeline.filter((e) => e.text.includes('مطلع الشهر المقبل'));
  assert.ok(talks.length, 'an event for مطلع الشهر المقبل');
  for (const e of talks) assert.equal(e.date, '2026-04', e.text);
  // a single day keeps its day: اليوم السبت
  assert.ok(a.timeline.some((e) => e.date === '2026-03-14'));
});

test('extraction cache: a story gaining one article extracts only that one, with the same result', async () => {
  const arts = await story('A');
  const cache = new Map<string, ArticleExtraction>();
  const extracted: string[] = [];
  analyzeStory(arts.slice(0, 3), { cache, onExtract: (id) => extracted.push(id) });
  assert.deepEqual(extracted, arts.slice(0, 3).map((a) => a.id));
  extracted.length = 0;
  const withCache = analyzeStory(arts, { cache, onExtract: (id) => extracted.push(id) });
  assert.deepEqual(extracted, [arts[3].id], 'only the new article is extracted');
  assert.deepEqual(withCache, analyzeStory(arts), 'cached and fresh analyses agree');
  // an edited article (same id, new text, no stored hash) gets a new key and is extracted again
  const edited: Article = { ...arts[0], text: arts[0].text.replace('4 آلاف', '6 آلاف'), contentHash: '' };
  const plain: Article = { ...arts[0], contentHash: '' };
  assert.notEqual(extractionKey(edited), extractionKey(plain));
  extracted.length = 0;
  const after = analyzeStory([edited, ...arts.slice(1)], { cache, onExtract: (id) => extracted.push(id) });
  assert.deepEqual(extracted, [arts[0].id]);
  assert.ok(after.numbers.some((n) => n.value === 6000 || n.conflicts?.some((c) => c.value === 6000)), 'the edit is seen');
});

test('the facts alone (what khabar summarize prints) are the fact groups of the whole analysis, for each sample story', async () => {
  for (const name of ['A', 'B', 'C', 'D']) {
    const articles = await story(name);
    const groups = storyFactGroups(articles);
    assert.ok(groups.length > 0, `story ${name} has facts`);
    assert.deepEqual(groups, analyzeStoryDetailed(articles).factGroups, `story ${name}`);
  }
});

test('the facts alone of the five seeds are the fact groups of their whole analysis', needsShared, () => {
  const articles = seedArticles();
  const groups = storyFactGroups(articles);
  assert.ok(groups.some((g) => g.fact.articles.length > 1), 'some fact is carried by more than one seed');
  assert.deepEqual(groups, analyzeStoryDetailed(articles).factGroups);
});
