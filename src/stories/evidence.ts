// Evidence that tells one happening from another on the same subject, beside the term cosines: what happened (event
// words), where (listed places), when (the date read from the text when the article has none) and how the headlines
// read. Taken from the headline and lead, where an event's who/what/where/when are stated. The pair scorer
// (pair-model.ts) weighs them; src/stories/config.ts holds no hand-set weight for them.
import { PLACES, PLACE_SYNONYMS, analyze, normalize, parseDates, stem, tokenize } from '../text/index.js';

/**
 * Event words by the happening they name, verbs and their nouns (after normalize() and the light stem, as the
 * grouper's terms are). Chosen by hand from the verbs of Arabic news headlines that name one happening (an arrest, a
 * strike, a signing, a resignation, a win …): issue 25's اعتقل، قصف، وقّع، استقال، فاز and their neighbours. Two
 * articles on one subject (an epidemic, a war) that name different happenings (a death toll / a lockdown, a strike /
 * talks) are two stories; one happening told twice shares its word.
 */
const EVENT_WORDS: Record<string, string[]> = {
  arrest: ['اعتقل', 'اعتقال', 'اعتقلت', 'القبض', 'قبض', 'ايقاف', 'اوقف', 'اوقفت', 'احتجاز', 'احتجز', 'توقيف'],
  strike: ['قصف', 'غاره', 'غارات', 'استهدف', 'استهداف', 'هجوم', 'هاجم', 'انفجار', 'تفجير', 'صاروخ', 'صواريخ'],
  sign: ['وقع', 'توقيع', 'اتفاق', 'اتفاقيه', 'اتفاقا', 'مذكره'],
  resign: ['استقال', 'استقاله', 'استقالت', 'اقاله', 'اقال', 'اعفاء'],
  win: ['فاز', 'فوز', 'فازت', 'تتويج', 'توج', 'بطوله', 'كاس'],
  death: ['قتل', 'مقتل', 'قتلى', 'وفاه', 'توفي', 'وفيات', 'ضحايا', 'مصرع', 'لقي', 'اغتيال'],
  vote: ['انتخاب', 'انتخابات', 'اقتراع', 'استفتاء', 'تصويت', 'صوت'],
  visit: ['زياره', 'زار', 'لقاء', 'التقى', 'استقبل', 'قمه', 'محادثات', 'مباحثات', 'اجتماع'],
  accident: ['حادث', 'حادثه', 'اصطدام', 'انقلاب', 'غرق', 'سقوط', 'حريق', 'انهيار'],
  court: ['حكم', 'محكمه', 'سجن', 'قضت', 'محاكمه', 'ادانه', 'براءه'],
  appoint: ['تعيين', 'عين', 'تعيينه', 'تنصيب', 'ترشيح', 'رشح'],
  infection: ['اصابه', 'اصابات', 'اصيب', 'حالات', 'حاله', 'تعافي', 'شفاء'],
  measure: ['حظر', 'اغلاق', 'تعليق', 'منع', 'قرار', 'قرر', 'اجراءات', 'حجر'],
  economy: ['سعر', 'اسعار', 'ارتفاع', 'انخفاض', 'تراجع', 'صادرات', 'قرض', 'ميزانيه'],
  protest: ['احتجاج', 'احتجاجات', 'مظاهره', 'مظاهرات', 'اضراب', 'اعتصام', 'تظاهر'],
};

/** Grouping form of a word: normalized, light-stemmed. */
const formOf = (w: string): string => stem(normalize(w));

let eventOf: Map<string, string> | null = null;
function eventTable(): Map<string, string> {
  if (eventOf) return eventOf;
  eventOf = new Map();
  for (const [kind, words] of Object.entries(EVENT_WORDS)) for (const w of words) eventOf.set(formOf(w), kind);
  return eventOf;
}

let placeOf: Map<string, string> | null = null;
/** Each one-word listed place by its light stem, to its group's first name (مصر، القاهرة stay apart; سورية = سوريا). */
function placeTable(): Map<string, string> {
  if (placeOf) return placeOf;
  placeOf = new Map();
  for (const group of PLACE_SYNONYMS) for (const p of group) if (!p.includes(' ')) placeOf.set(formOf(p), formOf(group[0]!));
  for (const p of PLACES) if (!p.includes(' ') && !placeOf.has(formOf(p))) placeOf.set(formOf(p), formOf(p));
  return placeOf;
}

export interface Evidence {
  /** Kinds of happening the headline and lead name (EVENT_WORDS), sorted. */
  events: string[];
  /** Listed places the headline and lead name, sorted. */
  places: string[];
  /** The headline's content stems, sorted. */
  head: string[];
  /** Epoch ms (noon UTC) of the first full date with a year the headline or lead gives, for an undated article. */
  eventTime?: number;
}

/** The evidence of an article (see Evidence) from its headline, lead and publication time. */
export function evidenceOf(title: string, lead: string, time: number | null): Evidence {
  const events = new Set<string>();
  const places = new Set<string>();
  const ev = eventTable(), pl = placeTable();
  for (const tok of tokenize(`${title}\n${lead}`)) {
    if (tok.kind !== 'word') continue;
    const s = stem(tok.norm);
    const e = ev.get(s) ?? ev.get(tok.norm);
    if (e) events.add(e);
    const p = pl.get(s) ?? pl.get(tok.norm);
    if (p) places.add(p);
  }
  const head = [...new Set(analyze(title, { stem: true, stopwords: true }).filter((t) => !/^\d/.test(t)))].sort();
  const out: Evidence = { events: [...events].sort(), places: [...places].sort(), head };
  if (time === null) {
    // Without a reference date parseDates returns only dates with an explicit year.
    const d = parseDates(`${title}\n${lead}`, '').find((x) => x.granularity === 'day');
    const t = d ? Date.parse(`${d.start}T12:00:00Z`) : NaN;
    if (Number.isFinite(t)) out.eventTime = t;
  }
  return out;
}

/** Share of the smaller set found in the other (0 when either is empty). */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(big);
  let n = 0;
  for (const x of small) if (set.has(x)) n++;
  return n / small.length;
}
