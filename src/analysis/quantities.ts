// The story's quantities: the figures of its articles (numbers.ts) grouped into one entry per thing counted, and the
// values that disagree. A figure is one quantity with every figure of its unit that has its value (300 أسير and
// ثلاثمئة أسير). Two different values are one quantity only when two articles count the same thing at the same time:
// figures that stand aside (numbers.ts Aside: vague, a part, a list, an age, a rate, people of unknown kind, a name)
// never do; two figures further apart than NUMBERS.maxRatio never do; two figures of different days or years never do
// (the days their sentences name, the years they name or else their articles' years, their articles' publication days
// within NUMBERS.tollDays for a toll and NUMBERS.countDays for any other count), nor do values whose sentences say their
// events happened on different days (جدّ مساء أمس الجمعة، الذي جد صباح اليوم السبت). A toll (killed, injured, missing,
// prisoners, displaced) counts the story's event and needs nothing more; any other count needs the words around the
// figures to name the same thing (57 حزبا سياسيا، خمسون حزبا سياسيا). Of the values of one quantity, the one most
// articles give leads; another value disagrees with it unless one is a lower bound the other meets (أكثر من مئة ألف،
// نحو 120 ألفا) or the same figure rounded (29929، 30 ألفا).
import type { Quantity } from '../types.js';
import { normalize, stem } from '../text/index.js';
import { NUMBERS } from './config.js';
import { CASUALTY_UNITS, type Bound, type Counted } from './numbers.js';
import { unitOf } from './units.js';

/** A figure of one article as the story stage keeps it (its sentence index instead of its offset). */
export type QuantityMention = Omit<Counted, 'start'> & { sentence: number };

/** What combining needs of one article's extraction. */
export interface QuantitySource {
  id: string;
  published: string | null;
  numbers: QuantityMention[];
  /** The dates the article names, with their words when known (what tells an event's day from a report's). */
  dates: { date: string; sentence: number; text?: string }[];
  /** The article's sentences, when known: where a date's words stand. */
  sentences?: readonly { text: string }[];
}

/** A figure with what tells its time: its article's publication day (days since 1970), the days its sentence names, the
 * days its sentence says the event happened on (eventDays), the years it is of, and whether it is of a past year only. */
interface Figure extends QuantityMention { article: string; day: number | null; days: string[]; eventDays: string[]; years: string[]; past: boolean }

/** Verbs of an event happening: a day named just after one is the event's day (حادث مرور جدّ مساء أمس الجمعة، الحادث
 * الذي جد صباح اليوم السبت، اندلعت اشتباكات يوم الجمعة), where a day after a report's verb is the report's (ارتفعت
 * الحصيلة إلى 52 قتيلا حسبما أوردته مصادر اليوم السبت). */
const EVENT_VERBS = new Set(['جدّ', 'جدت', 'وقع', 'وقعت', 'حدث', 'حدثت', 'اندلع', 'اندلعت', 'شهد', 'شهدت', 'استهدف', 'استهدفت', 'نفذ', 'نفذت'].map(normalize));
/** How many words before a date may hold its event verb (جدّ مساء أمس الجمعة، الذي جد صباح اليوم السبت). */
const EVENT_VERB_REACH = 3;

/** Whether the date written `dateText` in `sentence` follows a verb of an event happening. */
function isEventDay(sentence: string, dateText: string): boolean {
  const at = sentence.indexOf(dateText);
  if (at < 0) return false;
  const words = normalize(sentence.slice(Math.max(0, at - 60), at)).split(/[^\u0621-\u064A]+/).filter(Boolean).slice(-EVENT_VERB_REACH);
  return words.some((w) => EVENT_VERBS.has(w) || (/^[وف]/.test(w) && EVENT_VERBS.has(w.slice(1))));
}

/** The percent unit, and the stems of the words that frame any share (بنسبة). */
const PERCENT_UNIT = unitOf(normalize('بالمئة'));
const PERCENT_WORDS = new Set(['نسبه', 'بنسبه', 'نسب'].map((w) => stem(normalize(w))));

