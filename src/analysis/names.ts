// Transliteration-aware name matching, safe first: the same foreign or Arabic name spelled by different outlets
// (تشاووش أوغلو / جاويش أوغلو / تشاوش اوغلو, آكار / أكار, أستانة / أستانا / آستانا, غوتيريش / جوتيريس, شولتس /
// شولتز) gets the same or a near key, while look-alikes stay apart: لافروف / لافرينتييف, two different Arabic names
// however few letters apart (محمد / محمود, حسن / حسين, سعد / سعيد, كريم / كريمة: an Arabic name's letters are its
// word, so only its spelling may vary), names that end differently (كاتي / كاتيا, فريدي / فريدة), short names with
// their vowels moved (بارون / براون), and numbers that differ (القرار 2254 / القرار 242).
import { NAME_MATCH } from './config.js';
import { memoized } from '../text/index.js';
import { ARABIC_FAMILY_NAMES, ARABIC_GIVEN_NAMES } from './name-lists.js';

const HARAKAT = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const BIDI = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Orthographic folding used for every comparison: no harakat/tatweel, one alef, ى→ي, ة→ه, hamza seats folded.
 * Called for every word of every article (and again on its bare forms): memoized for words, not sentences.
 */
export const fold: (s: string) => string = memoized(computeFold, 40);

