// Cleaning one raw article: HTML → text, boilerplate lines removed with reasons, outlet recognised,
// contentHash computed. Line rules are tables in boilerplate.ts; thresholds in config.ts.
import { createHash } from 'node:crypto';
import type { Article, RawArticle, RemovalReason, RemovedLine } from '../types.js';
import { CAPTION_MAX_WORDS, MAX_TITLE_CHARS, RECURRING_MAX_WORDS, RECURRING_MIN_ARTICLES, SECTION_LABEL_MAX_WORDS, TITLE_MAX_WORDS } from './config.js';
import { TABLES, startsWithWords } from './boilerplate.js';
import { extractHtml, toIsoDate, type ExtractedHtml } from './html.js';
import { boundTitle, checkArticleSize } from './bounds.js';
import { nonHttpUrlReason } from './url.js';
import { countWords } from '../text/index.js';
import { normalizedContent, normalizeKey } from './norm.js';
import { OUTLET_KEYS, canonicalSource, outletByName, outletOfKey } from './outlets.js';

/** Most distinct lines remembered per outlet; beyond it, lines seen once are forgotten first. */
const MAX_LINES_PER_OUTLET = 50_000;

/** `seen`: the articles counted (their articleKey()), so a line is counted once per distinct article, not per ingest. */
interface OutletMemory { articles: number; lines: Map<string, number>; seen: Set<string> }

/**
 * Per-outlet memory of recurring lines, learned across the articles of one outlet: a short line seen in
 * RECURRING_MIN_ARTICLES distinct articles of the same outlet (this one included) is boilerplate ('recurring').
 * An article is counted once however often it is ingested (keyed by articleKey(), its body's hash): the same
 * article read again must not turn its own sentences into boilerplate.
 * The first articles of an outlet are cleaned before the memory knows the line; re-cleaning them later
 * with the same context removes it. Serializable (toJSON / fromJSON) so the store can persist it.
 */
export class CleaningContext {
  private readonly outlets = new Map<string, OutletMemory>();

  private memory(outlet: string): OutletMemory {
    let m = this.outlets.get(outlet);
    if (!m) {
      m = { articles: 0, lines: new Map(), seen: new Set() };
      this.outlets.set(outlet, m);
    }
    return m;
  }

  private readonly knownOutlets = new Set<string>();

  /** Remembers an outlet name given by metadata, so a shorter form in a source line resolves to it. */
  noteOutlet(name: string): void {
    this.knownOutlets.add(name);
  }

  /**
   * The full known name for a name found in text ("قناة النخيل" → "قناة النخيل الإخبارية" when that outlet was
   * seen in metadata): a known name whose key starts with, or contains as whole words, this one's key.
   */
  resolveOutlet(name: string): string {
    const key = normalizeKey(name);
    if (!key) return name;
    for (const known of this.knownOutlets) {
      const k = normalizeKey(known);
      if (k === key || k.startsWith(key + ' ') || k.endsWith(' ' + key) || k.includes(' ' + key + ' ')) return known;
    }
    return name;
  }

  /** How many articles of the outlet (its outletKey) contained the line whose keyHash() is `hash`, so far. */
  seenHash(outletKeyed: string, hash: string): number {
    return this.outlets.get(outletKeyed)?.lines.get(hash) ?? 0;
  }

  /** Whether the article (its articleKey()) was already counted for the outlet (its outletKey). */
  hasSeen(outletKeyed: string, article: string): boolean {
    return this.outlets.get(outletKeyed)?.seen.has(article) ?? false;
  }

  /**
   * Records one article of `outlet` and the keyHash() of each of its short lines; an article already counted
   * (the same `article` key) is not counted again.
   */
  observeHashes(outlet: string, shortLineHashes: string[], article?: string): void {
    const m = this.memory(outletKey(outlet));
    if (article !== undefined) {
      if (m.seen.has(article)) return;
      m.seen.add(article);
    }
    m.articles++;
    const hashes = new Set(shortLineHashes);
    for (const h of hashes) m.lines.set(h, (m.lines.get(h) ?? 0) + 1);
    if (m.lines.size > MAX_LINES_PER_OUTLET) {
      for (const [h, n] of m.lines) if (n <= 1) m.lines.delete(h);
    }
  }

