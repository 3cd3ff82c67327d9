// Line patterns of Arabic news-site boilerplate, as data. Matched on normalizeKey() of a line (no hamza forms,
// no harakat, ة→ه, punctuation as spaces), so one spelling here covers اقرأ أيضاً / إقرأ ايضا / اقرا أيضا.
// Sources: the seeds in ../shared/seeds (001 source line and captions, 002 "اضف تعليق", 003 section label and
// "اقرأ أيضا"), and the footers/prompts of the outlets listed in outlets.ts.
import type { RemovalReason } from '../types.js';
import { normalizeKey } from './norm.js';

/** Line starts that mark a related-link teaser; the line may carry the linked headline after a colon. */
export const RELATED_LINK_PREFIXES = [
  'اقرأ أيضا', 'اقرأ أيضًا', 'إقرأ المزيد', 'اقرأ المزيد', 'اقرأ كذلك', 'اقرأ ايضا', 'شاهد أيضا', 'شاهد أيضًا',
  'شاهد كذلك', 'طالع أيضا', 'طالع أيضًا', 'تابع أيضا', 'للمزيد', 'لمزيد من الأخبار', 'ذات صلة', 'مواضيع ذات صلة',
  'أخبار ذات صلة', 'مقالات ذات صلة', 'قد يهمك أيضا', 'قد يهمك', 'يهمك أيضا', 'شاهد الفيديو', 'شاهد بالفيديو',
  'read also', 'read more', 'related',
];

/** Comment prompts (the whole line is the prompt). */
export const COMMENT_PROMPTS = [
  'اضف تعليق', 'أضف تعليقك', 'أضف تعليقا', 'اترك تعليقا', 'اكتب تعليقك', 'التعليقات', 'تعليقات', 'علق على الخبر',
  'شاركنا رأيك', 'أضف تعليقاً', 'لا توجد تعليقات', 'add comment', 'comments', 'leave a comment',
];

/** Share / follow / subscribe prompts that are the whole line (شارك alone; "شارك آلاف ..." is body text). */
export const SHARE_LINES = ['شارك', 'شاركها', 'شارك الخبر', 'شارك المقال', 'شارك هذا', 'شارك هذا المقال', 'مشاركة',
  'share', 'share this', 'طباعة', 'حجم الخط', 'نسخ الرابط'];
/** Share / follow / subscribe prompts that start a short line. */
export const SHARE_PREFIXES = [
  'تابعونا على', 'تابعنا على', 'تابعونا عبر', 'تابعوا آخر', 'تابعوا أخبار', 'اشترك في النشرة', 'اشترك في قناة',
  'اشترك في قناتنا', 'اشترك الآن', 'للاشتراك في', 'حمل تطبيق', 'حمّل تطبيق', 'انضم إلى قناتنا', 'انضموا إلى قناتنا',
  'follow us', 'subscribe', 'رابط مختصر', 'شارك عبر', 'شارك على', 'شارك الخبر على',
];

/** Names that make a line a list of share buttons when it consists only of them. */
export const SOCIAL_NAMES = ['فيسبوك', 'فيس بوك', 'تويتر', 'واتساب', 'واتس اب', 'تلغرام', 'تيليغرام', 'لينكد إن',
  'يوتيوب', 'انستغرام', 'إنستغرام', 'بريد إلكتروني', 'طباعة', 'facebook', 'twitter', 'whatsapp', 'telegram', 'x',
  'linkedin', 'email', 'print', 'messenger', 'ماسنجر', 'إكس', 'اكس', 'يوتيوب', 'تيك توك', 'سناب شات'];

/** Source / copyright line starts; the outlet is read from what follows. */
export const SOURCE_PREFIXES = ['المصدر', 'مصدر الخبر', 'المصادر', 'source', 'جميع الحقوق محفوظة', 'حقوق النشر محفوظة', '©'];

