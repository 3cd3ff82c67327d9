// eval of entity recognition and name merging: the name matcher against WikiKGE-10 dev (CC BY-SA, eval only), the
// recognizer against the development tenth of CLEANANERCorp train (GPL, eval only). Printed by `npm run eval -- analysis`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities, sameName, type ArticleEntities } from '../src/analysis/index.js';
import { ruleEntities } from '../src/analysis/rules.js';
import { ADMIN_PLACE_TRIGGERS } from '../src/analysis/gazetteer.js';
import { entityModel, modelPath } from '../src/analysis/ner/load.js';
import { readCorpus } from '../train/ner-corpus.js';
import { printScores, scoreSpans } from '../train/ner-score.js';
import { normalize } from '../src/text/index.js';
import { readJsonl, repoRoot, sharedDir } from '../test/helpers/shared.js';
import { antRecords } from './ant.js';
import { fold } from '../src/analysis/names.js';

const ADMIN = new Set(ADMIN_PLACE_TRIGGERS.map((t) => normalize(t)));
const pct = (a: number, b: number) => (b ? `${(100 * a / b).toFixed(1)}% (${a}/${b})` : 'n/a');

const NON_NAME = /[0-9٠-٩:()]|تصنيف|قائمة|مسلسل|موسم|كأس|بطولة|ألبوم|فيلم|دوري|انتخابات|حرب|معركة|جائزة|نادي|منتخب|سلسلة|كتاب|رواية|أغنية/;

function evalWikiKge(): void {
  const rows = readJsonl<{ qid: string; correct: string[]; incorrect: string[] }>('data/wikikge10-names/dev.jsonl');
  const names = rows.map((r) => ({ ...r, correct: r.correct.filter((n) => !NON_NAME.test(n) && n.split(/\s+/).length <= 4) })).filter((r) => r.correct.length);
  let pairs = 0, merged = 0, inc = 0, incApart = 0;
  for (const r of names) {
    for (let i = 0; i < r.correct.length; i++) for (let j = i + 1; j < r.correct.length; j++) { pairs++; if (sameName(r.correct[i], r.correct[j])) merged++; }
    for (const bad of r.incorrect) { inc++; if (!sameName(r.correct[0], bad)) incApart++; }
  }
  console.log(`  WikiKGE-10 dev, all names of ${names.length} entities: pairs of one entity's names merged ${pct(merged, pairs)} (aliases included); "incorrect" look-alikes kept apart ${pct(incApart, inc)}`);
  spellingVariants(rows);
}

/** Words of a name as the matcher counts them (عبد الله is one). */
const nameWords = (s: string) => fold(s).replace(/(^|\s)(عبد|ابو|ابي|ابا)\s+/g, '$1$2').split(/\s+/).filter(Boolean);
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
/** Two spellings of one name as the issue counts them: the same number of words, each at most two letters apart. */
function spellingPair(a: string, b: string): boolean {
  const wa = nameWords(a), wb = nameWords(b);
  return a !== b && wa.length === wb.length && wa.every((w, i) => levenshtein(w, wb[i]) <= 2);
}
/** A name of a person, place or organisation: the recogniser takes it as one where a name stands. */
const FRAMES = [(n: string) => `وقال ${n} إن`, (n: string) => `وصل الوفد إلى ${n} أمس`];
function recognisedAsName(n: string): boolean {
  return FRAMES.some((frame) => {
    const text = frame(n), at = text.indexOf(n);
    return extractEntities(text).mentions.some((m) => m.start <= at + 2 && m.end >= at + n.length - 1);
  });
}

/**
 * Merging of spelling variants: among the WikiKGE-10 dev entities whose names read as names (recognisedAsName), pairs
 * of one entity's names that are spellings of each other (spellingPair) should merge (recall); any two names of
 * different entities with the same word count should not (precision counts those merges against the right ones).
 */
function spellingVariants(rows: { qid: string; correct: string[] }[]): void {
  const ents = rows.map((r) => ({ qid: r.qid, names: r.correct.filter((n) => !/[0-9٠-٩:()]|تصنيف|قائمة/.test(n) && !/[A-Za-z]/.test(n)) }))
    .filter((r) => r.names.some(recognisedAsName));
  let pairs = 0, tp = 0, cross = 0, fp = 0;
  for (const r of ents) {
    for (let i = 0; i < r.names.length; i++) for (let j = i + 1; j < r.names.length; j++) {
      if (!spellingPair(r.names[i], r.names[j])) continue;
      pairs++;
      if (sameName(r.names[i], r.names[j])) tp++;
    }
  }
  const all = ents.flatMap((r) => r.names.map((n) => ({ qid: r.qid, n, words: nameWords(n).length })));
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
    if (all[i].qid === all[j].qid || all[i].words !== all[j].words) continue;
    cross++;
    if (sameName(all[i].n, all[j].n)) fp++;
  }
  console.log(`  WikiKGE-10 dev, spelling variants (same word count, each word at most 2 letters apart) of ${ents.length} entities whose names read as names: recall ${pct(tp, pairs)}; pairs of different entities' names merged ${fp}/${cross} → precision ${pct(tp, tp + fp)}`);
}

