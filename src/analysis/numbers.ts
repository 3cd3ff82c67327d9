// Quantities of one article: number mentions (src/text's findNumbers, with two repairs) and what each counts. The
// counted noun gives the unit (units.ts); a noun that says only "people" or "others" takes the unit its context
// gives (مقتل نحو أربعة آلاف شخص = 4000 killed, وفقد 5 آخرون = 5 missing, نزوح أكثر من مئة ألف من سكان = displaced),
// a number with no noun of its own takes the unit of the number before it in the sentence (أكثر من 5 آلاف قتيل ...
// تتحدث الأمم المتحدة عن 4 آلاف), and a percentage (60 في المئة، ستين بالمئة) counts percent.
import { findNumbers, normalize, tokenize, type NumberMention, type Token } from '../text/index.js';
import { GENERIC_COUNTED, UNIT_CONTEXT, unitOf } from './units.js';

/** Percent words after a number (normalized): بالمئة، بالمائة، المئة (after في). */
const PERCENT = new Set(['بالمءه', 'بالماءه', 'المءه', 'الماءه', 'مءه', 'ماءه', '%', '٪']);
const PERCENT_UNIT = unitOf('بالمءه');

/** findNumbers without the المئة of "60 في المئة": the per-cent sign of the number before it, no number itself
 * (a lone مئة elsewhere is a hundred: قتل مئة شخص). */
export function numberMentions(text: string): NumberMention[] {
  const all = findNumbers(text);
  return all.filter((n, i) => {
    if (i === 0) return true;
    const toks = tokenize(n.text).filter((t) => t.kind === 'word' || t.kind === 'number');
    if (toks.length !== 1 || !PERCENT.has(toks[0]!.norm)) return true;
    return !/^\s*(?:في|فى)\s*$/.test(text.slice(all[i - 1]!.end, n.start));
  });
}

/** A word as the context lexicons see it: normalized, without و/ف/ب/ل and the article. */
function bare(norm: string): string {
  let w = norm;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  if (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل')) w = w.slice(1);
  if (w.length > 4 && w.startsWith('ال')) w = w.slice(2);
  return w;
}

export interface Counted {
  value: number;
  approximate: boolean;
  /** The number and its counted noun as written. */
  text: string;
  unit: string;
  start: number;
}

/** Words on each side of a generic count that may say what it counts (أودت بحياة سبعة أشخاص، لقي 12 شخصا حتفهم). */
const CONTEXT_BEFORE = 3, CONTEXT_AFTER = 2;
/** Units of time: a number that counts them inside a date expression is a duration as well. */
const DURATION_UNITS = new Set(['عام', 'شهر', 'يوم', 'ساعة']);
/** How far after the number its counted noun may be (in characters). */
const NOUN_REACH = 40;

/**
 * What each number counts. `mentions` are the article's number mentions in text order, `sentenceOf` maps an offset to
 * its sentence index, `inDate` tells the numbers that are part of a date expression. Numbers that count nothing (no
 * noun, none before them in the sentence) and numbers of dates that are no duration are left out.
 */
export function countedNumbers(text: string, mentions: NumberMention[], sentenceOf: (offset: number) => number,
  inDate: (n: NumberMention) => boolean = () => false): (Counted & { sentence: number })[] {
  const out: (Counted & { sentence: number })[] = [];
  let prev: { unit: string; sentence: number; value: number } | null = null;
  for (const n of mentions) {
    const sentence = sentenceOf(n.start);
    // a number inside a date is part of the date (14 آذار، العام 2011), unless it counts time (منذ ستّ سنوات)
    if (inDate(n)) {
      const noun = tokenize(text.slice(n.end, n.end + NOUN_REACH))[0];
      const unit = noun && noun.kind === 'word' ? unitOf(noun.norm) : null;
      if (unit && DURATION_UNITS.has(unit)) out.push({ value: n.value, approximate: n.approximate, text: text.slice(n.start, n.end + noun.end), unit, start: n.start, sentence });
      continue;
    }
    // a number word with the article follows what it counts (الدول الثلاث، البلدان الأربعة)
    if (/^[وف]?ال/.test(normalize(n.text)) && n.value < 100) {
      const w0 = Math.max(0, n.start - NOUN_REACH);
      const before = tokenize(text.slice(w0, n.start));
      const noun = before[before.length - 1];
      if (noun && noun.kind === 'word' && !FUNCTION_WORDS.has(noun.norm)) {
        const unit = unitOf(noun.norm);
        out.push({ value: n.value, approximate: n.approximate, text: text.slice(w0 + noun.start, n.end), unit, start: n.start, sentence });
        prev = { unit, sentence, value: n.value };
      }
      continue;
    }
    const after = tokenize(text.slice(n.end, n.end + NOUN_REACH));
    // a percentage: 60 في المئة، ستين بالمئة، 60%
    const pct = after[0] && PERCENT.has(after[0].norm) ? after[0] : after[0]?.norm === 'في' && after[1] && PERCENT.has(after[1].norm) ? after[1] : null;
    if (pct) {
      out.push({ value: n.value, approximate: n.approximate, text: text.slice(n.start, n.end + pct.end), unit: PERCENT_UNIT, start: n.start, sentence });
      prev = { unit: PERCENT_UNIT, sentence, value: n.value };
      continue;
    }
    // the noun right after the number, past a partitive من (مئة ألف من سكان الإقليم)
    let noun: Token | undefined = after[0];
    if (noun && noun.norm === 'من' && n.value >= 10 && after[1]?.kind === 'word') noun = after[1];
    let end = n.end;
    let unit: string | null = null;
    if (noun && noun.kind === 'word' && !FUNCTION_WORDS.has(noun.norm)) {
      unit = unitOf(noun.norm);
      end = n.end + noun.end;
      if (GENERIC_COUNTED.has(unit)) unit = contextUnit(text, n.start, end) ?? (unit === GENERIC_OTHERS && prev && prev.sentence === sentence && comparable(prev.value, n.value) ? prev.unit : unit);
    } else if (prev && prev.sentence === sentence && comparable(prev.value, n.value)) {
      unit = prev.unit; // "... 5 آلاف قتيل ... عن 4 آلاف"
    }
    if (!unit) continue;
    out.push({ value: n.value, approximate: n.approximate, text: text.slice(n.start, end), unit, start: n.start, sentence });
    prev = { unit, sentence, value: n.value };
  }
  return out;
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

/** The unit the words around a generic count give (death, missing, injury, displacement words), or null. */
function contextUnit(text: string, start: number, end: number): string | null {
  // the words before, within the sentence
  const head = tokenize(text.slice(Math.max(0, start - 60), start));
  let from = 0;
  head.forEach((t, i) => { if (t.kind === 'punct' && /[.!?؟]/.test(t.text)) from = i + 1; });
  const before = head.slice(from).filter((t) => t.kind === 'word').slice(-CONTEXT_BEFORE);
  const tail = tokenize(text.slice(end, end + 40));
  const stop = tail.findIndex((t) => t.kind === 'punct' && /[.!?؟]/.test(t.text));
  const after = (stop >= 0 ? tail.slice(0, stop) : tail).filter((t) => t.kind === 'word').slice(0, CONTEXT_AFTER);
  // nearest first: the word right before the number, then the word right after the noun, then further out
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    for (const t of [before[before.length - 1 - i], after[i]]) {
      if (!t) continue;
      const u = UNIT_CONTEXT.get(bare(t.norm)) ?? UNIT_CONTEXT.get(t.norm);
      if (u) return u;
    }
  }
  return null;
}
