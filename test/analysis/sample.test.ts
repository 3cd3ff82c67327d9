// Story analysis on the sample corpus (samples/corpus, Apache-2.0): names after titles, quote speakers, and the
// per-article extraction cache (a story gaining one article extracts only that one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStory, extractionKey, type ArticleExtraction } from '../../src/analysis/index.js';
import type { Article } from '../../src/types.js';
import { goldAnalysis, sampleArticles } from './load.js';

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
