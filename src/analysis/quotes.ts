// Quotes in one article: direct speech in quotation marks or after "verb:" , unmarked speech after a
// continuation verb (وأضاف تم ...), and indirect speech (قال إن / أكد أن ...), each with the speaker mention.
// Continuations (وأضاف، وتابع، مضيفا ...) and من جانبه/بدوره carry the current speaker.
import type { Article, EntityType } from '../types.js';
import { QUOTES } from './config.js';
import { CONTINUATION_VERBS, PERSON_TITLES, SAME_SPEAKER_PHRASES, SPEECH_VERBS, UNMARKED_OPENERS } from './gazetteer.js';
import { extractEntities, type ArticleEntities, type Mention } from './entities.js';
import { fold } from './names.js';
import { bareForms, words, type Word } from './tokens.js';

export interface RawQuote {
  /** Index of the speaker's mention in the article's mentions, or -1. */
  speakerMention: number;
  /** The speaker as written when it is not a recognised mention (a lone name after a speech verb). */
  speakerText: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
}

const SPEECH = new Set(SPEECH_VERBS.map(fold));
const CONT = new Set(CONTINUATION_VERBS.map(fold));
const SAME = SAME_SPEAKER_PHRASES.map(fold);
const OPENERS = new Set(UNMARKED_OPENERS.map(fold));
const THAT = new Set(['ان', 'انه', 'انها', 'بان', 'بانه', 'انهم', 'انهما', 'الي ان', 'الى ان'].map(fold));
const PAIRS: Record<string, string> = { '«': '»', '“': '”', '"': '"', '”': '“' };
const SPEAKER_TYPES: EntityType[] = ['person', 'org'];
/** What comes right before a quoted name rather than quoted speech: the addressee or the source (قال لـ"شرفة الخبر"،
 * بحسب "الأناضول"، نقلت عن "رويترز"; not عن alone: أعرب عن "تفاؤله") or the kind of outlet (صحيفة "...", وكالة "..."). */
const NAME_BEFORE = /(?:^|[\s(])(?:[وف]?لـ?|[وف]?ب?حسب|وفق[اً]*|نقل(?:ت|ا|اً)?\s+عن|[وفبل]?(?:ال)?(?:وكالة|صحيفة|قناة|موقع|مجلة|إذاعة|اذاعة))\s*$/;

const TITLE_WORDS = new Set(PERSON_TITLES.filter((t) => !t.includes(' ')).map(fold));

/** A definite noun right after a speech verb is its own unnamed subject (وأشار التقرير، وقالت الوكالة، وذكر المصدر),
 * unless it is a title that refers back to the person named before (وقال الوزير، وأضاف المتحدث). */
const unnamedSubject = (w: Word | undefined) => !!w && w.f.startsWith('ال') && w.f.length > 3 && !TITLE_WORDS.has(w.f);

const speechForm = (w: Word) => bareForms(w.f).find((b) => SPEECH.has(b));
const isCont = (w: Word) => bareForms(w.f).some((b) => CONT.has(b));

interface Span { start: number; end: number; textStart: number; textEnd: number; inner: Span[] }

/** Closing mark of each opening quotation mark, by char code: « », “ ”, " ", and ” “ (used reversed in some text). */
const CLOSE_OF = new Map<number, number>(Object.entries(PAIRS).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]));

const isLetterOrDigit = (c: number) => (c >= 0x0621 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x066e && c <= 0x06d3)
  || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Whether a mark that both opens and closes (") opens here: after a space, a bracket or the start of the paragraph,
 * and right before a letter (عن "تفاؤله" opens at the first mark and closes at the second). */
function opensHere(text: string, i: number, from: number): boolean {
  const prev = i > from ? text.charCodeAt(i - 1) : 0x20;
  return (isSpace(prev) || prev === 0x28 || prev === 0x5b) && i + 1 < text.length && isLetterOrDigit(text.charCodeAt(i + 1));
}

/** Quoted spans of one paragraph (offsets into the article text), each with the spans quoted inside it: a mark that
 * opens inside a quotation (a nested «...» in «...», or a " that opens before a word) is closed before the outer one
 * (انه "كما أعرب لافروف عن "تفاؤله"، بعد ..." is one quotation holding «تفاؤله»). When the marks do not balance
 * within the paragraph, the first closing mark closes. */
function quoteSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < to) {
    const open = text.charCodeAt(i);
    const close = CLOSE_OF.get(open);
    if (close !== undefined) {
      const span = closeSpan(text, i, open, close, from, to);
      if (span) { out.push(span); i = span.end; continue; }
    }
    i++;
  }
  return out;
}

