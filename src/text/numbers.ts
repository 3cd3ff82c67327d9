// Numbers in Arabic news: digits (١٬٥٠٠, 3.5), number words (ثلاثة آلاف, ألفي, مليون ونصف), mixed forms
// (360 ألف, 3.5 مليار) and hedges (نحو 50, أكثر من 100, عشرات, آلاف).
import { normalize } from './normalize.js';
import { tokenize, type Token } from './tokenize.js';

export interface NumberMention {
  value: number;
  /** True for hedged figures: نحو/حوالي/قرابة/زهاء/أكثر من … 50, 50 تقريبا, and bare عشرات/مئات/آلاف. */
  approximate: boolean;
  text: string;
  start: number;
  end: number;
}

type Kind = 'unit' | 'teen10' | 'ten' | 'hundred' | 'mult' | 'dual' | 'plural' | 'some' | 'fraction' | 'unitTeenOnly';
interface Entry { kind: Kind; value: number }

// Number words (surface forms; normalized at load). Written by us from standard Arabic grammar
// (masculine/feminine, nominative/oblique, construct state, dual and plural of the multipliers).
const WORDS: Array<[Kind, number, string]> = [
  ['unit', 0, 'صفر'],
  ['unit', 1, 'واحد واحدة'], ['unitTeenOnly', 1, 'أحد إحدى'],
  ['unit', 2, 'اثنان اثنين اثنتان اثنتين اثني اثنا اثنتا اثنتي'],
  ['unit', 3, 'ثلاث ثلاثة'], ['unit', 4, 'أربع أربعة'], ['unit', 5, 'خمس خمسة'], ['unit', 6, 'ست ستة'],
  ['unit', 7, 'سبع سبعة'], ['unit', 8, 'ثمان ثماني ثمانية'], ['unit', 9, 'تسع تسعة'],
  ['teen10', 10, 'عشر عشرة'],
  ['ten', 20, 'عشرون عشرين'], ['ten', 30, 'ثلاثون ثلاثين'], ['ten', 40, 'أربعون أربعين'], ['ten', 50, 'خمسون خمسين'],
  ['ten', 60, 'ستون ستين'], ['ten', 70, 'سبعون سبعين'], ['ten', 80, 'ثمانون ثمانين'], ['ten', 90, 'تسعون تسعين'],
  ['hundred', 100, 'مائة مئة'], ['hundred', 200, 'مائتان مائتين مائتي مائتا مئتان مئتين مئتي مئتا'],
  ['hundred', 300, 'ثلاثمائة ثلاثمئة'], ['hundred', 400, 'أربعمائة أربعمئة'], ['hundred', 500, 'خمسمائة خمسمئة'],
  ['hundred', 600, 'ستمائة ستمئة'], ['hundred', 700, 'سبعمائة سبعمئة'], ['hundred', 800, 'ثمانمائة ثمانمئة ثمانيمائة'],
  ['hundred', 900, 'تسعمائة تسعمئة'],
  ['mult', 1e3, 'ألف ألفا'], ['dual', 1e3, 'ألفان ألفين ألفي'], ['plural', 1e3, 'آلاف ألوف'],
  ['mult', 1e6, 'مليون مليونا'], ['dual', 1e6, 'مليونان مليونين مليوني'], ['plural', 1e6, 'ملايين'],
  ['mult', 1e9, 'مليار بليون مليارا بليونا'], ['dual', 1e9, 'ملياران مليارين ملياري بليونين'], ['plural', 1e9, 'مليارات بلايين'],
  ['mult', 1e12, 'تريليون ترليون'], ['dual', 1e12, 'تريليونين ترليونين'], ['plural', 1e12, 'تريليونات'],
  ['some', 10, 'عشرات'], ['some', 100, 'مئات مئآت'],
  ['fraction', 0.5, 'نصف'], ['fraction', 0.25, 'ربع'], ['fraction', 1 / 3, 'ثلث'],
];
const LEXICON = new Map<string, Entry>();
for (const [kind, value, forms] of WORDS) for (const f of forms.split(' ')) LEXICON.set(normalize(f), { kind, value });

