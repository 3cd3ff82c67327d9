// "Numbers that disagree" are real disagreements: two values for the same quantity of the same thing at the same time,
// on the sample corpus and on ANT stories (the development stories of eval/data/numbers-conflicts.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeStory, extractArticle } from '../../src/analysis/index.js';
import { numberMentions } from '../../src/analysis/numbers.js';
import { cleanArticle } from '../../src/ingest/index.js';
import type { Article, Quantity } from '../../src/types.js';
import { hasShared, needsShared } from '../helpers/shared.js';
import { antLines as readAntLines } from '../../eval/ant.js';
import { goldAnalysis, sampleArticles } from './load.js';

async function story(name: string): Promise<Article[]> {
  const byId = new Map((await sampleArticles()).map((a) => [a.id, a]));
  return goldAnalysis()[name].articles.map((id) => byId.get(id)!).filter(Boolean);
}

/** "unit: value vs value, value" for each quantity with conflicts, sorted. */
const conflicts = (numbers: Quantity[]) => numbers.filter((q) => q.conflicts?.length)
  .map((q) => `${q.unit}: ${q.value} vs ${q.conflicts!.map((c) => c.value).join(', ')}`).sort();

let antLines: Map<string, string> | null = null;
/** ANT articles by docno, cleaned as `khabar ingest` cleans the corpus's items (the corpus is read once). */
function antStory(ids: string[]): Article[] {
  antLines ??= new Map(readAntLines()
    .map((line) => [/"docno":\s*"([^"]+)"/.exec(line)?.[1] ?? '', line]));
  return ids.map((id) => {
    const x = JSON.parse(antLines!.get(id)!) as { docno: string; title: string; text: string; time: string; source: string };
    return cleanArticle({ id: x.docno, title: x.title, text: x.text, published: x.time, source: x.source });
  });
}

test('sample story A: the UN toll against the local one is a conflict; about 120 thousand and more than 100 thousand displaced agree', async () => {
  const a = analyzeStory(await story('A'));
  assert.deepEqual(conflicts(a.numbers), ['قتيل: 4000 vs 5000']);
  const displaced = a.numbers.find((q) => q.value === 120000);
  assert.deepEqual(displaced?.variants?.map((v) => v.value), [100000], JSON.stringify(displaced));
});

test('sample stories B and D: a revised toll is a conflict; the toll of the 2019 floods and 150 prisoners a side are not', async () => {
  assert.deepEqual(conflicts(analyzeStory(await story('B')).numbers), ['قتيل: 12 vs 15']);
  assert.deepEqual(conflicts(analyzeStory(await story('D')).numbers), []);
});

test('the Tunisian decimal comma: 7ر3 درجة is 3.7, 267ر205 مليون دينار is 205.267 million', () => {
  assert.deepEqual(numberMentions('بلغت قوتها 7ر3 درجة على سلم ريشتر').map((n) => n.value), [3.7]);
  assert.deepEqual(numberMentions('وتقدر ميزانية الوزارة ب267ر205 مليون دينار').map((n) => n.value), [205267000]);
});

test('ANT: the Minya toll revised over three days is a conflict, "at least 23" is met by it; cells of different sizes arrested in different towns are not', needsShared, () => {
  if (!hasShared) return;
  const minya = analyzeStory(antStory(['JA-internationalNews-957-20170526', 'JA-internationalNews-979-20170526',
    'JA-internationalNews-993-20170526', 'JA-internationalNews-943-20170527', 'JA-internationalNews-1019-20170529']));
  const killed = minya.numbers.find((q) => q.unit === 'قتيل' && q.conflicts?.length);
  assert.ok(killed, JSON.stringify(minya.numbers.filter((q) => q.unit === 'قتيل')));
  assert.deepEqual([killed.value, ...killed.conflicts!.map((c) => c.value)].sort((x, y) => x - y), [24, 28, 29]);
  // ما لا يقل عن 23 قتيلا, the first report: a lower bound the later tolls meet
  assert.deepEqual(killed.variants?.map((v) => v.value), [23]);
  const cells = analyzeStory(antStory(['JA-localNews-761-20161227', 'JA-localNews-1150-20161229', 'JA-localNews-763-20161231',
    'JA-localNews-764-20170103', 'JA-localNews-765-20170104', 'JA-localNews-766-20170106']));
  assert.deepEqual(conflicts(cells.numbers), []);
});

test('ANT: ranks, articles of a law and an anniversary are no counts', needsShared, () => {
  if (!hasShared) return;
  // المصنف 209 عالميا / المصنف 50 عالميا: two players' ranks; الذكرى 17 / الذكرى السابعة عشرة
  for (const ids of [['JA-sport-912-20170116', 'JA-sport-18-20170118'], ['JA-localNews-3321-20170406', 'JA-politic-310-20170406']]) {
    assert.deepEqual(conflicts(analyzeStory(antStory(ids)).numbers), [], ids.join(' '));
  }
});

/** The figures of one ANT article with the given value: "unit value bound aside period". */
function figures(id: string, value: number): string[] {
  return extractArticle(antStory([id])[0]).numbers.filter((n) => n.value === value)
    .map((n) => [n.unit, n.value, n.bound ?? '-', n.aside ?? '-', n.period?.split(':')[0] ?? '-'].join(' '));
}

test('ANT: a negated "more than" is an upper bound; a sum followed by منها is a part; منذ مطلع السنة is a running count', needsShared, () => {
  if (!hasShared) return;
  // ولم تتجاوز 41 بالمائة: at most 41
  assert.deepEqual(figures('JA-localNews-3437-20161023', 41), ['بالمئة 41 less - -']);
  // منح تونس 9ر2 مليار دولار ... تحصلت تونس على 320 مليون دولار منها
  assert.deepEqual(figures('JA-localNews-1822-20170226', 320000000), ['دولار 320000000 - part -']);
  // عدد الإصابات ... منذ مطلع السنة الجارية، 148 حالة
  assert.deepEqual(figures('JA-localNews-3501-20170424', 148).map((f) => f.split(' ').pop()), ['since']);
});

test('ANT: four others dead before a fifth are a part of the toll, not a second toll; at least six beside a plain six is six', needsShared, () => {
  if (!hasShared) return;
  // «توفي ... شخص خامس ... بعد وفاة 4 آخرين» against «وفاة ستة أشخاص»: no disagreement
  assert.deepEqual(conflicts(analyzeStory(antStory(['JA-localNews-1750-20170224', 'JA-society-420-20170224'])).numbers), []);
  // London Bridge: «ستة أشخاص على الأقل» and «لقي ستة أشخاص حتفهم» on 4 June, «7 أشخاص قتلوا» the next day: a revised toll
  const london = analyzeStory(antStory(['JA-internationalNews-1004-20170604', 'JA-internationalNews-1084-20170604', 'JA-internationalNews-1086-20170605']));
  assert.deepEqual(conflicts(london.numbers).filter((c) => c.startsWith('قتيل')), ['قتيل: 7 vs 6']);
});

test('ANT: the toll of an accident that happened on Friday evening is no revision of one that happened on Saturday morning', needsShared, () => {
  if (!hasShared) return;
  // the Belvedere truck: «الحادث ... وفاة شخص و إصابة 10 آخرين» (no day), «إصابة 8 آخرين ... في حادث المرور الذي جد صباح
  // اليوم السبت»; the Gafsa road: «جدّ مساء أمس الجمعة، حادث مرور قاتل ... وإصابة 4 آخرين», all published on 11 March
  const ids = ['JA-localNews-2633-20170311', 'JA-society-577-20170311', 'JA-localNews-2646-20170311', 'JA-society-578-20170311'];
  const injured = conflicts(analyzeStory(antStory(ids)).numbers).filter((c) => c.startsWith('جريح'));
  assert.deepEqual(injured, ['جريح: 10 vs 8']);
});

test('the conflict gold (eval/data/numbers-conflicts.json): no held-out article, no article in two stories, each value given by an article of its story', async () => {
  const { readFileSync } = await import('node:fs');
  const { isHeldOutAnt } = await import('../../eval/ant.js');
  const { repoRoot } = await import('../helpers/shared.js');
  const gold = JSON.parse(readFileSync(join(repoRoot, 'eval', 'data', 'numbers-conflicts.json'), 'utf8')) as {
    stories: { id: string; split: string; articles: string[]; candidates?: number; conflicts: { values: { value: number; articles: string[] }[] }[] }[];
  };
  // the stories stage's held-out window (8-10 March 2017), grouped by hand
  const { ANT_HELD_OUT } = await import('../../eval/stories.js');
  const window = new Set((JSON.parse(readFileSync(join(repoRoot, 'eval', 'data', ANT_HELD_OUT.file), 'utf8')) as { groups: string[][] }).groups.flat());
  assert.ok(window.size > 0);
  const seen = new Map<string, string>();
  for (const s of gold.stories) {
    for (const id of s.articles) {
      assert.equal(isHeldOutAnt(id, null), false, `${s.id}: ${id} is of the held-out days`);
      assert.equal(window.has(id), false, `${s.id}: ${id} is of the stories' held-out window`);
      assert.equal(seen.get(id), undefined, `${id} is in ${seen.get(id)} and ${s.id}`);
      seen.set(id, s.id);
    }
    for (const c of s.conflicts) {
      assert.ok(c.values.length >= 2 && new Set(c.values.map((v) => v.value)).size === c.values.length, `${s.id}: a conflict of one value`);
      for (const v of c.values) for (const id of v.articles) assert.ok(s.articles.includes(id), `${s.id}: ${id} is no article of the story`);
    }
    // the fresh stories: every candidate pair was judged, so they say how many, more than their conflicts
    if (s.id.startsWith('f')) assert.ok(s.split === 'dev' && (s.candidates ?? 0) > s.conflicts.length, `${s.id}: judged pairs`);
  }
  assert.ok(gold.stories.filter((s) => s.id.startsWith('f')).reduce((n, s) => n + (s.candidates ?? 0), 0) >= 40);
});
