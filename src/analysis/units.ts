// What a number counts: the noun after it, normalized and stemmed, mapped to one unit per concept so that
// "2000 عنصر" and "ألفي جندي" count the same thing. Own table, from the wording of Arabic conflict/politics news.
import { normalize, stem } from '../text/index.js';

const UNIT_SYNONYMS: Record<string, string[]> = {
  'جندي': ['جندي', 'جنود', 'عنصر', 'عناصر', 'عسكري', 'عسكريين', 'عسكريا', 'مقاتل', 'مقاتلين', 'مقاتلا', 'جنديا'],
  'قتيل': ['قتيل', 'قتلى', 'قتيلا', 'شهيد', 'شهداء', 'شهيدا', 'ضحية', 'ضحايا'],
  'جريح': ['جريح', 'جرحى', 'جريحا', 'مصاب', 'مصابين', 'مصابا'],
  'شخص': ['شخص', 'أشخاص', 'شخصا', 'مواطن', 'مواطنين', 'مواطنا', 'نسمة'],
  'لاجئ': ['لاجئ', 'لاجئين', 'لاجئا', 'نازح', 'نازحين', 'نازحا'],
  'أسير': ['أسير', 'أسرى', 'أسيرا', 'معتقل', 'معتقلين', 'معتقلا', 'سجين', 'سجناء', 'سجينا'],
  'عام': ['عام', 'أعوام', 'سنة', 'سنوات', 'سنين', 'عاما'],
  'شهر': ['شهر', 'أشهر', 'شهور', 'شهرا'],
  'يوم': ['يوم', 'أيام', 'يوما'],
  'ساعة': ['ساعة', 'ساعات'],
  'دولار': ['دولار', 'دولارات', 'دولارا'],
  'يورو': ['يورو'],
  'قاعدة': ['قاعدة', 'قواعد'],
  'كيلومتر': ['كيلومتر', 'كيلومترات', 'كلم', 'كم', 'كيلومترا'],
  'بالمئة': ['بالمئة', 'بالمائة', '%', '٪'],
  'منزل': ['منزل', 'منازل', 'منزلا', 'بيت', 'بيوت'],
  'شاحنة': ['شاحنة', 'شاحنات'],
};

const UNIT_OF = new Map<string, string>();
for (const [unit, words] of Object.entries(UNIT_SYNONYMS)) {
  for (const w of words) {
    const n = normalize(w);
    UNIT_OF.set(n, unit);
    UNIT_OF.set(stem(n), unit);
  }
}

/** The unit of a counted noun (normalized word): a canonical unit from the table, else the word's stem. */
export function unitOf(normWord: string): string {
  return UNIT_OF.get(normWord) ?? UNIT_OF.get(stem(normWord)) ?? stem(normWord);
}
