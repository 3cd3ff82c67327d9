// normalize, tokenize, sentences, stem, stop words, analyze on real seed sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, countWords, forEachTerm, isStopword, splitWords, normalize, sentences, stem, tokenize } from '../../src/text/index.js';
import { loadSeeds, needsShared, readJsonl } from '../helpers/shared.js';

// Inline sentences copied from ../shared/seeds (000 and 002), so the suite tests something without ../shared.
const SEED_000 = 'قال وزير الخارجية التركي مولود تشاووش أوغلو، أمس، إن بلاده وروسيا تمتلكان إرادة مشتركة لتطهير الأراضي السورية من كافة المنظمات الإرهابية. عقب مباحثات تركية روسية تركية روسية إنطلقت أمس في العاصمة الروسية موسكو، بمشاركة وزراء خارجية ودفاع البلدين ومسؤولين رفيعين، لمناقشة التطورات في سوريا.\nوأكد تشاووش أوغلو في مؤتمر صحفي مع نظيره الروسي سيرغي لافروف.';

const stemOf = (w: string): string => stem(normalize(w));

test('normalize folds the letters the issue lists and keeps plain words as they are', () => {
  assert.equal(normalize('إِنَّ'), 'ان');
  assert.equal(normalize('أوغلو'), 'اوغلو');
  assert.equal(normalize('آستانا'), 'استانا');
  assert.equal(normalize('مصطفى'), 'مصطفي');
  assert.equal(normalize('السورية'), 'السوريه');
  assert.equal(normalize('مسؤول'), normalize('مسئول'));
  assert.equal(normalize('روبرـــــت'), 'روبرت');
  assert.equal(normalize('١٢٣٤ ۱۲۳'), '1234 123');
  assert.equal(normalize('پوتین'), 'بوتين');
  assert.equal(normalize('سو\u200cريا\u200f'), 'سوريا');
  assert.equal(normalize('a\u00a0b'), 'a b');
  assert.equal(normalize('ﻻ'), 'لا');
  assert.equal(normalize('موسكو'), 'موسكو');
  assert.equal(normalize(''), '');
});

test('normalize agrees with the Lucene normalization vectors', needsShared, () => {
  const cases = readJsonl<{ input: string; expected: string }>('data/lucene-arabic-vectors/normalization.jsonl');
  assert.ok(cases.length > 10);
  for (const c of cases) assert.equal(normalize(c.input), c.expected, c.input);
});

test('tokenize keeps offsets, harakat inside words, numbers with separators, Latin runs', () => {
  const s = 'قُتل ١٬٥٠٠ جنديٍّ و3.5 مليار، COVID-19 «نعم»';
  const toks = tokenize(s);
  for (const t of toks) assert.equal(s.slice(t.start, t.end), t.text);
  const kinds = toks.map((t) => `${t.kind}:${t.norm}`);
  assert.deepEqual(kinds, [
    'word:قتل', 'number:1500', 'word:جندي', 'word:و', 'number:3.5', 'word:مليار', 'punct:،',
    'latin:covid', 'punct:-', 'number:19', 'punct:«', 'word:نعم', 'punct:»',
  ]);
});

test('sentences split a seed paragraph and keep offsets', () => {
  const ss = sentences(SEED_000);
  assert.equal(ss.length, 3);
  for (const x of ss) assert.equal(SEED_000.slice(x.start, x.end), x.text);
  assert.ok(ss[0]!.text.endsWith('الإرهابية.'));
  assert.ok(ss[2]!.text.startsWith('وأكد'));
});

test('sentences keep quotes, decimals and abbreviations whole, but a stray quote cannot swallow the text', () => {
  const quoted = 'وقال لافروف: «اتفقنا على التنسيق. سنواصل العمل» وأضاف أن المحادثات بناءة. ثم غادر.';
  assert.deepEqual(sentences(quoted).map((x) => x.text), [
    'وقال لافروف: «اتفقنا على التنسيق. سنواصل العمل» وأضاف أن المحادثات بناءة.', 'ثم غادر.',
  ]);
  assert.equal(sentences('ارتفع النمو إلى 3.5 في المئة. وقال د. أحمد إن ذلك جيد.').length, 2);
  const stray = 'قال «هذا بداية. ' + 'جملة أخرى. '.repeat(400);
  assert.ok(sentences(stray).length > 300);
  assert.equal(sentences('سطر أول «بلا إغلاق\nسطر ثان').length, 2);
});