// Hedges before a number (normalized, clitics و/ب removed) and two-word hedges "X من/عن/على".
const APPROX_BEFORE = new Set(['نحو', 'حوالي', 'قرابه', 'زهاء', 'يقارب', 'يناهز', 'تقريبا', 'ما يقارب'].map(normalize));
const APPROX_BEFORE_PAIR = new Set(['اكثر', 'اقل', 'يزيد', 'يربو', 'يقل', 'ازيد'].map(normalize));
const APPROX_PAIR_LINK = new Set(['من', 'عن', 'علي']);
const APPROX_AFTER = new Set(['تقريبا'].map(normalize));

/** Lexicon entry for a word, allowing one proclitic (و ب ل ك ف) and/or the article; `otherClitic` for ب ل ك ف. */
function lookup(norm: string): { entry: Entry; hasWaw: boolean; otherClitic: boolean } | null {
  let e = LEXICON.get(norm);
  if (e) return { entry: e, hasWaw: false, otherClitic: false };
  let w = norm;
  let hasWaw = false;
  let otherClitic = false;
  const c = w.charCodeAt(0);
  if (c === 0x0648 || c === 0x0628 || c === 0x0644 || c === 0x0643 || c === 0x0641) {
    hasWaw = c === 0x0648;
    otherClitic = !hasWaw;
    w = w.slice(1);
    e = LEXICON.get(w);
    if (e) return { entry: e, hasWaw, otherClitic };
  }
  if (w.startsWith('ال')) {
    e = LEXICON.get(w.slice(2));
    if (e && e.kind !== 'fraction') return { entry: e, hasWaw, otherClitic };
  }
  return null;
}

function digitValue(norm: string): number {
  // normalizeNumber already dropped thousands separators; a remaining comma is a decimal comma (5,00).
  const v = Number(norm.replace(',', '.'));
  return Number.isFinite(v) ? v : NaN;
}

function stripClitic(norm: string): string {
  const c = norm.charCodeAt(0);
  return norm.length > 3 && (c === 0x0648 || c === 0x0628) ? norm.slice(1) : norm;
}

/** All number mentions in s, in order. Never throws; linear in the number of tokens. */
export function findNumbers(s: string): NumberMention[] {
  if (typeof s !== 'string' || s.length === 0) return [];
  const toks = tokenize(s).filter((t) => t.kind !== 'symbol' || t.text !== '\u0640');
  const out: NumberMention[] = [];
  let i = 0;
  while (i < toks.length) {
    const m = readPhrase(s, toks, i);
    if (m === null) { i++; continue; }
    out.push(m.mention);
    i = m.next;
  }
  return out;
}

