// The Arabic words a reader sees around a story, in one place for the text, Markdown and HTML exports (render.ts) and
// the web page (src/web/pages.ts): section headings, placeholders, entity types and counted nouns.
import type { EntityType } from '../types.js';

/**
 * Forms of a counted noun: 1 مقال واحد, 2 مقالان, 3–10 مقالات, 11–99 مقالا, and the singular after round hundreds
 * (100 مقال). Arabic counting agreement; written here because no maintained package does it.
 */
export interface CountForms { one: string; two: string; few: string; many: string; hundred: string }

export const NOUNS = {
  articles: { one: 'مقال واحد', two: 'مقالان', few: 'مقالات', many: 'مقالا', hundred: 'مقال' },
  outlets: { one: 'مصدر واحد', two: 'مصدران', few: 'مصادر', many: 'مصدرا', hundred: 'مصدر' },
  stories: { one: 'قصة واحدة', two: 'قصتان', few: 'قصص', many: 'قصة', hundred: 'قصة' },
  results: { one: 'نتيجة واحدة', two: 'نتيجتان', few: 'نتائج', many: 'نتيجة', hundred: 'نتيجة' },
  lines: { one: 'سطر واحد', two: 'سطران', few: 'أسطر', many: 'سطرا', hundred: 'سطر' },
  times: { one: 'مرة واحدة', two: 'مرتين', few: 'مرات', many: 'مرة', hundred: 'مرة' },
  forms: { one: 'صيغة واحدة', two: 'صيغتان', few: 'صيغ', many: 'صيغة', hundred: 'صيغة' },
} as const satisfies Record<string, CountForms>;

/** "n noun" with the noun in the form Arabic counting asks for (see CountForms). */
export function countOf(n: number, noun: CountForms): string {
  if (n === 0) return `0 ${noun.hundred}`;
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const rest = n % 100;
  if (rest >= 3 && rest <= 10) return `${n} ${noun.few}`;
  if (rest >= 11) return `${n} ${noun.many}`;
  return `${n} ${noun.hundred}`; // 100, 101, 102, 200 …: the singular
}

export const ENTITY_TYPE_LABEL: Record<EntityType, string> = { person: 'شخص', place: 'مكان', org: 'جهة', other: 'أخرى' };

/** One word for each thing a story may lack, everywhere it is shown. */
export const MISSING = { date: 'بدون تاريخ', outlet: 'مصدر غير معروف', speaker: 'متحدث غير محدد', title: 'بلا عنوان' } as const;

/** Section headings of a story. */
export const HEADINGS = {
  summary: 'الخلاصة',
  facts: 'الوقائع',
  shared: 'وقائع أكدتها عدة مقالات',
  unique: 'وقائع انفرد بها مقال واحد',
  numbers: 'الأرقام',
  conflicts: 'أرقام متضاربة',
  quotes: 'الاقتباسات',
  timeline: 'التسلسل الزمني',
  entities: 'الأسماء',
  articles: 'المقالات',
  related: 'قصص ذات صلة',
} as const;

/** The note of a list shown in part: "(41؛ أول 15)"; nothing when it is shown whole. */
export function shownOf(total: number, shown: number): string {
  return total > shown ? ` (${total}؛ أول ${shown})` : '';
}

/** A date as a reader sees it: a week (YYYY-MM-DD/YYYY-MM-DD) as "أسبوع a – b", a time without its :00 seconds. */
export function dateWords(date: string | null | undefined): string {
  if (!date) return MISSING.date;
  const week = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(date);
  if (week) return `أسبوع ${week[1]} – ${week[2]}`;
  return date.replace('T', ' ').replace(/:00(?:\.000)?(Z|[+-]\d\d:\d\d)?$/, '$1');
}
