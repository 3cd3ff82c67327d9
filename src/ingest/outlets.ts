// Known Arabic news outlets and agencies with the spellings they appear under.
// Source: the outlets' own mastheads and bylines (Arabic and Latin), plus the seeds in ../shared/seeds.
// `ambiguous` names are also common words (الحياة = life, الخليج = the Gulf): they are recognised only in
// source lines / metadata, never as a bare word in running text.
import { normalizeKey } from './norm.js';

export interface Outlet { name: string; variants: string[]; ambiguous?: boolean; agency?: boolean }

export const OUTLETS: Outlet[] = [
  { name: 'الجزيرة', variants: ['الجزيرة', 'الجزيرة نت', 'الجزيرة.نت', 'الجزيره', 'قناة الجزيرة', 'Al Jazeera', 'Aljazeera', 'aljazeera.net'] },
  { name: 'الأناضول', agency: true, variants: ['الأناضول', 'وكالة الأناضول', 'الاناضول', 'Anadolu', 'Anadolu Agency', 'AA', 'aa.com.tr'] },
  { name: 'فرانس برس', agency: true, variants: ['فرانس برس', 'فرانس بريس', 'وكالة فرانس برس', 'أ ف ب', 'أ.ف.ب', 'ا ف ب', 'أف ب', 'الفرنسية', 'وكالة الصحافة الفرنسية', 'AFP', 'France Presse'] },
  { name: 'رويترز', agency: true, variants: ['رويترز', 'وكالة رويترز', 'Reuters'] },
  { name: 'سبوتنيك', agency: true, variants: ['سبوتنيك', 'سبوتنيك عربي', 'وكالة سبوتنيك', 'Sputnik'] },
  { name: 'عربي21', variants: ['عربي21', 'عربي 21', 'arabi21', 'arabi21.com'] },
  { name: 'الميادين', variants: ['الميادين', 'الميادين نت', 'قناة الميادين', 'Al Mayadeen', 'almayadeen.net'] },
  { name: 'العربية', ambiguous: true, variants: ['العربية', 'العربية نت', 'العربية.نت', 'Al Arabiya', 'alarabiya.net'] },
  { name: 'سكاي نيوز عربية', variants: ['سكاي نيوز عربية', 'سكاي نيوز', 'Sky News Arabia'] },
  { name: 'بي بي سي عربي', variants: ['بي بي سي عربي', 'بي بي سي', 'BBC Arabic', 'BBC'] },
  { name: 'روسيا اليوم', variants: ['روسيا اليوم', 'آر تي', 'RT Arabic', 'RT'] },
  { name: 'الشرق الأوسط', ambiguous: true, variants: ['الشرق الأوسط', 'aawsat.com'] },
  { name: 'القدس العربي', variants: ['القدس العربي', 'alquds.co.uk'] },
  { name: 'العربي الجديد', variants: ['العربي الجديد', 'alaraby.co.uk'] },
  { name: 'أسوشيتد برس', agency: true, variants: ['أسوشيتد برس', 'أسوشييتد برس', 'اسوشيتد برس', 'Associated Press', 'AP'] },
  { name: 'الألمانية', agency: true, ambiguous: true, variants: ['د ب أ', 'د.ب.أ', 'الألمانية', 'DPA'] },
  { name: 'شينخوا', agency: true, variants: ['شينخوا', 'Xinhua'] },
  { name: 'سانا', agency: true, variants: ['سانا', 'SANA'] },
  { name: 'وام', agency: true, variants: ['وام', 'WAM'] },
  { name: 'واس', agency: true, variants: ['واس', 'SPA'] },
  { name: 'تاس', agency: true, variants: ['تاس', 'TASS'] },
  { name: 'إرنا', agency: true, variants: ['إرنا', 'ارنا', 'IRNA'] },
  { name: 'فرانس 24', variants: ['فرانس 24', 'فرانس24', 'France 24'] },
  { name: 'دويتشه فيله', variants: ['دويتشه فيله', 'DW عربية', 'DW'] },
  { name: 'الحرة', ambiguous: true, variants: ['الحرة', 'قناة الحرة', 'alhurra.com'] },
  { name: 'إندبندنت عربية', variants: ['إندبندنت عربية', 'اندبندنت عربية'] },
  { name: 'الأهرام', variants: ['الأهرام', 'بوابة الأهرام', 'ahram.org.eg'] },
  { name: 'اليوم السابع', variants: ['اليوم السابع', 'youm7.com'] },
  { name: 'المصري اليوم', variants: ['المصري اليوم'] },
  { name: 'النهار', ambiguous: true, variants: ['النهار', 'annahar.com'] },
  { name: 'الحياة', ambiguous: true, variants: ['الحياة'] },
  { name: 'هسبريس', variants: ['هسبريس', 'Hespress'] },
  { name: 'الخليج أونلاين', variants: ['الخليج أونلاين', 'الخليج اونلاين'] },
  { name: 'تي آر تي عربي', variants: ['تي آر تي عربي', 'TRT عربي', 'TRT Arabic'] },
  { name: 'إرم نيوز', variants: ['إرم نيوز', 'ارم نيوز'] },
  { name: 'عنب بلدي', variants: ['عنب بلدي'] },
  { name: 'العين الإخبارية', variants: ['العين الإخبارية', 'العين الاخبارية'] },
  { name: 'يورونيوز', variants: ['يورونيوز', 'Euronews'] },
  { name: 'سي إن إن بالعربية', variants: ['سي إن إن بالعربية', 'CNN بالعربية', 'CNN Arabic', 'سي إن إن', 'CNN'] },
];

const byKey = new Map<string, Outlet>();
for (const o of OUTLETS) for (const v of [o.name, ...o.variants]) byKey.set(normalizeKey(v), o);

/** The outlet whose name or variant is exactly `s` (after normalization), or null. */
export function outletByName(s: string): Outlet | null {
  return byKey.get(normalizeKey(s)) ?? null;
}

const canonicalMemo = new Map<string, string | null>();
/** The canonical name for a source string: a known outlet's name, else the string itself, trimmed. */
export function canonicalSource(s: string | null | undefined): string | null {
  if (!s) return null;
  // Memoized: a feed repeats a handful of source strings thousands of times.
  let name = canonicalMemo.get(s);
  if (name !== undefined) return name;
  const t = s.replace(/\s+/g, ' ').trim();
  name = !t ? null : outletByName(t)?.name ?? outletByName(t.replace(/^(موقع|صحيفة|قناة|وكالة|جريدة)\s+/, ''))?.name ?? t;
  if (canonicalMemo.size >= 10_000) canonicalMemo.clear();
  canonicalMemo.set(s, name);
  return name;
}

/** All variant keys, longest first, for finding an outlet name at the end of a caption. */
export const OUTLET_KEYS: string[] = [...byKey.keys()].sort((a, b) => b.length - a.length);
export function outletOfKey(key: string): Outlet | null {
  return byKey.get(key) ?? null;
}
