// What a number counts: the noun after it, normalized and stemmed, mapped to one unit per concept so that
// "2000 عنصر" and "ألفي جندي" count the same thing. Own table, from the wording of Arabic conflict/politics news.
import { normalize, stem } from '../text/index.js';

const UNIT_SYNONYMS: Record<string, string[]> = {
  'جندي': ['جندي', 'جنود', 'عنصر', 'عناصر', 'عسكري', 'عسكريين', 'عسكريا', 'مقاتل', 'مقاتلين', 'مقاتلا', 'جنديا'],
  'قتيل': ['قتيل', 'قتلى', 'قتيلا', 'شهيد', 'شهداء', 'شهيدا', 'ضحية', 'ضحايا', 'وفيات', 'وفاة'],
  'جريح': ['جريح', 'جرحى', 'جريحا', 'مصاب', 'مصابين', 'مصابا'],
  'مفقود': ['مفقود', 'مفقودين', 'مفقودا', 'مفقودون'],
  'شخص': ['شخص', 'أشخاص', 'شخصا', 'مواطن', 'مواطنين', 'مواطنا', 'نسمة', 'مدني', 'مدنيين', 'مدنيا', 'سكان', 'ساكن'],
  'لاجئ': ['لاجئ', 'لاجئين', 'لاجئا', 'نازح', 'نازحين', 'نازحا'],
  'أسير': ['أسير', 'أسرى', 'أسيرا', 'معتقل', 'معتقلين', 'معتقلا', 'سجين', 'سجناء', 'سجينا'],
  'أسرة': ['أسرة', 'أسر', 'عائلة', 'عائلات', 'أسرات'],
  'عام': ['عام', 'أعوام', 'سنة', 'سنوات', 'سنين', 'عاما'],
  'شهر': ['شهر', 'أشهر', 'شهور', 'شهرا'],
  'يوم': ['يوم', 'أيام', 'يوما'],
  'ساعة': ['ساعة', 'ساعات'],
  'دقيقة': ['دقيقة', 'دقائق', 'دقيقتين'],
  'أسبوع': ['أسبوع', 'أسابيع', 'أسبوعا', 'أسبوعين'],
  'دولار': ['دولار', 'دولارات', 'دولارا'],
  'يورو': ['يورو'],
  'قاعدة': ['قاعدة', 'قواعد'],
  'كيلومتر': ['كيلومتر', 'كيلومترات', 'كلم', 'كم', 'كيلومترا'],
  'بالمئة': ['بالمئة', 'بالمائة', 'المئة', 'المائة', '%', '٪'],
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

/** A normalized noun without the accusative alif of an indefinite noun (حزبا → حزب، سياسيا → سياسي): the noun after
 * 11–99 and its adjective carry it, the noun after 3–10 or 100 does not (مشاركا، مشارك). */
export function withoutTanwin(normWord: string): string {
  return normWord.length > 3 && normWord.endsWith('ا') && !normWord.endsWith('اا') ? normWord.slice(0, -1) : normWord;
}

/** The unit of a counted noun (normalized word): a canonical unit from the table, else the word's stem. */
export function unitOf(normWord: string): string {
  const hit = UNIT_OF.get(normWord) ?? UNIT_OF.get(stem(normWord));
  if (hit) return hit;
  const w = withoutTanwin(normWord);
  return UNIT_OF.get(w) ?? stem(w);
}

/** Units that say only "people" or "others": what they count comes from the words around them. */
export const GENERIC_COUNTED = new Set(['شخص', unitOf(normalize('آخرون'))]);

/** Words near a count of people that say what happened to them (normalized, without و/ف/ب/ل and the article):
 * مقتل نحو أربعة آلاف شخص، لقي 12 شخصا حتفهم، أودت بحياة سبعة أشخاص، وفقد 5 آخرون، نزوح أكثر من مئة ألف من سكان.
 * Own list, from the wording of Arabic news. */
const CONTEXT_WORDS: Record<string, string[]> = {
  'قتيل': ['مقتل', 'قتل', 'قتلوا', 'قتلهم', 'حتفهم', 'حتفه', 'حتفها', 'حياة', 'مصرع', 'مصرعهم', 'وفاة', 'وفيات', 'توفي', 'قضوا', 'قضى', 'هلاك', 'استشهاد'],
  'مفقود': ['فقد', 'فقدان', 'فقدوا', 'اختفاء'],
  'جريح': ['إصابة', 'أصيب', 'أصيبوا', 'جرح', 'جرحوا', 'إصابات'],
  'لاجئ': ['نزوح', 'نزح', 'نزحوا', 'تهجير', 'فرار', 'تشريد', 'شرد'],
};
export const UNIT_CONTEXT = new Map<string, string>();
for (const [unit, words] of Object.entries(CONTEXT_WORDS)) for (const w of words) UNIT_CONTEXT.set(normalize(w), unit);
