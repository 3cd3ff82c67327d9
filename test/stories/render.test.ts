// What a reader sees of a story in text, Markdown and HTML: Arabic headings and placeholders like the web page, every
// cut list says how much it shows, a one-article story marks no fact as one outlet's, and the exports escape everything
// that comes from articles (only http(s) URLs become links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { buildStoryReport } from '../../src/report.js';
import { renderReport, renderStory } from '../../src/stories/index.js';
import { cleanArticle } from '../../src/ingest/index.js';
import type { Article, Story, StoryReport } from '../../src/types.js';
import { goldAnalysis, sampleArticles } from '../analysis/load.js';

/** An article that tries to run script, inject markup and links, and flip the text's direction (as test/web/fixture.ts). */
const hostile: Article = cleanArticle({
  id: 'hostile`id', title: 'بيان <script>alert("title")</script> عاجل [x](javascript:alert(1))',
  source: '<img src=x onerror=alert(1)>', url: 'javascript:alert("url")', published: '2026-03-14',
  text: [
    'قال المتحدث باسم الحكومة إن الاجتماع <script>alert("body")</script> سيعقد غدا في العاصمة لبحث ملف الحدود مع وزراء الخارجية.',
    'وأضاف أن <img src=x onerror=alert(2)> الوفد سيضم خبراء من وزارة الخارجية ووزارة الدفاع لبحث ملف الحدود.',
    'وللاطلاع على التفاصيل [اضغط هنا](javascript:alert(3)) <a href="javascript:alert(4)">هنا</a> حسب البيان الرسمي للحكومة.',
    'وأكد أن \u202Eالنص المعكوس\u202C لن يغير \u2066شيئا\u2069 في الترتيب الذي أعلنته الحكومة للاجتماع \u001b[2J.',
  ].join('\n'),
});

function reportOf(articles: Article[], id = 's1'): StoryReport {
  const story: Story = { id, title: articles[0].title ?? id, articles: articles.map((a) => a.id), related: [], sources: [...new Set(articles.map((a) => a.source ?? ''))].filter(Boolean), first: articles[0].published, last: articles[articles.length - 1].published };
  return buildStoryReport(story, articles);
}

async function sampleStory(name: string): Promise<Article[]> {
  const byId = new Map((await sampleArticles()).map((a) => [a.id, a]));
  return goldAnalysis()[name].articles.map((id) => byId.get(id)!);
}

test('text and Markdown speak Arabic like the web page, and a cut list says how much it shows', async () => {
  const arts = await sampleStory('A');
  const r0 = reportOf(arts);
  // more facts of one article than a list shows (story A has a few of its own; numbered copies make it long enough)
  const own = (r0.facts ?? []).filter((f) => f.unique);
  assert.ok(own.length > 0);
  const copies = Array.from({ length: Math.max(2, 10 - own.length) }, (_, i) => ({ ...own[i % own.length], text: `${own[i % own.length].text} (${i + 1})` }));
  const r = { ...r0, facts: [...(r0.facts ?? []), ...copies] };
  const text = renderStory(r, 'text', { articles: arts });
  for (const heading of ['الخلاصة:', 'وقائع أكدتها عدة مقالات:', 'أرقام متضاربة:', 'الاقتباسات', 'التسلسل الزمني:', 'الأسماء', 'المقالات:']) {
    assert.ok(text.includes(heading), `text has ${heading}`);
  }
  assert.doesNotMatch(text, /Summary|Confirmed|Numbers that|Who said|Timeline|Entities|Articles:|unknown|\(unattributed\)|\(reported\)/);
  // more than 8 facts of one article, 8 shown; 14 quotes, all shown; every list says when it is cut
  const unique = (r.facts ?? []).filter((f) => f.unique).length;
  assert.ok(unique > 8);
  assert.ok(text.includes(`وقائع انفرد بها مقال واحد (${unique}؛ أول 8):`), text);
  const md = renderStory({ ...r, quotes: Array.from({ length: 41 }, (_, i) => ({ speaker: null, text: `قول رقم ${i}`, kind: 'direct' as const, articles: [arts[0].id] })) }, 'md', { articles: arts });
  assert.ok(md.includes('## الاقتباسات (41؛ أول 15)'), md);
  assert.ok(md.includes('متحدث غير محدد: «قول رقم 0»'));
  // one word for a missing date and a missing outlet, in both formats
  const bare = renderStory({ ...r, first: null, last: null }, 'text', { articles: arts.map((a) => ({ ...a, source: null, published: null })) });
  assert.ok(bare.includes('بدون تاريخ') && bare.includes('مصدر غير معروف'));
  assert.doesNotMatch(bare, / \? |—|unknown/);
});

