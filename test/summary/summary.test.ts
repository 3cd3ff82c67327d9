import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Article } from '../../src/types.js';
import { summarize } from '../../src/summary/index.js';
import { balanceQuotes, speakerIn, standAlone } from '../../src/summary/clean.js';
import { countWords, normalize } from '../../src/summary/lex.js';
import { cleanArticle, isProblem, readInputs } from '../../src/ingest/index.js';
import { loadSeeds, needsShared, readJsonl, repoRoot } from '../helpers/shared.js';

function article(id: string, text: string, published: string | null = null): Article {
  return { id, source: null, title: null, url: null, published, lang: 'ar', text, removed: [], contentHash: id };
}

function seedStory(): Article[] {
  return loadSeeds().filter((s) => s.id <= '003').map((s) => article(s.id, s.text, s.published));
}

function quotesBalanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/"/g) % 2 === 0 && count(/«/g) === count(/»/g) && count(/“/g) === count(/”/g);
}

const DANGLING = /^(و?(أضاف|اضاف|تابع|أوضح|اوضح|أردف))(\s*[:"«“]|\s+(أن|إن|ان)\s)/u;
const BOILERPLATE = /(اقرأ أيضا|المصدر\s*:|اضف تعليق|أضف تعليق|شارك المقال|تابعونا)/u;

test('seeds story 000–003: ≤100 words, cited, readable sentences', needsShared, () => {
  const story = seedStory();
  const summary = summarize(story);
  assert.ok(summary.length >= 2, 'a summary of several sentences');
  const words = summary.reduce((n, s) => n + countWords(s.text), 0);
  assert.ok(words <= 100, `${words} words`);
  const ids = new Set(story.map((a) => a.id));
  for (const s of summary) {
    assert.ok(s.articles.length >= 1, `uncited: ${s.text}`);
    for (const id of s.articles) assert.ok(ids.has(id), `cites unknown ${id}`);
    assert.doesNotMatch(s.text, DANGLING, 'dangling speech verb');
    assert.ok(quotesBalanced(s.text), `unbalanced quotes: ${s.text}`);
    assert.doesNotMatch(s.text, BOILERPLATE);
    assert.match(s.text, /[.!?؟"»”]$/u, `cut mid-way: ${s.text}`);
  }
});

test('seeds story: the Lavrov تفاهم sentence is chosen (150 words) and cites both 000 and 001', needsShared, () => {
  const summary = summarize(seedStory(), { words: 150 });
  const lavrov = summary.find((s) => normalize(s.text).includes(normalize('تم التوصل إلى تفاهم بشأن الطريقة')));
  assert.ok(lavrov, `not chosen:\n${summary.map((s) => s.text).join('\n')}`);
  const cites = (seed: string) => lavrov.articles.some((id) => id.startsWith(seed + '_'));
  assert.ok(cites('000') && cites('001'), `cites ${lavrov.articles}`);
  assert.match(lavrov.text, /لافروف/u, 'the speaker is made explicit');
});

test('a dangling وأضاف gets the speaker named in the previous sentence of its article', () => {
  // Two consecutive sentences of seed 001 (Al Jazeera), as written.
  const said = 'وقال وزير الخارجية الروسي سيرغي لافروف عقب محادثات مع نظيره التركي مولود جاويش أوغلو في موسكو، "ركزنا بشكل خاص على الظروف الجديدة".';
  assert.match(speakerIn(said) ?? '', /لافروف/u);
  const added = 'وأضاف "تم التوصل إلى تفاهم بشأن الطريقة التي سيواصل من خلالها الممثلون العسكريون لروسيا وتركيا تنسيق خطواتهم على الأرض".';
  const r = standAlone(added, 'لافروف');
  assert.match(r.text ?? '', /^و?أضاف لافروف/u);
  assert.equal(standAlone(added, null).text, null, 'without a known speaker it is not chosen');
});

test('a summary sentence stands on its own: «كما أكد "…"» names its speaker or is not chosen (seed 004)', needsShared, () => {
  const also = 'كما أكد "روسيا وتركيا متوافقتان بشأن الحل السياسي في سوريا باستثناء مسألة بقاء الأسد في الحكم".';
  assert.equal(standAlone(also, null).text, null, 'no speaker known: not chosen');
  assert.match(standAlone(also, 'أوغلو').text ?? '', /^أكد أوغلو:? "روسيا وتركيا متوافقتان/u);
  assert.equal(standAlone('كما أشارت إلى أنّه "من المهم عدم السماح بتعطيل المفاوضات بشأن إدلب".', null).text, null);
  // with its subject, كما is dropped and nothing is added
  assert.equal(standAlone('كما أكد لافروف أن البلدين سينسقان العمليات في سوريا.', null).text, 'أكد لافروف أن البلدين سينسقان العمليات في سوريا.');
  const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
  for (const s of summarize([article(seed.id, seed.text, seed.published)], { words: 150 })) {
    assert.doesNotMatch(s.text, /^(و?كما\s+)?(أكد|أكدت|قال|قالت|أشار|أشارت|أضاف)\s*[:"«“]?\s*(إلى\s+)?(أن|أنّه|أنه)?\s*["«“]/u, s.text);
  }
});

test('quotes left open are closed, stray closers dropped', () => {
  assert.equal(balanceQuotes('قال إن «الهدنة هشة.').text, 'قال إن «الهدنة هشة».');
  assert.ok(quotesBalanced(balanceQuotes('ولفت التقرير إلى "وفي أول إشارة إلى انقلاب التحالفات.').text));
});

test('a single EASC article: summary respects the word budget and keeps document order', needsShared, () => {
  const [topic] = readJsonl<{ id: string; text: string }>('data/easc/dev.jsonl');
  const a = article(topic.id, topic.text.replace(/^\uFEFF/, ''));
  for (const budget of [40, 100]) {
    const summary = summarize([a], { words: budget });
    assert.ok(summary.length >= 1);
    const words = summary.reduce((n, s) => n + countWords(s.text), 0);
    assert.ok(words <= budget, `${words} > ${budget}`);
    for (const s of summary) assert.deepEqual(s.articles, [topic.id]);
  }
});

test('sample story B (floods, four outlets): cited, within budget, lead event first', async () => {
  const gold = (await import('node:fs')).readFileSync(join(repoRoot, 'samples/gold/stories.json'), 'utf8');
  const ids: string[] = JSON.parse(gold).sample[1];
  const articles: Article[] = [];
  for await (const x of readInputs([join(repoRoot, 'samples/corpus')])) if (!isProblem(x)) articles.push(cleanArticle(x));
  const story = articles.filter((a) => ids.includes(a.id));
  assert.equal(story.length, ids.length);
  const summary = summarize(story, { words: 80 });
  assert.ok(summary.reduce((n, s) => n + countWords(s.text), 0) <= 80);
  assert.match(normalize(summary[0].text), /سيول|امطار|فيضان/u, summary[0].text);
  assert.ok(summary.some((s) => s.articles.length >= 2), 'some sentence is confirmed by several outlets');
  for (const s of summary) {
    assert.ok(quotesBalanced(s.text));
    assert.doesNotMatch(s.text, BOILERPLATE);
    for (const id of s.articles) assert.ok(ids.includes(id));
  }
});

test('bad input is named in a clear error', () => {
  assert.throws(() => summarize([{ id: 'x' } as unknown as Article]), /article x has no text/);
  assert.throws(() => summarize([], { words: 0 }), /words must be a positive number/);
  assert.deepEqual(summarize([]), []);
});
