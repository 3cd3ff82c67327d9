// Number words and dates on phrases taken from the seed articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers, parseDates, parseNumber } from '../../src/text/index.js';
import { loadSeeds, needsShared } from '../helpers/shared.js';

test('parseNumber reads number words, mixed forms and hedges from the seeds', () => {
  const cases: Array<[string, number, boolean]> = [
    ['ألفي جندي', 2000, false], ['2000 عنصر', 2000, false], ['360 ألف قتيل', 360000, false],
    ['نحو 50 جندي', 50, true], ['مليون ونصف', 1500000, false], ['ثلاثة آلاف', 3000, false],
    ['أكثر من 100 شخص', 100, true], ['قرابة ألفين', 2000, true], ['عشرات القتلى', 10, true],
    ['عشرات الآلاف', 10000, true], ['3.5 مليار دولار', 3.5e9, false], ['١٬٥٠٠', 1500, false], ['1,500', 1500, false],
    ['اثني عشر مليار', 12e9, false], ['بألفين ومائتين درهم', 2200, false], ['ثلاث مئة وواحد', 301, false],
    ['مئتي مقاتل', 200, false], ['مليونين', 2e6, false], ['50 تقريبا', 50, true],
  ];
  for (const [s, value, approximate] of cases) assert.deepEqual(parseNumber(s), { value, approximate }, s);
  assert.equal(parseNumber('لا أرقام هنا'), null);
  assert.equal(parseNumber(''), null);
});

test('findNumbers keeps offsets and does not add up an enumeration', () => {
  const s = 'قتل 5 و 17 جريحا في 2018';
  const ms = findNumbers(s);
  assert.deepEqual(ms.map((m) => m.value), [5, 17, 2018]);
  for (const m of ms) assert.equal(s.slice(m.start, m.end), m.text);
});

test('parseDates resolves the seed date expressions against the publication date', () => {
  const ref = '2018-12-29';
  const one = (s: string): [string, string, string] => {
    const d = parseDates(s, ref);
    assert.equal(d.length, 1, `${s}: ${JSON.stringify(d)}`);
    return [d[0]!.start, d[0]!.end, d[0]!.granularity];
  };
  assert.deepEqual(one('قال الوزير أمس'), ['2018-12-28', '2018-12-28', 'day']);
  assert.deepEqual(one('في كانون الثاني/يناير 2017'), ['2017-01-01', '2017-01-31', 'month']);
  assert.deepEqual(one('أيلول/سبتمبر الماضي'), ['2018-09-01', '2018-09-30', 'month']);
  assert.deepEqual(one('يوم 19 ديسمبر الجاري'), ['2018-12-19', '2018-12-19', 'day']);
  assert.deepEqual(one('السبت'), ['2018-12-29', '2018-12-29', 'day']);
  assert.deepEqual(one('الخميس'), ['2018-12-27', '2018-12-27', 'day']);
  assert.deepEqual(one('الأسبوع الماضي'), ['2018-12-17', '2018-12-23', 'week']);
  assert.deepEqual(one('مطلع العام المقبل'), ['2019-01-01', '2019-03-31', 'month']);
  assert.deepEqual(one('مطلع العام 2019'), ['2019-01-01', '2019-03-31', 'month']);
  assert.deepEqual(one('فيفري 2011'), ['2011-02-01', '2011-02-28', 'month']);
  assert.deepEqual(one('منذ عامين'), ['2016-01-01', '2016-12-31', 'year']);
  assert.deepEqual(one('في 5 رمضان 1440'), ['2019-05-10', '2019-05-10', 'day']);
  assert.deepEqual(parseDates('وصل الاثنين إلى موسكو', ref), []);
  assert.deepEqual(parseDates('في 2016/02/22', 'not a date').map((d) => d.start), ['2016-02-22']);
  assert.deepEqual(parseDates('أمس', ''), []);
});

test('seed articles: dates resolve near the publication date, offsets point into the text', needsShared, () => {
  let withDates = 0;
  for (const seed of loadSeeds()) {
    const ds = parseDates(seed.text, seed.published);
    if (ds.length) withDates++;
    for (const d of ds) {
      assert.equal(seed.text.slice(d.startOffset, d.endOffset), d.text);
      assert.ok(d.start <= d.end);
    }
    const yesterday = ds.find((d) => d.text === 'أمس');
    if (yesterday) assert.ok(yesterday.start < seed.published);
    for (const n of findNumbers(seed.text)) assert.equal(seed.text.slice(n.start, n.end), n.text);
  }
  // 000–003 carry dated expressions (أمس، السبت، 19 ديسمبر الجاري, …); 004 may have none.
  assert.ok(withDates >= 4, `only ${withDates} seeds with dates`);
});

