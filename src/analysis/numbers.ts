// Figures of one article: number mentions (src/text's findNumbers, repaired by numberMentions) and what each counts.
// The counted noun gives the unit (units.ts); a noun that says only "people" or "others" takes the unit its context
// gives (مقتل نحو أربعة آلاف شخص = 4000 killed, وفقد 5 آخرون = 5 missing, نزوح أكثر من مئة ألف من سكان = displaced);
// a number with no noun of its own takes the unit the word before it says (مقتل 29 وإصابة 24) or repeats the count
// before it in the sentence (أكثر من 5 آلاف قتيل ... تتحدث الأمم المتحدة عن 4 آلاف); a percentage (60 في المئة، ستين
// بالمئة) counts percent. Each figure also says how its words bound it (أكثر من، على الأقل، نحو) and, when it is no
// figure to hold against another article's, why (Aside): what quantities.ts needs to tell a disagreement.
import { findNumbers, isStopword, normalize, stem, tokenize, type NumberMention, type Token } from '../text/index.js';
import { GENERIC_COUNTED, UNIT_CONTEXT, unitOf, withoutTanwin } from './units.js';

/** Percent words after a number (normalized): بالمئة، بالمائة، المئة (after في). */
const PERCENT = new Set(['بالمءه', 'بالماءه', 'المءه', 'الماءه', 'مءه', 'ماءه', '%', '٪']);
const PERCENT_UNIT = unitOf('بالمءه');

/**
 * findNumbers with two repairs: no المئة of "60 في المئة" (the per-cent sign of the number before it, no number itself;
 * a lone مئة elsewhere is a hundred: قتل مئة شخص), and the Tunisian decimal comma ر read as one number: the digits before
 * ر are the decimals of the number after it (7ر3 درجة = 3.7، 267ر205 مليون دينار = 205.267 million).
 */
export function numberMentions(text: string): NumberMention[] {
  const all = findNumbers(text);
  const out: NumberMention[] = [];
  all.forEach((n, i) => {
    const prev = all[i - 1];
    if (prev) {
      const toks = tokenize(n.text).filter((t) => t.kind === 'word' || t.kind === 'number');
      if (toks.length === 1 && PERCENT.has(toks[0]!.norm) && /^\s*(?:في|فى)\s*$/.test(text.slice(prev.end, n.start))) return;
      const decimals = /^\d+$/.test(prev.text) ? /^\d+/.exec(n.text) : null;
      if (decimals && text.slice(prev.end, n.start) === 'ر' && out[out.length - 1] === prev) {
        const whole = Number(decimals[0]);
        const scale = whole ? n.value / whole : 1;
        out[out.length - 1] = { value: Number(((whole + Number(`0.${prev.text}`)) * scale).toPrecision(12)), approximate: prev.approximate || n.approximate, text: text.slice(prev.start, n.end), start: prev.start, end: n.end };
        return;
      }
    }
    out.push(n);
  });
  return out;
}