function closeSpan(text: string, i: number, open: number, close: number, from: number, to: number): Span | null {
  const mk = (a: number, b: number, inner: Span[]): Span => ({ start: a, end: b + 1, textStart: a + 1, textEnd: b, inner });
  // nesting: a stack of open inner marks; a completed top-level inner span is kept
  const stack: { at: number; inner: Span[] }[] = [];
  let inner: Span[] = [];
  for (let j = i + 1; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === open && (open !== close || opensHere(text, j, from))) { stack.push({ at: j, inner }); inner = []; continue; }
    if (c !== close) continue;
    if (!stack.length) return mk(i, j, inner);
    const top = stack.pop()!;
    top.inner.push(mk(top.at, j, inner));
    inner = top.inner;
  }
  // unbalanced: the first closing mark (the closing mark within this paragraph: indexOf would run on to the end of
  // the article for an unclosed mark)
  let j = i + 1;
  while (j < to && text.charCodeAt(j) !== close) j++;
  return j < to ? mk(i, j, []) : null;
}

/** What /\s/ matches, by char code: ASCII and Unicode spaces, line and paragraph separators, BOM. */
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
  || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Sentence starts within a paragraph, outside quoted spans. */
function sentenceStarts(text: string, from: number, to: number, spans: Span[]): number[] {
  const starts = [from];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x061f) continue; // . ! ? ؟
    if (spans.some((s) => i > s.start && i < s.end - 1)) continue;
    if (i + 1 < to && isSpace(text.charCodeAt(i + 1))) starts.push(i + 1);
  }
  return starts;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s"«»“”:،,.\-–]+|[\s"«»“”:،,.\-–]+$/g, '').trim();

