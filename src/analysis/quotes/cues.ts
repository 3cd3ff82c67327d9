// How Arabic news reports speech, as data: the cue words (verbs, participles, verbal nouns, source markers), what
// they govern, and the words that stop a speaker or a quote. Forms are folded (see `fold`): no harakat or tatweel,
// أ/إ/آ -> ا, ى -> ي, ة -> ه, so one entry covers أكد/اكد/أكدّ and إعتبر/اعتبر. Lists from the quote guidelines
// (../shared/notes/quote-guidelines.md, rule 1) and from reading the development gold (eval/data/quotes-dev.jsonl).

/** Whether a character is one fold changes: harakat, tatweel, أ إ آ ٱ ى ة. */
const changes = (c: number) => (c >= 0x064b && c <= 0x0652) || c === 0x0670 || c === 0x0640 || c === 0x0623 || c === 0x0625
  || c === 0x0622 || c === 0x0671 || c === 0x0649 || c === 0x0629;
/** Folded form of an Arabic word: harakat and tatweel dropped, alef, yaa and taa marbuta forms unified. One pass
 * over the characters: it runs on every word of every article (regex replaces and a cache were both slower). */
export function fold(s: string): string {
  let k = 0;
  while (k < s.length && !changes(s.charCodeAt(k))) k++;
  if (k === s.length) return s; // most words: nothing to fold, no new string
  let out = s.slice(0, k);
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 0x064b && c <= 0x0652) || c === 0x0670 || c === 0x0640) continue;
    out += c === 0x0623 || c === 0x0625 || c === 0x0622 || c === 0x0671 ? 'ا' : c === 0x0649 ? 'ي' : c === 0x0629 ? 'ه' : s[k];
  }
  return out;
}

/** Past-tense stems of verbs of saying, asserting, asking, demanding; each also as -ت، -ا، -تا، -وا. */
const PAST = [
  'قال', 'اكد', 'اضاف', 'اوضح', 'اشار', 'صرح', 'اعتبر', 'شدد', 'دعا', 'طالب', 'ناشد', 'اعلن', 'نفي', 'انكر', 'بين',
  'ابرز', 'لفت', 'لاحظ', 'كشف', 'افاد', 'ذكر', 'حذر', 'تساءل', 'اورد', 'اعترف', 'اتهم', 'برر', 'ارجع', 'توقع', 'تابع',
  'اردف', 'استبعد', 'راي', 'اوصي', 'حث', 'وعد', 'نبه', 'اظهر', 'روي', 'اضح', 'استطرد', 'استدرك', 'رجح', 'قدر', 'نقل',
  'وصف', 'اعرب', 'ثمن', 'تعهد', 'عزا', 'حمل', 'عبر', 'لوح',
];
/** Present-tense forms (يقول، تشير، يعتبر ...) as they open a report. */
const PRESENT = [
  'يقول', 'تقول', 'يقولون', 'يؤكد', 'تؤكد', 'يضيف', 'تضيف', 'يوضح', 'توضح', 'يشير', 'تشير', 'يعتبر', 'تعتبر', 'يري',
  'تري', 'يتوقع', 'تتوقع', 'يقدر', 'تقدر', 'يرجح', 'ترجح', 'يتردد', 'يحذر', 'تحذر', 'يطالب', 'تطالب', 'يدعو', 'تدعو',
];
/** Participles and verbal nouns that carry a new quote of the current speaker (مضيفا، مؤكدة ...), masculine and
 * feminine. */
const PARTICIPLES = [
  'مضيفا', 'مؤكدا', 'مشيرا', 'قائلا', 'موضحا', 'معتبرا', 'لافتا', 'منبها', 'ملاحظا', 'داعيا', 'مشددا', 'معلنا',
  'نافيا', 'متهما', 'واصفا', 'محذرا', 'مبينا', 'مبرزا', 'كاشفا', 'متسائلا', 'مطالبا', 'مردفا', 'مستدركا', 'واعدا',
  'متابعا', 'مذكرا', 'مرجحا', 'معربا', 'مستطردا', 'متوقعا', 'مناشدا', 'مستبعدا', 'محملا', 'متعهدا', 'مفيدا',
].flatMap((p) => [p, p.replace(/ا$/, 'ه')]);
/** Plural participles (مضيفين، مؤكدين): a group continues. Not مطالبين/مطالبات (also "demands"), nor داعين. */
const PLURAL_PARTICIPLES = ['مضيف', 'مؤكد', 'مشير', 'قائل', 'موضح', 'معتبر', 'لافت', 'مشدد'].map((p) => p + 'ين');