/** A word as the context lexicons see it: normalized, without و/ف/ب/ل and the article. */
function bare(norm: string): string {
  let w = norm;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  if (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل')) w = w.slice(1);
  if (w.length > 4 && w.startsWith('ال')) w = w.slice(2);
  return w;
}

/** How the text bounds a figure: أكثر من 50 ('more'), 50 على الأقل or ما لا يقل عن 50 ('least'), لم يتجاوز 50 or أقل من 50
 * ('less': at most), نحو 50 ('about'). */
export type Bound = 'more' | 'least' | 'less' | 'about';

/**
 * Why a figure is not held against another article's figure for the same unit: 'vague' (عشرات الجرحى), 'part' (a part of
 * a count given elsewhere: بينهم 5 أطفال، 4 منهم، غادر 8 جرحى المستشفى، 21 مصابا في حالة حرجة، المصابين الثلاثة), 'list'
 * (one of several values of its unit in its sentence: a table, a range, a comparison of years), 'duration' (ages and
 * spans of time), 'rate' (5 قتلى يوميا، 150 أسيرا من كل جانب), 'generic' (people of unknown kind: 3 أشخاص), 'name' (a
 * number that counts nothing: الدور 32 من البطولة، 2 النجم، الفصل 92، المصنف 81 عالميا، الساعة 13.00).
 */
export type Aside = 'vague' | 'part' | 'list' | 'duration' | 'rate' | 'generic' | 'name';

export interface Counted {
  value: number;
  approximate: boolean;
  /** The number and its counted noun as written. */
  text: string;
  unit: string;
  start: number;
  bound?: Bound;
  aside?: Aside;
  /** Content stems next to the figure in its sentence (two words before it, one after its noun): what it is a count
   * of, when the unit alone does not say (حزبا سياسيا، دولة افريقية، نسبة المشاركة). */
  context: string[];
  /** The period the figure counts over when its words name one: since a point (منذ بداية العام، منذ جانفي: 'since:…')
   * or a window (خلال 24 ساعة، خلال الأسبوع: 'window:…'). A count of one window is no count of the whole. */
  period?: string;
}

/** Words on each side of a generic count that may say what it counts (أودت بحياة سبعة أشخاص، لقي 12 شخصا حتفهم). */
const CONTEXT_BEFORE = 3, CONTEXT_AFTER = 2;
/** Units of time: a number that counts them inside a date expression is a duration as well. */
const DURATION_UNITS = new Set(['عام', 'شهر', 'يوم', 'ساعة', 'دقيقة', 'أسبوع']);
/** How far after the number its counted noun may be (in characters). */
const NOUN_REACH = 40;
/** How far around a figure its qualifiers are looked for (in characters, within its sentence). */
const QUALIFIER_REACH = 50;

/**
 * What each number counts. `mentions` are the article's number mentions in text order, `sentenceOf` maps an offset to
 * its sentence index, `inDate` tells the numbers that are part of a date expression. Numbers that count nothing (no
 * noun, none before them in the sentence) and numbers of dates that are no duration are left out. Each figure says how
 * its text bounds it and, when it is no figure to hold against another article's, why (Aside).
 */
export function countedNumbers(text: string, mentions: NumberMention[], sentenceOf: (offset: number) => number,
  inDate: (n: NumberMention) => boolean = () => false, sentenceText?: (sentence: number) => string): (Counted & { sentence: number })[] {
  const out: (Counted & { sentence: number })[] = [];
  let prev: { unit: string; sentence: number; value: number } | null = null;
  const push = (n: NumberMention, end: number, unit: string, sentence: number, aside?: Aside) => {
    const c = { value: n.value, approximate: n.approximate, text: text.slice(n.start, end), unit, start: n.start, sentence, ...qualifiers(text, n, end, unit) };
    if (aside) c.aside = aside;
    out.push(c);
  };
  for (const n of mentions) {
    const sentence = sentenceOf(n.start);
    // واحد/واحدة after a noun is its adjective, no count (من عائلة واحدة، في ليلة واحدة)
    if (n.value === 1 && !/\d/.test(n.text) && /[\p{L}]\s+$/u.test(text.slice(Math.max(0, n.start - 2), n.start))) continue;
    // a number inside a date is part of the date (14 آذار، العام 2011), unless it counts time (منذ ستّ سنوات)
    if (inDate(n)) {
      const noun = tokenize(text.slice(n.end, n.end + NOUN_REACH))[0];
      const unit = noun && noun.kind === 'word' ? unitOf(noun.norm) : null;
      if (unit && DURATION_UNITS.has(unit)) push(n, n.end + noun.end, unit, sentence);
      continue;
    }
    // a number word with the article follows what it counts (الدول الثلاث، البلدان الأربعة): it names a set the text
    // has counted already, or a part of one (المصابين الثلاثة)
    if (/^[وف]?ال/.test(normalize(n.text)) && n.value < 100) {
      const w0 = Math.max(0, n.start - NOUN_REACH);
      const before = tokenize(text.slice(w0, n.start));
      const noun = before[before.length - 1];
      if (noun && noun.kind === 'word' && !FUNCTION_WORDS.has(noun.norm)) {
        const unit = unitOf(noun.norm);
        const c = { value: n.value, approximate: n.approximate, text: text.slice(w0 + noun.start, n.end), unit, start: n.start, sentence, aside: 'part' as const, context: [] };
        out.push(c);
        prev = { unit, sentence, value: n.value };
      }
      continue;
    }
    const after = tokenize(text.slice(n.end, n.end + NOUN_REACH));
    // a percentage: 60 في المئة، ستين بالمئة، 60%
    const pct = after[0] && PERCENT.has(after[0].norm) ? after[0] : after[0]?.norm === 'في' && after[1] && PERCENT.has(after[1].norm) ? after[1] : null;
    if (pct) {
      push(n, n.end + pct.end, PERCENT_UNIT, sentence);
      prev = { unit: PERCENT_UNIT, sentence, value: n.value };
      continue;
    }
    // the noun right after the number, past a partitive من (مئة ألف من سكان الإقليم; 17 من المصابين is a part of them)
    let noun: Token | undefined = after[0];
    let partitive = false;
    if (noun && noun.norm === 'من' && n.value >= 10 && after[1]?.kind === 'word') { noun = after[1]; partitive = true; }
    let end = n.end;
    let unit: string | null = null;
    let aside: Aside | undefined;
    if (noun && noun.kind === 'word' && PART_NOUN.has(noun.norm)) {
      // 4 منهم، 3 منها: a part of what the sentence counted before
      if (prev && prev.sentence === sentence) push(n, n.end + noun.end, prev.unit, sentence, 'part');
      continue;
    }
    if (noun && noun.kind === 'word' && !FUNCTION_WORDS.has(noun.norm)) {
      unit = unitOf(noun.norm);
      end = n.end + noun.end;
      if (GENERIC_COUNTED.has(unit)) {
        const said = contextUnit(text, n.start, end);
        // "others" of what the sentence already counted are a part of its toll (توفي شخص خامس بعد وفاة 4 آخرين: five
        // dead, not four); others of another kind are a whole (وفاة رجل وإصابة 11 آخرين: eleven injured)
        if (said && unit === GENERIC_OTHERS && saidBefore(text, n.start, said.at, said.unit)) aside = 'part';
        unit = said?.unit ?? (unit === GENERIC_OTHERS && prev && prev.sentence === sentence && comparable(prev.value, n.value) ? prev.unit : unit);
      }
      // a count is followed by an indefinite noun (tamyiz); a definite one means the number is a name or a table cell
      // (الدور 32 من البطولة، 2 النجم), except after a partitive من, where it is a part of a toll (17 من المصابين)
      if (/^[وفبل]?ال/.test(noun.norm)) aside ??= partitive && CASUALTY_UNITS.has(unit) ? 'part' : 'name';
    } else {
      // no noun: the word before says what happened to whom (مقتل 29 وإصابة 24 على الأقل), else the number repeats the
      // count before it ("... 5 آلاف قتيل ... عن 4 آلاف")
      const before = tokenize(text.slice(Math.max(0, n.start - 20), n.start)).filter((t) => t.kind === 'word');
      const w = before[before.length - 1];
      const said = w ? UNIT_CONTEXT.get(bare(w.norm)) ?? UNIT_CONTEXT.get(w.norm) : undefined;
      if (said) unit = said;
      else if (prev && prev.sentence === sentence && comparable(prev.value, n.value)) unit = prev.unit;
    }
    if (!unit) continue;
    push(n, end, unit, sentence, aside);
    prev = { unit, sentence, value: n.value };
  }
  markLists(text, mentions, out, sentenceText ?? ((i) => { const at = out.find((c) => c.sentence === i)!.start; return text.slice(Math.max(0, at - 200), at + 300); }));
  return out;
}

/** Units whose count is a toll of the story's event: what they count is the event itself, not something the words
 * around them must name. */
export const CASUALTY_UNITS = new Set(['قتيل', 'جريح', 'مفقود', 'أسير', 'لاجئ']);

/** The words (and numbers) around [start, end): QUALIFIER_REACH characters on each side, cut at the sentence's end. */
function wordsAround(text: string, start: number, end: number): { before: Token[]; after: Token[] } {
  const head = tokenize(text.slice(Math.max(0, start - QUALIFIER_REACH), start));
  let from = 0;
  head.forEach((t, i) => { if (t.kind === 'punct' && /[.!?؟\n]/.test(t.text)) from = i + 1; });
  const tail = tokenize(text.slice(end, end + QUALIFIER_REACH));
  const stop = tail.findIndex((t) => t.kind === 'punct' && /[.!?؟\n]/.test(t.text));
  const words = (ts: Token[]) => ts.filter((t) => t.kind === 'word' || t.kind === 'number');
  return { before: words(head.slice(from)), after: words(stop >= 0 ? tail.slice(0, stop) : tail) };
}

const N = (ws: string[]) => new Set(ws.map(normalize));
/** أكثر من، أزيد من، ما يزيد عن، يربو على، يفوق، يتجاوز before a figure. */
const MORE_PAIR = N(['أكثر', 'أزيد', 'يزيد', 'يربو']);
const MORE_ONE = N(['يفوق', 'تفوق', 'يتجاوز', 'تتجاوز', 'تجاوز', 'فاق', 'يتعدى', 'تتعدى']);
/** لم، لا، لن before those: the figure is an upper bound. */
const NEGATION = N(['لم', 'لا', 'لن', 'ولم', 'ولا']);
/** أقل من، ما دون before a figure: an upper bound. */
const LESS_PAIR = N(['أقل', 'اقل']);
/** بينهم 5، منهم 4، من بين 8: a part of a count given around it. */
const PART_BEFORE = N(['منهم', 'بينهم', 'منها', 'بينها', 'ضمنهم', 'وبينهم', 'ومنهم']);
/** 3 مصابين من بين جرحى الحادث، 8 جرحى من الذين أصيبوا: a part (but 11 جريحا من بينهم 3 أطفال is the whole). */
const PART_AFTER_MIN = N(['بين', 'الذين', 'اللذين', 'اللواتي', 'جملة', 'مجموع', 'أصل']);
/** A number followed by these counts a part of what came before it: 4 منهم. */
const PART_NOUN = N(['منهم', 'منها', 'منهما']);
/** Hospital moves count some of the injured: غادر 8 جرحى المستشفى، نقل 3 مصابين. */
const MOVE_BEFORE = N(['غادر', 'غادرت', 'غادروا', 'نقل', 'تحويل', 'وغادر', 'ونقل']);
const STATE = N(['حالة', 'حالتهم', 'حالتها', 'حالاتهم']);
const GRAVE = N(['حرجة', 'خطيرة', 'حرجه', 'خطيره', 'الحرجة', 'الخطيرة']);
const RATE = N(['يوميا', 'سنويا', 'شهريا', 'أسبوعيا', 'يومياً', 'سنوياً']);
const VAGUE = /^[وفبل]?(عشرات|مءات|الاف|الوف|ملايين)$/;
/** Words before a number that make it a name or a rank, not a count: الفصل 92، القناة الـ10، المصنف 81، الساعة 11. */
const ORDINAL_BEFORE = N(['الفصل', 'فصل', 'المادة', 'مادة', 'البند', 'الفقرة', 'رقم', 'عدد', 'القناة', 'الدورة', 'النسخة', 'الجولة',
  'المرتبة', 'المركز', 'المصنف', 'المصنفة', 'الرتبة', 'الطابق', 'الساعة', 'الخط', 'الطريق', 'الوطنية', 'الكيلومتر', 'خليجي',
  'الذكرى', 'ذكرى', 'الذكري',
  // the first half of a compound ordinal: الذكرى السابعة عشرة، الدورة الثالثة عشرة
  'الحادي', 'الحادية', 'الثاني', 'الثانية', 'الثالث', 'الثالثة', 'الرابع', 'الرابعة', 'الخامس', 'الخامسة', 'السادس', 'السادسة',
  'السابع', 'السابعة', 'الثامن', 'الثامنة', 'التاسع', 'التاسعة']);
/** Words after a number that make it a rank: 81 عالميا. */
const RANKED = N(['عالميا', 'عربيا', 'افريقيا', 'إفريقيا', 'أفريقيا', 'قاريا', 'محليا', 'عالمياً']);
/** A time of day written as a number: 13.00، 18:30. */
const CLOCK = /^\d{1,2}[:.]\d{2}$/;

/** A figure's bound, its reason to stand aside (if its words give one) and its context stems. */
function qualifiers(text: string, n: NumberMention, end: number, unit: string): { bound?: Bound; aside?: Aside; context: string[]; period?: string } {
  const { before, after } = wordsAround(text, n.start, end);
  const b = before.map((t) => t.norm), a = after.map((t) => t.norm);
  const content = (ts: Token[]) => ts.filter((t) => t.kind === 'word' && t.norm.length > 1 && !FUNCTION_WORDS.has(t.norm) && !isStopword(t.norm) && !BOUND_WORDS.has(t.norm));
  const out: { bound?: Bound; aside?: Aside; context: string[]; period?: string } = {
    context: [...new Set([...content(before).slice(-2), ...content(after).slice(0, 1)].map((t) => stem(withoutTanwin(t.norm))))],
  };
  const period = periodOf(b) ?? periodOf(a);
  if (period) out.period = period;
  const last = b[b.length - 1], last2 = b[b.length - 2], last3 = b[b.length - 3];
  // a negated "more than" is an upper bound: لم تتجاوز 41، لا يزيد عن 50
  if ((last === 'من' || last === 'عن' || last === 'علي') && last2 && MORE_PAIR.has(last2)) out.bound = last3 && NEGATION.has(last3) ? 'less' : 'more';
  else if (last && MORE_ONE.has(last)) out.bound = last2 && NEGATION.has(last2) ? 'less' : 'more';
  else if ((last === 'من' || last === 'عن') && last2 && LESS_PAIR.has(last2)) out.bound = 'less';
  else if ((last === 'عن' && last2 === 'يقل') || (a[0] === 'علي' && a[1] === 'الاقل') || (a[1] === 'علي' && a[2] === 'الاقل')) out.bound = 'least';
  else if (n.approximate) out.bound = 'about';
  if (!/\d/.test(n.text) && VAGUE.test(normalize(n.text).replace(/\s+/g, ''))) out.aside = 'vague';
  else if ((last && ORDINAL_BEFORE.has(last)) || (a[0] && RANKED.has(a[0])) || CLOCK.test(n.text)) out.aside = 'name';
  else if (DURATION_UNITS.has(unit)) out.aside = 'duration';
  else if (GENERIC_COUNTED.has(unit)) out.aside = 'generic';
  else if ((last && PART_BEFORE.has(last)) || (last === 'بين' && last2 === 'من') || b.slice(-3).some((w) => MOVE_BEFORE.has(w))
    // ... 320 مليون دولار منها: a part of the sum just named
    || (a[0] && PART_NOUN.has(a[0]))
    || (a[0] === 'من' && a[1] && (PART_AFTER_MIN.has(a[1]) || CASUALTY_UNITS.has(unitOf(a[1]))))
    || (a.slice(0, 5).some((w) => STATE.has(w)) && a.slice(0, 6).some((w) => GRAVE.has(w)))) out.aside = 'part';
  else if ((a[0] && RATE.has(a[0])) || (a[0] === 'في' && (a[1] === 'اليوم' || a[1] === 'السنه' || a[1] === 'العام'))
    // each side's, each one's: 150 أسيرا من كل جانب، 19.5 % لكل منهما، 5000 دينار عن كل بحار
    || a[0] === 'لكل' || ((a[0] === 'من' || a[0] === 'عن') && a[1] === 'كل')) out.aside = 'rate';
  return out;
}

/** After منذ, the start of a running count (منذ بداية العام، منذ اندلاع الحرب، منذ جانفي، منذ 2011), not a time ago (منذ
 * يومين). */
const SINCE_POINT = N(['بداية', 'مطلع', 'انطلاق', 'اندلاع', 'أول', 'اول', 'بدء', 'مستهل', 'جانفي', 'يناير', 'فيفري', 'فبراير',
  'مارس', 'أفريل', 'ابريل', 'أبريل', 'ماي', 'مايو', 'جوان', 'يونيو', 'جويلية', 'يوليو', 'أوت', 'أغسطس', 'سبتمبر', 'أكتوبر',
  'نوفمبر', 'ديسمبر', 'العام', 'السنة', 'الشهر', 'الأسبوع', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب',
  'أيلول', 'تشرين']);
/** After خلال, a window of time (خلال 24 ساعة، خلال الأسبوع الماضي، خلال الأيام الأخيرة), not an event (خلال الهجوم). */
const WINDOW = N(['ساعة', 'ساعات', 'الساعات', 'يوم', 'يومين', 'أيام', 'الأيام', 'اليوم', 'الأسبوع', 'أسبوع', 'الشهر', 'شهر',
  'أشهر', 'الأشهر', 'العام', 'عام', 'السنة', 'سنة', 'الثلاثي', 'السداسي', 'الفترة', 'ليلة', 'الليلة']);

/** The period a figure's words name (see Counted.period): منذ or خلال and the words that follow, as stems. */
function periodOf(words: string[]): string | undefined {
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    const rest = words.slice(i + 1, i + 3).filter((x) => !/^\d+$/.test(x) || x.length === 4);
    const key = () => words.slice(i + 1, i + 3).map((x) => stem(x)).join(' ');
    if ((w === 'منذ' || w === 'ومنذ') && rest[0] && (SINCE_POINT.has(rest[0]) || /^(19|20)\d\d$/.test(rest[0]))) return `since:${key()}`;
    if ((w === 'خلال' || w === 'وخلال') && words.slice(i + 1, i + 3).some((x) => WINDOW.has(x))) return `window:${key()}`;
  }
  return undefined;
}