const overlap = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** Whether two figures of one unit, of different articles, count the same thing at the same time. */
function sameCount(x: Figure, y: Figure): boolean {
  const toll = CASUALTY_UNITS.has(x.unit);
  if (x.day !== null && y.day !== null && Math.abs(x.day - y.day) > (toll ? NUMBERS.tollDays : NUMBERS.countDays)) return false;
  if (x.days.length && y.days.length && !overlap(x.days, y.days)) return false;
  if (x.years.length && y.years.length ? !overlap(x.years, y.years) : x.past || y.past) return false;
  const lo = Math.min(Math.abs(x.value), Math.abs(y.value)), hi = Math.max(Math.abs(x.value), Math.abs(y.value));
  if (lo === 0 || hi / lo > NUMBERS.maxRatio) return false;
  // counts over different periods are no one count (since January / in the last 24 hours), nor is a window's count one
  // of a count with no period
  if (x.period !== y.period && ((x.period && y.period) || x.period?.startsWith('window:') || y.period?.startsWith('window:'))) return false;
  if (toll) return true;
  // what is counted is said by the words around the figure, in two words at least (حزبا سياسيا: a party, not a
  // candidate; نسبة المشاركة: a turnout, not a vote share; بنسبة alone names nothing)
  return shared(x.context, y.context, x.unit === PERCENT_UNIT ? PERCENT_WORDS : NONE) >= NUMBERS.sameContext;
}

const NONE: ReadonlySet<string> = new Set();

/** How many stems two contexts share, leaving out `ignore`. */
function shared(a: readonly string[], b: readonly string[], ignore: ReadonlySet<string>): number {
  return a.filter((x) => !ignore.has(x) && b.includes(x)).length;
}

/** A figure with few significant digits (30 ألفا, 1500): what a rounded report gives. */
const isRound = (v: number) => Number.isInteger(v) && v !== 0 && /^[1-9]\d?0+$/.test(String(Math.abs(v)));

/** How far apart, as a share of the larger, a figure given as approximate (نحو، حوالي، قرابة) may be from another and
 * still be the same figure: about 2,200 and 2,151; about 1,000 and 1,012 (not about 4,000 and 5,000). */
const APPROXIMATE = 0.1;

/** Whether two values of one quantity agree: a lower bound (أكثر من، على الأقل) and a figure that meets it, an upper
 * bound (لم يتجاوز، أقل من) and a figure within it (not two bounds of one side; a value is a bound only when every
 * article that gives it bounds it: "at least 6" beside a plain 6 is a count of 6), an approximate figure and one near
 * it, or one figure and its rounding. */
function consistent(a: number, aBounds: Set<Bound | undefined>, b: number, bBounds: Set<Bound | undefined>): boolean {
  const lower = (bs: Set<Bound | undefined>) => bs.size > 0 && [...bs].every((x) => x === 'more' || x === 'least');
  const meets = (lo: number, loBounds: Set<Bound | undefined>, v: number, vBounds: Set<Bound | undefined>) =>
    lower(loBounds) && !lower(vBounds) && v >= lo;
  const within = (up: number, upBounds: Set<Bound | undefined>, v: number, vBounds: Set<Bound | undefined>) =>
    upBounds.size === 1 && upBounds.has('less') && !vBounds.has('less') && v <= up;
  if (meets(a, aBounds, b, bBounds) || meets(b, bBounds, a, aBounds) || within(a, aBounds, b, bBounds) || within(b, bBounds, a, aBounds)) return true;
  const lo = Math.min(a, b), hi = Math.max(a, b);
  if ((aBounds.has('about') || bBounds.has('about')) && hi - lo <= APPROXIMATE * hi) return true;
  return (isRound(a) || isRound(b)) && hi - lo <= NUMBERS.rounding * hi;
}

