// eval of quote extraction and speaker attribution on real articles annotated under
// ../shared/notes/quote-guidelines.md (eval/data/quotes-dev.jsonl, quotes-check.jsonl; how they were made:
// eval/data/quotes-README.md), and quotes-fresh.jsonl (36 articles) and quotes-fresh2.jsonl and quotes-fresh3.jsonl (30 more each, other
// sections and months): articles annotated the same way before the extractor was run on them or tuned on them. Printed by
// `npm run eval -- analysis`.
//
// A found quote is matched to at most one gold quote of its article: the one whose content overlaps it most. It is
// a right quote when it overlaps; a right quote with its right speaker when, besides, its speaker names the gold
// source: the gold speaker_short (the key) occurs in it, or it is the gold speaker string, or (for a source the gold
// describes without a name) it is the description's first words. Precision is over the
// quotes found, recall over the gold quotes. The check set is printed only; KHABAR_QUOTE_ERRORS=1 lists the dev and
// fresh sets' misses and wrong speakers (the check set never); KHABAR_QUOTE_SPLIT=fresh2 scores one set alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findQuotes, foldArabic, type FoundQuote } from '../src/analysis/quotes/index.js';
import { sameName } from '../src/analysis/index.js';
import { CleaningContext, cleanArticle, isProblem, readInputs } from '../src/ingest/index.js';
import { hasShared, repoRoot } from '../test/helpers/shared.js';
import { antLines } from './ant.js';
import { sampleArticles, seedArticles } from '../test/analysis/load.js';

export interface GoldQuote {
  cue: string; cueStart: number; speaker: string | null; speaker_short: string | null; kind: 'direct' | 'indirect';
  start: number; end: number; content: string; fragment: string | null;
}
export interface GoldArticle { article: string; origin: 'ant' | 'seed' | 'sample'; textSha1: string; quotes: GoldQuote[] }