function computeFold(s: string): string {
  return s.normalize('NFC').replace(HARAKAT, '').replace(BIDI, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/ء/g, '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
}

// Letter classes of Arabic transliteration of foreign (Turkish, Russian, Persian, Western) names.
// Source: common transliteration practice in Arabic news (Turkish ç/c → تش/ج, g → غ/ك/ق/ج, v → ف/ڤ,
// p → ب/پ) plus emphatic/plain pairs that outlets interchange (ت/ط, س/ص/ث, ز/ذ/ظ, د/ض).
// The digraph تش is replaced first. Vowel letters ا و ي are kept; the distance treats them as cheap.
const CLASS_OF: Record<string, string> = {
  'ج': 'G', 'ش': 'J', 'چ': 'J', 'ژ': 'J',
  'ك': 'K', 'ق': 'K', 'غ': 'K', 'گ': 'K', 'ڭ': 'K',
  'ب': 'B', 'پ': 'B',
  'ف': 'F', 'ڤ': 'F',
  'ت': 'T', 'ط': 'T',
  'س': 'S', 'ص': 'S', 'ث': 'S',
  'ز': 'Z', 'ذ': 'Z', 'ظ': 'Z',
  'د': 'D', 'ض': 'D',
};
const VOWELS = new Set(['ا', 'و', 'ي']);
// Letters that transliterate one foreign sound two ways and so swap at a reduced cost (NAME_MATCH.nearCost):
// v/w as ف or و (Schwertfeger شفيرتفيغر / شويرتفيغر), German/Russian "ch" as خ, ش or ك (Köchler كوخلر / كوشلر),
// ج as Turkish c/ç (جاويش / تشاووش, with ش) or as Egyptian g (جريجوري / غريغوري, with غ/ك/ق).
// s and z as س, ز or تس (شولتس / شولتز), and Portuguese or Spanish s as ش or س (غوتيريش / جوتيريس).
const NEAR_PAIRS = new Set(['Fو', 'وF', 'خJ', 'Jخ', 'خK', 'Kخ', 'GJ', 'JG', 'GK', 'KG', 'SZ', 'ZS', 'SJ', 'JS']);

// tokenKey and sameTokenKey are pure and called for every word of every article against every name of the
// story: memoized (news vocabulary repeats), with a size cap so a long-running server stays bounded.
const MEMO_MAX = 100_000;
const sameTokenMemo = new Map<string, Map<string, boolean>>();
let sameTokenPairs = 0;

/**
 * Key of one name token: folded, the article ال dropped, letter classes applied, doubled letters collapsed, final
 * ه→ا, digits kept. An ال written with hamza (أليكسي, ألبرت, ألمانيا) is part of a foreign name, not the article, and
 * stays (a folded token has lost the hamza: its ال is taken for the article).
 */
export const tokenKey: (token: string) => string = memoized(computeTokenKey);

/** The Arabic given and family names of name-lists.ts, folded, with and without ال: their keys are their letters. */
const ARABIC_NAMES = new Set([...ARABIC_GIVEN_NAMES, ...ARABIC_FAMILY_NAMES].filter((n) => !n.includes(' '))
  .flatMap((n) => { const f = collapseDoubled(fold(n)); return f.startsWith('ال') && f.length > 3 ? [f, f.slice(2)] : [f]; }));
/** A word with each doubled letter written once (داوود → داود): spellings differ in that. */
function collapseDoubled(w: string): string {
  let out = '';
  for (const ch of w) if (out[out.length - 1] !== ch) out += ch;
  return out;
}
/** Leads the key of a listed Arabic name (no letter class or Arabic letter is '#'). */
const ARABIC_MARK = '#';

function computeTokenKey(token: string): string {
  const hamzaAl = /^[أإآ]ل/.test(token.replace(HARAKAT, ''));
  let t = fold(token).replace(/[^\u0621-\u064A\u067E\u0686\u0698\u06A4\u06AF\u06AD0-9]/g, '');
  if (t.length > 3 && t.startsWith('ال') && !hamzaAl) t = t.slice(2);
  // a listed Arabic name is its own letters: no transliteration classes (ثامر / سامر, زكي / ذكي are two names)
  const letters = collapseDoubled(t);
  if (ARABIC_NAMES.has(letters)) return ARABIC_MARK + letters;
  if (t.endsWith('ه') && t.length > 2) t = t.slice(0, -1) + 'ا';
  t = t.replace(/تش/g, 'J');
  let out = '';
  for (const ch of t) {
    const c = CLASS_OF[ch] ?? ch;
    if (out.length && out[out.length - 1] === c) continue; // تشاووش ~ تشاوش, doubled letters
    out += c;
  }
  return out;
}

/** Consonant skeleton of a token key (vowel letters dropped except the first letter): a blocking key. */
export const skeleton: (key: string) => string = memoized(computeSkeleton);

function computeSkeleton(key: string): string {
  if (!key) return key;
  let out = key[0];
  for (let i = 1; i < key.length; i++) if (!VOWELS.has(key[i])) out += key[i];
  return out;
}

/** Splits a name into matching tokens: joins عبد/أبو with the next token, ابن→بن. Tokens keep their hamza (see
 * tokenKey); fold() them to compare letters. */
export function nameTokens(name: string): string[] {
  const raw = name.normalize('NFC').replace(HARAKAT, '').replace(BIDI, '').split(/[\s\-–_/.،,()«»"“”]+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i];
    const f = fold(t);
    if (f === 'ابن') t = 'بن';
    if ((f === 'عبد' || f === 'ابو' || f === 'ابي' || f === 'ابا') && i + 1 < raw.length) { t = t + raw[++i]; }
    out.push(t);
  }
  return out;
}

/**
 * The key of a whole name: token keys joined by a space. Two names with the same nameKey are the same name.
 * Every mention's surface is keyed and names recur across articles: memoized (not for long strings).
 */
export const nameKey: (name: string) => string = memoized(computeNameKey, 80);
function computeNameKey(name: string): string {
  return nameTokens(name).map(tokenKey).filter(Boolean).join(' ');
}

/** Weighted edit distance between two token keys: vowel letters cost little, consonant classes a full unit. */
export function tokenDistance(a: string, b: string, costs: { vowelCost: number; nearCost: number } = NAME_MATCH): number {
  if (a === b) return 0;
  const n = a.length, m = b.length;
  const { vowelCost, nearCost } = costs;
  const { consonantCost } = NAME_MATCH;
  // ف next to و is the Turkish v spelt وو or فو (Yavuz ياووز / يافوز): inserting it costs a vowel edit
  const cost = (ch: string, s: string, i: number) =>
    (VOWELS.has(ch) || (ch === 'F' && (s[i - 1] === 'و' || s[i + 1] === 'و')) ? vowelCost : consonantCost);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + cost(b[j - 1], b, j - 1);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0] + cost(a[i - 1], a, i - 1);
    for (let j = 1; j <= m; j++) {
      const x = a[i - 1], y = b[j - 1];
      let sub: number;
      if (x === y) sub = 0;
      else if (VOWELS.has(x) && VOWELS.has(y)) sub = vowelCost;
      else if (NEAR_PAIRS.has(x + y)) sub = nearCost;
      else sub = consonantCost;
      cur[j] = Math.min(prev[j - 1] + sub, prev[j] + cost(x, a, i - 1), cur[j - 1] + cost(y, b, j - 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** Whether two name tokens (as keys) are spelling variants of each other. */
export function sameTokenKey(a: string, b: string): boolean {
  if (a === b) return true;
  // two-level memo (no key string built per call): the smaller key first, the relation is symmetric
  const x = a < b ? a : b, y = a < b ? b : a;
  let inner = sameTokenMemo.get(x);
  let same = inner?.get(y);
  if (same === undefined) {
    same = computeSameTokenKey(a, b);
    if (sameTokenPairs >= MEMO_MAX) { sameTokenMemo.clear(); sameTokenPairs = 0; inner = undefined; }
    if (inner === undefined) { inner = new Map<string, boolean>(); sameTokenMemo.set(x, inner); }
    inner.set(y, same);
    sameTokenPairs++;
  }
  return same;
}

const DIGIT = /[0-9]/;
/** A word's last letter that changes the name when it differs (كاتي / كاتيا, فريدي / فريدة, كريم / كريمة). */
const endsInVowel = (k: string) => VOWELS.has(k[k.length - 1]);

/** How many vowel letters `long` adds to `short` when it is `short` with vowels inserted, else Infinity. */
function vowelsAdded(short: string, long: string): number {
  let i = 0, added = 0;
  for (const ch of long) {
    if (i < short.length && ch === short[i]) i++;
    else if (VOWELS.has(ch)) added++;
    else return Infinity;
  }
  return i === short.length ? added : Infinity;
}

function computeSameTokenKey(a: string, b: string): boolean {
  if (DIGIT.test(a) || DIGIT.test(b)) return false; // numbers are equal or different, never near (2254 / 242)
  // one written with the article, one without (المانيا / ألمانيا, اليكسي / أليكسي): the same word after it
  if (a.startsWith('ال') !== b.startsWith('ال')) return a.startsWith('ال') ? a.slice(2) === b : b.slice(2) === a;
  if (a[0] === ARABIC_MARK || b[0] === ARABIC_MARK) return false; // a listed Arabic name matches only itself
  const shorter = Math.min(a.length, b.length);
  // a short word's ending is part of which name it is; a long foreign one may gain a final vowel (سانتورين / سانتوريني)
  if (shorter <= NAME_MATCH.shortWord && a[a.length - 1] !== b[b.length - 1] && (endsInVowel(a) || endsInVowel(b))) return false;
  if (a[0] !== b[0] && !(VOWELS.has(a[0]) && VOWELS.has(b[0])) && !NEAR_PAIRS.has(a[0] + b[0])) return false;
  // long vowels written or left out (كرزون / كارازون, جورجا / جيورجيا): the same letters with up to two more vowels
  if (shorter >= 4 && vowelsAdded(a.length < b.length ? a : b, a.length < b.length ? b : a) <= 2) return true;
  const limit = shorter <= 3 ? NAME_MATCH.shortTokenMax : NAME_MATCH.tokenMax;
  const costs = shorter <= NAME_MATCH.shortWord ? NAME_MATCH.short : NAME_MATCH;
  if (Math.abs(a.length - b.length) * costs.vowelCost > limit + 1e-9) return false;
  return tokenDistance(a, b, costs) <= limit + 1e-9; // 0.4 + 0.4 is 0.8000000000000001 in floating point
}

/** Same name written two ways? Token by token, after folding and transliteration classes.
 * Different token counts never match here (surname-alone resolution is done with story context). */
export function sameName(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') throw new TypeError('sameName: both names must be strings');
  return sameKey(nameTokens(a).map(tokenKey).filter(Boolean).join(' '), nameTokens(b).map(tokenKey).filter(Boolean).join(' '));
}

/** sameName over two nameKey() results (keys hold class letters, so they must not be keyed again). */
export function sameKey(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ka = a.split(' '), kb = b.split(' ');
  if (ka.join('') === kb.join('')) return true; // عبدالعزيز / عبد العزيز, أبوظبي / أبو ظبي
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (!sameTokenKey(ka[i], kb[i])) return false;
  return true;
}