test('a per-cent word after a number is no hundred; accusative ألفا multiplies', () => {
  // ANT (JA-diverse-186-20170317) and the Recognizers-Text PercentModel spec (١٠ بالمائة).
  const ant = 'فإن خطر الإصابة بالسكتة القلبية يزداد بنسبة 50 بالمائة بتناول ديكلوفيناك';
  assert.deepEqual(findNumbers(ant).map((m) => [m.text, m.value]), [['50', 50]]);
  assert.deepEqual(findNumbers('احتمال نزول المطر ١٠ بالمائة.').map((m) => m.value), [10]);
  assert.deepEqual(findNumbers('ارتفعت الأسعار بنسبة ستين بالمئة').map((m) => m.value), [60]);
  assert.deepEqual(parseNumber('ستون ألفا'), { value: 60000, approximate: false });
  assert.deepEqual(parseNumber('ثلاث مئة'), { value: 300, approximate: false });
  assert.deepEqual(parseNumber('مئتا مراقب'), { value: 200, approximate: false });
});

test('a relative day with the weekday after it (اليوم السبت) is one date: that weekday, nearest the relative day', () => {
  const dates = (s: string, ref: string): string[][] => parseDates(s, ref).map((d) => [d.start, d.text]);
  // ANT (Jawhara FM), dated 21 June 2017 without an hour: the match was played on Tuesday the 20th. Read as two
  // expressions, the story's timeline listed the sentence on the 20th and again on the 21st.
  const match = 'حقق النادي الافريقي انتصارا مثيرا امام ضيفه الفتح الرباطي المغربي بهدفين لهدف في المباراة التي جمعتهما اليوم الثلاثاء في ملعب رادس';
  assert.deepEqual(dates(match, '2017-06-21'), [['2017-06-20', 'اليوم الثلاثاء']]);
  // The sample's Vienna ceasefire (samples/corpus), as a copy dated the next day reads it.
  assert.deepEqual(dates('اتفق وزيرا خارجية تارانيا وكوروفيا، اليوم السبت، على وقف شامل لإطلاق النار', '2026-03-15'), [['2026-03-14', 'اليوم السبت']]);
  assert.deepEqual(dates('واتفق الوزيران أمس السبت على وقف شامل لإطلاق النار', '2026-03-15'), [['2026-03-14', 'أمس السبت']]);
  assert.deepEqual(dates('وقررت المحافظة تعليق الدوام في المدارس اليوم السبت وغدا الأحد.', '2025-11-08'),
    [['2025-11-08', 'اليوم السبت'], ['2025-11-09', 'وغدا الأحد']]);
  // Without a weekday after it, اليوم is the reference day.
  assert.deepEqual(dates('يلتقي المنتخبان اليوم في ملعب رادس', '2017-06-21'), [['2017-06-21', 'اليوم']]);
});

test('a weekday in a sentence about what will happen is the coming one; الأسبوع الماضي is a week, no precise day', () => {
  const days = (s: string, ref: string) => parseDates(s, ref).map((d) => `${d.start}/${d.granularity}`);
  // sample A (وكالة الرافد, Saturday 14 March 2026): the ceasefire "يدخل حيز التنفيذ عند منتصف ليل الأحد"
  assert.deepEqual(days('اتفق وزيرا خارجية تارانيا وكوروفيا على وقف شامل لإطلاق النار يدخل حيز التنفيذ عند منتصف ليل الأحد.', '2026-03-14'), ['2026-03-15/day']);
  // sample B (Saturday 8 November 2025): a forecast till Sunday evening
  assert.deepEqual(days('بحسب دائرة الأرصاد الجوية التي توقعت استمرار الحالة الجوية حتى مساء الأحد.', '2025-11-08'), ['2025-11-09/day']);
  assert.deepEqual(days('وسيلتقي الوفدان يوم الخميس في موسكو.', '2018-12-29'), ['2019-01-03/day']);
  // what happened stays in the past, and the future of one sentence does not reach the next
  assert.deepEqual(days('دخل وقف إطلاق النار حيز التنفيذ منتصف ليل الأحد.', '2026-03-15'), ['2026-03-15/day']);
  assert.deepEqual(days('ومن المقرر أن تبدأ المفاوضات. واجتمع الوزراء الأحد.', '2026-03-14'), ['2026-03-08/day']);
  const week = parseDates('بعد إعلان واشنطن الأسبوع الماضي قرارها سحب قواتها', '2018-12-29');
  assert.deepEqual(week.map((d) => [d.start, d.end, d.granularity]), [['2018-12-17', '2018-12-23', 'week']]);
});