test('a story of one article marks no fact as reported by one article only', async () => {
  const [one] = await sampleStory('D');
  const r = reportOf([one]);
  assert.ok((r.facts ?? []).length > 3);
  assert.ok((r.facts ?? []).every((f) => !f.unique), 'no fact of a one-article story is "unique"');
  const text = renderStory(r, 'text', { articles: [one] });
  assert.ok(text.includes('الوقائع'));
  assert.ok(!text.includes('انفرد'), text);
});

test('khabar report as text: every story, largest first', async () => {
  const a = await sampleStory('A'), d = await sampleStory('D');
  const text = renderReport({ articles: [...a, ...d], stories: [reportOf(d, 'sd'), reportOf(a, 'sa')] });
  assert.ok(text.indexOf('sa ·') < text.indexOf('sd ·'), 'the four-article story first');
  assert.ok(text.includes('الخلاصة:'));
});

test('--html escapes everything it did not write; only http(s) URLs become links', async () => {
  const [sample] = await sampleStory('B');
  const arts = [hostile, sample];
  const r = reportOf(arts, 'story"><script>');
  const page = renderStory(r, 'html', { articles: arts });
  const { document } = parseHTML(page);
  assert.equal(document.querySelectorAll('script, img, iframe, object, embed').length, 0, 'no injected element');
  for (const el of document.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      assert.ok(!/^on/i.test(attr.name), `event handler ${attr.name}`);
      if (attr.name === 'href') assert.match(attr.value, /^(#src-\d+|https?:\/\/)/, `href="${attr.value}"`);
    }
  }
  assert.ok(page.includes('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;') || page.includes('&lt;script&gt;alert(&quot;title&quot;)'), 'the hostile text is shown, escaped');
  assert.doesNotMatch(page, /[\u202A-\u202E\u2066-\u2069\u001b]/, 'no bidi or terminal control left');
  const links = [...document.querySelectorAll('a[href^="http"]')].map((a) => a.getAttribute('href'));
  if (sample.url) assert.ok(links.includes(new URL(sample.url).href), `the sample article's link: ${links.join(' ')}`);
});

test('--md carries no raw HTML and no link to a non-http URL', async () => {
  const [sample] = await sampleStory('B');
  const arts = [hostile, sample];
  const md = renderStory(reportOf(arts), 'md', { articles: arts });
  assert.doesNotMatch(md, /<(script|img|a)\b/i, 'no raw HTML');
  assert.doesNotMatch(md, /\]\(<?javascript:/i, 'no javascript: link');
  assert.doesNotMatch(md, /[\u202A-\u202E\u2066-\u2069\u001b]/);
  assert.ok(md.includes('&lt;script&gt;'), 'the hostile text is shown, escaped');
  assert.ok(md.includes('\\[x\\]\\(javascript:alert\\(1\\)\\)'), 'a Markdown link in a title is escaped');
  const text = renderStory(reportOf(arts), 'text', { articles: arts });
  assert.doesNotMatch(text, /[\u202A-\u202E\u2066-\u2069\u001b]/, 'plain text drops control characters');
});