export function extractQuotes(article: Pick<Article, 'text'> | string, entities?: ArticleEntities): RawQuote[] {
  const text = typeof article === 'string' ? article : article?.text;
  if (typeof text !== 'string') throw new TypeError('extractQuotes: article.text must be a string');
  const ents = entities ?? extractEntities(text);
  const mentions = ents.mentions;
  const ws = words(text);
  const quotes: RawQuote[] = [];
  let current: { mention: number; text: string | null } | null = null;

  // Both lookups run several times per sentence: binary search on start offsets instead of a scan of the article.
  // Words are in text order and do not overlap; mentions are sorted by start (extractEntities sorts them; a caller's
  // unsorted list is scanned whole).
  const mentionsSorted = mentions.every((m, i) => i === 0 || mentions[i - 1].start <= m.start);
  const firstAtOrAfter = <T extends { start: number }>(xs: T[], a: number) => {
    let lo = 0, hi = xs.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid].start < a) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const mentionsIn = (a: number, b: number, places = false) => {
    const out: number[] = [];
    const from = mentionsSorted ? firstAtOrAfter(mentions, a) : 0;
    for (let i = from; i < mentions.length; i++) {
      const m = mentions[i];
      if (mentionsSorted && m.start > b) break; // starts after b: cannot end by b
      if (m.start >= a && m.end <= b && (SPEAKER_TYPES.includes(m.type) || (places && m.type === 'place'))) out.push(i);
    }
    return out;
  };
  const wordsIn = (a: number, b: number) => {
    const from = firstAtOrAfter(ws, a);
    let to = from;
    while (to < ws.length && ws[to].end <= b) to++;
    return ws.slice(from, to);
  };

  /** The speaker for speech introduced in [a, b): the name after the last speech verb, else the subject before it. */
  const speakerFor = (a: number, b: number, sentenceStart: number): { mention: number; text: string | null; verb: boolean; carried?: boolean } | null => {
    const ctx = wordsIn(a, b);
    let v = -1;
    for (let k = ctx.length - 1; k >= 0; k--) if (speechForm(ctx[k])) { v = k; break; }
    const before = fold(text.slice(sentenceStart, b));
    const same = SAME.some((p) => before.includes(p));
    if (v >= 0) {
      const verb = ctx[v];
      // subject, then verb without a conjunction (unless a name follows the verb at once: "... إردوغان أكد بوتين أن"): "إردوغان قال خلال لقائه بوتين"، "وزير الخارجية التركي مولود جاويش
      // أوغلو قال من جهته"، "نقلت عن أوغلو قوله" (the name after the verb is then its object or a companion)
      const nextWord = ctx[v + 1];
      const namedNext = !!nextWord && mentionsIn(nextWord.start, nextWord.start + 200).some((i) => mentions[i].start === nextWord.start);
      if (!namedNext && speechForm(verb) === verb.f) {
        const before = mentionsIn(sentenceStart, verb.start);
        const last = before.length ? before[before.length - 1] : -1;
        if (last >= 0 && /^\s*(قد\s+)?$/.test(text.slice(mentions[last].end, verb.start))) return { mention: last, text: null, verb: true };
      }
      const afterEnd = ctx[Math.min(ctx.length - 1, v + QUOTES.speakerWindow)].end;
      const after = mentionsIn(verb.end, Math.max(afterEnd, verb.end)).filter((i) => mentions[i].type === 'person');
      if (after.length) return { mention: after[0], text: null, verb: true };
      const next2 = ctx[Math.min(ctx.length - 1, v + 2)];
      const near = mentionsIn(verb.end, Math.max(next2.end, verb.end), true);
      if (near.length) return { mention: near[0], text: null, verb: true };
      const prior = mentionsIn(sentenceStart, verb.start);
      const priorPerson = prior.filter((i) => mentions[i].type === 'person');
      // a continuation inside a sentence: its subject (first person named) is the speaker
      if (isCont(verb) && priorPerson.length) return { mention: priorPerson[0], text: null, verb: true };
      if (!isCont(verb) && !same) {
        if (priorPerson.length) return { mention: priorPerson[priorPerson.length - 1], text: null, verb: true };
        if (unnamedSubject(ctx[v + 1])) return { mention: -1, text: null, verb: true };
        const next = ctx[v + 1];
        if (next && next.f.length > 3 && !/^(ال|في|من|ان|على)/.test(next.f) && /^[\u0621-\u064A]+$/.test(next.f) && next.after !== '' && /[:،,]/.test(next.after))
          return { mention: -1, text: next.text.replace(/^[وف]/, ''), verb: true };
        if (prior.length) return { mention: prior[prior.length - 1], text: null, verb: true };
      }
      if (current) return { ...current, verb: true, carried: true };
      return { mention: -1, text: null, verb: true };
    }
    // no verb: "تصريح تشاووش أوغلو:" or a name right before a colon
    const prior = mentionsIn(sentenceStart, b);
    if (prior.length && /:\s*["«“]?\s*$/.test(text.slice(a, b))) return { mention: prior[prior.length - 1], text: null, verb: false };
    if (same && current) return { ...current, verb: false, carried: true };
    return null;
  };

  const push = (sp: { mention: number; text: string | null }, body: string, kind: 'direct' | 'indirect', start: number, end: number) => {
    const t = clean(body);
    if (!t) return;
    quotes.push({ speakerMention: sp.mention, speakerText: sp.text, text: t, kind, start, end });
    if (sp.mention >= 0 || sp.text) current = { mention: sp.mention, text: sp.text };
  };

  /** Speech in the quoted spans of one sentence (or of one quotation, for the spans quoted inside it), in order;
   * whether any was attributed to a speech verb or a colon. */
  const quotedSpans = (inSentence: Span[], sStart: number): boolean => {
    let prevEnd = sStart;
    let handled = false;
    let sentenceSpeaker: { mention: number; text: string | null } | null = null;
    for (const q of inSentence) {
      const body = text.slice(q.textStart, q.textEnd);
      const nWords = body.trim().split(/\s+/).length;
      const colon = /:\s*$/.test(text.slice(prevEnd, q.start));
      const sp = speakerFor(prevEnd, q.start, sStart);
      // a short quoted phrase is a quoted fragment when a speaker named in this sentence speaks or judges
      // (أعرب لافروف عن «تفاؤله»، وجد الكرملين الخطوة «إيجابية» وتساهم في «استقرار الوضع»); with no named
      // speaker it is a scare quote or a name («تنسيق»، «الأناضول»)
      const namedHere = !!sp && sp.verb && !sp.carried && sp.mention >= 0 && SPEAKER_TYPES.includes(mentions[sp.mention].type);
      const fragment = nWords < QUOTES.minWords && !colon && mentionsIn(q.textStart, q.textEnd, true).length === 0
        && !NAME_BEFORE.test(text.slice(Math.max(prevEnd, q.start - 12), q.start));
      if (sp && (sp.verb || colon) && (nWords >= QUOTES.minWords || colon || (fragment && namedHere))) {
        push(sp, body, 'direct', q.textStart, q.textEnd);
        handled = true;
        if (!sp.carried) sentenceSpeaker = sp;
      } else if (fragment && sentenceSpeaker) {
        push(sentenceSpeaker, body, 'direct', q.textStart, q.textEnd);
      }
      // a quotation inside this one: its own speaker is named inside (a report quoting "كما أعرب لافروف عن "تفاؤله"")
      if (q.inner.length) quotedSpans(q.inner, q.textStart);
      prevEnd = q.end;
    }
    return handled;
  };

  let lineStart = 0;
  for (const line of text.split('\n')) {
    const from = lineStart, to = lineStart + line.length;
    lineStart = to + 1;
    if (!line.trim()) continue;
    const spans = quoteSpans(text, from, to);
    const starts = sentenceStarts(text, from, to, spans);
    for (let s = 0; s < starts.length; s++) {
      const sStart = starts[s], sEnd = s + 1 < starts.length ? starts[s + 1] : to;
      const inSentence = spans.filter((q) => q.start >= sStart && q.start < sEnd);
      const handled = quotedSpans(inSentence, sStart);
      if (handled || inSentence.length) continue;
      const sw = wordsIn(sStart, sEnd);
      // "وقال لافروف: ..." without quotation marks
      const colonAt = text.slice(sStart, sEnd).indexOf(':');
      if (colonAt > 0) {
        const c = sStart + colonAt;
        const sp = speakerFor(sStart, c, sStart);
        if (sp && sp.verb && wordsIn(sStart, c).length <= 10) { push(sp, text.slice(c + 1, sEnd), 'direct', c + 1, sEnd); continue; }
      }
      // indirect: verb ... أن/إن ...
      let done = false;
      for (let k = 0; k < sw.length && k < 12 && !done; k++) {
        if (!speechForm(sw[k])) continue;
        for (let t = k + 1; t < sw.length && t <= k + 9; t++) {
          if (THAT.has(sw[t].f) || THAT.has(sw[t].noConj)) {
            const sp = speakerFor(sStart, sw[t].start, sStart);
            if (sp) push(sp, text.slice(sw[t].end, sEnd), 'indirect', sw[t].end, sEnd);
            done = true;
            break;
          }
        }
        if (!done && k === 0 && bareForms(sw[k].f).some((b) => OPENERS.has(b)) && sw[k + 1] && !speechForm(sw[k + 1])
          && mentionsIn(sw[k].end, sw[Math.min(sw.length - 1, k + 3)].end, true).length === 0 && !THAT.has(sw[k + 1].f) && sw.length > 6) {
          // "وأضاف تم التوصل إلى تفاهم ..." — unmarked speech continuing the current speaker
          if (current) push(current, text.slice(sw[k].end, sEnd), 'direct', sw[k].end, sEnd);
          done = true;
        }
        if (!done) {
          // a sentence whose speech verb names a person still sets the current speaker
          const sp = mentionsIn(sw[k].end, sw[Math.min(sw.length - 1, k + QUOTES.speakerWindow)].end).filter((i) => mentions[i].type === 'person');
          if (sp.length) current = { mention: sp[0], text: null };
          else if (!isCont(sw[k])) current = null; // someone unnamed speaks now (مصادر محلية ...)
        }
        break;
      }
    }
  }
  return quotes;
}

export type { Mention };