/** Words that bound or hedge a figure: not what it counts. */
const BOUND_WORDS = N(['أكثر', 'أزيد', 'يزيد', 'يربو', 'يفوق', 'يتجاوز', 'تتجاوز', 'تجاوز', 'فاق', 'يقل', 'أقل', 'نحو', 'حوالي', 'قرابة', 'زهاء', 'يقارب', 'يناهز', 'تقريبا', 'الأقل']);

/** Two values joined as a range or a list (بين 28 و32، من 50 إلى 70، 4 و5 و8 ديسمبر). */
const JOINED = /^\s*(?:و|-|–|إلى|الى|حتى|او|أو)\s*$/;
/** Two sources set against each other in one sentence (... بحسب منظمات محلية، في حين تتحدث الأمم المتحدة عن ...). */
const CONTRAST = new RegExp(`(${['في حين', 'بينما'].map(normalize).join('|')})`);
const SOURCE = new RegExp(`(${['بحسب', 'حسب', 'وفق', 'تتحدث', 'يتحدث', 'تقول', 'يقول', 'تقدر', 'يقدر', 'أفادت', 'ذكرت', 'أعلنت'].map(normalize).join('|')})`);

/**
 * Marks as 'list' the figures that share their sentence and unit with another value (a table, a comparison of two years,
 * a range), and the numbers joined to a neighbour as a range or list; a sentence that sets two sources' figures against
 * each other keeps them (أكثر من 5 آلاف قتيل بحسب منظمات محلية، في حين تتحدث الأمم المتحدة عن 4 آلاف).
 */