  /** Number of articles recorded for an outlet. */
  articleCount(outlet: string): number {
    return this.outlets.get(outletKey(outlet))?.articles ?? 0;
  }

  toJSON(): { version: 1; outlets: Record<string, { articles: number; lines: [string, number][]; seen: string[] }>; known: string[] } {
    const outlets: Record<string, { articles: number; lines: [string, number][]; seen: string[] }> = {};
    for (const [name, m] of this.outlets) outlets[name] = { articles: m.articles, lines: [...m.lines], seen: [...m.seen] };
    return { version: 1, outlets, known: [...this.knownOutlets] };
  }

  static fromJSON(json: unknown): CleaningContext {
    const ctx = new CleaningContext();
    const o = (typeof json === 'string' ? JSON.parse(json) : json) as { version?: number; outlets?: Record<string, { articles?: number; lines?: [string, number][]; seen?: unknown[] }> };
    if (!o || typeof o !== 'object' || o.version !== 1 || typeof o.outlets !== 'object') {
      throw new Error('CleaningContext.fromJSON: not a cleaning context (expected { version: 1, outlets })');
    }
    for (const [name, m] of Object.entries(o.outlets ?? {})) {
      const lines = new Map<string, number>();
      for (const entry of m.lines ?? []) {
        if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') lines.set(entry[0], entry[1]);
      }
      // A context saved before `seen` was kept has none: its articles were counted, but cannot be recognised again.
      const seen = new Set<string>((m.seen ?? []).filter((k): k is string => typeof k === 'string'));
      ctx.outlets.set(name, { articles: typeof m.articles === 'number' ? m.articles : 0, lines, seen });
    }
    for (const k of (o as { known?: unknown }).known as unknown[] ?? []) if (typeof k === 'string') ctx.knownOutlets.add(k);
    return ctx;
  }
}

function outletKey(outlet: string): string {
  return normalizeKey(outlet);
}
/** The recurring-line memory's key of a line whose normalizeKey() is `key` (persisted: keep the format). */
function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
function isShortLine(line: string): boolean {
  const n = countWords(line);
  return n > 0 && n <= RECURRING_MAX_WORDS;
}

/** Ends like a sentence (so not a title, label or caption). */
function endsLikeSentence(line: string): boolean {
  return /[.!。:؛]["'”»)\]]*\s*$/u.test(line);
}

/** Arabic-script letters and Latin letters in s (code-unit ranges: this runs over every body). */
function letterCounts(s: string): { arabic: number; latin: number } {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    } else if (c >= 0xc0 && c <= 0x24f) {
      if (c !== 0xd7 && c !== 0xf7) latin++;
    } else if (isArabicLetter(c)) arabic++;
  }
  return { arabic, latin };
}

/** Letters of the Arabic script blocks (Arabic, Supplement, Extended-A, presentation forms), not marks or digits. */
function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || c === 0x066e || c === 0x066f || (c >= 0x0671 && c <= 0x06d3) || c === 0x06d5 ||
    c === 0x06e5 || c === 0x06e6 || c === 0x06ee || c === 0x06ef || (c >= 0x06fa && c <= 0x06fc) || c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) || (c >= 0x0870 && c <= 0x088e) || (c >= 0x08a0 && c <= 0x08c9) || c === 0x0640 || (c >= 0xfb50 && c <= 0xfd3d) ||
    (c >= 0xfd50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc && c !== 0xfe75);
}

/** The first line of a plain-text article when it looks like a headline, with the rest of the text. */
export function splitTitle(text: string): { title: string | null; body: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const nonEmpty = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l);
  // A section label ("سياسة دولية") may precede the headline: look past it.
  for (const cand of nonEmpty.slice(0, 2)) {
    if (isSectionLabel(normalizeKey(cand.l), cand.l)) continue;
    const n = countWords(cand.l);
    if (n >= 2 && n <= TITLE_MAX_WORDS && !endsLikeSentence(cand.l) && nonEmpty.length > 1) {
      return { title: cand.l, body: [...lines.slice(0, cand.i), ...lines.slice(cand.i + 1)].join('\n') };
    }
    break;
  }
  return { title: null, body: text };
}

