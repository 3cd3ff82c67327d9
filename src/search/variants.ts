// Spelling variants of foreign names that the light stemmer does not fold, applied to stems both when
// indexing and when querying, so either spelling finds the other.
// Origin: the transliteration variants the seeds and the project brief show for the same people
// (Çavuşoğlu: جاويش / تشاووش / تشاوش; Erdoğan: أردوغان / أردوجان, the Egyptian-press ج for Turkish ğ)
// and a few common press spellings (بوتن/بوتين). The أمريكي/أميركي family is folded by the text stage's
// stem() (src/text/stem-data.ts STEM_SPELLING_VARIANTS). Whole stems only: entity work merges names more fully.
import { normalize } from '../text/index.js';

const NAME_VARIANTS: Array<[variant: string, canonical: string]> = [
  ['تشاووش', 'جاويش'],
  ['تشاوش', 'جاويش'],
  ['شاووش', 'جاويش'],
  ['أردوجان', 'أردوغان'],
  ['إردوغان', 'أردوغان'],
  ['بوتن', 'بوتين'],
  ['موسكوا', 'موسكو'],
];

const folds = new Map(NAME_VARIANTS.map(([v, c]) => [normalize(v), normalize(c)]));

/** The canonical spelling of a stem (the stem itself when it has no listed variant). */
export function foldVariant(stem: string): string {
  return folds.get(stem) ?? stem;
}