function markLists(text: string, mentions: NumberMention[], counted: (Counted & { sentence: number })[], sentenceText: (sentence: number) => string): void {
  const joined = new Set<number>();
  for (let i = 1; i < mentions.length; i++) {
    if (JOINED.test(text.slice(mentions[i - 1].end, mentions[i].start))) { joined.add(mentions[i - 1].start); joined.add(mentions[i].start); }
  }
  const bySentence = new Map<string, (Counted & { sentence: number })[]>();
  for (const c of counted) {
    if (joined.has(c.start)) c.aside ??= 'list';
    const k = `${c.sentence}\u0000${c.unit}`;
    const l = bySentence.get(k);
    if (l) l.push(c); else bySentence.set(k, [c]);
  }
  for (const all of bySentence.values()) {
    // a part beside its whole (54 جريحا، غادر منهم 17) is no second value of the whole
    const list = all.filter((c) => c.aside !== 'part');
    if (new Set(list.map((c) => c.value)).size < 2) continue;
    const sentence = normalize(sentenceText(list[0].sentence));
    if (CONTRAST.test(sentence) && SOURCE.test(sentence)) continue;
    for (const c of list) c.aside ??= 'list';
  }
}

/** Whether a number without a noun can repeat the count of the number before it: the same order of magnitude, and
 * not a year (أكثر من 5 آلاف قتيل ... عن 4 آلاف; not 5 آخرون ... منذ عام 1998). */
