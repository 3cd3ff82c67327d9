// The learned decision over the rules' quotes (src/analysis/quotes/learned.ts): the shipped weights are what
// `npm run train -- quotes` fits from our annotations, a broken model file is refused with its name and the reason, and
// the speaker noun-phrase rules seen failing on the third fresh batch hold on its real sentences (ANT, Apache-2.0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsShared } from '../helpers/shared.js';
import { fitModel, trainingDocs } from '../../train/quotes.js';
import { findQuotes, ruleQuotes } from '../../src/analysis/quotes/index.js';
import { applyQuoteModel, defaultQuoteModelPath, readQuoteModel, type QuoteModel } from '../../src/analysis/quotes/learned.js';

test('the shipped quote model is what npm run train -- quotes fits from the annotations', needsShared, async () => {
  const shipped = JSON.parse(readFileSync(defaultQuoteModelPath(), 'utf8')) as QuoteModel & { l2: number };
  const docs = await trainingDocs();
  assert.ok(docs.length >= 150, `${docs.length} annotated articles read`);
  const fitted = fitModel(docs, shipped.l2, shipped.threshold);
  // A change to the rules, the features or the gold makes the shipped weights stale: npm run train -- quotes.
  assert.deepEqual({ speaker: shipped.speaker, keep: shipped.keep }, { speaker: fitted.speaker, keep: fitted.keep }, 'data/quotes-model.json is stale: run npm run train -- quotes');
});

test('a broken quote model file is refused with its name and what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-quote-model-'));
  try {
    const good = readQuoteModel(defaultQuoteModelPath());
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"speaker": [', /cannot read the quote model .*not-json\.json/],
      ['short.json', JSON.stringify({ ...good, keep: good.keep.slice(1) }), /short\.json does not have the features/],
      ['threshold.json', JSON.stringify({ ...good, threshold: 1.5 }), /threshold\.json does not have .*threshold/],
    ];
    for (const [name, body, message] of cases) {
      writeFileSync(join(dir, name), body);
      assert.throws(() => readQuoteModel(join(dir, name)), message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the model decides between the rules\' speaker and the one speaking before, and drops what it does not trust', () => {
  // JA-internationalNews-437-20150627: أحد هذه المصادر is one of the sources named before
  const t = 'أفادت مصادر مطلعة من ملف الاعتداء اليوم السبت أن المشتبه به أرسل صورة مع رأس ضحيته. وأوضح أحد هذه المصادر أن الصورة أرسلت بواسطة خدمة "واتس أب" إلى رقم في أمريكا الشمالية.';
  const rules = ruleQuotes(t);
  assert.equal(rules.length, 2);
  assert.equal(rules[1]!.speaker, 'أحد هذه المصادر');
  const base = readQuoteModel(defaultQuoteModelPath());
  const zero = (n: number) => new Array<number>(n).fill(0);
  // a model that weighs only "shares a word with the rules' speaker": the antecedent wins
  const shares = zero(base.speaker.length); shares[base.speakerFeatures.indexOf('shares')] = 1;
  const picked = applyQuoteModel(t, rules, { ...base, speaker: shares, keep: zero(base.keep.length), threshold: 0 });
  assert.equal(picked[1]!.speaker, 'مصادر مطلعة من ملف الاعتداء');
  // a keep model whose bias says no: nothing is kept
  const no = zero(base.keep.length); no[0] = -10;
  assert.deepEqual(applyQuoteModel(t, rules, { ...base, keep: no, threshold: 0.5 }), []);
});

test('speaker noun phrases: علي as a name, a title with بال, a report of لل, a dateline (real sentences of ANT)', () => {
  const speakers = (t: string) => findQuotes(t).map((q) => q.speaker);
  // JA-technology-79-20170618
  assert.deepEqual(speakers('وحول هذا الاختراع قال الخبير الإيراني علي فتي: إستطاع النظام الذكي قيادة السيارة مسافة 25 كلم بنجاح، ودون أي تدخل بشري.'), ['الخبير الإيراني علي فتي']);
  // JA-politic-75-10112016
  assert.deepEqual(speakers('وأفاد المكلف بالإعلام في مجلس نواب الشعب، حسان الفطحلي، في تصريح لوكالة تونس افريقيا للأنباء، أن اللجنة المعنية تداولت بين أعضائها في إمكانية البث المباشر.'), ['المكلف بالإعلام في مجلس نواب الشعب حسان الفطحلي']);
  // JA-diverse-85-20161003
  assert.deepEqual(speakers('وأفاد تقرير للبنك الدولي نشر الأحد أن الفقر المدقع يتراجع بشكل ثابت بنسبة 12 بالمائة في العالم.'), ['البنك الدولي']);
  // JA-politic-45-11122016: the dateline is no speaker
  const d = speakers('تونس 11 ديسمبر 2016 (وات) - أكد بيان صادر بتاريخ 10 ديسمبر الجاري، تناقلته وسائل إعلام، انسحاب النائب مصطفى بن احمد من كتلة الحرة لمشروع تونس.');
  assert.ok(!d.some((s) => s?.includes('2016')), d.join(' / '));
});
