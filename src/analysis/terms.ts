// Fact terms: the light stemmer's stems (src/text) keep clitics and pronoun suffixes (لروسيا، بتنسيق، تنسيقهم،
// سيواصل), and an adjective of nationality is not its country (العسكريون الروس والأتراك / العسكريون لروسيا وتركيا).
// Within one story, a stem is mapped to a shorter stem of the same story when it is that stem plus a clitic or a
// suffix, and an adjective of nationality (روسي، روس، تاراني) to the story's place it is formed from (روسيا، تارانيا).
// Mapping only onto stems the story itself uses keeps the rule from inventing words: بلدان does not become لدان.

/** Proclitics on a stem: conjunctions, prepositions, the future prefix; longest first. */
const PREFIXES = ['وب', 'ول', 'وس', 'فس', 'وك', 'ب', 'ل', 'ك', 'س', 'و', 'ف'];
/** Pronoun and inflection suffixes on a stem; longest first. */
const SUFFIXES = ['هما', 'هم', 'ها', 'كم', 'نا', 'ات', 'ين', 'ون', 'وا', 'ه', 'ي'];
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
    for (const p of ['', ...PREFIXES]) {
      if (p && !t.startsWith(p)) continue;
      for (const s of ['', ...SUFFIXES]) {
        if (!p && !s) continue;
        if (s && !t.endsWith(s)) continue;
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
