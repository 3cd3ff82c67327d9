// Dates in Arabic news, resolved against the article's publication date.
//
// Conventions (news is mostly past tense):
//  - A weekday (السبت, يوم الاثنين) is the most recent such day on or before the reference; with
//    المقبل/القادم after it, the next one after the reference; in a sentence that speaks of what will happen
//    (سوف، سـ + verb, يدخل حيز التنفيذ، من المقرر، يتوقع … before the weekday) the first such day on or after the
//    reference. After اليوم/أمس/غدا (اليوم السبت) it is one expression with it: the named weekday nearest that day.
//  - A month without a year (19 ديسمبر, أيلول/سبتمبر) is its nearest occurrence within ±6 months of the
//    reference; الجاري/الحالي = the reference's month; الماضي = last occurrence before the reference month;
//    المقبل/القادم = next occurrence after it.
//  - الأسبوع الماضي/المقبل/الجاري: ISO weeks (Monday–Sunday), returned as a range of granularity week.
//  - مطلع/بداية/أوائل العام X: January–March of X (granularity month); نهاية/أواخر: October–December;
//    مطلع/نهاية الشهر: days 1–10 / 21–end.
//  - منذ N أيام/أسابيع/أشهر/أعوام: the point N units before the reference, at that unit's granularity.
//  - Hijri months with a year (رمضان 1440) are converted with the tabular Islamic calendar
//    (±1–2 days against local moon sighting); a Hijri month without a year is not resolved.
//  - Without a valid reference only dates with an explicit year are returned.
import type { Granularity, ResolvedDate } from '../types.js';
import { normalize } from './normalize.js';
import { tokenize, type Token } from './tokenize.js';

// Gregorian month names: Egyptian/Gulf (يناير), Levantine/Iraqi (كانون الثاني), Maghrebi (جانفي).
const MONTHS: Array<[number, string]> = [
  [1, 'يناير|كانون الثاني|جانفي|كانون ثاني'], [2, 'فبراير|شباط|فيفري|فبراير'], [3, 'مارس|آذار'],
  [4, 'أبريل|ابريل|نيسان|أفريل|إبريل'], [5, 'مايو|أيار|ماي'], [6, 'يونيو|يونيه|حزيران|جوان'],
  [7, 'يوليو|يوليه|تموز|جويلية'], [8, 'أغسطس|آب|أوت|اغسطس|أغسطوس'], [9, 'سبتمبر|أيلول|سيبتمبر'],
  [10, 'أكتوبر|تشرين الأول|اكتوبر|تشرين أول'], [11, 'نوفمبر|تشرين الثاني|نونبر|تشرين ثاني'],
  [12, 'ديسمبر|كانون الأول|دجنبر|كانون أول'],
];
// Names that are also ordinary words (آب "father", ماي) need a day number, a year or a pair to count.
const AMBIGUOUS_MONTHS = new Set(['آب', 'ماي', 'أوت'].map(normalize));
const HIJRI_MONTHS: Array<[number, string]> = [
  [1, 'محرم'], [2, 'صفر'], [3, 'ربيع الأول|ربيع الاول|ربيع أول'], [4, 'ربيع الثاني|ربيع الآخر|ربيع ثاني'],
  [5, 'جمادى الأولى|جمادى الأول|جمادى الاولى'], [6, 'جمادى الآخرة|جمادى الثانية|جمادى الآخر'], [7, 'رجب'],
  [8, 'شعبان'], [9, 'رمضان'], [10, 'شوال'], [11, 'ذو القعدة|ذي القعدة'], [12, 'ذو الحجة|ذي الحجة'],
];
const WEEKDAYS: Array<[number, string]> = [ // JS getUTCDay numbering
  [0, 'الأحد'], [1, 'الاثنين|الإثنين'], [2, 'الثلاثاء'], [3, 'الأربعاء'], [4, 'الخميس'], [5, 'الجمعة'], [6, 'السبت'],
];

