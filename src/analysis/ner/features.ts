// The tagger's view of a token: feature strings made for Arabic. A token is read in its clitic-split forms (a
// conjunction و/ف, a preposition ب/ل/ك and the article ال peeled off in turn: والمغرب → المغرب → مغرب), its light
// stem, the first and last letters and the letter pairs and triples of the bare form, its script and shape, and its
// membership in the word lists (first names, Arabic given and family names, titles, nationalities, place and
// organisation triggers, places, organisations). Context comes from the same facts of the two words on each side.
//
// Word features depend on the token's normalized form alone, so they are computed once per distinct form and the
// model looks them up once per form (see tagger.ts): news vocabulary repeats, and that is what makes tagging fast.
import { memoized, normalize, stem } from '../../text/index.js';
import {
  ADMIN_PLACE_TRIGGERS, FIRST_NAMES, NAME_STOPS, NATIONALITY_STEMS, ORG_TRIGGERS, ORGS, PERSON_TITLES, PLACE_SYNONYMS,
  PLACE_TRIGGERS, PLACES, SPEECH_VERBS, TITLE_FILLERS,
} from '../gazetteer.js';
import { ARABIC_FAMILY_NAMES, ARABIC_GIVEN_NAMES } from '../name-lists.js';

/** A token as the tagger sees it: its normalized form, kind and offsets in the text. */
export interface NerToken {
  /** normalize() of the surface (numbers: ASCII digits). */
  norm: string;
  kind: 'word' | 'number' | 'punct' | 'latin' | 'symbol';
  start: number;
  end: number;
}

const setOf = (xs: Iterable<string>) => new Set([...xs].map((x) => normalize(x)));
/** One-word entries of the place and organisation lists, and the heads of multi-word ones. */
const PLACE1 = new Set<string>();
const ORG1 = new Set<string>();
for (const p of [...PLACES, ...PLACE_SYNONYMS.flat()]) if (!p.includes(' ')) PLACE1.add(normalize(p));
for (const o of ORGS.flat()) if (!o.includes(' ')) ORG1.add(normalize(o));
const FIRST = setOf(FIRST_NAMES.filter((n) => !n.includes(' ')));
const GIVEN = setOf(ARABIC_GIVEN_NAMES.filter((n) => !n.includes(' ')));
const FAMILY = setOf(ARABIC_FAMILY_NAMES.filter((n) => !n.includes(' ')).flatMap((n) => (n.startsWith('ال') ? [n, n.slice(2)] : [n])));
const TITLES = setOf(PERSON_TITLES.filter((n) => !n.includes(' ')));
const NATIONALITY = setOf(NATIONALITY_STEMS);
const ORG_TRIG = setOf(ORG_TRIGGERS);
const PLACE_TRIG = setOf(PLACE_TRIGGERS);
const ADMIN_TRIG = setOf(ADMIN_PLACE_TRIGGERS);
const STOPS = setOf(NAME_STOPS);
const SPEECH = setOf(SPEECH_VERBS);
const FILLERS = setOf(TITLE_FILLERS);

/** The clitic-split forms of a normalized word: without a conjunction, then a preposition, then the article. */
export interface Split {
  /** The proclitics removed, e.g. "و+ال", "ب", "" (none). */
  clitics: string;
  /** Without و/ف. */
  noConj: string;
  /** Without و/ف and ب/ل/ك (لل → ال). */
  noPrep: string;
  /** Without any proclitic and without ال: the bare form. */
  bare: string;
  /** The bare form had the article (ال, or ل of لل). */
  definite: boolean;
}

/** Peels proclitics off a normalized word, keeping at least three letters after each cut (وزير, بلال stay whole
 * only in part: both readings reach the model, which weighs them). */
export function splitClitics(w: string): Split {
  const cl: string[] = [];
  let x = w;
  if (x.length > 3 && (x[0] === 'و' || x[0] === 'ف')) { cl.push(x[0]); x = x.slice(1); }
  const noConj = x;
  if (x.length > 3 && (x[0] === 'ب' || x[0] === 'ك')) { cl.push(x[0]); x = x.slice(1); }
  else if (x.length > 3 && x[0] === 'ل') {
    cl.push('ل');
    x = x[1] === 'ل' && x.length > 4 ? 'ا' + x.slice(1) : x.slice(1);
  }
  const noPrep = x;
  let definite = false;
  if (x.length > 4 && x.startsWith('ال')) { cl.push('ال'); x = x.slice(2); definite = true; }
  return { clitics: cl.join('+'), noConj, noPrep, bare: x, definite };
}

function lengthBucket(n: number): string {
  return n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 6 ? '5-6' : '7+';
}

/** The list flags in the order the model's features name them; a word's flags are a bit mask over them. */
const FLAG_LISTS: [string, Set<string>][] = [
  ['L:first', FIRST], ['L:given', GIVEN], ['L:family', FAMILY], ['L:title', TITLES], ['L:nat', new Set()], ['L:place', PLACE1],
  ['L:org', ORG1], ['L:admin', ADMIN_TRIG], ['L:trigP', PLACE_TRIG], ['L:trigO', ORG_TRIG], ['L:stop', STOPS],
  ['L:speech', SPEECH], ['L:filler', FILLERS],
];
const NAT_BIT = 1 << 4, ADMIN_BIT = 1 << 7, TRIG_P_BIT = 1 << 8;
/** Every listed word → the bits of the lists it is in: one lookup a form instead of one a list. */
const FLAG_BITS = new Map<string, number>();
FLAG_LISTS.forEach(([, set], b) => { for (const x of set) FLAG_BITS.set(x, (FLAG_BITS.get(x) ?? 0) | (1 << b)); });