/** The distinct Arabic names of eval/data/distinct-names.tsv: no pair may merge, alone or inside a full name. */
export function distinctNamePairs(): [string, string][] {
  return readFileSync(join(repoRoot, 'eval', 'data', 'distinct-names.tsv'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]);
}
function evalDistinctNames(): void {
  const list = distinctNamePairs();
  const alone = list.filter(([a, b]) => sameName(a, b));
  const inFull = list.filter(([a, b]) => sameName(`أحمد ${a}`, `أحمد ${b}`) || sameName(`${a} عبد الله الخطيب`, `${b} عبد الله الخطيب`));
  const show = (xs: [string, string][]) => (xs.length ? ` (${xs.slice(0, 8).map((p) => p.join(' = ')).join('، ')})` : '');
  console.log(`  distinct Arabic names (eval/data/distinct-names.tsv, ${list.length} pairs): merged alone ${alone.length}${show(alone)}; merged inside a full name ${inFull.length}${show(inFull)}`);
}

/**
 * The false entities issue 24 names, counted over the ANT corpus (without the held-out weeks of 20 January – 5
 * February 2017): a person from the outlet's own name (الجوهرة أف أم), خطط مساعدة as a person, فتح as the movement where
 * it is the verb (فتح الطريق), مالي as Mali where it is "financial" (after a noun it qualifies).
 */
function evalAntFalseEntities(): void {
  const rows = antRecords();
  const ADJ_NOUNS = new Set(['دعم', 'عجز', 'وضع', 'مبلغ', 'تمويل', 'فساد', 'ضغط', 'حساب', 'مورد', 'عون', 'سند', 'دعما', 'عجزا', 'تصرف', 'مردود', 'اشكال', 'مشكل'].map((w) => normalize(w)));
  const found: Record<string, string[]> = { 'person from the outlet name (أف أم)': [], 'خطط مساعدة as a person': [], 'فتح as the movement before a definite word (فتح الطريق)': [], 'مالي as Mali after a noun it qualifies (دعم مالي)': [] };
  const keys = Object.keys(found);
  let mentions = 0, mali = 0, fatah = 0;
  for (const r of rows) {
    const text = `${r.title ?? ''}\n${r.text ?? ''}`;
    for (const m of extractEntities(text).mentions) {
      mentions++;
      const n = normalize(m.surface);
      const ctx = text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ');
      const prev = normalize(text.slice(0, m.start).trim().split(/\s+/).at(-1) ?? '');
      if (m.type === 'person' && /(^| )(اف|ف) ?ام( |$)|FM/i.test(n)) found[keys[0]].push(ctx);
      if (m.type === 'person' && /خطط/.test(n)) found[keys[1]].push(ctx);
      if (m.canonical === 'حركة فتح') { fatah++; if (n === 'فتح' && /^\s+ال/.test(text.slice(m.end, m.end + 4))) found[keys[2]].push(ctx); }
      if (m.type === 'place' && n === 'مالي') { mali++; if (ADJ_NOUNS.has(prev)) found[keys[3]].push(ctx); }
    }
  }
  console.log(`  ANT corpus without the held-out weeks (${rows.length} articles, ${mentions} mentions; حركة فتح ${fatah}, مالي as a place ${mali}): false entities issue 24 names:`);
  for (const [k, v] of Object.entries(found)) console.log(`    ${k}: ${v.length}${v.length ? ` (${v.slice(0, 3).join(' | ')})` : ''}`);
}

/** Recognition on the development tenth of CLEANANERCorp train (the model never trained on it), through the same path
 * an article takes (extractEntities: tokenise, tag, trim clitics), and the rule layer alone for comparison. */
function evalNer(): void {
  const { dev } = readCorpus();
  const model = entityModel();
  const TYPE: Record<string, string> = { person: 'PERS', place: 'LOC', org: 'ORG' };
  // khabar keeps an administrative trigger with its place (محافظة الحسكة: قضاء عكار and محافظة عكار are two places);
  // ANERcorp marks the place without it, so the scored span starts after the trigger
  const spans = (ents: ArticleEntities, text: string) => ents.mentions.map((m) => {
    const sp = text.indexOf(' ', m.start);
    const admin = m.type === 'place' && sp > 0 && sp < m.end && ADMIN.has(normalize(text.slice(m.start, sp)));
    return { start: admin ? sp + 1 : m.start, end: m.end, type: TYPE[m.type] ?? 'MISC' };
  });
  if (model) {
    console.log(`  entity model: ${modelPath()} (${model.header.features} features; ${model.header.trainedOn})`);
    printScores(`CLEANANERCorp development tenth (${dev.length} sentences), tagger`, scoreSpans(dev, (text) => spans(extractEntities(text), text)));
  } else {
    console.log('  entity model: absent, the rule layer alone is scored');
  }
  printScores('CLEANANERCorp development tenth, rule layer alone', scoreSpans(dev, (text) => spans(ruleEntities(text), text)));
}

export async function run(): Promise<void> {
  evalDistinctNames();
  if (existsSync(join(sharedDir, 'data/wikikge10-names/dev.jsonl'))) evalWikiKge();
  if (existsSync(join(sharedDir, 'data/cleananercorp/train.jsonl'))) evalNer();
  if (existsSync(join(sharedDir, 'data/ant-corpus-v1.1/ant_v1.1.jsonl'))) evalAntFalseEntities();
}