/**
 * A byline/dateline line of its own: short, no sentence, a separator (- or |), a date word and a year or day
 * number: "ڤيينا - الميناء الجديد | السبت 14 آذار 2026", "شرفة الخبر - الأحد 9 تشرين الثاني/نوفمبر 2025".
 */
function isByline(key: string, line: string, words: number): boolean {
  if (words > 12 || endsLikeSentence(line) || !/\s[-–—|]\s/u.test(line)) return false;
  const ws = key.split(' ');
  return ws.some((w) => TABLES.dateWords.has(w)) && ws.some((w) => /^\d{1,4}$/.test(w));
}

function isSocialWord(w: string): boolean {
  return TABLES.social.has(w) || (w.startsWith('و') && TABLES.social.has(w.slice(1)));
}

function isSectionLabel(key: string, line: string): boolean {
  const words = key.split(' ').filter((w) => w);
  if (words.length === 0 || words.length > SECTION_LABEL_MAX_WORDS || endsLikeSentence(line)) return false;
  return words.every((w) => TABLES.section.has(w) || TABLES.section.has(w.replace(/^ال/, '')));
}

/** The outlet credited at the end of a short line: "... (الأناضول)", "...- الأناضول", "... / رويترز". */
function trailingCredit(key: string, line: string): string | null {
  const m = /[(\-–—/|]\s*([^()\-–—/|]{1,40}?)\s*\)?\s*$/u.exec(line.trim());
  if (!m) return null;
  const creditKey = normalizeKey(m[1]);
  if (!creditKey) return null;
  if (TABLES.credits.includes(creditKey) || outletOfKey(creditKey)) return creditKey;
  void key;
  return null;
}

/** The outlet named after a source-line prefix ("المصدر : الجزيرة + وكالات" → الجزيرة). */
function outletFromSourceLine(line: string): string | null {
  const after = line.replace(/^[\s\-–—•*©]*/u, '').replace(/^(المصدر|مصدر الخبر|المصادر|source|جميع الحقوق محفوظة|حقوق النشر محفوظة)\s*(ل|لـ|ل\s|:|：|-|–)?\s*/iu, '');
  const first = after.split(/\s*(?:\+|،|,|\/|\s-\s|\sو(?=\s?وكالات)|\|)\s*/u)[0]?.replace(/^[:\s]+|[\s.:]+$/gu, '') ?? '';
  if (!first || /^وكالات$/u.test(first) || countWords(first) > 5) return null;
  return canonicalSource(first.replace(/^©\s*/u, ''));
}

/** A dateline at the start of the first paragraph: "موسكو (الأناضول) - ..." or "موسكو - رويترز: ...". */
function outletFromDateline(line: string): string | null {
  const m = /^[\p{L}\s]{2,30}?\s*(?:\(([^()]{2,30})\)\s*[-–—:]|[-–—]\s*([^-–—:]{2,30}?)\s*[:-–—])/u.exec(line);
  if (!m) return null;
  const o = outletByName((m[1] ?? m[2] ?? '').trim());
  return o ? o.name : null;
}

