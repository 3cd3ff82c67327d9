// Fact terms: the light stemmer's stems (src/text) keep clitics and pronoun suffixes (لروسيا، بتنسيق، تنسيقهم،
// سيواصل), and an adjective of nationality is not its country (العسكريون الروس والأتراك / العسكريون لروسيا وتركيا).
// Within one story, a stem is mapped to a shorter stem of the same story when it is that stem plus a clitic or a
// suffix, and an adjective of nationality (روسي، روس، تاراني) to the story's place it is formed from (روسيا، تارانيا).
// Mapping only onto stems the story itself uses keeps the rule from inventing words: بلدان does not become لدان.

/** Proclitics on a stem: conjunctions, prepositions, the future prefix; longest first. */
const PREFIXES = ['وب', 'ول', 'وس', 'فس', 'وك', 'ب', 'ل', 'ك', 'س', 'و', 'ف'];
/** Pronoun and inflection suffixes on a stem; longest first. */
const SUFFIXES = ['هما', 'هم', 'ها', 'كم', 'نا', 'ات', 'ين', 'ون', 'وا', 'ه', 'ي'];
/** The affixes a term can carry by its first and last letter, each list led by '' (no affix). */
const NONE: string[] = [''];
const PREFIXES_BY_FIRST = new Map<string, string[]>();
for (const p of PREFIXES) PREFIXES_BY_FIRST.set(p[0], [...(PREFIXES_BY_FIRST.get(p[0]) ?? ['']), p]);
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const s of SUFFIXES) SUFFIXES_BY_LAST.set(s[s.length - 1], [...(SUFFIXES_BY_LAST.get(s[s.length - 1]) ?? ['']), s]);

/** Broken plurals of nationality: the adjective they stand for. Own list. */
const BROKEN_PLURALS = new Map<string, string>([['اتراك', 'تركي'], ['اكراد', 'كردي'], ['عرب', 'عربي'], ['روس', 'روسي'], ['ارمن', 'ارمني'], ['افغان', 'افغاني'], ['المان', 'الماني']]);

const isPlain = (t: string) => {
  const c = t.charCodeAt(0);
  return c >= 0x0621 && c <= 0x064a; // Arabic letters: not @entity, not a number or a date
};

/** The country of a nationality adjective among the story's places: روسي → روسيا, ايراني → ايران, فرنسي → فرنسا. */
function countryOf(adj: string, places: Set<string>): string | null {
  const a = BROKEN_PLURALS.get(adj) ?? adj;
  if (a.length < 4 || !a.endsWith('ي')) return null;
  const x = a.slice(0, -1);
  for (const c of [a + 'ا', x, x + 'ا']) if (places.has(c)) return c;
  return null;
}

/**
 * The conflation of a story's fact terms: term → the term it stands for (only terms that change are in the map).
 * `vocab`: every term of the story's sentences (a Set, or a Map keyed by term); `places`: the stems of its place names.
 */
export function conflation(vocab: { has(t: string): boolean; keys(): Iterable<string> }, places: Set<string>): Map<string, string> {
  const all = vocab;
  const out = new Map<string, string>();
  for (const t of all.keys()) {
    if (!isPlain(t)) continue;
    const country = countryOf(t, places);
    if (country) { out.set(t, country); continue; }
    if (t.length < 4) continue;
    // the longest shorter stem of the story that is t without a prefix and/or a suffix
    let best = '';
    const ps = PREFIXES_BY_FIRST.get(t[0]) ?? NONE, ss = SUFFIXES_BY_LAST.get(t[t.length - 1]) ?? NONE;
    if (ps === NONE && ss === NONE) continue;
    for (const p of ps) {
      if (p && !t.startsWith(p)) continue;
      for (const s of ss) {
        if ((!p && !s) || (s && !t.endsWith(s))) continue;
        const c = t.slice(p.length, t.length - s.length);
        if (c.length >= 3 && c.length > best.length && all.has(c)) best = c;
      }
    }
    if (best) out.set(t, countryOf(best, places) ?? best);
  }
  // one step further where the target itself maps (بتنسيقهم → تنسيقهم → تنسيق)
  for (const [t, c] of out) { const d = out.get(c); if (d && d !== t) out.set(t, d); }
  return out;
}