/** Verbs whose complement is a noun phrase or clause of another kind: they make a quote only with a clause, a
 * quotation or a colon (أعرب عن أمله، ثمّن الوزير النتائج are expressive acts, not quotes: guideline 2). */
export const CLAUSE_ONLY = new Set(['اعرب', 'عبر', 'ثمن', 'وصف', 'روي', 'نقل', 'اظهر', 'قدر', 'تقدر', 'يقدر', 'لوح'].map(fold));
/** Ambiguous as a word (بين "between", ذكر "mention", تابع "followed", حث, قدر): a cue only at a clause start. */
export const CLAUSE_START_ONLY = new Set(['بين', 'تابع', 'قدر', 'تقدر', 'يقدر', 'ذكر', 'نقل', 'وعد', 'راي', 'تري', 'يري', 'يدعو', 'تدعو',
  'تعهد', 'حمل', 'جاء', 'عزا', 'عبر', 'لوح']);

export interface CueInfo { stem: string; kind: 'verb' | 'participle' | 'marker' | 'noun' }

const CUE = new Map<string, CueInfo>();
for (const s of PAST) for (const suf of ['', 'ت', 'ا', 'تا', 'وا']) {
  let f = s + suf;
  if (s.endsWith('ي') && suf) f = s.slice(0, -1) + (suf === 'وا' ? 'وا' : 'ت' + suf.slice(1)); // نفى -> نفت
  if ((s === 'دعا' || s === 'عزا') && suf) f = s.slice(0, 2) + (suf === 'وا' ? 'وا' : suf); // دعت، دعوا، عزت
  if (!CUE.has(f)) CUE.set(f, { stem: s, kind: 'verb' });
}
CUE.set('نفي', { stem: 'نفي', kind: 'verb' });
CUE.set('راي', { stem: 'راي', kind: 'verb' });
CUE.set('رات', { stem: 'راي', kind: 'verb' });
CUE.set('دعا', { stem: 'دعا', kind: 'verb' });
for (const p of PRESENT) CUE.set(p, { stem: p, kind: 'verb' });
for (const p of PARTICIPLES) CUE.set(p, { stem: p.replace(/ه$/, 'ا'), kind: 'participle' });
for (const p of PLURAL_PARTICIPLES) CUE.set(p, { stem: p.replace(/ين$/, 'ا'), kind: 'participle' });
for (const m of ['وفق', 'وفقا', 'حسب', 'بحسب']) CUE.set(m, { stem: 'وفق', kind: 'marker' });
for (const n of ['تصريح', 'بالقول', 'قوله', 'قولها']) CUE.set(n, { stem: n, kind: 'noun' });
// a verb of judging with its object as a pronoun (واعتبرها مثالا ...، ما اعتبره "..."): the label is the content
for (const v of ['اعتبر', 'اعتبرت', 'اعتبروا']) for (const p of ['ه', 'ها', 'هم']) CUE.set(v + p, { stem: 'اعتبر', kind: 'verb' });
// وجاء في بيان الوزارة أن ...: the document's words, given to its issuer
CUE.set('جاء', { stem: 'جاء', kind: 'verb' });
// journalist's own boilerplate, never a source: يذكر أن، يشار إلى أن
for (const j of ['يذكر', 'يشار', 'تذكر']) CUE.delete(j);

/** The cue of a folded word, its conjunction (و، ف) taken off; null when it is no cue. */
export function cueOf(w: string): CueInfo | null {
  const hit = CUE.get(w);
  if (hit) return hit;
  if ((w.startsWith('و') || w.startsWith('ف')) && w.length > 3) return CUE.get(w.slice(1)) ?? null;
  return null;
}

/** Whether the cue word carries a conjunction (وقال، فأعلن), as opposed to a cue that starts with و (وعد). */
export function hasConj(w: string): boolean {
  return !CUE.has(w) && /^[وف]/.test(w) && CUE.has(w.slice(1));
}

/** Verbs of reaction or topic (انتقد، أشاد، تحدث عن ...): no quote, but their named subject is who speaks next
 * (وانتقد القيادي ... قائلا: "..."). */
export const SETS_SPEAKER = new Set(['انتقد', 'اشاد', 'استنكر', 'ندد', 'ادان', 'عبر', 'رفض', 'تحدث', 'تطرق', 'علق', 'ثمن',
  'اعرب', 'استعرض', 'تناول', 'اعتذر', 'ابدي', 'هاجم', 'شن', 'طمان', 'ابدت', 'تحدثت',
  'انتقدت', 'اشادت', 'استنكرت', 'نددت', 'ادانت', 'عبرت', 'رفضت', 'علقت', 'ثمنت', 'اعربت', 'ردت', 'اعتذرت', 'هاجمت']);