/** What a word is in the rule layer's lists, tried on each of its clitic-split forms. */
function listFlags(forms: string[]): string[] {
  let bits = 0;
  for (const f of forms) {
    bits |= FLAG_BITS.get(f) ?? 0;
    if (!(bits & NAT_BIT) && isNationality(f)) bits |= NAT_BIT;
  }
  // a place trigger that is also administrative counts as administrative only
  if (bits & ADMIN_BIT) bits &= ~TRIG_P_BIT;
  const out: string[] = [];
  for (let b = 0; b < FLAG_LISTS.length; b++) if (bits & (1 << b)) out.push(FLAG_LISTS[b][0]);
  return out;
}

const NISBA_ENDINGS = ['يه', 'يين', 'يون', 'ي', 'ين', 'ون'];
function isNationality(f: string): boolean {
  const w = f.startsWith('ال') ? f.slice(2) : f;
  if (NATIONALITY.has(w)) return true;
  for (const e of NISBA_ENDINGS) {
    if (w.length > e.length + 2 && w.endsWith(e)) {
      const base = w.slice(0, -e.length);
      if (NATIONALITY.has(base + 'ي') || NATIONALITY.has(base)) return true;
    }
  }
  return false;
}

function latinShape(s: string): string {
  if (/^[A-Z][A-Z0-9.&-]+$/.test(s)) return 'LL';
  if (/^[A-Z]/.test(s)) return 'Lx';
  return 'lx';
}

/** The features of one word on its own (no context), as strings. `surface` is used only for Latin case. */
export interface WordFeatures {
  /** Features of the word at the position tagged. */
  self: string[];
  /** The facts a neighbour contributes (prefixed with its offset by the tagger). */
  near: string[];
  /** The facts a word two away contributes. */
  far: string[];
}

function computeWordFeatures(key: string): WordFeatures {
  const kind = key[0];
  const w = key.slice(1);
  if (kind === 'n') {
    const shape = `D${Math.min(w.replace(/[^0-9]/g, '').length, 5)}`;
    return { self: ['sh=num', `w=${shape}`], near: ['sh=num', `w=${shape}`], far: ['sh=num'] };
  }
  if (kind === 'p' || kind === 's') {
    const p = `p=${w}`;
    return { self: [p], near: [p], far: [p] };
  }
  if (kind === 'l' || kind === 'L') {
    const lower = w.toLowerCase();
    const shape = kind === 'L' ? latinShape(w) : 'lx';
    return {
      self: ['sh=lat', `sh=${shape}`, `w=${lower}`, `s3=${lower.slice(-3)}`, `len=${lengthBucket(w.length)}`],
      near: ['sh=lat', `sh=${shape}`, `w=${lower}`],
      far: ['sh=lat'],
    };
  }
  const sp = splitClitics(w);
  const bare = sp.bare;
  const forms = [...new Set([w, sp.noConj, sp.noPrep, sp.definite ? 'ال' + bare : bare])];
  const flags = listFlags(forms);
  const self = [
    `w=${w}`, `b=${bare}`, `st=${stem(w)}`, `cl=${sp.clitics}`,
    `p2=${bare.slice(0, 2)}`, `p3=${bare.slice(0, 3)}`, `s1=${bare.slice(-1)}`, `s2=${bare.slice(-2)}`, `s3=${bare.slice(-3)}`,
    `len=${lengthBucket(bare.length)}`, ...flags,
  ];
  if (sp.noConj !== w) self.push(`nc=${sp.noConj}`);
  if (sp.noPrep !== sp.noConj) self.push(`np=${sp.noPrep}`);
  if (sp.definite) self.push('def');
  if (w.length <= 1) self.push('short');
  // the letter pairs and triples inside the bare form (with its edges): foreign names share their transliteration's
  // letter patterns (-وف, -سكي, تش-, -يتش) wherever they fall in the word
  const edged = `^${bare}$`;
  for (const n of [2, 3]) for (let i = 0; i + n <= edged.length; i++) self.push(`g${n}=${edged.slice(i, i + n)}`);
  const near = [`b=${bare}`, `w=${w}`, `s2=${bare.slice(-2)}`, `cl=${sp.clitics}`, ...flags];
  if (sp.definite) near.push('def');
  const far = [`b=${bare}`, ...flags];
  return { self, near, far };
}

/** Word features, memoized per distinct form (kind letter + form). */
export const wordFeatures: (key: string) => WordFeatures = memoized(computeWordFeatures);

/** The memo key of a token: its kind and normalized form (Latin keeps its case, which the shape reads). */
export function wordKey(t: NerToken, surface: string): string {
  switch (t.kind) {
    case 'word': return 'a' + t.norm;
    case 'number': return 'n' + t.norm;
    case 'latin': return (surface !== t.norm ? 'L' : 'l') + surface;
    case 'symbol': return 's' + t.norm;
    default: return 'p' + t.norm;
  }
}
