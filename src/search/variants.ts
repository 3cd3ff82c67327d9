// Spelling variants of foreign names that the light stemmer does not fold, applied to stems both when
// indexing and when querying, so either spelling finds the other.
// Origin: the transliteration variants the seeds and the project brief show for the same people
// (Çavuşoğlu: جاويش / تشاووش / تشاوش; Erdoğan: أردوغان / أردوجان, the Egyptian-press ج for the g of a foreign name),
// and the press spellings of names in the news that differ by a long vowel or by ج/غ for g (ترمب / ترامب,
// نتانياهو / نتنياهو, غوتيريش / غوتيريس / جوتيريش, البنتاجون / البنتاغون); written by hand for khabar. The
// أمريكي/أميركي family is folded by the text stage's stem() (src/text/stem-data.ts STEM_SPELLING_VARIANTS).
// Whole stems only: entity work merges names more fully, and search finds an entity's other names through it.
import { normalize, stem } from '../text/index.js';

const NAME_VARIANTS: Array<[variant: string, canonical: string]> = [
  ['تشاووش', 'جاويش'],
  ['تشاوش', 'جاويش'],
  ['شاووش', 'جاويش'],
  ['أردوجان', 'أردوغان'],
  ['إردوغان', 'أردوغان'],
  ['بوتن', 'بوتين'],
  ['موسكوا', 'موسكو'],
  ['ترمب', 'ترامب'],
  ['نتانياهو', 'نتنياهو'],
  ['غوتيريس', 'غوتيريش'],
  ['جوتيريش', 'غوتيريش'],
  ['جوتيريس', 'غوتيريش'],
  ['تيليرسون', 'تيلرسون'],
  ['بومبايو', 'بومبيو'],
  ['هولاند', 'أولاند'],
  ['كلنتون', 'كلينتون'],
  ['زيلنسكي', 'زيلينسكي'],
  ['مدفيديف', 'ميدفيديف'],
  ['شويجو', 'شويغو'],
  ['البنتاجون', 'البنتاغون'],
  ['جينيف', 'جنيف'],
];

// Keyed by the variant's stem, as stems are what is folded: أردوجان stems to اردوج, so a key of the word itself
// would never be looked up.
const folds = new Map(NAME_VARIANTS.map(([v, c]) => [stem(normalize(v)), stem(normalize(c))]));

/** The canonical spelling of a stem (the stem itself when it has no listed variant). */
export function foldVariant(stem: string): string {
  return folds.get(stem) ?? stem;
}