/** Other short furniture lines (whole line). */
export const OTHER_LINES = ['إعلان', 'اعلان', 'advertisement', 'الرئيسية', 'عاجل', 'محتوى إعلاني', 'مساحة إعلانية'];

/** Weekday and month names (Gregorian, Levantine, Maghrebi) that mark a byline/dateline line with a date. */
export const DATE_WORDS = ['السبت', 'الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة',
  'يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
  'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين', 'جانفي', 'فيفري', 'أفريل', 'ماي',
  'جوان', 'جويلية', 'أوت'];

/** Words section labels are made of (سياسة دولية، أخبار عربية، رياضة ...): a short top line of only these is a label. */
export const SECTION_WORDS = ['سياسة', 'سياسه', 'دولية', 'دولي', 'عربية', 'عربي', 'أخبار', 'اخبار', 'رياضة', 'اقتصاد',
  'اقتصادية', 'محليات', 'محلية', 'عالم', 'العالم', 'دوليات', 'عربيات', 'ثقافة', 'فن', 'فنون', 'منوعات', 'تكنولوجيا',
  'علوم', 'صحة', 'تقارير', 'تقرير', 'حوارات', 'مقالات', 'رأي', 'آراء', 'مدونات', 'شؤون', 'الشرق', 'الأوسط',
  'سياسية', 'عاجل', 'الرئيسية', 'أخبار', 'خليجية', 'خليجي', 'مصر', 'سوريا', 'لبنان', 'فلسطين', 'العراق', 'تركيا',
  'مجتمع', 'حوادث', 'قضايا', 'ملفات', 'تحليلات', 'تحقيقات', 'ميديا', 'فيديو', 'صور', 'إقليمي', 'إقليمية', 'news',
  'politics', 'world', 'sport', 'sports', 'economy', 'middle', 'east'];

/**
 * Photo-credit words that end captions besides outlet names ("... (غيتي)", "... - أرشيف").
 * Source: caption credits of Arab news sites.
 */
export const CAPTION_CREDITS = ['غيتي', 'جيتي', 'getty', 'getty images', 'إيبا', 'epa', 'أرشيف', 'أرشيفية', 'صورة أرشيفية',
  'أرشيفية-الجزيرة', 'مواقع التواصل', 'مواقع التواصل الاجتماعي', 'ناشطون', 'الأوروبية', 'أسوشيتد برس', 'ap', 'afp',
  'الفرنسية', 'رويترز', 'أ ف ب', 'الجزيرة', 'تويتر', 'فيسبوك', 'أرشيف الجزيرة', 'الأناضول', 'سبوتنيك', 'شينخوا',
  'وسائل إعلام', 'إنترنت', 'الإنترنت', 'مواقع إلكترونية'];

/** Line starts of explicit captions. */
export const CAPTION_PREFIXES = ['صورة', 'الصورة', 'صور', 'photo', 'image', 'تعبيرية'];

function keys(list: string[]): string[] {
  return [...new Set(list.map(normalizeKey).filter((k) => k))].sort((a, b) => b.length - a.length);
}

export const TABLES = {
  related: keys(RELATED_LINK_PREFIXES),
  comment: new Set(keys(COMMENT_PROMPTS)),
  shareLine: new Set(keys(SHARE_LINES)),
  share: keys(SHARE_PREFIXES),
  social: new Set(keys(SOCIAL_NAMES)),
  source: keys(SOURCE_PREFIXES.filter((p) => p !== '©')),
  other: new Set(keys(OTHER_LINES)),
  section: new Set(keys(SECTION_WORDS).flatMap((k) => [k, k.replace(/^ال/, '')])),
  credits: keys(CAPTION_CREDITS),
  captionStart: keys(CAPTION_PREFIXES),
  dateWords: new Set(keys(DATE_WORDS)),
};

/** True when `key` starts with `prefix` as whole words. */
export function startsWithWords(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(prefix + ' ');
}

export type LineRule = (key: string, line: string) => RemovalReason | null;
