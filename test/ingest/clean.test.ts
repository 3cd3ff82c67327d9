import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { collect } from './helpers.js';
import { CleaningContext, cleanArticle, contentHash } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';
import { needsShared, sharedDir } from '../helpers/shared.js';

async function seeds(): Promise<Map<string, Article>> {
  const { articles } = await collect([join(sharedDir, 'seeds')]);
  return new Map(articles.map((r) => [r.id!.slice(0, 3), cleanArticle(r)]));
}

test('seed 001: captions and the source line removed with reasons; outlet الجزيرة; body kept', needsShared, async () => {
  const a = (await seeds()).get('001')!;
  assert.equal(a.source, 'الجزيرة');
  assert.deepEqual(a.removed.map((r) => r.reason), ['caption', 'caption', 'source-line']);
  assert.match(a.removed[0].text, /^Meeting on Syria/);
  assert.match(a.removed[1].text, /\(الأناضول\)$/);
  assert.doesNotMatch(a.text, /Meeting on Syria|المصدر|\(الأناضول\)/);
  assert.match(a.text, /^اتفقت تركيا وروسيا السبت على تنسيق العمليات البرية/);
  assert.match(a.text, /وأعلنت روسيا الجمعة أنها ستستضيف قمة ثلاثية تضم تركيا وإيران بشأن النزاع السوري مطلع العام المقبل\.$/);
});

test('seed 002: comment prompt removed, the subheading kept, no outlet guessed from the cited AFP', needsShared, async () => {
  const a = (await seeds()).get('002')!;
  assert.deepEqual(a.removed, [{ text: 'اضف تعليق', reason: 'comment-prompt' }]);
  assert.match(a.text, /^-"تسريع التسوية السياسية"-$/m);
  assert.equal(a.source, null);
});

test('seed 003: section label, caption ending "- الأناضول" and both اقرأ أيضا lines removed; outlet is not الأناضول', needsShared, async () => {
  const a = (await seeds()).get('003')!;
  assert.equal(a.title, 'مباحثات تركية روسية بشأن سوريا.. هذا ما تناولته');
  assert.deepEqual(a.removed.map((r) => r.reason), ['section-label', 'caption', 'related-link', 'related-link']);
  assert.notEqual(a.source, 'الأناضول');
  assert.equal(a.source, null);
  assert.match(a.text, /^لجنة الدستور$/m, 'subheading kept');
  assert.match(a.text, /^انتهت اليوم السبت، مباحثات تركية روسية/);
  assert.doesNotMatch(a.text, /اقرأ أيضا/);
});

test('seeds 000 and 004: nothing removed, cited agencies are not the outlet', needsShared, async () => {
  const s = await seeds();
  for (const id of ['000', '004']) {
    assert.deepEqual(s.get(id)!.removed, [], id);
    assert.equal(s.get(id)!.source, null, id);
  }
});

test('inline text: a dateline names the outlet, citations do not', () => {
  const dateline = cleanArticle({ id: 'd', text: 'موسكو (الأناضول) - أعلن وزير الخارجية الروسي سيرغي لافروف التوصل إلى تفاهم مع تركيا بشأن تنسيق عمل قوات البلدين.' });
  assert.equal(dateline.source, 'الأناضول');
  const cited = cleanArticle({ id: 'c', text: 'وأفاد مراسل فرانس برس في مدينة منبج أنه لم يجد أثرا لجنود سوريين.\nونقلت سبوتنيك الروسية عن تشاووش أوغلو قوله إن التعاون وثيق.\nبحسب وكالة الأناضول، فالاجتماع ضم وزيري الخارجية والدفاع.' });
  assert.equal(cited.source, null);
  assert.deepEqual(cited.removed, []);
});

test('inline text: share and follow prompts, headline repeated, "أخبار ذات صلة" list', () => {
  const a = cleanArticle({
    id: 'x', title: 'قمة بوتين إردوغان في موسكو',
    text: 'رياضة\nقمة بوتين إردوغان في موسكو\nأعلن الرئيس الروسي فلاديمير بوتين أن روسيا وتركيا اتفقتا على استمرار التنسيق.\nشارك\nتابعونا على تويتر وفيسبوك\nاشترك في النشرة البريدية\nأخبار ذات صلة\nإردوغان يصل إلى موسكو\nلافروف يلتقي جاويش أوغلو',
  });
  assert.equal(a.text, 'أعلن الرئيس الروسي فلاديمير بوتين أن روسيا وتركيا اتفقتا على استمرار التنسيق.');
  assert.deepEqual(a.removed.map((r) => r.reason), ['section-label', 'title-repeat', 'share-prompt', 'share-prompt', 'share-prompt', 'related-link', 'related-link', 'related-link']);
});

test('a body sentence that starts like a prompt is kept (شارك آلاف ...)', () => {
  const a = cleanArticle({ id: 'y', text: 'شارك آلاف المتظاهرين في مسيرة بالعاصمة للمطالبة بإطلاق سراح المعتقلين.' });
  assert.deepEqual(a.removed, []);
});

test('CleaningContext: a short line in 3 articles of one outlet is removed as recurring; the context round-trips', () => {
  const ctx = new CleaningContext();
  const footer = 'لمتابعة آخر المستجدات زوروا موقعنا';
  const bodies = [
    'أعلن الرئيس الروسي فلاديمير بوتين أن روسيا وتركيا اتفقتا على استمرار التنسيق.',
    'وأشاد بوتين بالتعاون الروسي التركي فيما يتعلق بالأمن الإقليمي في الشرق الأوسط.',
    'وقال إردوغان إن هدف أنقرة في سوريا هو محاربة الإرهاب.',
  ];
  const results = bodies.map((b, i) => cleanArticle({ id: `r${i}`, source: 'الميادين', text: `${b}\n${footer}` }, ctx));
  assert.deepEqual(results.map((r) => r.removed.map((x) => x.reason)), [[], [], ['recurring']]);
  const restored = CleaningContext.fromJSON(JSON.parse(JSON.stringify(ctx)));
  const again = cleanArticle({ id: 'r4', source: 'الميادين', text: `${bodies[0]}\n${footer}` }, restored);
  assert.deepEqual(again.removed, [{ text: footer, reason: 'recurring' }]);
  // Another outlet has its own memory.
  assert.deepEqual(cleanArticle({ id: 'o', source: 'الجزيرة', text: `${bodies[0]}\n${footer}` }, restored).removed, []);
  assert.throws(() => CleaningContext.fromJSON({ nope: 1 }), /not a cleaning context/);
});

test('contentHash: the same words with other whitespace hash alike; a changed word does not', () => {
  const t = 'وقال لافروف: اتفقنا على تكثيف العمل من أجل تهيئة الظروف اللازمة لعودة اللاجئين السوريين إلى بلادهم .';
  assert.equal(contentHash(t), contentHash(`  ${t.replace(/ /g, '   \n')}\t`));
  assert.equal(cleanArticle({ id: 'a', text: t }).contentHash, cleanArticle({ id: 'b', text: t.replace(/ /g, '\u00a0 ') }).contentHash);
  assert.notEqual(contentHash(t), contentHash(t.replace('لافروف', 'شويغو')));
});

test('nothing usable: a clear error naming the input', () => {
  assert.throws(() => cleanArticle({ id: 'e', origin: 'x.json item 2', text: 'اضف تعليق\nشارك' }), /^Error: x\.json item 2: no article text left after removing boilerplate/);
  assert.throws(() => cleanArticle({ id: 'e', origin: 'y.txt', text: '   ' }), /^Error: y\.txt: no article text/);
});
