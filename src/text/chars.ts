// Per-UTF-16-unit lookup tables shared by normalize, tokenize and the analyzer's hot loop.
// Built once at module load (a few ms); every later decision is one array read, no regex.

/** Character classes used by the tokenizer. */
export const C_OTHER = 0; // symbol
export const C_ARABIC = 1; // Arabic-script letter
export const C_MARK = 2; // harakat, shadda, sukun, Quranic marks, tatweel: stay inside a word
export const C_DIGIT = 3; // ASCII, Arabic-Indic, Eastern Arabic-Indic digits
export const C_LATIN = 4; // letters of any other script (Latin, Cyrillic, Greek, Hebrew, CJK…)
export const C_SPACE = 5;
export const C_PUNCT = 6;
export const C_IGNORE = 7; // zero-width and bidi controls: invisible, never a token
export const C_SURROGATE = 8; // half of an astral code point (or a lone one)

export const CLASS = new Uint8Array(65536);

/**
 * NORM_MAP[c] = the code unit c becomes in the matching form; DROP = removed; MULTI = see NORM_MULTI.
 * Identity for most characters.
 */
export const NORM_MAP = new Uint16Array(65536);
export const DROP = 0;
export const MULTI = 0xffff;
export const NORM_MULTI = new Map<number, string>();

/** The code units a..b-1 as one string (no surrogates in the range): decoded natively from the identity table, as
 * a loop building it would run at every start before the JIT has compiled it. */
function unitsString(identity: Uint16Array, a: number, b: number): string {
  const bytes = Buffer.from(identity.buffer, identity.byteOffset + 2 * a, 2 * (b - a));
  return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function range(a: number, b: number, f: (c: number) => void): void {
  for (let c = a; c <= b; c++) f(c);
}

// Arabic marks removed for matching (Unicode blocks per the issue: U+0610–061A, U+064B–065F, U+0670,
// U+06D6–06ED) plus tatweel U+0640 and the Arabic Extended-A marks U+08D3–08FF.
function isArabicMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed && c !== 0x06e5 && c !== 0x06e6) || c === 0x0640 || (c >= 0x08d3 && c <= 0x08ff);
}

// Letter folding for matching. Sources: Lucene ArabicNormalizer (hamza-on-alef forms, alef maksura,
// teh marbuta, tatweel, harakat) and PersianNormalizer (ی ک ۀ ھ), extended by us for news text:
// wasla, Urdu/Persian/Maghrebi letters seen in transliterated names, and (our choice, unlike Lucene)
// hamza on waw/yeh ؤ ئ → bare hamza ء: outlets differ on the seat (مسؤول/مسئول, شؤون/شئون, شيء/شيئ),
// rarely on the hamza itself, so folding the seat merges real variants and almost no distinct words.
const LETTER_FOLD: Array<[string, string]> = [
  ['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ٲ', 'ا'], ['ٳ', 'ا'], ['ٵ', 'ا'],
  ['ى', 'ي'], ['ی', 'ي'], ['ې', 'ي'], ['ۍ', 'ي'], ['ێ', 'ي'], ['ے', 'ي'], ['ۓ', 'ي'], ['ئ', 'ء'], ['ٸ', 'ء'],
  ['ة', 'ه'], ['ۀ', 'ه'], ['ۃ', 'ه'], ['ھ', 'ه'], ['ہ', 'ه'], ['ە', 'ه'],
  ['ؤ', 'ء'], ['ٶ', 'ء'], ['ۄ', 'و'], ['ۅ', 'و'], ['ۆ', 'و'], ['ۇ', 'و'], ['ۈ', 'و'], ['ۉ', 'و'], ['ۋ', 'و'],
  ['ک', 'ك'], ['ڪ', 'ك'], ['گ', 'ك'], ['ګ', 'ك'],
  ['پ', 'ب'], ['چ', 'ج'], ['ژ', 'ز'], ['ڤ', 'ف'], ['ڥ', 'ف'], ['ڨ', 'ق'], ['ڭ', 'ك'],
  // Arabic decimal and thousands separators fold to ASCII so "٣٫٥" matches "3.5".
  ['٫', '.'], ['٬', ','],
];