function comparable(prev: number, value: number): boolean {
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) return false;
  return value > 0 && prev > 0 && Math.max(prev, value) / Math.min(prev, value) <= 10;
}

/** The unit "others" (آخرون، آخرين): what the number before it counted, unless the context says. */
const GENERIC_OTHERS = unitOf(normalize('آخرون'));

/** Words that are no counted noun: the number stands alone ("عن 4 آلاف، بحسب ..."). */
const FUNCTION_WORDS = new Set(['في', 'من', 'الي', 'علي', 'عن', 'مع', 'او', 'و', 'ثم', 'بحسب', 'حسب', 'وفق', 'منذ', 'حتي', 'بين', 'خلال', 'بعد', 'قبل', 'الذي', 'التي', 'ان', 'انه', 'قد', 'لا', 'لم', 'ما'].map(normalize));

/** The unit the words around a generic count give (death, missing, injury, displacement words) and the offset of the
 * word that gives it, or null. */
function contextUnit(text: string, start: number, end: number): { unit: string; at: number } | null {
  // the words before, within the sentence
  const h0 = Math.max(0, start - 60);
  const head = tokenize(text.slice(h0, start));
  let from = 0;
  head.forEach((t, i) => { if (t.kind === 'punct' && /[.!?؟]/.test(t.text)) from = i + 1; });
  const before = head.slice(from).filter((t) => t.kind === 'word').slice(-CONTEXT_BEFORE);
  const tail = tokenize(text.slice(end, end + 40));
  const stop = tail.findIndex((t) => t.kind === 'punct' && /[.!?؟]/.test(t.text));
  const after = (stop >= 0 ? tail.slice(0, stop) : tail).filter((t) => t.kind === 'word').slice(0, CONTEXT_AFTER);
  // nearest first: the word right before the number, then the word right after the noun, then further out
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    for (const [t, base] of [[before[before.length - 1 - i], h0], [after[i], end]] as const) {
      if (!t) continue;
      const u = UNIT_CONTEXT.get(bare(t.norm)) ?? UNIT_CONTEXT.get(t.norm);
      if (u) return { unit: u, at: base + t.start };
    }
  }
  return null;
}

/** Whether the sentence, before the word at `at`, already says `unit` happened to someone (a word of that kind or a noun
 * of that unit: توفي، وفاة، قتلى). */
function saidBefore(text: string, start: number, at: number, unit: string): boolean {
  const upTo = Math.min(start, at);
  const head = tokenize(text.slice(Math.max(0, upTo - 200), upTo));
  let from = 0;
  head.forEach((t, i) => { if (t.kind === 'punct' && /[.!?؟]/.test(t.text)) from = i + 1; });
  return head.slice(from).some((t) => t.kind === 'word' && ((UNIT_CONTEXT.get(bare(t.norm)) ?? UNIT_CONTEXT.get(t.norm)) === unit || unitOf(t.norm) === unit));
}