export type QuoteSplit = 'dev' | 'fresh' | 'fresh2' | 'fresh3' | 'check';
export function loadQuoteGold(split: QuoteSplit): GoldArticle[] {
  return readFileSync(join(repoRoot, 'eval', 'data', `quotes-${split}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldArticle);
}

/** The text of each gold article as khabar stores it (ANT lines cleaned one at a time, seeds, samples). */
export async function goldTexts(gold: GoldArticle[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ant = new Set(gold.filter((g) => g.origin === 'ant').map((g) => g.article));
  if (ant.size) {
    const lines = antLines()
      .filter((l) => { const m = /"docno": "([^"]+)"/.exec(l); return !!m && ant.has(m[1]); });
    const dir = mkdtempSync(join(tmpdir(), 'khabar-quotes-'));
    try {
      const f = join(dir, 'ant.jsonl');
      writeFileSync(f, lines.join('\n') + '\n');
      for await (const r of readInputs([f])) if (!isProblem(r)) { const a = cleanArticle(r, new CleaningContext()); out.set(a.id, a.text); }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }
  if (gold.some((g) => g.origin === 'seed')) for (const a of seedArticles()) out.set(a.id, a.text);
  if (gold.some((g) => g.origin === 'sample')) for (const a of await sampleArticles()) out.set(a.id, a.text);
  return out;
}

const sha = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 16);
const norm = (s: string) => foldArabic(s).replace(/[^\u0621-\u064A0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

/** Whether a found speaker names the gold source: the key occurs in it, or it is the gold string. */
export function sameSource(found: string | null, gold: GoldQuote): boolean {
  if (!found || !gold.speaker) return !found && !gold.speaker;
  const f = ` ${norm(found)} `;
  const key = norm(gold.speaker_short ?? gold.speaker);
  if (f.includes(` ${key} `) || norm(found) === norm(gold.speaker) || (key.startsWith('ال') && f.includes(` ${key.slice(2)} `))) return true;
  // an unnamed source or a body named by its description, cut before its qualifier (الشرطة for الشرطة في بنغلادش,
  // مسؤولون for مسؤولون في كليفلاند): the description's head words, when the gold names no person
  // the key spelt another way in the same article (تشاوش أوغلو for تشاووش أوغلو)
  const fw = norm(found).split(' '), kn = key.split(' ').length;
  for (let k = 0; k + kn <= fw.length; k++) if (sameName(fw.slice(k, k + kn).join(' '), key)) return true;
  const full = norm(gold.speaker);
  return norm(gold.speaker_short ?? '') === full && full.startsWith(`${norm(found)} `);
}

export interface QuoteScores { found: number; gold: number; rightQuote: number; rightSpeaker: number; goldHit: number; goldHitSpeaker: number; errors: string[] }

export function scoreArticle(g: GoldArticle, text: string, found: FoundQuote[], s: QuoteScores): void {
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  s.found += found.length; s.gold += g.quotes.length;
  const used = new Set<number>();
  const goldOf = found.map((f) => {
    let best = -1, bo = 0;
    // the most overlap; a nested quote overlaps its outer one as much as its own, so ties go to the nearer start
    g.quotes.forEach((q, k) => { const o = overlap(f, q); if (o > bo || (o === bo && o > 0 && Math.abs(q.start - f.start) < Math.abs(g.quotes[best].start - f.start))) { bo = o; best = k; } });
    return best;
  });
  found.forEach((f, i) => {
    const k = goldOf[i];
    if (k < 0) { s.errors.push(`  + ${g.article} extra «${f.text.slice(0, 50)}» (${f.cue} / ${f.speaker})`); return; }
    s.rightQuote++;
    if (sameSource(f.speaker, g.quotes[k])) s.rightSpeaker++;
    else s.errors.push(`  ≠ ${g.article} «${f.text.slice(0, 40)}» ${f.cue}: ours ${f.speaker}, gold ${g.quotes[k].speaker_short}`);
    used.add(k);
  });
  g.quotes.forEach((q, k) => {
    const mine = found.filter((_, i) => goldOf[i] === k);
    if (mine.length) { s.goldHit++; if (mine.some((f) => sameSource(f.speaker, q))) s.goldHitSpeaker++; }
    else s.errors.push(`  - ${g.article} missed ${q.cue} «${q.content.slice(0, 50)}» (${q.speaker_short}) ctx: ${text.slice(Math.max(0, q.cueStart - 30), q.cueStart + 40).replace(/\n/g, ' ')}`);
  });
}

const pct = (a: number, b: number) => (b ? `${(a / b).toFixed(3)} (${a}/${b})` : 'n/a');

export async function run(): Promise<void> {
  if (!hasShared) { console.log('  quotes: skipped, ../shared not found (set KHABAR_SHARED)'); return; }
  const only = process.env.KHABAR_QUOTE_SPLIT; // one split alone (dev, fresh, fresh2, fresh3 or check), for a quick look
  for (const split of ['dev', 'fresh', 'fresh2', 'fresh3', 'check'] as const) {
    if (only && only !== split) continue;
    const gold = loadQuoteGold(split);
    const texts = await goldTexts(gold);
    const s: QuoteScores = { found: 0, gold: 0, rightQuote: 0, rightSpeaker: 0, goldHit: 0, goldHitSpeaker: 0, errors: [] };
    let drift = 0;
    for (const g of gold) {
      const text = texts.get(g.article);
      if (text === undefined || sha(text) !== g.textSha1) { drift++; continue; }
      scoreArticle(g, text, findQuotes(text), s);
    }
    const name = { dev: 'quotes dev (real news, tuned on)', fresh: 'quotes fresh (real news, annotated before tuning, then tuned on)', fresh2: 'quotes fresh2 (real news, a second batch annotated before tuning, then tuned on)', fresh3: 'quotes fresh3 (real news, a third batch annotated before tuning, then studied)', check: 'quotes check (real news, kept aside)' }[split];
    console.log(`  ${name}: ${gold.length - drift} articles, ${s.gold} gold quotes, ${s.found} found`);
    console.log(`    right quote + right speaker: precision ${pct(s.rightSpeaker, s.found)}, recall ${pct(s.goldHitSpeaker, s.gold)}`);
    console.log(`    content only:                precision ${pct(s.rightQuote, s.found)}, recall ${pct(s.goldHit, s.gold)}`);
    if (drift) console.log(`    ${drift} articles skipped: their stored text no longer matches the gold's (cleaning changed)`);
    if (split !== 'check' && process.env.KHABAR_QUOTE_ERRORS) console.log(s.errors.join('\n'));
  }
}
