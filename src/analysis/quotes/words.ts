// Word-level rules the quote extractor applies to speakers: when two words of a title are one, which words name a
// body, a thing, an addressee, the gender a speaker's head noun or a cue shows (see extract.ts, which uses them).
import { ROLE, SETS_SPEAKER, fold, hasConj, type CueInfo } from './cues.js';
/** Whether two folded words are one (الاقتصادي / الاقتصاد, الوزارة / وزارة): the article taken off, then one is a
 * prefix of the other or they share all but their last letter. */
export function sameWord(a: string, b: string): boolean {
  const art = /^(ال|لل|وال|بال)/;
  // a name (no article) is only the same name: اسبانيا is not الاسبانية, روسيا not روسية
  if (!art.test(a)) return a === b || (ROLE.test(a) && b.replace(art, '') === a);
  const x = a.replace(art, ''), y = b.replace(art, '');
  if (x === y || (b.startsWith('ل') && !art.test(b) && x === b.slice(1))) return true; // للديوان / لديوان
  const stem = (w: string) => w.replace(/(ون|ين|ات|ان|ه|ي|ا)$/, '');
  const sx = stem(x), sy = stem(y);
  if (sx.length < 3 || sy.length < 3) return false;
  return sx === sy || (Math.abs(sx.length - sy.length) <= 1 && (sx.startsWith(sy) || sy.startsWith(sx)) && Math.min(sx.length, sy.length) >= 4);
}

/** Role nouns that name the same post (الناطق / المتحدث). */
export const SYNONYM: Record<string, string> = { ناطق: 'متحدث', الناطق: 'المتحدث' };
/** A preposition with a pronoun (فيها، منهم، له) or a word with an attached بـ (بالانسحاب): no speaker starts so. */
export const PRONOUN_PREP = /^(في|من|عن|ل|علي|الي|ب)(ه|ها|هم|هما)$|^(فيه|فيها|فيهم|منه|منها|منهم|عنه|عنها|عنهم|لديه|لديها)$/;
/** لوزارة الدفاع، لنقابة الصحفيين after a document or a marker (بلاغ لوزارة الدفاع): the body, without its لـ. */
export const OF_BODY = /^ل(وزاره|وكاله|نقابه|صحيفه|جريده|قناه|موقع|حزب|حركه|جمعيه|منظمه|هيئه|اداره|مصالح|رئاسه|حكومه|شركه|مجلس|اتحاد|مكتب|جامعه|محكمه|نيابه|مركز|ديوان|بعثه|سفاره|قياده)$/;
/** Things that a relative clause with a cue may follow without being its subject (الملف الذي اعتبر أنه ...). */
export const THING = /^ال(ملف|قرار|مشروع|وضع|اتفاق|قانون|موضوع|امر|حادث|هجوم|خطاب|برنامج|مقترح|نص|سجون|ظاهره|مساله|قضيه|ازمه|حرب|عمليه|اجراء|اجراءات|اصلاحات|حريه|ديمقراطيه)$/;
/** Bodies an anaphor names by their kind (الحزب، اللجنة ...). */
export const BODY = /^ال(حزب|لجنه|مجلس|منظمه|هيئه|جمعيه|نقابه|حركه|جبهه|شركه|اتحاد|مركز|ديوان|جامعه|مجموعه|وزاره|اداره|محكمه)$/;
/** Verbal nouns that open a noun-phrase content right after its verb (وأكد حرص الحكومة، فيما أكدت مغادرة الجنود). */
export const VERBAL_NOUN = /^(ضروره|اهميه|حرص|عدم|وجود|مواصله|استعداد|التزام|تمسك|امكانيه|انطلاق|مغادره|اعتزام|نيه|سعي|دعم|حاجه|استمرار|تواصل|قرار|قراره|اعتماد|تسجيل|ارتفاع|تراجع|انخفاض|تحسن)$/;
/** Whether a verb cue is a present form (يقول، تشير); تابع، تساءل، توقع، تعهد are past stems. */
export const isPresent = (stem: string) => /^[يت]/.test(stem) && !/^(تابع|تساءل|توقع|تعهد)$/.test(stem);
/** Grammatical gender of a speaker, when its head noun shows it: وزيرة، الشرطة، وزارة ... are feminine, وزير، الناطق,
 * الحزب masculine; a name alone says nothing (null). */
const FEM_HEAD = /^(ال)?(وزيره|رئيسه|مديره|متحدثه|ناطقه|مستشاره|سفيره|نائبه|كاتبه|عضوه|محاميه|قاضيه|خبيره|ناشطه|وزاره|شرطه|وكاله|صحيفه|جريده|قناه|حكومه|رئاسه|هيئه|منظمه|جمعيه|نقابه|حركه|جبهه|شركه|اداره|محكمه|نيابه|لجنه|سلطات|مصادر|مصالح|بعثه|سفاره|مجموعه|دوله|الامم)$/;
const MASC_HEAD = /^(ال)?(وزير|رئيس|مدير|متحدث|ناطق|مستشار|سفير|نائب|كاتب|عضو|محامي|قاضي|خبير|ناشط|مسؤول|مصدر|حزب|مجلس|اتحاد|مكتب|مركز|ديوان|جيش|الامين|امين|قائد|والي|عميد|شيخ|مفتي|نقيب|مندوب|مبعوث|قيادي)$/;
export function genderOf(sp: string | null): 'f' | 'm' | null {
  if (!sp) return null;
  const w = fold(sp.split(' ')[0]);
  return FEM_HEAD.test(w) ? 'f' : MASC_HEAD.test(w) ? 'm' : null;
}
/** Gender of a cue's implied subject: مضيفة، وأضافت، تقول feminine; مضيفا، وأضاف، يقول masculine; plural or dual none. */
export function cueGender(f: string, c: CueInfo): 'f' | 'm' | null {
  const w = hasConj(f) ? f.slice(1) : f;
  if (c.kind === 'participle') return w.endsWith('ه') ? 'f' : w.endsWith('ا') ? 'm' : null;
  if (c.kind !== 'verb') return null;
  if (isPresent(c.stem)) return w.startsWith('ت') ? 'f' : w.startsWith('ي') && !w.endsWith('ون') ? 'm' : null;
  if (w === c.stem) return 'm';
  return w === c.stem.replace(/ي$/, '') + 'ت' || w === c.stem + 'ت' ? 'f' : null;
}
/** Who an appeal is made to (دعا الحزب الصحفيين، طالب الاتحاد الحكومة). */
export const ADDRESSEE = /^و?ال(حكومه|سلطات|دوله|مواطنين|مواطنات|تونسيين|جميع|اطراف|مجتمع|شباب|اولياء|ناخبين|نواب|مسؤولين|جهات|هياكل|صحفيين|صحفيات|مستثمرين|وزاره|وزارات|اداره|رئاسه|برلمان|احزاب|منظمات|نقابات|اساتذه|طلبه|عمال|فلاحين|تجار|مجتمع)$/;
/** Verbs of reaction and أصدر (with و or ف) -> the verb without its conjunction. */
export const REACTS = new Map<string, string>();
for (const w of [...SETS_SPEAKER, 'اصدر', 'اصدرت']) for (const c of ['', 'و', 'ف']) REACTS.set(c + w, w);
export const dropOf = (raw: string) => (OF_BODY.test(fold(raw)) ? raw.slice(1) : raw);
export const FILLER = new Set(['ذاته', 'نفسه', 'ذاتها', 'نفسها', 'ذات', 'نفس', 'الاخير', 'الاخيره']);
