// Who said what in one article, the way Arabic news reports speech: a cue (قال، أكد، مضيفا، وفق ...), its speaker
// (the subject noun phrase with its title or role, or the speaker carried from before for a continuation), and its
// content (after أن/إن, a colon, a quotation mark or the preposition the cue governs; or the sentence before a
// post-posed وفق/بحسب). Offsets are into the article text as stored. Rules follow ../shared/notes/quote-guidelines.md.
import {
  EXPRESSIVE, OCCASION, ROLE, SETS_SPEAKER, TIME_WORD, hasConj, ADJUNCT, ADJUNCT_NEXT, CLAUSE_ONLY, CLAUSE_START_ONLY, DOCUMENT, GOVERNS, NP_CONTENT, REPEATED, SOURCE_NOUN,
  STOP_BEFORE, THAT, cueOf, fold, type CueInfo,
} from './cues.js';
import { applyQuoteModel, defaultQuoteModel, type QuoteModel } from './learned.js';
import { type Tok, SENT_END, isMark, joinWords, leadBefore, pairMarks, tokenize, words } from './tokens.js';
import {
  ADDRESSEE, BODY, FILLER, OF_BODY, PRONOUN_PREP, REACTS, SYNONYM, THING, VERBAL_NOUN, cueGender, dropOf, genderOf, isPresent, sameWord,
} from './words.js';

export interface FoundQuote {
  /** Offsets of the content in the article text. */
  start: number;
  end: number;
  text: string;
  kind: 'direct' | 'indirect';
  /** The cue as written (وقال، مضيفا، وفق ما أفاد به) and where it starts. */
  cue: string;
  cueStart: number;
  /** The speaker as the article names it (fullest form known so far), or null when no source can be named. */
  speaker: string | null;
  /** Offsets of the speaker's own words when they are named at this cue; -1 when carried from an earlier quote. */
  speakerStart: number;
  speakerEnd: number;
}

/** Longest content a quote may have. An unbalanced quotation mark or a clause with no end never swallows the rest of
 * the article: the content stops at the sentence end, the paragraph end, or this bound, whichever comes first. */
export const MAX_QUOTE_CHARS = 1200;
/** How many tokens after a cue its content may start (the subject with its title, and adjuncts, come between). */
const WINDOW = 48;
/** A quoted span shorter than this (in words) after a speaker is a name or a scare quote, not the content. */
const MIN_QUOTED_WORDS = 4;


/** A conjunction written apart (وزير الصناعة و الطاقة و المناجم) joined to its word, so the title matches its other
 * spelling. */
/** A nationality adjective that stands for the one speaking (وأضاف السويسري، وتابع الفرنسي). */
const NATIONALITY = /^ال(سويسري|فرنسي|الماني|امريكي|اميركي|روسي|تركي|برتغالي|اسباني|ايطالي|بريطاني|انجليزي|بلجيكي|هولندي|برازيلي|ارجنتيني|مصري|جزائري|مغربي|ليبي|تونسي|سوري|عراقي|لبناني|اردني|سعودي|قطري|ايراني|صيني|ياباني|كوري|هندي|باكستاني|افغاني|اسرائيلي|فلسطيني|يمني|سوداني|اماراتي|كويتي)$/;
const joinConj = (s: string) => (s.includes('و ') ? s.replace(/(^| )و (?=\S)/g, '$1و') : s);

/** The quotes of one article: the rules' quotes (ruleQuotes), and, when a model is given (`model: 'shipped'` for
 * data/quotes-model.json), its speaker and keep decisions. The rules alone are the default: cross-validated by
 * article, the shipped model keeps every speaker and quote the rules give (docs/quotes.md) at 1.29× their CPU. */
export function findQuotes(text: string, opts: { model?: QuoteModel | 'shipped' | null } = {}): FoundQuote[] {
  const quotes = ruleQuotes(text);
  const model = opts.model === 'shipped' ? defaultQuoteModel() : opts.model ?? null;
  return model ? applyQuoteModel(text, quotes, model) : quotes;
}