/** Classifies one body line (its normalized key and the title's given), or null when it is body text. */
function classifyLine(line: string, key: string, pos: number, titleKey: string | null, arabicArticle: boolean): RemovalReason | null {
  const words = countWords(line);
  if (titleKey && key === titleKey && pos < 6) return 'title-repeat';
  if (words <= 30 && TABLES.related.some((p) => startsWithWords(key, p))) return 'related-link';
  if (words <= 6 && TABLES.comment.has(key)) return 'comment-prompt';
  if (words <= 12 && (/^[\s\-–—•*]*©/u.test(line) || TABLES.source.some((p) => startsWithWords(key, p)))) {
    if (/^(المصدر|المصادر|source|مصدر)/iu.test(key) ? /[:：\-–]/u.test(line) || words <= 6 : true) return 'source-line';
  }
  if (TABLES.shareLine.has(key)) return 'share-prompt';
  if (words <= 15) {
    const share = [...TABLES.shareLine].find((p) => startsWithWords(key, p));
    if (share && key.slice(share.length).trim().split(' ').every(isSocialWord)) return 'share-prompt';
  }
  if (words <= 15 && TABLES.share.some((p) => startsWithWords(key, p))) return 'share-prompt';
  if (words <= 12 && key.split(' ').every(isSocialWord)) return 'share-prompt';
  if (words <= 4 && TABLES.other.has(key)) return 'other';
  if (isByline(key, line, words)) return 'other';
  if (pos < 4 && isSectionLabel(key, line)) return 'section-label';
  if (arabicArticle) {
    const { arabic, latin } = letterCounts(line);
    if (latin > 0 && latin > 2 * arabic && latin >= 15) return 'caption';
  }
  if (words <= CAPTION_MAX_WORDS && !endsLikeSentence(line)) {
    if (trailingCredit(key, line)) return 'caption';
    if (TABLES.captionStart.some((p) => startsWithWords(key, p)) && /[:(]/u.test(line.slice(0, 12))) return 'caption';
  }
  return null;
}

/** Reasons that may be given to page lines outside the main text (navigation items are not boilerplate "in" the body). */
const OUTSIDE_REASONS = new Set<RemovalReason>(['related-link', 'comment-prompt', 'share-prompt', 'caption', 'other', 'section-label']);

/**
 * Records the boilerplate among the lines of a page outside its main text (figcaptions, share bars, comment
 * forms, related-link asides, bylines). Navigation, breadcrumbs and copyright footers are dropped unrecorded.
 */
function classifyOutside(lines: string[], title: string | null, arabicArticle: boolean): RemovedLine[] {
  const out: RemovedLine[] = [];
  let pendingRelated = false;
  const titleKey = title ? normalizeKey(title) : null;
  let beforeTitle = lines.some((l) => normalizeKey(l) === titleKey);
  for (const [i, line] of lines.entries()) {
    const key = normalizeKey(line);
    if (!key || key === titleKey) { pendingRelated = false; beforeTitle = false; continue; }
    // Section labels are recognised only at the top of the article (before the headline, or the first lines).
    let reason = classifyLine(line, key, beforeTitle || i < 2 ? 0 : 99, null, arabicArticle);
    if (!reason && pendingRelated && countWords(line) <= 25 && !endsLikeSentence(line)) reason = 'related-link';
    if (!reason && countWords(line) >= 4 && countWords(line) <= CAPTION_MAX_WORDS && !endsLikeSentence(line) && /\)\s*$/u.test(line)) reason = 'caption';
    pendingRelated = reason === 'related-link' && (pendingRelated || (countWords(line) <= 4 && !/:\s*\S/u.test(line)));
    if (reason && OUTSIDE_REASONS.has(reason)) out.push({ text: line, reason });
  }
  return out;
}

export interface CleanedBody { text: string; removed: RemovedLine[]; sourceFromText: string | null }

/** Removes boilerplate lines from a body text; `outlet` keys the recurring-line memory. */
export function cleanBody(body: string, title: string | null, outlet: string | null, ctx?: CleaningContext, article?: string): CleanedBody {
  const lines = body.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\s\u00a0\u200b]+/gu, ' ').trim()).filter((l) => /[\p{L}\p{N}]/u.test(l));
  const { arabic, latin } = letterCounts(body);
  const arabicArticle = arabic > latin;
  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  let sourceFromText: string | null = null;
  let pendingRelatedHeadline = false;
  const recurringOutlet = outlet ? outletKey(outlet) : null;
  const titleKey = title ? normalizeKey(title) || null : null;
  // An article counted before already counts in the memory: it does not add itself a second time.
  const self = recurringOutlet && ctx && article !== undefined && ctx.hasSeen(recurringOutlet, article) ? 0 : 1;
  // Each short line's memory hash, computed once: looked up here, then recorded by observeHashes.
  const shortLineHashes: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const key = normalizeKey(line);
    const hash = ctx && outlet && isShortLine(line) ? keyHash(key) : null;
    if (hash !== null) shortLineHashes.push(hash);
    let reason = classifyLine(line, key, kept.length, titleKey, arabicArticle);
    // "اقرأ أيضا" / "أخبار ذات صلة" alone on its line: the short lines after it are the linked headlines.
    if (!reason && pendingRelatedHeadline && countWords(line) <= 25 && !endsLikeSentence(line)) reason = 'related-link';
    if (reason === 'related-link') pendingRelatedHeadline ||= countWords(line) <= 4 && !/:\s*\S/u.test(line);
    else pendingRelatedHeadline = false;
    if (!reason && ctx && recurringOutlet && hash !== null && ctx.seenHash(recurringOutlet, hash) + self >= RECURRING_MIN_ARTICLES) reason = 'recurring';
    if (reason === 'source-line' && !sourceFromText) sourceFromText = outletFromSourceLine(line);
    if (reason) removed.push({ text: line, reason });
    else kept.push(line);
  }
  if (!sourceFromText && kept.length > 0) sourceFromText = outletFromDateline(kept[0]);
  if (ctx && outlet) ctx.observeHashes(outlet, shortLineHashes, article);
  return { text: kept.join('\n'), removed, sourceFromText };
}