interface Name { value: number; words: string[] }
function names(list: Array<[number, string]>): Name[] {
  const out: Name[] = [];
  for (const [value, forms] of list) for (const f of forms.split('|')) out.push({ value, words: f.split(' ').map(normalize) });
  return out.sort((a, b) => b.words.length - a.words.length);
}
const MONTH_NAMES = names(MONTHS);
const HIJRI_NAMES = names(HIJRI_MONTHS);
const WEEKDAY_NAMES = names(WEEKDAYS);

const N = (w: string): string => normalize(w);
const PAST = new Set(['الماضي', 'الماضيه', 'المنصرم', 'المنصرمه', 'السابق', 'الفايت'].map(N));
const NEXT = new Set(['المقبل', 'المقبله', 'القادم', 'القادمه'].map(N));
const CURRENT = new Set(['الجاري', 'الحالي', 'الجاريه', 'الحاليه', 'هذا', 'هذه'].map(N));
const START_OF = new Set(['مطلع', 'بدايه', 'اوايل', 'مستهل', 'اول', 'بداية'].map(N));
const END_OF = new Set(['نهايه', 'اواخر', 'اخر', 'ختام'].map(N));
const YEAR_WORDS = new Set(['العام', 'عام', 'السنه', 'سنه', 'لعام', 'للعام', 'بعام', 'والعام'].map(N));
const MONTH_WORDS = new Set(['الشهر', 'شهر'].map(N));
const WEEK_WORDS = new Set(['الاسبوع', 'اسبوع'].map(N));
const UNIT_WORDS: Record<string, ['day' | 'week' | 'month' | 'year', number]> = {};
for (const [u, n, forms] of [
  ['day', 1, 'يوم'], ['day', 2, 'يومين'], ['day', 0, 'أيام'], ['week', 1, 'أسبوع'], ['week', 2, 'أسبوعين'], ['week', 0, 'أسابيع'],
  ['month', 1, 'شهر'], ['month', 2, 'شهرين'], ['month', 0, 'أشهر شهور'], ['year', 1, 'عام سنة'], ['year', 2, 'عامين سنتين'],
  ['year', 0, 'أعوام سنوات سنين'],
] as Array<['day' | 'week' | 'month' | 'year', number, string]>) for (const f of forms.split(' ')) UNIT_WORDS[N(f)] = [u, n];
const SMALL_NUMBERS: Record<string, number> = {};
for (const [v, forms] of [[3, 'ثلاثة ثلاث'], [4, 'أربعة أربع'], [5, 'خمسة خمس'], [6, 'ستة ست'], [7, 'سبعة سبع'], [8, 'ثمانية'], [9, 'تسعة تسع'], [10, 'عشرة عشر']] as Array<[number, string]>) {
  for (const f of forms.split(' ')) SMALL_NUMBERS[N(f)] = v;
}