test('stem gives one stem to a noun with and without article and clitics', () => {
  const same = (ws: string[]): void => {
    const stems = new Set(ws.map(stemOf));
    assert.equal(stems.size, 1, `${ws.join(' ')} → ${[...stems].join(' ')}`);
  };
  same(['السوريين', 'السوريون', 'سوريون', 'سوري', 'السورية']);
  same(['المحادثات', 'محادثات', 'والمحادثات']);
  same(['القوات', 'للقوات', 'قوات', 'وقوات']);
  same(['الأمريكية', 'أمريكية', 'الأميركية']);
  same(['الوزير', 'وزير', 'ووزير', 'والوزير']);
  same(['اللجنة', 'للجنة', 'لجنة']);
  same(['الالتزام', 'التزام', 'بالتزام']);
  // A ة is written ت before a pronoun (ANT June: "بعد المقاطعة" and "بعد مقاطعتها"; ANT March: "رحلته").
  same(['المقاطعة', 'مقاطعة', 'مقاطعتها']);
  same(['الرحلة', 'رحلة', 'رحلته']);
  same(['الحكومة', 'حكومتها', 'حكومته']);
  // … but not the ت of a plural or of a short word.
  assert.equal(stemOf('قواته'), stemOf('القوات'));
  assert.equal(stemOf('بيته'), 'بيت');
  assert.equal(stemOf('صوتها'), 'صوت');
});

test('stem avoids the classic Light-10 errors', () => {
  assert.equal(stemOf('وزير'), 'وزير');
  assert.equal(stemOf('سوريا'), 'سوريا');
  assert.notEqual(stemOf('سوريا'), stemOf('سور'));
  assert.equal(stemOf('بوتين'), 'بوتين');
  assert.equal(stemOf('لبنان'), 'لبنان');
  assert.equal(stemOf('كانون'), 'كانون');
  assert.equal(stemOf('واشنطن'), 'واشنطن');
  assert.equal(stemOf('ألمانيا'), 'المانيا');
  assert.equal(stem('English'), 'English');
  assert.equal(stem(''), '');
});

test('stop words come from the normalized list', () => {
  for (const w of ['في', 'من', 'على', 'التي', 'الذين', 'إن', 'أن']) assert.ok(isStopword(normalize(w)), w);
  for (const w of ['موسكو', 'سوريا', 'أمس', 'ألف', 'مليون', 'لقاء']) assert.ok(!isStopword(normalize(w)), w);
  // كافة ("all") is a quantifier like جميع; kept, its stem كاف was the town of الكاف (seed 000's sentence).
  assert.deepEqual(analyze('لتطهير الأراضي السورية من كافة المنظمات الإرهابية', { stem: true }), ['لتطهير', 'اراضي', 'سوري', 'منظم', 'ارهابي']);
  assert.deepEqual(analyze('الكاف : أضرار كبيرة', { stem: true }), ['كاف', 'اضرار', 'كبير']);
  // A detached و (ANT headline "أمطار .. رياح قوية.. و انخفاض في درجات الحرارة") is the conjunction, not a term.
  assert.deepEqual(analyze('رياح قوية.. و انخفاض في درجات الحرارة', { stem: true }), ['رياح', 'قوي', 'انخفاض', 'درج', 'حرار']);
});

test('analyze returns the normalized, optionally stemmed terms without stop words', () => {
  assert.deepEqual(analyze('قال وزير الخارجية التركي مولود تشاووش أوغلو، أمس'),
    ['وزير', 'الخارجيه', 'التركي', 'مولود', 'تشاووش', 'اوغلو', 'امس']);
  assert.deepEqual(analyze('وزراء خارجية ودفاع البلدين', { stem: true }), ['وزراء', 'خارجي', 'دفاع', 'بلد']);
  assert.deepEqual(analyze('في موسكو', { stopwords: false }), ['في', 'موسكو']);
  assert.deepEqual(analyze('English text. ١٢٣٤'), ['english', 'text', '1234']);
});

// The analyzer's own scanning loop and word cache must give exactly what tokenize() + stem() give,
// for strings and for UTF-8 bytes (khabar analyze reads bytes), on news text and on hostile strings.
function termsViaTokenize(s: string, doStem: boolean): string[] {
  const out: string[] = [];
  for (const t of tokenize(s)) {
    if (t.kind === 'word') { if (!isStopword(t.norm)) out.push(doStem ? stem(t.norm) : t.norm); }
    else if (t.kind === 'number' || t.kind === 'latin') out.push(t.norm);
  }
  return out;
}
function termsOfBytes(s: string, doStem: boolean): string[] {
  const out: string[] = [];
  forEachTerm(Buffer.from(s, 'utf8'), { stem: doStem }, (t) => { out.push(t); });
  return out;
}

