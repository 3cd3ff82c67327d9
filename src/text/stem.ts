// Light stemmer for normalized Arabic words, in the spirit of Larkey et al.'s Light-10 (SIGIR 2002 / 2007),
// with fixes for its classic errors. Input must already be normalize()d (ة→ه, ى→ي, أ/إ/آ→ا).
//
// Steps (each once, char-code checks, no regex, one slice at the end):
//  1. Words on a protected list come back as they are.
//  2. Prefix: an optional conjunction و/ف before an article-like prefix (وال فال وبال ولل فلل …), else the
//     article ال / بال / كال / فال / لل, keeping ≥ STEM_LIMITS.minAfterArticle letters; never the ال of
//     التزام/ألمانيا/ألف… (RADICAL_AL_*); لل before a ل-word gives the ل back (للجنة → لجنه).
//     Else a bare و if ≥ minAfterWaw letters remain and the word is not a و-word (وزير, وزارة, واشنطن …).
//     Unlike Light-10 we do not strip bare ف ب ك ل (فرنسا, بلاد, كتاب, لبنان would break).
//  3. Suffixes, keeping ≥ STEM_LIMITS.minAfterSuffix letters: the pronoun ها or ه (also ة, folded to ه), and
//     the ت a ة becomes before it (مقاطعتها → مقاطع, as مقاطعة);
//     then one plural/dual ending تين تان ات ون ين ان (not on protected words like قانون, بوتين, لبنان or
//     -ستان countries); then a final ه again (ساهدهات → ساهد).
//  4. The nisba ي is KEPT (Lucene removes it): سوري/سورية/سوريون/السوريين → سوري, while سوريا stays سوريا,
//     so country and adjective do not collapse into سور ("wall") as in Light-10.
//  5. A few spelling variants are folded (اميرك → امريك), so الأميركية and أمريكية share a stem.
import {
  LAM_INITIAL_WORDS, RADICAL_AL_PREFIXES, RADICAL_AL_WORDS, STEM_SPELLING_VARIANTS, SUFFIX_PROTECTED_WORDS,
  WAW_INITIAL_WORDS,
} from './stem-data.js';
import { normalize } from './normalize.js';
import { STEM_LIMITS } from './tuning.js';

const ALEF = 0x0627, BEH = 0x0628, TEH = 0x062a, FEH = 0x0641, KAF = 0x0643, LAM = 0x0644, NOON = 0x0646;
const HEH = 0x0647, WAW = 0x0648, YEH = 0x064a;

const MIN_ART = STEM_LIMITS.minAfterArticle;
const MIN_WAW = STEM_LIMITS.minAfterWaw;
const MIN_SUF = STEM_LIMITS.minAfterSuffix;

const radicalAlWords = new Set(RADICAL_AL_WORDS.map(normalize));
const radicalAlPrefixes = RADICAL_AL_PREFIXES.map(normalize);
const suffixProtected = new Set(SUFFIX_PROTECTED_WORDS.map(normalize));
const lamInitial = new Set(LAM_INITIAL_WORDS.map(normalize));
// و-words are compared after suffix removal, so store them suffix-stripped the same way.
const wawInitial = new Set(WAW_INITIAL_WORDS.map((w) => { const n = normalize(w); return n.slice(0, suffixEnd(n, 0, n.length)); }));
const variants = STEM_SPELLING_VARIANTS.map(([a, b]) => [normalize(a), normalize(b)] as const);

/** Is there an article-like prefix at position p: ال (2), بال/كال/فال (3), لل (2)? Returns its length or 0. */
function articleAt(w: string, p: number, n: number): number {
  const c = w.charCodeAt(p);
  if (c === ALEF) return w.charCodeAt(p + 1) === LAM ? 2 : 0;
  if (c === LAM) return w.charCodeAt(p + 1) === LAM ? 2 : 0;
  if ((c === BEH || c === KAF || c === FEH) && p + 2 < n && w.charCodeAt(p + 1) === ALEF && w.charCodeAt(p + 2) === LAM) return 3;
  return 0;
}

function hasRadicalAl(w: string, alPos: number): boolean {
  for (const p of radicalAlPrefixes) if (w.startsWith(p, alPos)) return true;
  return false;
}