// ---- calendar arithmetic (UTC) ----
interface YMD { y: number; m: number; d: number }
function toDate(x: YMD): Date { return new Date(Date.UTC(x.y, x.m - 1, x.d)); }
function fromDate(t: Date): YMD { return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }; }
function addDays(x: YMD, n: number): YMD { const t = toDate(x); t.setUTCDate(t.getUTCDate() + n); return fromDate(t); }
function daysInMonth(y: number, m: number): number { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
function iso(x: YMD): string {
  const y = String(x.y).padStart(4, '0');
  return `${y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}
function parseIso(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof s === 'string' ? s : '');
  if (!m) return null;
  const x = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  if (x.m < 1 || x.m > 12 || x.d < 1 || x.d > daysInMonth(x.y, x.m)) return null;
  return x;
}
function monthRange(y: number, m: number): [YMD, YMD] { return [{ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) }]; }

/** Tabular Islamic calendar → Gregorian (Julian day arithmetic). */
function hijriToGregorian(hy: number, hm: number, hd: number): YMD {
  const jd = hd + Math.ceil(29.5 * (hm - 1)) + (hy - 1) * 354 + Math.floor((3 + 11 * hy) / 30) + 1948439.5 - 1;
  const ms = (jd - 2440587.5) * 86400000;
  return fromDate(new Date(Math.round(ms)));
}

// ---- token helpers ----
/** First words of a name list: matchName runs at every token, and almost no token starts a name. */
const firstWordsOf = new WeakMap<Name[], Set<string>>();
function firstWords(list: Name[]): Set<string> {
  let set = firstWordsOf.get(list);
  if (!set) { set = new Set(list.map((nm) => nm.words[0]!)); firstWordsOf.set(list, set); }
  return set;
}
function matchName(toks: Token[], i: number, list: Name[]): { value: number; next: number } | null {
  const first = toks[i];
  if (!first || first.kind !== 'word') return null;
  const starts = firstWords(list);
  if (!starts.has(first.norm) && !starts.has(first.norm.slice(1))) return null;
  for (const nm of list) {
    let ok = true;
    for (let k = 0; k < nm.words.length; k++) {
      const t = toks[i + k];
      if (!t || t.kind !== 'word') { ok = false; break; }
      let w = t.norm;
      // One proclitic on the first word: في/ب/ل/و + month (بيناير is rare, لشهر handled elsewhere).
      if (k === 0 && w !== nm.words[0] && (w.charCodeAt(0) === 0x0628 || w.charCodeAt(0) === 0x0644 || w.charCodeAt(0) === 0x0648) && w.slice(1) === nm.words[0]) w = w.slice(1);
      if (w !== nm.words[k]) { ok = false; break; }
    }
    if (ok) return { value: nm.value, next: i + nm.words.length };
  }
  return null;
}
/** A number token of ASCII digits only (no separator). */
function isNum(t: Token | undefined): t is Token {
  if (!t || t.kind !== 'number' || t.norm.length === 0) return false;
  for (let k = 0; k < t.norm.length; k++) { const c = t.norm.charCodeAt(k); if (c < 0x30 || c > 0x39) return false; }
  return true;
}
function yearAt(toks: Token[], i: number): { y: number; next: number } | null {
  const t = toks[i];
  if (!isNum(t) || t.norm.length !== 4) return null;
  const y = +t.norm;
  if (y < 1000 || y > 2200) return null;
  let next = i + 1;
  const era = toks[next];
  if (era && era.kind === 'word' && (era.norm === 'م' || era.norm === 'ه') && era.start - t.end <= 1) next++;
  if (toks[next]?.text === '.' && era && (era.norm === 'م' || era.norm === 'ه')) next++;
  return { y, next };
}
function hijriYearAt(toks: Token[], i: number): { y: number; next: number } | null {
  const t = toks[i];
  if (!isNum(t) || t.norm.length < 3 || t.norm.length > 4) return null;
  const y = +t.norm;
  if (y < 1 || y > 1600) return null;
  let next = i + 1;
  const era = toks[next];
  if (era && era.kind === 'word' && (era.norm === 'ه' || era.norm === 'هجري' || era.norm === 'هجريه' || era.norm === 'للهجره')) next++;
  return { y, next };
}
/** A month name, optionally paired with a second naming (كانون الثاني/يناير, أيلول (سبتمبر)). */
function monthAt(toks: Token[], i: number): { m: number; next: number; paired: boolean } | null {
  const a = matchName(toks, i, MONTH_NAMES);
  if (!a) return null;
  let next = a.next;
  let paired = false;
  const sep = toks[next];
  if (sep && (sep.text === '/' || sep.text === '(' || sep.text === '-' || sep.text === '،')) {
    const b = matchName(toks, next + 1, MONTH_NAMES);
    if (b && b.value === a.value) {
      next = b.next;
      paired = true;
      if (sep.text === '(' && toks[next]?.text === ')') next++;
    }
  }
  return { m: a.value, next, paired };
}
function relWord(t: Token | undefined): 'past' | 'next' | 'current' | null {
  if (!t || t.kind !== 'word') return null;
  if (PAST.has(t.norm)) return 'past';
  if (NEXT.has(t.norm)) return 'next';
  if (CURRENT.has(t.norm)) return 'current';
  return null;
}
function yearForMonth(m: number, ref: YMD, rel: 'past' | 'next' | 'current' | null): number {
  if (rel === 'current') return ref.y;
  if (rel === 'past') return m < ref.m ? ref.y : ref.y - 1;
  if (rel === 'next') return m > ref.m ? ref.y : ref.y + 1;
  const diff = m - ref.m;
  if (diff > 6) return ref.y - 1;
  if (diff < -6) return ref.y + 1;
  return ref.y;
}
function isoWeekStart(x: YMD): YMD { const dow = (toDate(x).getUTCDay() + 6) % 7; return addDays(x, -dow); }

/**
 * All dates and date ranges in s, resolved against reference (ISO date of publication). Never throws;
 * returns [] for text without dates. Overlapping matches are not returned twice.
 */
export function parseDates(s: string, reference: string): ResolvedDate[] {
  if (typeof s !== 'string' || s.length === 0) return [];
  const ref = parseIso(reference);
  const toks = tokenize(s);
  const out: ResolvedDate[] = [];
  const push = (i0: number, i1: number, a: YMD, b: YMD, g: Granularity): void => {
    const startOffset = toks[i0]!.start;
    const endOffset = toks[i1 - 1]!.end;
    out.push({ start: iso(a), end: iso(b), granularity: g, text: s.slice(startOffset, endOffset), startOffset, endOffset });
  };
  const future = futureMarks(s, toks);
  let i = 0;
  while (i < toks.length) {
    const r = matchAt(toks, i, ref, push, future);
    i = r > i ? r : i + 1;
  }
  return out;
}

type Push = (i0: number, i1: number, a: YMD, b: YMD, g: Granularity) => void;

/** Tries every pattern at token i; returns the index after the match, or i when nothing matched. */
function matchAt(toks: Token[], i: number, ref: YMD | null, push: Push, future: Uint8Array): number {
  const t = toks[i]!;
  // Numeric dates: 2016/02/22, 22/2/2016, 22-02-2016.
  if (isNum(t) && toks[i + 1] && (toks[i + 1]!.text === '/' || toks[i + 1]!.text === '-') && isNum(toks[i + 2]) &&
      toks[i + 3]?.text === toks[i + 1]!.text && isNum(toks[i + 4]) && toks[i + 4]!.start - t.end <= 8) {
    const a = +t.norm, b = +toks[i + 2]!.norm, c = +toks[i + 4]!.norm;
    let x: YMD | null = null;
    if (t.norm.length === 4) x = { y: a, m: b, d: c };
    else if (toks[i + 4]!.norm.length === 4) x = { y: c, m: b, d: a };
    if (x && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m)) { push(i, i + 5, x, x, 'day'); return i + 5; }
  }
  // Day + month (Gregorian or Hijri): 19 ديسمبر الجاري, 29 كانون الأول/ديسمبر 2018, 5 رمضان 1440.
  if (isNum(t) && t.norm.length <= 2 && +t.norm >= 1 && +t.norm <= 31) {
    const d = +t.norm;
    const mo = monthAt(toks, i + 1);
    if (mo) {
      const yr = yearAt(toks, mo.next);
      let y: number | null = null;
      let end = mo.next;
      if (yr) { y = yr.y; end = yr.next; }
      else if (ref) {
        const rel = relWord(toks[mo.next]);
        if (rel) end++;
        y = yearForMonth(mo.m, ref, rel);
      }
      if (y !== null && d <= daysInMonth(y, mo.m)) { push(i, end, { y, m: mo.m, d }, { y, m: mo.m, d }, 'day'); return end; }
    }
    const hm = matchName(toks, i + 1, HIJRI_NAMES);
    if (hm) {
      const hy = hijriYearAt(toks, hm.next);
      if (hy) { const g = hijriToGregorian(hy.y, hm.value, d); push(i, hy.next, g, g, 'day'); return hy.next; }
    }
  }
  // Month (+ year | relative word): كانون الثاني/يناير 2017, أيلول/سبتمبر الماضي, الشهر ... handled below.
  const mo = monthAt(toks, i);
  if (mo) {
    const yr = yearAt(toks, mo.next);
    if (yr) { const [a, b] = monthRange(yr.y, mo.m); push(i, yr.next, a, b, 'month'); return yr.next; }
    const rel = relWord(toks[mo.next]);
    const prev = toks[i - 1];
    const cue = prev && prev.kind === 'word' && (MONTH_WORDS.has(prev.norm) || prev.norm === 'في' || prev.norm === 'خلال' || prev.norm === 'منذ' || prev.norm === 'حتي');
    const ambiguous = AMBIGUOUS_MONTHS.has(toks[i]!.norm);
    if (ref && (rel || mo.paired || (cue && !ambiguous))) {
      const y = yearForMonth(mo.m, ref, rel);
      const [a, b] = monthRange(y, mo.m);
      const end = rel ? mo.next + 1 : mo.next;
      push(i, end, a, b, 'month');
      return end;
    }
    return mo.next;
  }
  // Hijri month + year: رمضان 1440.
  const hm = matchName(toks, i, HIJRI_NAMES);
  if (hm) {
    const hy = hijriYearAt(toks, hm.next);
    if (hy && hy.y > 1300) {
      const a = hijriToGregorian(hy.y, hm.value, 1);
      const b = addDays(hijriToGregorian(hm.value === 12 ? hy.y + 1 : hy.y, hm.value === 12 ? 1 : hm.value + 1, 1), -1);
      push(i, hy.next, a, b, 'month');
      return hy.next;
    }
  }
  if (t.kind !== 'word') return i;
  const w = t.norm;
  // Start/end of a year or month: مطلع العام المقبل, مطلع العام 2019, نهاية الشهر الجاري.
  if (START_OF.has(w) || END_OF.has(w)) {
    const isStart = START_OF.has(w);
    const u = toks[i + 1];
    if (u && u.kind === 'word' && YEAR_WORDS.has(u.norm)) {
      const yr = yearAt(toks, i + 2);
      let y: number | null = null;
      let end = i + 2;
      if (yr) { y = yr.y; end = yr.next; }
      else if (ref) { const rel = relWord(toks[i + 2]); if (rel) { y = ref.y + (rel === 'past' ? -1 : rel === 'next' ? 1 : 0); end = i + 3; } }
      if (y !== null) {
        const [a, b] = isStart ? [{ y, m: 1, d: 1 }, { y, m: 3, d: 31 }] : [{ y, m: 10, d: 1 }, { y, m: 12, d: 31 }];
        push(i, end, a, b, 'month');
        return end;
      }
    }
    if (u && u.kind === 'word' && MONTH_WORDS.has(u.norm) && ref) {
      const rel = relWord(toks[i + 2]);
      if (rel) {
        const base = addDays({ y: ref.y, m: ref.m, d: 15 }, rel === 'past' ? -30 : rel === 'next' ? 30 : 0);
        const last = daysInMonth(base.y, base.m);
        const [a, b] = isStart ? [{ ...base, d: 1 }, { ...base, d: 10 }] : [{ ...base, d: 21 }, { ...base, d: last }];
        push(i, i + 3, a, b, 'day');
        return i + 3;
      }
    }
  }
  // A year: عام 2019, العام 2019, سنة 2019.
  if (YEAR_WORDS.has(w)) {
    const yr = yearAt(toks, i + 1);
    if (yr) { push(i, yr.next, { y: yr.y, m: 1, d: 1 }, { y: yr.y, m: 12, d: 31 }, 'year'); return yr.next; }
  }
  if (!ref) return i;
  // Relative days.
  const bare = w.length > 3 && (w.charCodeAt(0) === 0x0648 || w.charCodeAt(0) === 0x0641) ? w.slice(1) : w;
  if ((bare === 'اول' || bare === 'اولي') && toks[i + 1]?.norm === 'امس') return relativeDay(toks, i, i + 2, addDays(ref, -2), push);
  if (bare === 'امس' || bare === 'بالامس' || bare === 'البارحه') return relativeDay(toks, i, i + 1, addDays(ref, -1), push);
  if (bare === 'اليوم' && toks[i + 1]?.norm !== 'التالي') return relativeDay(toks, i, i + 1, ref, push);
  if (bare === 'غدا' || bare === 'غد') {
    if (toks[i - 1]?.norm === 'بعد') return relativeDay(toks, i - 1, i + 1, addDays(ref, 2), push);
    return relativeDay(toks, i, i + 1, addDays(ref, 1), push);
  }
  // Week, month, year relative to the reference: الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام.
  const rel = relWord(toks[i + 1]);
  const thisBefore = (t.norm === 'هذا' || t.norm === 'هذه') ? toks[i + 1] : undefined;
  if (thisBefore && thisBefore.kind === 'word' && (YEAR_WORDS.has(thisBefore.norm) || MONTH_WORDS.has(thisBefore.norm) || WEEK_WORDS.has(thisBefore.norm))) {
    return relUnit(thisBefore.norm, 'current', i, i + 2, ref, push);
  }
  if (rel && (YEAR_WORDS.has(bare) || MONTH_WORDS.has(bare) || WEEK_WORDS.has(bare))) return relUnit(bare, rel, i, i + 2, ref, push);
  // منذ عامين, منذ ثلاثة أشهر, قبل 5 أيام.
  if (bare === 'منذ' || bare === 'قبل') {
    let k = i + 1;
    let n = 0;
    const nt = toks[k];
    if (isNum(nt) && nt.norm.length <= 3) { n = +nt.norm; k++; }
    else if (nt && nt.kind === 'word' && SMALL_NUMBERS[nt.norm] !== undefined) { n = SMALL_NUMBERS[nt.norm]!; k++; }
    const ut = toks[k];
    const unit = ut && ut.kind === 'word' ? UNIT_WORDS[ut.norm] : undefined;
    if (unit && (unit[1] !== 0 ? n === 0 : n > 0) && !yearAt(toks, k + 1)) {
      const count = unit[1] !== 0 ? unit[1] : n;
      const kind = unit[0];
      if (kind === 'day' || kind === 'week') { const x = addDays(ref, -(kind === 'day' ? count : 7 * count)); push(i, k + 1, x, x, 'day'); }
      else if (kind === 'month') { const base = addDays({ y: ref.y, m: ref.m, d: 1 }, 0); let y = base.y, m = base.m - count; while (m < 1) { m += 12; y--; } const [a, b] = monthRange(y, m); push(i, k + 1, a, b, 'month'); }
      else { const y = ref.y - count; push(i, k + 1, { y, m: 1, d: 1 }, { y, m: 12, d: 31 }, 'year'); }
      return k + 1;
    }
  }
  // Weekdays: السبت, يوم الاثنين الماضي, الخميس المقبل.
  const wd = matchName(toks, i, WEEKDAY_NAMES);
  if (wd) {
    const afterDay = toks[i - 1]?.norm === 'يوم' || toks[i - 1]?.norm === 'ويوم';
    // الاثنين is also "the two": only with يوم before it or a relative word after it.
    if (wd.value === 1 && !afterDay && !relWord(toks[wd.next])) return i;
    const r = relWord(toks[wd.next]);
    const refDow = toDate(ref).getUTCDay();
    let x: YMD;
    if (r === 'next') x = addDays(ref, ((wd.value - refDow + 7) % 7) || 7);
    else if (!r && future[i]) x = addDays(ref, (wd.value - refDow + 7) % 7);
    else x = addDays(ref, -((refDow - wd.value + 7) % 7 || (r === 'past' ? 7 : 0)));
    const i0 = afterDay ? i - 1 : i;
    const end = r ? wd.next + 1 : wd.next;
    push(i0, end, x, x, 'day');
    return end;
  }
  return i;
}

/**
 * A relative day (اليوم, أمس, غدا) at tokens i0..end, with the weekday that often follows it ("اليوم السبت"): one
 * expression, the named weekday nearest the relative day. The weekday is what the reporter wrote on the day; the
 * publication date it is read against may be the next day's (an ANT match report dated 21 June 2017 says "اليوم
 * الثلاثاء" of the 20th), and read as two expressions the sentence was dated both days.
 */
function relativeDay(toks: Token[], i0: number, end: number, day: YMD, push: Push): number {
  const wd = matchName(toks, end, WEEKDAY_NAMES);
  if (!wd) { push(i0, end, day, day, 'day'); return end; }
  let delta = (wd.value - toDate(day).getUTCDay() + 7) % 7;
  if (delta > 3) delta -= 7;
  const x = addDays(day, delta);
  push(i0, wd.next, x, x, 'day');
  return wd.next;
}

function relUnit(unitWord: string, rel: 'past' | 'next' | 'current', i0: number, end: number, ref: YMD, push: Push): number {
  const delta = rel === 'past' ? -1 : rel === 'next' ? 1 : 0;
  if (YEAR_WORDS.has(unitWord)) { const y = ref.y + delta; push(i0, end, { y, m: 1, d: 1 }, { y, m: 12, d: 31 }, 'year'); }
  else if (MONTH_WORDS.has(unitWord)) {
    let y = ref.y, m = ref.m + delta;
    if (m < 1) { m = 12; y--; } else if (m > 12) { m = 1; y++; }
    const [a, b] = monthRange(y, m);
    push(i0, end, a, b, 'month');
  } else {
    const a = addDays(isoWeekStart(ref), 7 * delta);
    push(i0, end, a, addDays(a, 6), 'week');
  }
  return end;
}

/** Words before a weekday, in its sentence, that make it a day to come (normalized): سوف، سيتم، ستنطلق، من المقرر،
 * يدخل حيز التنفيذ، يتوقع، توقعت (a forecast till Sunday), المبرمجة (scheduled). Own list, from news wording. */
const FUTURE = new Set([
  'سوف', 'سيتم', 'ستتم', 'سيكون', 'ستكون', 'سيعقد', 'ستعقد', 'ستبدأ', 'سيبدأ', 'ستنطلق', 'سينطلق', 'سيدخل', 'ستدخل', 'ستجري',
  'سيجري', 'ستقام', 'سيقام', 'ستشهد', 'سيشهد', 'سيلتقي', 'ستلتقي', 'سيصل', 'ستصل', 'سيتوجه', 'ستتوجه', 'سيزور', 'ستزور',
  'سيستمر', 'ستستمر', 'سيتواصل', 'ستتواصل', 'سيواجه', 'ستواجه', 'سيخوض', 'يدخل', 'تدخل', 'يبدأ', 'تبدأ', 'سريانه', 'المنتظر', 'المقرر', 'المتوقع',
  'يتوقع', 'تتوقع', 'توقع', 'توقعت', 'يرتقب', 'المرتقب', 'المرتقبة', 'المبرمج', 'المبرمجة', 'المقررة', 'موعد',
].map(N));

/** For each token, whether a word before it in its sentence speaks of what will happen (see FUTURE). */
function futureMarks(s: string, toks: Token[]): Uint8Array {
  const marks = new Uint8Array(toks.length);
  let future = false;
  toks.forEach((t, k) => {
    if (k > 0 && (s.slice(toks[k - 1]!.end, t.start).includes('\n') || (toks[k - 1]!.kind === 'punct' && /[.!?؟]/.test(toks[k - 1]!.text)))) future = false;
    marks[k] = future ? 1 : 0;
    if (t.kind === 'word' && (FUTURE.has(t.norm) || (/^[وف]/.test(t.norm) && FUTURE.has(t.norm.slice(1))))) future = true;
  });
  return marks;
}