/**
 * The key the recurring-line memory counts an article by: its body as given (text, else HTML), hashed. The same
 * article from two files, or read again, is one article; a changed body is another one.
 */
export function articleKey(raw: Pick<RawArticle, 'text' | 'html'>): string {
  const body = typeof raw.text === 'string' && raw.text.trim() ? raw.text : typeof raw.html === 'string' ? raw.html : '';
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** sha256 (hex) of the normalized content: the same words with any spacing or punctuation spacing hash alike. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizedContent(text)).digest('hex');
}

function detectLang(text: string): string {
  const { arabic, latin } = letterCounts(text.slice(0, 5000));
  if (arabic === 0 && latin === 0) return 'und';
  return arabic >= latin ? 'ar' : latin > 0 ? 'en' : 'und';
}

/**
 * Cleans one raw article into an Article. Throws an Error naming the input when nothing usable remains
 * (no text, or only boilerplate). `extracted`: its HTML already extracted (extractHtmlAsync, off the thread).
 */
export function cleanArticle(raw: RawArticle, ctx?: CleaningContext, extracted?: ExtractedHtml): Article {
  const where = raw.origin ?? raw.id ?? 'article';
  // A title past any bound is cut before its spaces are collapsed (that costs seconds on millions of characters).
  let title = typeof raw.title === 'string' && raw.title.trim() ? raw.title.slice(0, 4 * MAX_TITLE_CHARS).replace(/\s+/g, ' ').trim() : null;
  let source = canonicalSource(raw.source ?? null);
  let published = raw.published ? toIsoDate(raw.published) ?? raw.published : null;
  let lang = raw.lang ?? null;
  let body = typeof raw.text === 'string' ? raw.text : '';
  let outside: string[] = [];
  if (!body.trim() && typeof raw.html === 'string' && raw.html.trim()) {
    const x = extracted ?? extractHtml(raw.html);
    body = x.text;
    outside = x.outside;
    title ??= x.title;
    source ??= canonicalSource(x.source);
    published ??= x.published;
    lang ??= x.lang;
  }
  if (!body.trim()) throw new Error(`${where}: no article text (empty body${raw.html ? ' after HTML extraction' : ''})`);
  checkArticleSize(body, where);
  title = boundTitle(title);
  if (source) ctx?.noteOutlet(source);
  const cleaned = cleanBody(body, title, source, ctx, ctx ? articleKey(raw) : undefined);
  if (outside.length) {
    const { arabic, latin } = letterCounts(body);
    cleaned.removed.unshift(...classifyOutside(outside, title, arabic > latin));
  }
  if (countWords(cleaned.text) < 3) {
    throw new Error(`${where}: no article text left after removing boilerplate (${cleaned.removed.length} line(s) removed)`);
  }
  source ??= cleaned.sourceFromText ? ctx?.resolveOutlet(cleaned.sourceFromText) ?? cleaned.sourceFromText : null;
  source ??= canonicalSource(raw.fallback?.source ?? null);
  published ??= raw.fallback?.published ? toIsoDate(raw.fallback.published) ?? raw.fallback.published : null;
  const hash = contentHash(cleaned.text);
  return {
    id: raw.id && String(raw.id).trim() ? String(raw.id).trim() : `h${hash.slice(0, 16)}`,
    source,
    title,
    url: raw.url && !nonHttpUrlReason(raw.url) ? raw.url : null,
    published,
    lang: lang ?? detectLang(cleaned.text),
    text: cleaned.text,
    removed: cleaned.removed,
    contentHash: hash,
  };
}