test('analyze of a string or of its UTF-8 bytes gives what tokenize and stem give', () => {
  const texts = [SEED_000, 'ﷲ أكبر ﻻ إله، F16 café 😀 𝐀𝐁c ١٬٥٠٠ و3,5 \u200cسوريا\u200c ـــ \u064e', 'abc \ud800 def \udc00 x\u0000y'];
  for (const s of texts) {
    for (const doStem of [false, true]) {
      const expected = termsViaTokenize(s, doStem);
      assert.deepEqual(analyze(s, { stem: doStem }), expected, s.slice(0, 30));
      // Lone surrogates cannot survive UTF-8; compare bytes on the well-formed strings only.
      if (Buffer.from(s, 'utf8').toString('utf8') === s) assert.deepEqual(termsOfBytes(s, doStem), expected, s.slice(0, 30));
    }
  }
  // Ill-formed bytes are decoded as TextDecoder does (U+FFFD), not dropped or thrown on.
  const bad = Buffer.concat([Buffer.from('موسكو '), Buffer.from([0xd8, 0x20, 0xff, 0xc0, 0x80]), Buffer.from(' أنقرة')]);
  const terms: string[] = [];
  forEachTerm(bad, {}, (t) => { terms.push(t); });
  assert.deepEqual(terms, termsViaTokenize(new TextDecoder().decode(bad), false));
  assert.deepEqual(terms, ['موسكو', 'انقره']);
});

test('countWords counts whitespace-separated runs holding a letter or digit', () => {
  const byRegex = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const texts = [SEED_000, '', '  ، . — «» ', 'ـــ ½ ² 𝐀 😀 a-b \ufeffكلمة\u00a0أخرى \ud800 x'];
  for (const s of texts) assert.equal(countWords(s), byRegex(s), JSON.stringify(s.slice(0, 20)));
  assert.equal(countWords('قال وزير الخارجية ، أمس'), 4);
});

test('splitWords gives the runs of letters and digits, as the Unicode regex split does', () => {
  const byRegex = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const texts = [SEED_000, normalize(SEED_000), '', '«»،.', 'ـــ ½x ² ١٢٣ ३४ 𝐀𝐁c 😀a İstanbul ΣΑΣ ﷲ \ud800x y\udc00 é e\u0301 50% F-16 ℃ Ⅻ'];
  for (const s of texts) assert.deepEqual(splitWords(s), byRegex(s), JSON.stringify(s.slice(0, 20)));
});

test('seed articles analyze with matching stems across outlets', needsShared, () => {
  const seeds = loadSeeds();
  assert.equal(seeds.length, 5);
  for (const seed of seeds) {
    const ss = sentences(seed.text);
    assert.ok(ss.length >= 3, seed.id);
    for (const x of ss) assert.equal(seed.text.slice(x.start, x.end), x.text);
    const toks = tokenize(seed.text);
    for (const t of toks) assert.equal(seed.text.slice(t.start, t.end), t.text);
  }
  for (const seed of seeds) {
    assert.deepEqual(analyze(seed.text, { stem: true }), termsViaTokenize(seed.text, true), seed.id);
    assert.deepEqual(termsOfBytes(seed.text, true), termsViaTokenize(seed.text, true), seed.id);
  }
  const all = seeds.map((s) => new Set(analyze(s.text, { stem: true })));
  // Every one of the four Moscow-talks reports mentions Syria and Moscow under the same stems.
  for (const terms of all.slice(0, 4)) {
    assert.ok(terms.has('موسكو'));
    assert.ok(terms.has('سوريا') || terms.has('سوري'));
  }
});

test('bad input goes through every function without throwing', () => {
  const inputs = ['', '   ', '...!!؟؟', 'abc \ud800 def \udc00', 'مرحبا\u0000world😀', '«'.repeat(5000), 'ـــــ', '\u064e\u064f'];
  for (const s of inputs) {
    normalize(s); tokenize(s); sentences(s); analyze(s, { stem: true });
    for (const t of tokenize(s)) stem(t.norm);
  }
  const big = 'قال «الوزير إن 3.5 مليون. '.repeat(400_000); // ~10 MB, no newline, unbalanced quotes
  assert.ok(big.length > 10_000_000);
  assert.ok(sentences(big).length > 1000);
  assert.ok(analyze(big).length > 1_000_000);
  assert.ok(normalize(big).length > 9_000_000);
});