export function ruleQuotes(text: string): FoundQuote[] {
  if (typeof text !== 'string') throw new TypeError('findQuotes: the article text must be a string');
  const quotes: FoundQuote[] = [];
  const history: string[] = []; // speakers named so far, most recent last
  let current: string | null = null;
  const speaks = (sp: string | null) => { if (sp) { current = sp; if (history[history.length - 1] !== sp) history.push(sp); } };
  let docIssuer: string | null = null;

  const histWords = new Map<string, string[]>(); // each speaker's folded words, split once
  const wordsOf = (h: string): string[] => {
    let w = histWords.get(h);
    if (!w) histWords.set(h, (w = joinConj(fold(h)).split(' ').map((x) => SYNONYM[x] ?? x)));
    return w;
  };
  /** An anaphoric or short speaker (الوزارة، المصدر ذاته، وأضاف حسن) resolved to the speaker named before it. */
  /** The speaker named before whose words hold every word of np, or all but one of a long title (المتحدث باسم الجيش
   * الوطني الليبي); null when none does. */
  const historyHit = (np: string): string | null => {
    const ws = joinConj(fold(np)).split(' ').map((w) => SYNONYM[w] ?? w).filter((w) => !FILLER.has(w));
    if (!ws.length || ws.length > 6) return null;
    for (let h = history.length - 1; h >= 0; h--) {
      const hw = wordsOf(history[h]);
      const hits = ws.filter((w) => hw.some((x) => sameWord(w, x))).length;
      if (hits === ws.length || (ws.length >= 4 && hits >= ws.length - 1)) return history[h].length >= np.length ? history[h] : np;
    }
    return null;
  };
  const resolve = (np: string): string => {
    const ws = joinConj(fold(np)).split(' ').map((w) => SYNONYM[w] ?? w).filter((w) => !FILLER.has(w));
    if (!ws.length) return current ?? np;
    if (ws.length <= 6) {
      const hit = historyHit(np);
      if (hit) return hit;
      // الرئيس التركي: the one speaker so far whose title has that nationality (التركي رجب طيب إردوغان)
      if (ws.length === 2 && /^ال(رئيس|وزير|سفير|مبعوث|متحدث|ناطق)/.test(ws[0]) && /^ال/.test(ws[1])) {
        const hits = [...new Set(history)].filter((h) => fold(h).split(' ').includes(ws[1]) && fold(h).split(' ').some((w) => !ROLE.test(w)));
        if (hits.length === 1) return hits[0];
      }
      // مؤسس الفايسبوك for مؤسس الموقع مارك زوكربيرغ: the one named speaker whose title starts with that head noun
      if (ws.length === 2 && !ws[0].startsWith('ال') && ws[1].startsWith('ال')) {
        const hits = [...new Set(history)].filter((h) => { const hw = fold(h).split(' '); return hw[0] === ws[0] && hw.some((w) => !ROLE.test(w)); });
        if (hits.length === 1) return hits[0];
      }
      // المسؤول، المتحدث، الوزير, الرجل with no antecedent among the speakers: the one speaking
      if (ws.length === 1 && current && /^ال(مسؤول|متحدث|ناطق|خبير|وزير|سفير|مصدر|محامي|مدير|رئيس|عميد|قيادي|نائب|محدث|رجل|امراه|سيده|شاب|فتاه|شاهد|مواطن)/.test(ws[0])) return current;
      // المسؤول الحكومي، المصدر الأمني (a generic head and its adjective), السويسري (a nationality alone): the one speaking
      if (ws.length === 2 && current && /^ال(مسؤول|مصدر|متحدث|ناطق|محدث)$/.test(ws[0]) && /^ال[\u0621-\u064A]{3,}ي$/.test(ws[1])) return current;
      if (ws.length === 1 && current && NATIONALITY.test(ws[0])) return current;
    }
    if (ws.length < joinConj(fold(np)).split(' ').length && current) return current; // المصدر ذاته with no antecedent
    if (ws.length === 1 && BODY.test(ws[0])) { const named = bodyBefore(ws[0].slice(2)); if (named) return named; }
    return fullerName(np);
  };
  /** A surname alone (أوغلو، لافروف) takes the first names the article gives it before (مولود جاويش أوغلو). */
  const fuller = new Map<string, string>(); // one search of the article per name
  const fullerName = (np: string): string => {
    if (np.includes(' ') || /^(ال|لل)/.test(fold(np)) || np.length < 3) return np;
    const known = fuller.get(np);
    if (known !== undefined) return known;
    const found = fullerSearch(np);
    fuller.set(np, found);
    return found;
  };
  const fullerSearch = (np: string): string => {
    const before = text; // the fullest form anywhere in the article (a headline may name him before the body does)
    if (!/^[\u0621-\u064A]+$/.test(np)) return np;
    // the first time the name comes with first names after a title or a comma (نظيره التركي رجب طيب إردوغان،
    // والصورة، فتحي الخراط); the title's adjective is kept (التركي) so that الرئيس التركي finds it
    // each occurrence of the name, the words just before it (indexOf, then a regex on a short window: the whole
    // article through one regex per name was the extractor's slowest step)
    for (let at = before.indexOf(np); at >= 0; at = before.indexOf(np, at + np.length)) {
      const after = before[at + np.length];
      if (after !== undefined && !/[\s،,.:]/.test(after)) continue;
      const m = leadBefore(before, Math.max(0, at - 80), at);
      if (!m) continue;
      const prev = fold(m[1]);
      if (!(prev === '،' || prev === ',' || /^(ال|لل)/.test(prev) || ROLE.test(prev) || cueOf(prev) || /^(نظيره|نظيرته)$/.test(prev))) continue;
      const lead = m[2].trim().split(' ');
      if (lead.some((w) => { const f = fold(w); return /^(ال|لل|و|ف|ب|ل)/.test(f) || /ه$/.test(f) || ROLE.test(f) || cueOf(f) || /^(في|من|عن|علي|الي|مع|قال|لـ)$/.test(f); })) continue;
      return `${/^ال[\u0621-\u064A]+ي$/.test(prev) ? m[1] + ' ' : ''}${lead.join(' ')} ${np}`; // التركي: a nisba adjective
    }
    return np;
  };
  let relayBack: string | null = null;
  /** الحزب، اللجنة with no speaker before: the body the article named before this point, which has not spoken
   * (أصدر حزب المؤتمر من أجل الجمهورية ...، لجنة الصحة والشؤون الاجتماعية ناقشت ...): its nearest mention. */
  let upTo = 0; // the article text read so far
  const bodyBefore = (head: string): string | null => {
    const seen = text.slice(0, upTo);
    const spelt = [...head].map((c) => ({ ه: '[هة]', ا: '[اأإآ]', ي: '[يى]' } as Record<string, string>)[c] ?? c).join('');
    const re = new RegExp(`(?:^|[^\\u0621-\\u064A])(?:[وبل])?(${spelt})\\s`, 'g');
    let m: RegExpExecArray | null, at = -1, word = '';
    while ((m = re.exec(seen))) { at = m.index + m[0].length; word = m[1]; }
    if (at < 0) return null;
    const out = [word];
    const rest = tokenize(seen, at, Math.min(seen.length, at + 120));
    for (const t of rest) {
      if (!t.word) { if (/[(«"“]/.test(t.raw)) continue; break; }
      if (out.length >= 6 || TIME_WORD.test(t.f) || cueOf(t.f) || /^(بيانا|بلاغا|تقريرا|اليوم|امس|يوم|علي|الي|عن|مع|خلال|صلب|ان|التي|الذي|وذلك)$/.test(t.f) || SETS_SPEAKER.has(t.f)) break;
      out.push(t.raw);
    }
    return out.length > 1 ? out.join(' ') : null;
  };

  let lineStart = 0;
  for (const line of text.split('\n')) {
    const pFrom = lineStart, pTo = lineStart + line.length;
    lineStart = pTo + 1;
    if (!line.trim()) continue;
    const toks = tokenize(text, pFrom, pTo);
    const pairs = pairMarks(text, toks);
    // token index -> whether it is inside a matched quotation
    const inside = new Uint8Array(toks.length);
    for (const [o, c] of pairs) if (o < c) for (let k = o + 1; k < c; k++) inside[k] = 1;
    const isEnd = (k: number) => {
      const t = toks[k];
      if (t.word || !SENT_END.has(t.raw) || inside[k]) return false;
      if (t.raw === '.' && /\d/.test(text[t.s - 1] ?? '') && /\d/.test(text[t.e] ?? '')) return false; // 2.1
      if (t.raw === '.' && k > 0 && toks[k - 1].word && toks[k - 1].raw.length === 1) return false; // ب. فيصل
      return true;
    };
    const sentStart = (k: number) => { let j = k; while (j > 0 && !isEnd(j - 1)) j--; return j; };
    const comma = (t: Tok | undefined) => !!t && !t.word && (t.raw === '،' || t.raw === ',');
    /** علي spelt with ي (not على) before a name is the given name Ali (الخبير الإيراني علي فتي، النائب منذر بالحاج علي),
     * not the preposition: in ANT the spelling علي is a name far more often than a misspelt على. */
    const ali = (k: number) => {
      const t = toks[k], nx = toks[k + 1];
      if (!t?.word || t.raw !== 'علي') return false;
      if (!nx?.word) return comma(nx) || isEnd(k + 1) || !nx; // ... بالحاج علي، بأن
      return !THAT.has(nx.f) && !/^\d/.test(nx.f) && !/^(الاقل|الرغم|مستوي|غرار|اثر|هامش|حد|ضروره|الصعيد|خلفيه|ذلك|هذا|هذه|راس|ان|انه|انها)$/.test(nx.f) && !cueOf(nx.f);
    };

    /** A cue at token k, or null: ambiguous words count only at a clause start, and a cue inside a quotation is the
     * quoted speaker's words, not a report. */
    // cueAt per token, computed once: clause ends, comma searches and the main loop ask again and again
    const cueMemo: (CueInfo | null | undefined)[] = new Array(toks.length);
    const cueAt = (k: number): CueInfo | null => {
      let c = cueMemo[k];
      if (c === undefined) c = cueMemo[k] = cueAtUncached(k);
      return c;
    };
    const cueAtUncached = (k: number): CueInfo | null => {
      const t = toks[k];
      if (!t) return null;
      if (!t.word || inside[k]) return null;
      const c = cueOf(t.f);
      if (!c) return null;
      if (CLAUSE_START_ONLY.has(c.stem) && (t.f === c.stem || t.f === 'و' + c.stem || t.f === 'ف' + c.stem || c.stem.startsWith('ي') || c.stem.startsWith('ت'))) {
        const conj = t.f !== c.stem;
        const prev = toks[k - 1];
        if (!conj && prev && !comma(prev) && !isEnd(k - 1) && !(prev.word && /^(قد|وقد|كما|فيما|حيث|و|ف)$/.test(prev.f))) return null;
      }
      if (c.kind === 'marker') return c;
      const prev = toks[k - 1];
      // a present verb after أن/لن/لم/لا/كي is a clause's verb, not a report (دون أن يطالب بـ ..., لا يقول)
      if (c.kind === 'verb' && isPresent(c.stem) && prev?.word && /^(ان|لن|لم|لا|كي|لكي|حتي|ل)$/.test(prev.f)) return null;
      // حمّل is a cue only with المسؤولية (حمّل الحكومة المسؤولية), وجاء only as وجاء في (a document's words)
      if ((c.stem === 'حمل' || c.stem === 'محملا') && !toks.slice(k + 1, k + 9).some((x) => /^(ال)?مسؤولي(ه|ات)$/.test(x.f))) return null;
      if (c.stem === 'جاء' && toks[k + 1]?.f !== 'في') return null;
      if (c.kind === 'noun' && c.stem === 'تصريح' && (toks[k + 1]?.raw !== ':' && !(prev?.word && !/^(في|ب|ل|خلال|اثر|عقب)$/.test(prev.f) && toks[k + 1]?.word))) return null;
      if (c.kind === 'noun' && c.stem === 'تصريح' && prev?.word && /^(في|ب|ل|خلال|اثر|عقب)$/.test(prev.f)) return null;
      if (prev?.word && /^(ما|مما|بما|عما)$/.test(prev.f)) return null; // وفق ما أفاد: part of a marker
      return c;
    };

    /** The speaker noun phrase in tokens [a, b): leading time words skipped, cut at the first adjunct. */
    const nounPhrase = (a: number, b: number): { s: number; e: number } | null => {
      let i = a;
      const skip = (k: number) => {
        const t = toks[k];
        if (!t.word) return comma(t);
        if (TIME_WORD.test(t.f)) return true;
        return false;
      };
      while (i < b && skip(i)) i++;
      if (i < b && toks[i].word && ADJUNCT_NEXT[toks[i].f]?.includes(toks[i + 1]?.f ?? '')) { i += 2; while (i < b && skip(i)) i++; }
      const s = i;
      let e = i;
      for (; i < b; i++) {
        const t = toks[i];
        if (t.word) {
          if (i > s && (t.f === 'في' || t.f === 'لدي' || t.f === 'عند')) {
            const nx = toks[i + 1];
            // a name given yet: a word that is no title word, preposition or construct noun (النائب في مجلس نواب الشعب
            // والقيادي في الجبهة الشعبية is one title)
            // (a complement with بال/لل is part of the title: المكلف بالإعلام في مجلس نواب الشعب)
            const namedYet = words(toks.slice(s, i)).some((w) => !ROLE.test(w.f.replace(/^و(?=ال)/, '')) && !/^(في|من|عن|علي|الي|ب|ل|نواب|شؤون)$/.test(w.f) && !/^بال/.test(w.f));
            // لدى معاينته، عند وصوله: an occasion; لدى تونس: part of the title
            if ((t.f === 'لدي' || t.f === 'عند') && nx?.word && !/(ه|ها|هم)$/.test(nx.raw)) continue;
            if (t.f === 'في' && !namedYet && nx?.word && !OCCASION.test(nx.f) && !TIME_WORD.test(nx.f)) continue;
            break;
          }
          if (i > s && OF_BODY.test(t.f) && toks[i - 1].word && DOCUMENT.has(toks[i - 1].f)) { e = i + 1; continue; } // تعداد لوكالة
          if (ali(i)) { e = i + 1; continue; }
          if (i > s && (ADJUNCT.has(t.f) || ADJUNCT_NEXT[t.f]?.includes(toks[i + 1]?.f ?? ''))) break;
          // حيث opens a clause; a word with an attached preposition and pronoun (بمستواها، لديهم) names no one
          if (i > s && (t.f === 'حيث' || /^[بل][\u0621-\u064A]{3,}(ها|هم|هما|هن)$/.test(t.f))) break;
          if (i === s && (ADJUNCT.has(t.f) || /^(من|عن|الي|علي|لـ|بـ)$/.test(t.f) || PRONOUN_PREP.test(t.f) || THAT.has(t.f) || /^بال/.test(t.f))) return null;
          if (i > s && (/^(الذي|التي|الذين|اللذان|اللتان)$/.test(t.f) || cueOf(t.f))) break;
          e = i + 1;
        } else if (t.raw === ':' || (isMark(t) && pairs.has(i) && pairs.get(i)! > i && words(toks.slice(i + 1, pairs.get(i)!)).length >= MIN_QUOTED_WORDS)) break;
        else if (comma(t) && toks[i + 1]?.word && !ali(i + 1) && (ADJUNCT.has(toks[i + 1].f) || TIME_WORD.test(toks[i + 1].f) || /^(تم|الذي|التي|وهو|وهي|وذلك)$/.test(toks[i + 1].f))) break;
      }
      if (e <= s || words(toks.slice(s, e)).length > 18) return null; // a long title with two roles has up to 18 words
      return { s, e };
    };

    /** The speaker named by tokens [a, b): a document's issuer, a relayed source, or the noun phrase resolved. */
    const speakerFrom = (np: { s: number; e: number }): string | null => {
      const ws = words(toks.slice(np.s, np.e));
      if (!ws.length) return null;
      if (DOCUMENT.has(ws[0].f)) {
        // بيان أصدره الحزب، بيان من وزارة الدفاع، بيان وزارة الدفاع: the issuer; البيان alone: the last issuer
        let k = 1;
        while (k < ws.length && /^(اصدره|اصدرته|صادر|صادره|من|عن|الصادر|له|لها|اعدته|اعده|اعدها|الذي|التي|ختامي|رسمي|صحفي|مشترك|اعداد|طرف|قبل|حديث|جديد|اخير|سنوي|مطول|سري)$/.test(ws[k].f)) k++;
        // the issuer is a definite noun phrase: a bare three-letter word after its definite words is a verb (تقرير
        // للبنك الدولي نشر الأحد)
        let k2 = k + 1;
        while (k2 < ws.length && !(/^[\u0621-\u064A]{3}$/.test(ws[k2].f) && /^(ال|لل)/.test(ws[k2 - 1].f) && !/^(بن|ابو|ابن)$/.test(ws[k2].f))) k2++;
        // تقرير للبنك الدولي: لل is ل and ال, the issuer is البنك الدولي
        const issuer = ws.slice(k, k2).map((w, n) => (n === 0 ? (/^لل[\u0621-\u064A]{3,}/.test(w.raw) ? 'ال' + w.raw.slice(2) : dropOf(w.raw)) : w.raw)).join(' ');
        if (issuer) { docIssuer = resolve(issuer); return docIssuer; }
        const doc = ws.map((w) => w.raw).join(' ');
        if (!ws[0].f.startsWith('ال')) { docIssuer = doc; return doc; }
        return docIssuer ?? doc;
      }
      return resolve(ws.map((w, n) => (n === 0 ? dropOf(w.raw) : w.raw)).join(' '));
    };

    /** Where indirect content that starts at token a ends: before the sentence end, a new cue, a repeated attribution
     * or a journalist's comment; returns the token index after its last token. */
    const clauseEnd = (a: number, first = false): number => {
      let k = a;
      for (; k < toks.length; k++) {
        if (isEnd(k)) break;
        if (toks[k].e - toks[a].s > MAX_QUOTE_CHARS) break;
        if ((k > a || first) && !inside[k] && toks[k].word) {
          const c = cueAt(k);
          const prev = toks[k - 1];
          const prevComma = comma(prev) || (prev?.word && /^(كما|فيما|حيث|بينما|و?لكن|و?لكنه|و?لكنها|و?لكنهم)$/.test(prev.f));
          if (c && (c.kind === 'participle' || c.kind === 'marker' || (c.kind === 'verb' && (prevComma || hasConj(toks[k].f))))) break;
          if (/^(علي)$/.test(toks[k].f) && toks[k + 1]?.f === 'حد') break; // على حد قوله
          if (STOP_BEFORE.has(toks[k].f) && (prevComma || ((toks[k].f === 'دون' || toks[k].f === 'بدون') && words(toks.slice(a, k)).length >= 4))) break;
        }
      }
      return k;
    };

    /** Offsets of tokens [a, b) with trailing punctuation dropped; a closing mark stays when its opening mark is in. */
    const span = (a: number, b: number): { s: number; e: number } | null => {
      let e = b;
      while (e > a && !toks[e - 1].word) {
        const t = toks[e - 1];
        if (isMark(t) && pairs.has(e - 1) && pairs.get(e - 1)! >= a && pairs.get(e - 1)! < e - 1) break;
        e--;
      }
      let s = a;
      while (s < e && !toks[s].word && !(isMark(toks[s]) && pairs.has(s) && pairs.get(s)! < e)) s++;
      if (e <= s) return null;
      return { s: toks[s].s, e: toks[e - 1].e };
    };

    /** Adds a quote; 'short' when its content has under 4 words (no quote, guideline 2), 'taken' when another quote
     * already holds that stretch of text. */
    const push = (cueTok: number, cueEnd: number, sp: string | null, npSpan: { s: number; e: number } | null, a: number, b: number, kind: 'direct' | 'indirect', nested = false): 'ok' | 'short' | 'taken' => {
      const r = span(a, b);
      if (!r || words(toks.slice(a, b)).length < 4) return 'short';
      if (quotes.some((q) => (nested ? q.start === r.s : q.start < r.e && r.s < q.end))) return 'taken';
      quotes.push({
        start: r.s, end: r.e, text: text.slice(r.s, r.e), kind, cue: text.slice(toks[cueTok].s, toks[cueEnd - 1].e), cueStart: toks[cueTok].s,
        speaker: sp, speakerStart: npSpan ? toks[npSpan.s].s : -1, speakerEnd: npSpan ? toks[npSpan.e - 1].e : -1,
      });
      speaks(sp);
      // after a relayed quote (قالت الرئاسة إن إردوغان قال "..."، مضيفة ...) the relay speaks on
      if (relayBack) { speaks(relayBack); relayBack = null; }
      return 'ok';
    };

    /** Content that opens at token j with a quotation mark: direct when the marks enclose all of it, else (the marks
     * cover part of a clause) indirect up to the clause end. */
    const quoted = (j: number): { a: number; b: number; kind: 'direct' | 'indirect' } => {
      const close = pairs.get(j)!;
      const after = toks[close + 1];
      const ends = !after || isEnd(close + 1) || (comma(after) && (!toks[close + 2] || cueAt(close + 2) !== null || /^(علي|حسب|وفق|بحسب)$/.test(toks[close + 2].f)))
        || (after.word && cueAt(close + 1) !== null);
      if (ends) return { a: j + 1, b: close, kind: 'direct' };
      return { a: j, b: clauseEnd(close + 1, true), kind: 'indirect' };
    };

    for (let i = 0; i < toks.length; i++) {
      const cue = cueAt(i);
      if (!cue) { reaction(i); continue; }
      upTo = toks[i].s;
      // inside a quote found: the speaker's words, except a cue in a relative clause on a thing (السجون، التي قال إنها
      // ...), which is the same speaker's own quote nested in the outer one (guideline 4)
      const outer = quotes.length ? quotes.find((q) => toks[i].s >= q.start && toks[i].s < q.end) : undefined;
      if (outer && !(cue.kind === 'verb' && objectRelative(i))) continue;

      if (cue.kind === 'marker') { marker(i); continue; }
      // the content's opener: the first complementizer, colon or long quotation; else the governed preposition
      let opener = -1, how: 'that' | 'colon' | 'mark' | 'prep' | 'np' = 'np', prep = -1, relay = -1;
      let stop = toks.length;
      let attachedB = false;
      for (let j = i + 1; j < toks.length && j <= i + WINDOW; j++) {
        if (isEnd(j)) { stop = j; break; }
        const t = toks[j];
        if (t.word) {
          if (cue.stem === 'نقل' && t.f === 'عن' && relay < 0) { relay = j + 1; continue; }
          if ((t.f === 'قوله' || t.f === 'قولها') && relay >= 0) continue;
          if (THAT.has(t.f)) { opener = j; how = 'that'; break; }
          const cj = cueAt(j);
          if (cj && (cj.kind === 'verb' || cj.kind === 'participle') && (!hasConj(t.f) || comma(toks[j - 1]))) { stop = j; break; }
          // the preposition a participle governs comes at once or after a short adjunct (مشيرا في المقابل إلى);
          // one further on is inside its noun-phrase content (مؤكدا التزام الحكومة ... وانفتاحها على الحوار)
          if (prep < 0 && GOVERNS[cue.stem]?.includes(t.f) && toks[j + 1]?.f !== 'هامش' && toks[j + 1]?.f !== 'حد' && (cue.kind !== 'participle' || j - i <= 5)) prep = j;
          // وأضاف قوله "...: the quotation follows the verbal noun, its closing mark may be missing
          if (j === i + 1 && (t.f === 'قوله' || t.f === 'قولها') && toks[j + 1] && isMark(toks[j + 1]) && relay < 0) { opener = j; how = 'colon'; break; }
          if (prep < 0 && j > i + 1 && /^(وعد|واعدا|طالب|مطالبا|حث|ناشد|مناشدا|تعهد|متعهدا)$/.test(cue.stem) && /^بال?[\u0621-\u064A]{3,}$/.test(t.f)) { prep = j; attachedB = true; }
        } else if (t.raw === ':') { opener = j; how = 'colon'; break; }
        else if (isMark(t) && pairs.has(j) && pairs.get(j)! > j && words(toks.slice(j + 1, pairs.get(j)!)).length >= MIN_QUOTED_WORDS) {
          // a quoted name right after a preposition or a kind of outlet is no opener (لـ"الميناء الجديد"، صحيفة "...")
          const before = toks[j - 1];
          if (before?.word && /^(ل|لـ|ب|بـ|صحيفه|وكاله|قناه|موقع|برنامج|حزب|حركه|مجله|اذاعه)$/.test(before.f)) continue;
          opener = j; how = 'mark'; break;
        }
      }
      if (opener < 0 && prep >= 0 && prep < stop) { opener = prep; how = 'prep'; }
      // وقال في تصريحات تمت ترجمتها إلى الروسية سنواصل ...: the speaker's own first-person words after an adjunct
      if (opener < 0 && /^(قال|اضاف|تابع)$/.test(cue.stem) && toks[i + 1]?.f === 'في') {
        for (let j = i + 2; j < stop && j < i + 14; j++) {
          if (!toks[j].word) break;
          if (/^(سن[\u0621-\u064A]{3,}|نحن|اننا|لقد)$/.test(toks[j].f) && !/^سن(وات|ويا|وي|ويه|ين|تين|غافوره|غال|دات|ابل|ترال)$/.test(toks[j].f)) { opener = j - 1; how = 'colon'; break; }
        }
      }
      // حمّل فلان المسؤولية لـ ...: the blame is the content, from المسؤولية on
      if ((cue.stem === 'حمل' || cue.stem === 'محملا') && opener < 0) {
        for (let j = i + 1; j < i + 9 && j < stop; j++) if (/^(ال)?مسؤولي(ه|ات)$/.test(toks[j].f)) { opener = j; how = 'prep'; attachedB = true; prep = -1; break; }
      }
      if (cue.stem === 'جاء' && opener < 0) continue; // وجاء في ... with no clause or quotation: not a report
      // واعتبرها مثالا ...: the object is a pronoun, what follows is the label
      const objPron = cue.stem === 'اعتبر' && !/^[وف]?اعتبر(ت|وا)?$/.test(toks[i].f);
      if (/^(اضاف|تابع|اردف|استطرد)$/.test(cue.stem) && hasConj(toks[i].f) && toks[i + 1]?.word && /^(تم|لقد|نحن|اننا|لن|هناك|سن[\u0621-\u064A]{3,})$/.test(toks[i + 1].f)) {
        opener = i; how = 'colon';
      }
      // a verb whose content was not found still names who speaks next: its subject, when it is a speaker named
      // before or a short noun phrase (the subject of اعتبر الوزير المؤتمر انطلاقة is the first words only; after
      // دعا/طالب the noun phrase is the addressee)
      const named = () => {
        if (/^(دعا|طالب|حث|ناشد|اوصي)$/.test(cue.stem) && hasConj(toks[i].f)) return;
        // لكنه نفى هذه التهم: the subject is the pronoun, what follows is the object
        if (toks[i - 1]?.word && /^[وف]?لكن(ه|ها|هم)$/.test(toks[i - 1].f)) return;
        const np0 = nounPhrase(i + 1, Math.min(stop, i + 12));
        if (!np0) {
          // وكان رئيس الهيئة ... قد أكد في حلقة ...: the subject before the verb speaks next
          const pre = cue.kind === 'verb' && !hasConj(toks[i].f) ? subjectBefore(i) : null;
          if (pre && words(toks.slice(pre.s, pre.e)).some((w) => !ROLE.test(w.f))) speaks(speakerFrom(pre));
          return;
        }
        const ws = words(toks.slice(np0.s, np0.e));
        for (let n = Math.min(ws.length, 6); n >= 1; n--) {
          const r = resolve(ws.slice(0, n).map((w) => w.raw).join(' '));
          if (history.includes(r)) { speaks(r); return; }
        }
        if (ws.length <= 4) speaks(speakerFrom(np0));
      };
      // a cue whose scan stops at another cue (وذكر تقرير صحفي، الوزير ... قال): its subject still speaks next
      if (opener < 0 && CLAUSE_ONLY.has(cue.stem)) {
        if (SETS_SPEAKER.has(cue.stem)) reaction(i); // عبر عن تقديره: no quote, but its subject speaks next
        else if (stop < toks.length && !isEnd(stop)) named();
        continue;
      }
      // the speaker: the noun phrase between cue and opener, else the subject before the verb, else the current one
      const npEnd = opener >= 0 ? (prep >= 0 && prep < opener ? prep : opener) : Math.min(stop, i + 12);
      let np = relay >= 0 ? nounPhrase(relay, npEnd) : nounPhrase(cue.stem === 'جاء' ? i + 2 : i + 1, npEnd);
      if (how === 'np' && opener < 0) {
        // content is the noun phrase right after a participle (نافيا صحة ...) or after the subject and a comma
        if (!NP_CONTENT.has(cue.stem)) { if (cue.kind === 'verb') named(); continue; }
        if (cue.kind === 'participle' || objPron || /^(الذي|التي)$/.test(toks[i - 1]?.f ?? '')) { np = null; opener = i; }
        else {
          let lastComma = -1;
          for (let j = i + 1; j < stop && j <= i + 30; j++) {
            if (j > i + 1 && toks[j].word && cueAt(j)) break; // a comma after the next cue is that cue's
            const nx = toks[j + 1];
            if (comma(toks[j]) && nx?.word && !ADJUNCT.has(nx.f) && !STOP_BEFORE.has(nx.f) && !TIME_WORD.test(nx.f) && !/^[وف]/.test(nx.f) && !cueAt(j + 1)) lastComma = j;
          }
          if (lastComma >= 0) { opener = lastComma; np = nounPhrase(i + 1, lastComma); }
          else if (toks[i + 1]?.word && VERBAL_NOUN.test(toks[i + 1].f) && (current || !hasConj(toks[i].f))) { np = null; opener = i; } // وأكد حرص الحكومة على ...
          else {
            // after the subject with no comma: a speaker named before (واعتبر الوزير المؤتمر انطلاقة ...), or a name
            // and a manner adjunct (وأعلن الرئيس الأميركي دونالد ترامب بشكل مفاجئ قراره ...)
            const np0 = nounPhrase(i + 1, Math.min(stop, i + 12));
            const ws = np0 ? toks.slice(np0.s, np0.e).map((t, d) => [t, np0.s + d] as const).filter(([t]) => t.word) : [];
            let subjEnd = -1;
            // (a word-for-word match only: الرئيس alone must not fall back on whoever spoke last)
            for (let n = Math.min(ws.length - 1, 6); n >= 1 && subjEnd < 0; n--) if (historyHit(ws.slice(0, n).map(([t]) => t.raw).join(' '))) subjEnd = ws[n - 1][1];
            if (subjEnd < 0 && np0 && ws.some(([t]) => !ROLE.test(t.f)) && /^(بشكل|بصوره|بصفه)$/.test(toks[np0.e]?.f ?? '') && toks[np0.e + 1]?.word && toks[np0.e + 2]?.word) subjEnd = np0.e + 1;
            if (subjEnd < 0 || !np0) { named(); continue; }
            opener = subjEnd;
            np = { s: np0.s, e: Math.min(np0.e, subjEnd + 1) };
          }
        }
      }
      if (np && /^[\u0621-\u064A]{3,}(ته|تها|تهم|ه|ها|هم)$/.test(toks[np.s].raw) && !/^(عبد|طه|الله)/.test(toks[np.s].f) && words(toks.slice(np.s, np.e)).length <= 3 && !ROLE.test(toks[np.s].f)) np = null;
      if (np && how === 'prep' && hasConj(toks[i].f) && current && !ROLE.test(toks[np.s].f) && words(toks.slice(np.s, np.e)).length <= 3
        && !text.slice(0, toks[i].s).includes(toks[np.s].raw)) { np = null; opener = i; }
      let speaker: string | null = null;
      let npSpan: { s: number; e: number } | null = null;
      if (np && /^(دعا|طالب|حث|ناشد|اوصي|مطالبا|داعيا|مناشدا)$/.test(cue.stem)) {
        // دعا الحزب الصحفيات ...، طالب الاتحاد الحكومة بـ ...: the addressee after a definite subject is not the speaker
        for (let k = np.s + 1; k < np.e; k++) {
          const t = toks[k], p = toks[k - 1];
          if (t.word && ADDRESSEE.test(t.f) && p.word && /^(ال|لل)/.test(p.f)) { np = { s: np.s, e: k }; break; }
        }
      }
      if (np && cue.kind !== 'participle') { speaker = speakerFrom(np); npSpan = np; }
      if (!speaker && cue.kind !== 'participle' && (!hasConj(toks[i].f) || toks[i].f.startsWith('ف'))) {
        const pre = subjectBefore(i);
        if (pre) { speaker = speakerFrom(pre); npSpan = pre; }
      }
      if (!speaker) {
        speaker = current;
        // a continuation agrees with its speaker: مضيفة after a man speaks goes to the last woman or body that spoke
        const g = cueGender(toks[i].f, cue), h = genderOf(current);
        if (g && h && g !== h) for (let k = history.length - 1; k >= 0; k--) if (genderOf(history[k]) === g) { speaker = history[k]; break; }
      }
      if (!speaker && cue.kind === 'participle') {
        // هنّأ رئيس الوزراء ... نتنياهو، اليوم ... معتبرا أنه: no one spoke yet; the named subject of the sentence's
        // first verb (up to its comma) continues
        const ss = sentStart(i);
        let c = ss + 1; while (c < i && !comma(toks[c])) c++;
        const np0 = toks[ss]?.word && !cueAt(ss) && c < i ? nounPhrase(ss + 1, c) : null;
        if (np0 && np0.e === c && words(toks.slice(np0.s, np0.e)).some((w) => !ROLE.test(w.f) && !/^(ال|لل)/.test(w.f))) { speaker = speakerFrom(np0); npSpan = np0; }
      }
      if (outer) speaker = outer.speaker;
      // the content; a feeling (أعلن عن استيائه، مؤكدة رفضها) is an expressive act, not a quote
      if ((how === 'prep' || how === 'np') && toks[opener + 1]?.word && EXPRESSIVE.test(toks[opener + 1].f)) continue;
      let a: number, b: number, kind: 'direct' | 'indirect' = 'indirect';
      if (how === 'colon') {
        a = opener + 1;
        if (toks[a] && isMark(toks[a]) && pairs.has(a) && pairs.get(a)! > a) { const q = quoted(a); ({ a, b } = q); kind = 'direct'; }
        else if (toks[a] && isMark(toks[a])) { a++; b = clauseEnd(a); kind = 'direct'; } // a mark that never closes
        else { b = a; while (b < toks.length && !isEnd(b) && toks[b].e - toks[a]?.s <= MAX_QUOTE_CHARS) b++; kind = 'direct'; }
      } else if (how === 'mark') {
        const q = quoted(opener); a = q.a; b = q.b; kind = q.kind;
      } else {
        a = attachedB ? opener : opener + 1;
        if (how === 'prep' && THAT.has(toks[a]?.f ?? '')) a++;
        // relayed speech (قالت الرئاسة إن إردوغان قال "..."، أكد الشابي أن الشاهد أوضح أن ...): the words belong to
        // the source named inside, whose own cue follows at once; the relay is no quote of its own
        if (how === 'that' && relayed(a)) { relayBack = speaker; continue; }
        if (toks[a] && isMark(toks[a]) && pairs.has(a) && pairs.get(a)! > a) { const q = quoted(a); a = q.a; b = q.b; kind = q.kind; }
        else b = clauseEnd(a);
      }
      // a named speaker whose words here are too short still speaks next
      if (push(i, i + 1, speaker, outer ? null : npSpan, a, b, kind, !!outer) === 'short' && npSpan && !CLAUSE_ONLY.has(cue.stem)) speaks(speaker);
    }

    /** A verb of reaction or topic with a named subject (وانتقد القيادي بالحزب، محمد ناصر شويخة ...): who speaks next. */
    function reaction(i: number): void {
      const t = toks[i];
      const f = REACTS.get(t.f); // called for every word that is no cue: one lookup first
      if (f === undefined || !t.word || inside[i]) return;
      if (quotes.some((q) => t.s >= q.start && t.s < q.end)) return; // إن إدارة المستشفى رفضت ...: the speaker's words
      if (f === 'اصدر' || f === 'اصدرت') {
        // أصدر الحزب بيانا ...: the issuer of the statement quoted next (وأوضح الحزب، وأكد البيان)
        let e = i + 1;
        while (e < toks.length && e < i + 10 && toks[e].word && !/^(بيانا|بلاغا|تقريرا|بيان|بلاغ|تقرير)$/.test(toks[e].f)) e++;
        const np = e < i + 10 && toks[e]?.word ? nounPhrase(i + 1, e) : null;
        if (np) { docIssuer = speakerFrom(np); speaks(docIssuer); }
        return;
      }
      // عبر is "through" as often as "expressed": a reaction only at a clause start
      if (f === 'عبر' && f === t.f && toks[i - 1] && !comma(toks[i - 1]) && !isEnd(i - 1) && !(toks[i - 1].word && /^(و|ف|قد|وقد|كما)$/.test(toks[i - 1].f))) return;
      if (f === t.f) {
        // the subject before it: a short noun phrase with no preposition (not the tail of a clause: انتقل عبر سيارة ...)
        const pre = subjectBefore(i);
        if (pre && pre.e - pre.s <= 6 && !toks.slice(pre.s, pre.e).some((x) => x.word && /^(في|من|عن|علي|الي|مع)$/.test(x.f))) { speaks(speakerFrom(pre)); return; }
        if (pre) return;
      }
      let e = i + 1;
      while (e < toks.length && e < i + 14 && !isEnd(e) && !isMark(toks[e]) && !(toks[e].word && /^(الي|عن|علي|من|ب|في)$/.test(toks[e].f) && e > i + 1)) e++;
      const np = nounPhrase(i + 1, e);
      if (!np) return;
      const ws = words(toks.slice(np.s, np.e));
      if (ws.length > 6 || !ws.some((w) => !ROLE.test(w.f))) return;
      const sp = speakerFrom(np);
      speaks(sp);
    }

    /** Whether the cue at i opens a relative clause on a thing (السجون، التي قال إنها، الملف الذي اعتبر أنه): its
     * subject is the one speaking, not the antecedent, which names no person or body. */
    function objectRelative(i: number): boolean {
      let k = i - 1;
      const rel = toks[k];
      if (!(k >= 0 && rel.word && /^[وف]?(الذي|التي)$/.test(rel.f))) return false;
      k--;
      if (k >= 0 && comma(toks[k])) k--;
      const w = toks[k];
      if (!w?.word || !/^(ال|لل)/.test(w.f) || DOCUMENT.has(w.f)) return false;
      // التي قال: the verb does not agree with the relative, so its subject is someone else (the one speaking)
      const c = cueOf(toks[i].f);
      const verbFem = !!c && /ت$/.test(toks[i].f) && !/ت$/.test(c.stem);
      if (/التي$/.test(rel.f) !== verbFem) return true;
      // الملف الذي اعتبر: a thing, not a speaker
      return THING.test(w.f);
    }

    /** Whether content starting at token a opens with a subject and its own speech verb (a relayed report). */
    function relayed(a: number): boolean {
      for (let k = a, n = 0; k < toks.length && n < 7; k++) {
        if (isEnd(k) || inside[k]) return false;
        if (!toks[k].word) continue;
        const c = cueAt(k);
        if (c && c.kind === 'verb' && k > a && !hasConj(toks[k].f)) return /^(قال|اوضح|اكد|صرح|اضاف|يقول|تقول)$/.test(c.stem);
        if (THAT.has(toks[k].f)) return false;
        n++;
      }
      return false;
    }

    /** The subject before a verb: وكان الرئيس الأمريكي دونالد ترامب قال، إردوغان أضاف، أما لافروف فكشف، جوكوفسكي،
     * الذي قال. */
    function subjectBefore(i: number): { s: number; e: number } | null {
      let k = i - 1;
      // لكنه استدرك، إلا أنه أكد: the one speaking
      if (k >= 0 && toks[k].word && (/^[وف]?لكن(ه|ها|هم)$/.test(toks[k].f) || (/^ان(ه|ها|هم)$/.test(toks[k].f) && toks[k - 1]?.f === 'الا'))) return null;
      while (k >= 0 && toks[k].word && /^(قد|كان|كانت)$/.test(toks[k].f)) k--; // الطاهر بطيخ، كان صرح
      if (k >= 0 && comma(toks[k])) k--; // أما القيادي بحزب التحرير، سعيد خشارم، فقال
      if (objectRelative(i)) return null; // الملف الذي اعتبر: the one speaking, not the file
      if (k >= 0 && toks[k].word && /^(الذي|التي|الذين)$/.test(toks[k].f)) {
        // the antecedent of the relative: the last words before the comma
        let e = k; if (e > 0 && comma(toks[e - 1])) e--;
        let s = e; let n = 0;
        while (s > 0 && toks[s - 1].word && n < 4 && !/^(في|من|عن|علي|الي|بحسب|حسب|وفق)$/.test(toks[s - 1].f)) { s--; n++; }
        return s < e ? { s, e } : null;
      }
      const e = k + 1;
      let s = e;
      while (s > 0 && !isEnd(s - 1) && !comma(toks[s - 1]) && !(toks[s - 1].word && (/^(اما|إن)$/.test(toks[s - 1].f) || THAT.has(toks[s - 1].f))) && !isMark(toks[s - 1]) && e - s < 12) s--;
      while (s < e && toks[s].word && /^(و|وكان|وكانت|كان|كانت|وقد|فيما|كما|بينما|قد|حيث|اما|واما|و?لكن(ه|ها|هم)?)$/.test(toks[s].f)) s++;
      if (s >= e) return null;
      const ws = words(toks.slice(s, e));
      // a dateline (تونس 11 ديسمبر 2016 (وات) - أكد ...) names a place and a day, not a speaker
      if (!ws.length || ws.length > 10 || ws.some((w) => cueOf(w.f)) || ws.some((w) => /^\d{4}$/.test(w.f))) return null;
      if (/^(في|من|عن|علي|الي|ل|لـ|ب|بعد|قبل|خلال|اذا|واذا|لكن|ثم|لم|لن|عندما|لما|لو|هل|ما|لا|وهو|وهي|هو|هي)$/.test(ws[0].f)) return null;
      const np = nounPhrase(s, e);
      if (!np) return null;
      // وإردوغان يقول، والرئيس قال: the conjunction is not the name's (واشنطن، والي keep their و)
      const w0 = toks[np.s];
      if (/^وا/.test(w0.f) && !/^(واشنطن|والي|وائل|وادي)$/.test(w0.f)) { toks[np.s] = { ...w0, raw: w0.raw.slice(1), f: w0.f.slice(1) }; cueMemo[np.s] = cueMemo[np.s + 1] = undefined; }
      return np;
    }

    /** A source marker (وفق، بحسب، حسب، وفقا لـ): content without a cue of its own, given to the named source. */
    function marker(i: number): void {
      let j = i + 1;
      if (toks[j]?.word && /^(ل|لـ)$/.test(toks[j].f)) j++;
      if (toks[j]?.word && toks[j].f.startsWith('ل') && toks[i].f === 'وفقا') { toks[j] = { ...toks[j], raw: toks[j].raw.slice(1), f: toks[j].f.slice(1) }; cueMemo[j] = cueMemo[j + 1] = undefined; }
      const rest = toks.slice(j, j + 4).filter((t) => t.word).map((t) => t.f).join(' ');
      if (!rest) return;
      if (REPEATED.test(rest)) {
        // حسب نفس المسؤول after a sentence with no cue of its own: that sentence is the same source's (guideline 5 rules
        // out only repeated attributions of a quote already cued)
        if (!current || !/^(نفس|ذات) /.test(rest)) return;
        const ss = sentStart(i);
        for (let k = ss; k < i; k++) if (cueAt(k)) return;
        push(i, i + 1, current, null, ss, i, 'indirect');
        return;
      }
      const quotedName = toks[j] && isMark(toks[j]);
      if (!quotedName && !SOURCE_NOUN.test(toks[j]?.f ?? '')) return;
      // the source: after ما + verb (+ به), and after an adjunct up to a comma (بحسب ما صرح به لمراسل ...، فلان)
      let s = j;
      let cueEnd = j;
      if (toks[s]?.f === 'ما') { s++; if (toks[s]?.word) s++; if (toks[s]?.word && /^(به|بها|عنه)$/.test(toks[s].f)) s++; cueEnd = s; }
      else cueEnd = i + 1;
      let e = s;
      while (e < toks.length && !isEnd(e) && !comma(toks[e]) && e - s < 14) e++;
      let np = nounPhrase(s, e);
      for (let tries = 0; !np && comma(toks[e]) && tries < 2; tries++) { const s2 = e + 1; let e2 = s2; while (e2 < toks.length && !isEnd(e2) && !comma(toks[e2]) && e2 - s2 < 14) e2++; np = nounPhrase(s2, e2); e = e2; }
      if (!np) return;
      // بحسب وكالة الأنباء فقد أفاد السائق بأن ...: the verb after the source has its own speaker and content
      for (let k = np.e; k < e && k <= np.e + 5; k++) if (toks[k].word && cueAt(k)?.kind === 'verb' && (k === np.e || /^(فقد|وقد|قد|ف)$/.test(toks[k - 1].f))) return;
      const speaker = speakerFrom(np);
      const ss = sentStart(i);
      const lead = toks.slice(ss, i).filter((t) => t.word && !/^(و|ف)$/.test(t.f));
      if (!lead.length) {
        // وبحسب X، فإن ...: the content follows the source
        let a = e; if (comma(toks[a])) a++;
        if (toks[a]?.word && /^(فان|فانه|فانها|ف)$/.test(toks[a].f)) a++;
        for (let k = a, n = 0; k < toks.length && n < 10 && !isEnd(k); k++) if (toks[k].word) { n++; const c = cueAt(k); if (c && c.kind === 'verb') return; }
        push(i, cueEnd, speaker, np, a, clauseEnd(a), 'indirect');
        return;
      }
      if (comma(toks[i - 1]) || toks[i - 1]?.word) {
        // post-posed: the sentence before the marker, unless a cued quote already covers it
        if (!comma(toks[i - 1]) && toks.slice(ss, i).filter((t) => t.word).length > 12) {
          // interrupting a clause without a comma is rare; the part before is still the attributed sentence
        }
        const first = ss;
        const cuedBefore = toks.slice(first, i).some((_, d) => cueAt(first + d)?.kind === 'verb' || cueAt(first + d)?.kind === 'participle');
        if (cuedBefore) return;
        if (comma(toks[e]) && toks[e + 1] && !isEnd(e + 1) && words(toks.slice(e + 1, clauseEnd(e + 1))).length >= 4
          && (words(toks.slice(first, i)).length < 6 || (toks[e + 1].word && /^(الي|علي|عن|ب|في|من)$/.test(toks[e + 1].f)))) {
          // وسيتم وفق رئيس الحكومة، اتخاذ ...: the marker interrupts the clause; the content is what follows
          push(i, cueEnd, speaker, np, e + 1, clauseEnd(e + 1), 'indirect');
          return;
        }
        push(i, cueEnd, speaker, np, first, i, 'indirect');
      }
    }
  }
  return quotes.sort((x, y) => x.start - y.start);
}