/** The figures of a story's articles as quantities, each with the values that disagree and those that agree. */
export function combineQuantities(xs: QuantitySource[]): Quantity[] {
  const byUnit = new Map<string, Figure[]>();
  for (const x of xs) {
    const day = x.published ? Date.parse(x.published.slice(0, 10)) / 86_400_000 : null;
    // a figure is of the years its sentence names, else of its article's year (a share of 2012 is no share of 2017); a
    // figure of a past year (2019 floods that killed 7) is no figure of an article that names no time at all
    const year = x.published?.slice(0, 4);
    for (const n of x.numbers) {
      const days = x.dates.filter((d) => d.sentence === n.sentence && d.date.length === 10).map((d) => d.date);
      const named = [...new Set(x.dates.filter((d) => d.sentence === n.sentence).map((d) => d.date.slice(0, 4)))];
      const years = named.length ? named : year ? [year] : [];
      const past = named.length > 0 && (!year || !named.includes(year));
      const sentence = x.sentences?.[n.sentence]?.text;
      const eventDays = sentence === undefined ? [] : x.dates
        .filter((d) => d.sentence === n.sentence && d.date.length === 10 && d.text !== undefined && isEventDay(sentence, d.text)).map((d) => d.date);
      const f: Figure = { ...n, article: x.id, day, days, eventDays, years, past };
      const l = byUnit.get(n.unit);
      if (l) l.push(f); else byUnit.set(n.unit, [f]);
    }
  }
  const out: Quantity[] = [];
  for (const list of byUnit.values()) {
    // one class per value (in the story's order), and which classes hold two counts of the same thing
    const classes: Figure[][] = [];
    const classOf = new Map<number, number>();
    for (const f of list) {
      const c = classOf.get(f.value);
      if (c === undefined) { classOf.set(f.value, classes.length); classes.push([f]); } else classes[c].push(f);
    }
    const linked = classes.map(() => new Set<number>());
    const held = classes.map((c) => c.filter((f) => !f.aside));
    for (let a = 0; a < classes.length; a++) {
      for (let b = a + 1; b < classes.length; b++) {
        if (held[a].some((x) => held[b].some((y) => x.article !== y.article && sameCount(x, y)))) { linked[a].add(b); linked[b].add(a); }
      }
    }
    // The value most articles give leads a quantity with the values linked to it; what is left leads the next. A value
    // joins only a lead it is linked to, so that no chain of look-alike figures ties unrelated counts together, and
    // only when the days its sentences say the event happened on meet those of the values already in: a toll of an
    // accident that "happened yesterday, Friday" is no revision of one that "happened this morning, Saturday", even
    // when the figure it was linked to names no day.
    const articles = classes.map((c) => new Set(c.map((f) => f.article)).size);
    const order = classes.map((_, i) => i).sort((a, b) => articles[b] - articles[a] || a - b);
    const taken = new Uint8Array(classes.length);
    for (const lead of order) {
      if (taken[lead]) continue;
      taken[lead] = 1;
      const eventDays = new Set(held[lead].flatMap((f) => f.eventDays));
      const others = order.filter((c) => {
        if (taken[c] || !linked[lead].has(c)) return false;
        const days = held[c].flatMap((f) => f.eventDays);
        if (eventDays.size && days.length && !days.some((d) => eventDays.has(d))) return false;
        for (const d of days) eventDays.add(d);
        return true;
      });
      for (const c of others) taken[c] = 1;
      out.push(quantityOf(classes[lead], others.map((c) => classes[c])));
    }
  }
  out.sort((a, b) => b.articles.length - a.articles.length || (b.conflicts?.length ?? 0) - (a.conflicts?.length ?? 0));
  return out;
}

const articlesOf = (fs: Figure[]) => [...new Set(fs.map((f) => f.article))].sort();
const boundsOf = (fs: Figure[]) => new Set(fs.map((f) => f.bound));

/** One quantity: its leading value's figures and the other values' figures, each a conflict or a variant. */
function quantityOf(lead: Figure[], others: Figure[][]): Quantity {
  const q: Quantity = { value: lead[0].value, unit: lead[0].unit, text: lead[0].text, articles: articlesOf(lead) };
  if (lead.every((f) => f.approximate)) q.approximate = true;
  for (const fs of others) {
    const entry = { value: fs[0].value, text: fs[0].text, articles: articlesOf(fs) };
    if (consistent(q.value, boundsOf(lead), entry.value, boundsOf(fs))) (q.variants ??= []).push(entry);
    else (q.conflicts ??= []).push(entry);
  }
  return q;
}