/** Words after the day or with it that only say when (يوم السبت 22 اوت الحالي، مساء أمس). */
export const TIME_WORD = /^(اليوم|يوم|امس|مؤخرا|حاليا|لاحقا|مساء|صباح|ليله|ظهر|قد|ايضا|بدوره|بدورها|كذلك|انذاك|حينها|وقتها|سابقا|مجددا|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|الحالي|الماضي|الفارط|المقبل|الجاري|جانفي|فيفري|مارس|افريل|ماي|جوان|جويليه|اوت|سبتمبر|اكتوبر|نوفمبر|ديسمبر|يناير|فبراير|ابريل|مايو|يونيو|يوليو|اغسطس|\d+)$/;

/** Nouns that name an occasion, not a speaker: في تصريح، في مداخلة ... after في (الخبير في الاقتصاد is a title). */
export const OCCASION = /^(تصريح|تصريحات|مداخله|مؤتمر|حوار|كلمه|لقاء|ندوه|اتصال|حديث|بيان|برنامج|رساله|ختام|بلاغ|مقابله|اجتماع|افتتاح|تدوينه|منشور|تغريده|اطار|سياق|رده|معرض|حين|الوقت|هذا|ذات|جانب|موضوع|مسأله|تعليق|جلسه|زياره)/;

/** Role words of a title (وزير، الخبير، مسؤولون): a noun phrase made only of them names no one yet. */
export const ROLE = /^(ال|لل)|^(وزير|وزيره|رئيس|رئيسه|مدير|مديره|كاتب|سفير|نائب|مستشار|خبير|متحدث|متحدثه|ناطق|عضو|امين|مندوب|قائد|والي|مسؤول|مسؤولون|مسؤولين|محافظ|مراسل|مصدر|مصادر|عقيد|شيخ|دكتور|عميد|قاضي|مفتي|امام|نقيب|حاكم|ممثل|منسق|مبعوث|قسم|شرطه|اداره|مكتب|هيئه|لجنه|مجلس|وزاره|حركه|حزب|جمعيه|نقابه|اتحاد|منظمه|مركز|شركه|جامعه|حكومه|رئاسه|قوات|جيش|بعثه|سلطات|محكمه|نيابه|اعضاء|قيادي|ناشط|ناشطه|محامي|خبراء|محللون|محللين|مراقبون|مسؤولو|عدد|احد|احدي|بعض)$/;

/** Nouns of feeling that make an expressive act, not a quote (أعلن عن استيائه، مؤكدة رفضها، أعرب عن أمله). */
export const EXPRESSIVE = /^(استياء|ارتياح|اسف|قلق|رفض|ترحيب|تضامن|مساند|تاييد|شكر|امتنان|تقدير|استنكار|تنديد|انشغال|استغراب|غضب|سعاد|فرح|حزن|تعازي|امل|تمني|انزعاج|تحفظ)/;

/** Complementizers that open indirect content: أن/إن/بأن with or without an attached pronoun. */
export const THAT = new Set(['ان', 'انه', 'انها', 'انهم', 'انهما', 'انني', 'اننا', 'انهن', 'انك', 'بان', 'بانه', 'بانها',
  'بانهم', 'بانهما', 'باننا', 'فان', 'فانه', 'فانها', 'وان', 'وانه', 'وانها']);

/** The preposition a verb governs when its content is a noun phrase or a verbal noun (أكد على ضرورة، أشار إلى أن،
 * أعلن عن إيقاف، دعا إلى تغيير). */
export const GOVERNS: Record<string, string[]> = {
  اكد: ['علي'], شدد: ['علي'], اشار: ['الي', 'الي'], لفت: ['الي'], نبه: ['الي', 'من'], دعا: ['الي'], يدعو: ['الي'], تدعو: ['الي'],
  ناشد: [], اعلن: ['عن'], كشف: ['عن'], نفي: [], حث: ['علي'],
  مؤكدا: ['علي'], مشددا: ['علي'], مشيرا: ['الي'], لافتا: ['الي'], منبها: ['الي', 'من'], داعيا: ['الي'], معلنا: ['عن'], كاشفا: ['عن'],
  تشير: ['الي'], يشير: ['الي'], اوصي: [], حذر: ['من'], محذرا: ['من'],
  عزا: [], تعهد: [], متعهدا: [],
};