function build(): void {
  for (let c = 0; c < 65536; c++) NORM_MAP[c] = c;

  // Classify the whole BMP with four global regex scans (native, ~10 ms) instead of testing each code
  // unit separately (~800 ms, paid at every CLI start). L, M, P and \s are disjoint categories.
  CLASS.fill(C_OTHER);
  CLASS.fill(C_SURROGATE, 0xd800, 0xe000);
  const low = unitsString(NORM_MAP, 0, 0xd800);
  const high = unitsString(NORM_MAP, 0xe000, 0x10000);
  NORM_MAP[0xffff] = 0xfffd; // keep the MULTI sentinel free: U+FFFF is a noncharacter anyway
  const scans: Array<[RegExp, number]> = [[/\p{L}+/gu, C_LATIN], [/\p{M}+/gu, C_MARK], [/\s+/gu, C_SPACE], [/\p{P}+/gu, C_PUNCT]];
  const spaces: number[] = [];
  for (const [re, cls] of scans) {
    for (const [text, base] of [[low, 0], [high, 0xe000]] as Array<[string, number]>) {
      for (const m of text.matchAll(re)) {
        CLASS.fill(cls, base + m.index!, base + m.index! + m[0].length);
        if (cls === C_SPACE) for (let c = base + m.index!; c < base + m.index! + m[0].length; c++) spaces.push(c);
      }
    }
  }
  // Arabic script letters (Arabic, Supplement, Extended-A, presentation forms).
  const arabicRanges: Array<[number, number]> = [
    [0x0620, 0x064a], [0x066e, 0x066f], [0x0671, 0x06d3], [0x06d5, 0x06d5], [0x06ee, 0x06ef], [0x06fa, 0x06fc],
    [0x06ff, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08c9], [0xfb50, 0xfdff], [0xfe70, 0xfefc],
  ];
  for (const [a, b] of arabicRanges) range(a, b, (c) => { if (CLASS[c] === C_LATIN) CLASS[c] = C_ARABIC; });
  range(0x0600, 0x08ff, (c) => { if (isArabicMark(c)) { CLASS[c] = C_MARK; NORM_MAP[c] = DROP; } });
  CLASS[0x0640] = C_MARK; // tatweel is Lm in Unicode; it belongs inside words
  // Digits.
  range(0x30, 0x39, (c) => { CLASS[c] = C_DIGIT; });
  range(0x0660, 0x0669, (c) => { CLASS[c] = C_DIGIT; NORM_MAP[c] = 0x30 + c - 0x0660; });
  range(0x06f0, 0x06f9, (c) => { CLASS[c] = C_DIGIT; NORM_MAP[c] = 0x30 + c - 0x06f0; });
  // Invisible controls: zero-width space/joiners, LRM/RLM, ALM, bidi embeddings/isolates, BOM, soft hyphen.
  const invisible = [0x00ad, 0x061c, 0x180e, 0xfeff, 0x2028, 0x2029];
  range(0x200b, 0x200f, (c) => invisible.push(c));
  range(0x202a, 0x202e, (c) => invisible.push(c));
  range(0x2060, 0x206f, (c) => invisible.push(c));
  for (const c of invisible) { CLASS[c] = C_IGNORE; NORM_MAP[c] = DROP; }
  CLASS[0x2028] = C_SPACE; CLASS[0x2029] = C_SPACE; NORM_MAP[0x2028] = 0x0a; NORM_MAP[0x2029] = 0x0a;
  // Odd spaces (NBSP, en/em/thin spaces, narrow NBSP, ideographic) become a plain space; \t \r \n stay.
  for (const c of spaces) {
    if (CLASS[c] === C_SPACE && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x20 && NORM_MAP[c] === c) NORM_MAP[c] = 0x20;
  }
  for (const [from, to] of LETTER_FOLD) NORM_MAP[from.charCodeAt(0)] = to.charCodeAt(0);
  // Latin-1 and Latin Extended upper case → lower case (single unit results only).
  for (let c = 0x41; c < 0x0250; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== c) NORM_MAP[c] = lower.charCodeAt(0);
  }
  range(0x0391, 0x042f, (c) => { const l = String.fromCharCode(c).toLowerCase(); if (l.length === 1) NORM_MAP[c] = l.charCodeAt(0); });
  // Arabic presentation forms (ligatures like ﻻ, ﷲ): NFKC, then fold the result with the table above.
  for (const [a, b] of [[0xfb50, 0xfdff], [0xfe70, 0xfeff]] as Array<[number, number]>) {
    for (let c = a; c <= b; c++) {
      if (CLASS[c] === C_IGNORE) continue;
      const k = String.fromCharCode(c).normalize('NFKC');
      if (k.length === 1 && k.charCodeAt(0) === c) continue;
      let folded = '';
      for (let i = 0; i < k.length; i++) {
        const m = NORM_MAP[k.charCodeAt(i)]!;
        if (m !== DROP && m !== MULTI) folded += String.fromCharCode(m);
      }
      if (folded.length === 1) NORM_MAP[c] = folded.charCodeAt(0);
      else if (folded.length === 0) NORM_MAP[c] = DROP;
      else { NORM_MAP[c] = MULTI; NORM_MULTI.set(c, folded); }
      if (folded.trim().length === 0) {
        // Isolated harakat forms (U+FE70–FE7F) decompose to space + mark: treat them as marks.
        CLASS[c] = k.trim().length === 0 ? C_SPACE : C_MARK;
        NORM_MAP[c] = k.trim().length === 0 ? 0x20 : DROP;
      }
    }
  }
  NORM_MAP[0] = 0; // U+0000 is dropped from the matching form (DROP === 0)
}
build();