/** End offset after removing suffixes from w[s..n). Only reads characters; allocates only for protected checks. */
function suffixEnd(w: string, s: number, n: number): number {
  let e = n;
  // Pronoun ها / ه (ه also covers the folded ة).
  let pronoun = false;
  if (w.charCodeAt(e - 1) === HEH) {
    if (w.charCodeAt(e - 2) === ALEF) { /* not ها: ends with اه */ }
    else if (e - 1 - s >= MIN_SUF) { e -= 1; pronoun = true; }
  } else if (w.charCodeAt(e - 1) === ALEF && w.charCodeAt(e - 2) === HEH && e - 2 - s >= MIN_SUF) {
    e -= 2;
    pronoun = true;
  }
  // A ة before a pronoun is written ت (مقاطعتها, زيارته): drop it as the ة of مقاطعة, زيارة is dropped, so the
  // noun with and without its pronoun meet. Not after ا (the plural ات below), and only where three letters remain:
  // بيته, صوتها, وقته keep their ت. A stem ending in a root ت (بيوتها, نباته) loses it, a rarer error.
  if (pronoun && w.charCodeAt(e - 1) === TEH && w.charCodeAt(e - 2) !== ALEF && e - 1 - s >= MIN_SUF) e -= 1;
  // Plural / dual endings.
  const last = w.charCodeAt(e - 1);
  const prev = w.charCodeAt(e - 2);
  let cut = 0;
  if (last === NOON && (prev === YEH || prev === WAW || prev === ALEF)) cut = 2; // ين ون ان
  else if (last === TEH && prev === ALEF) cut = 2; // ات
  if (cut) {
    if (prev !== WAW && w.charCodeAt(e - 3) === TEH) cut = 3; // تين تان (dual of a ة noun)
    // -ستان countries (باكستان, كردستان) and protected words keep their ending.
    const stan = prev === ALEF && last === NOON && cut === 3 && w.charCodeAt(e - 4) === 0x0633;
    if (!stan && e - cut - s < MIN_SUF && cut === 3) cut = 2;
    if (stan || e - cut - s < MIN_SUF || suffixProtected.has(w.slice(s, e))) cut = 0;
    e -= cut;
    if (cut && w.charCodeAt(e - 1) === HEH && e - 1 - s >= MIN_SUF) e -= 1; // ساهدهات → ساهد
  }
  return e;
}

/**
 * Light stem of a normalized word. Non-Arabic and short (< 3 letters) input comes back unchanged.
 * Never throws; constant work per character.
 */
export function stem(w: string): string {
  if (typeof w !== 'string') return '';
  const n = w.length;
  if (n < 3) return w;
  const c0 = w.charCodeAt(0);
  if (c0 < 0x0621 || c0 > 0x064a) return w;
  let s = 0;
  // Conjunction + article-like prefix.
  let art = 0;
  if ((c0 === WAW || c0 === FEH) && (art = articleAt(w, 1, n)) !== 0 && n - 1 - art >= MIN_ART) s = 1 + art;
  else if ((art = articleAt(w, 0, n)) !== 0 && n - art >= MIN_ART) s = art;
  if (s !== 0) {
    const lastTwo = w.charCodeAt(s - 1) === LAM && w.charCodeAt(s - 2) === ALEF; // the prefix ends in ال
    if (lastTwo && (hasRadicalAl(w, s - 2) || (s === 2 && radicalAlWords.has(w)))) {
      s -= 2; // ب+التزام: drop the preposition only
    } else if (!lastTwo) {
      // لل: للجنة is ل + اللجنة; give the ل back when the ل-word is known.
      if (lamInitial.has(w.slice(s - 1, suffixEnd(w, s - 1, n)) ) || lamInitial.has(w.slice(s - 1))) s -= 1;
    }
  } else if (c0 === WAW && n - 1 >= MIN_WAW) {
    const e0 = suffixEnd(w, 0, n);
    if (!wawInitial.has(w.slice(0, e0)) && !wawInitial.has(w)) s = 1;
  }
  if (s === 0 && suffixProtected.has(w)) return w;
  const e = suffixEnd(w, s, n);
  let out = s === 0 && e === n ? w : w.slice(s, e);
  if (out.charCodeAt(0) === ALEF && out.charCodeAt(1) === 0x0645) {
    for (const [from, to] of variants) if (out.startsWith(from)) { out = to + out.slice(from.length); break; }
  }
  return out;
}