function readPhrase(s: string, toks: Token[], first: number): { mention: NumberMention; next: number } | null {
  let total = 0;
  let current = 0;
  let lastMult = 0;
  let lastKind: Kind | 'digits' | null = null;
  let approx = false;
  let connector = false; // a و was seen since the last component
  let endTok = -1;
  let j = first;
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.kind === 'number') {
      const v = digitValue(t.norm);
      if (Number.isNaN(v)) break;
      // Digits continue a phrase only below a multiplier or a hundred (٤ آلاف ٣ مائة و ٢١); "5 و 17" are two numbers.
      if (lastKind !== null) {
        const below = lastKind === 'hundred' ? 100 : (lastKind === 'mult' || lastKind === 'plural' || lastKind === 'dual') ? lastMult : 0;
        if (v >= below) break;
      }
      current += v;
      lastKind = 'digits';
      connector = false;
      endTok = j;
      continue;
    }
    if (t.kind !== 'word') break;
    if (t.norm === 'و') {
      if (lastKind === null) break;
      connector = true;
      continue;
    }
    const hit = lookup(t.norm);
    if (hit === null) break;
    const { entry } = hit;
    // After a number, a word with ب ل ك ف is not part of it: 20 بالمائة is 20 per cent, not 120.
    if (lastKind !== null && hit.otherClitic) break;
    // بالمئة / بالمائة alone is the per-cent sign, not a hundred.
    if (lastKind === null && hit.otherClitic && entry.kind === 'hundred' && entry.value === 100 && t.norm.slice(1).startsWith('ال')) break;
    if (lastKind !== null && hit.hasWaw) connector = true;
    if (lastKind === null && hit.hasWaw && t.norm.charCodeAt(0) === 0x0648) {
      // "و" + number word at the start: fine (وثلاثة آلاف).
    }
    if (lastKind !== null && !connector) {
      // Without "و", only multiplication continues a phrase: ثلاثة آلاف, 360 ألف, ثلاث مئة, اثنا عشر.
      // مئة multiplies a unit (ثلاث مئة = 300), never a ten or a larger figure.
      const hundredTimes = entry.kind === 'hundred' && entry.value === 100 && (lastKind === 'unit' || lastKind === 'digits') && current > 0 && current < 10;
      const multiplies = entry.kind === 'mult' || entry.kind === 'plural' || hundredTimes ||
        (entry.kind === 'teen10' && lastKind === 'unit') || (entry.kind === 'teen10' && lastKind === 'unitTeenOnly');
      if (!multiplies) break;
    }
    if (entry.kind === 'unitTeenOnly') {
      const next = toks[j + 1];
      if (!next || lookup(next.norm)?.entry.kind !== 'teen10') break;
    }
    switch (entry.kind) {
      case 'unit': case 'unitTeenOnly': case 'ten': current += entry.value; break;
      case 'teen10':
        if (lastKind === 'unit' || lastKind === 'unitTeenOnly') current += 10;
        else current += entry.value;
        break;
      case 'hundred':
        if (entry.value === 100 && (lastKind === 'unit' || lastKind === 'digits') && !connector && current > 0 && current < 10) current *= 100;
        else current += entry.value;
        break;
      case 'mult':
        total += (current === 0 ? 1 : current) * entry.value;
        current = 0; lastMult = entry.value;
        break;
      case 'dual':
        total += (current === 0 ? 2 : current) * entry.value;
        current = 0; lastMult = entry.value;
        break;
      case 'plural':
        if (current === 0 && total === 0) approx = true;
        total += (current === 0 ? 1 : current) * entry.value;
        current = 0; lastMult = entry.value;
        break;
      case 'some':
        if (lastKind !== null) return null;
        current = entry.value; approx = true;
        break;
      case 'fraction':
        if (lastKind === null) return null; // a bare نصف/ربع is not a count
        if (lastMult && current === 0) total += lastMult * entry.value;
        else current += entry.value;
        break;
    }
    lastKind = entry.kind;
    connector = false;
    endTok = j;
  }
  if (endTok < first) return null;
  let startTok = first;
  // A minus sign glued to the digits: -1.
  let startOff = toks[startTok]!.start;
  const firstTok = toks[startTok]!;
  let sign = 1;
  if (firstTok.kind === 'number' && startTok > 0) {
    const p = toks[startTok - 1]!;
    if ((p.text === '-' || p.text === '\u2212') && p.end === firstTok.start && (startTok < 2 || toks[startTok - 2]!.end < p.start)) {
      sign = -1; startOff = p.start;
    }
  }
  // Hedges.
  const prev = startTok > 0 ? toks[startTok - 1]! : null;
  if (prev && prev.kind === 'word') {
    if (APPROX_BEFORE.has(stripClitic(prev.norm))) approx = true;
    else if (APPROX_PAIR_LINK.has(prev.norm) && startTok > 1 && APPROX_BEFORE_PAIR.has(stripClitic(toks[startTok - 2]!.norm))) approx = true;
  }
  const after = toks[endTok + 1];
  if (after && after.kind === 'word' && APPROX_AFTER.has(after.norm)) approx = true;
  const value = sign * (total + current);
  const endOff = toks[endTok]!.end;
  return { mention: { value, approximate: approx, text: s.slice(startOff, endOff), start: startOff, end: endOff }, next: endTok + 1 };
}

/** The first number phrase in s (e.g. "ثلاثة آلاف" → 3000, "نحو 50" → 50 approximate), or null. */
export function parseNumber(s: string): { value: number; approximate: boolean } | null {
  const m = findNumbers(s)[0];
  return m ? { value: m.value, approximate: m.approximate } : null;
}