/** Verbs whose object right after the subject is the content itself (أعلن الانتهاء من، نفى وجود، أكد مواصلة). */
export const NP_CONTENT = new Set(['اعلن', 'نفي', 'اكد', 'توقع', 'استبعد', 'نافيا', 'مؤكدا', 'معلنا', 'متوقعا', 'طالب',
  'مطالبا', 'دعا', 'داعيا', 'حث', 'ناشد', 'مناشدا', 'اوصي', 'اتهم', 'متهما', 'وعد', 'واعدا', 'تتوقع', 'يتوقع',
  'اعتبر', 'معتبرا', 'مستبعدا', 'عزا', 'حمل', 'محملا']);

/** Words that end a speaker noun phrase and start an adjunct (في تصريح، خلال، اليوم، لمراسل ...). */
export const ADJUNCT = new Set(['في', 'خلال', 'لدي', 'عقب', 'اثر', 'اليوم', 'امس', 'مساء', 'صباح', 'صبيحه', 'ليله',
  'ضيف', 'بدوره', 'بدورها', 'ايضا', 'مع', 'بالمناسبه', 'حينها', 'قبل', 'بعد', 'اثناء', 'لوسائل', 'للصحفيين',
  'للصحافيين', 'لمراسل', 'لمراسله', 'لمراسلنا', 'لوكاله', 'للجوهره', 'لجوهره', 'لقناه', 'لصحيفه', 'لموقع', 'لاذاعه',
  'لرويترز', 'لفرانس', 'للتلفزيون', 'للقناه', 'لل', 'ل', 'لـ', 'عند', 'امام', 'اليوم', 'الاثنين', 'الثلاثاء', 'الاربعاء',
  'الخميس', 'الجمعه', 'السبت', 'الاحد', 'علي', 'بمناسبه', 'وفق', 'حسب', 'بحسب', 'متحدثا', 'مخاطبا', 'معلقا', 'ردا',
  'الثلاثاء', 'بالقول', 'قائلا', 'قد', 'لقد', 'كذلك', 'تعليقا', 'حول', 'بخصوص', 'بشان', 'بشكل', 'بصفه', 'مجددا', 'مرارا', 'استنادا']);
/** Adjunct openers of two words: من جهته، من جانبه، على هامش، من ناحية. */
export const ADJUNCT_NEXT: Record<string, string[]> = {
  من: ['جهته', 'جهتها', 'جانبه', 'جانبها', 'ناحيته', 'ناحيتها', 'جهه', 'جهتهم', 'جانبهم'],
};

/** After a source marker: a repeated attribution of a quote already cued (حسب تعبيره، وفق قوله، حسب نص البيان,
 * وفق ذات المصدر); never a new quote (guideline 5). */
export const REPEATED = /^(?:تعبيره|تعبيرها|تعبيرهم|قوله|قولها|قولهم|تصريحه|تصريحها|تصريحاته|تصريحاتها|رايه|رايها|تاكيده|تاكيدها|وصفه|وصفها|نص|ذات|نفس|المصدر|محرر|ما\s+(?:جاء|ورد)\s+في\s+نص|ما\s+اوضح|تقديره)/;

/** Nouns that show what follows a source marker is a source (وفق مصادر، بحسب وكالة، حسب بيان) and not a measure
 * (حسب عدد الغرف، وفقا لبرنامج). */
export const SOURCE_NOUN = /^(?:ما|تعداد|احصاء|ارقام|دائره|مصالح|المندوبيه|النيابه|الديوانه|المصالح|مصدر|مصادر|وكاله|الوكاله|وزاره|الوزاره|بيان|بلاغ|تقرير|تقارير|تقديرات|منظمات|منظمه|الامم|مراقبين|مراقبون|محللين|خبراء|شهود|مسؤول|مسؤولين|رئيس|رئاسه|الحكومه|الشرطه|صحيفه|موقع|قناه|دراسه|احصاءات|الاستطلاعات|معطيات|المعهد|المرصد|المركز|الهيئه|الجمعيه|النقابه|الاتحاد|الديوان|الاداره|المندوبيه|وسائل|الرئاسه|رويترز|الاناضول|فرانس|وات|سانا)/;

/** Words that begin a journalist's comment or a new clause that ends the quote before them (دون أن، في حين). */
export const STOP_BEFORE = new Set(['دون', 'بدون', 'وذلك', 'يذكر', 'يشار']);

/** Heads of documents whose statements belong to their issuer (بيان أصدره الحزب -> the party). */
export const DOCUMENT = new Set(['بيان', 'بلاغ', 'تقرير', 'دراسه', 'استبيان', 'وثيقه', 'رساله', 'مذكره', 'البيان', 'البلاغ',
  'التقرير', 'الدراسه', 'الاستبيان', 'الوثيقه', 'حصيله', 'الحصيله', 'احصاءات', 'احصائيات', 'اعترافات', 'تعداد', 'نص']);
