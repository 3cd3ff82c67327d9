// eval of entity recognition and name merging: the name matcher against WikiKGE-10 dev (CC BY-SA, eval only), the
// recognizer against the development tenth of CLEANANERCorp train (GPL, eval only). Printed by `npm run eval -- analysis`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities, sameName, type ArticleEntities } from '../src/analysis/index.js';
import { ruleEntities } from '../src/analysis/rules.js';
import { ADMIN_PLACE_TRIGGERS } from '../src/analysis/gazetteer.js';
import { entityModel, modelPath } from '../src/analysis/ner/load.js';
import { readCorpus } from '../train/ner-corpus.js';
import { printScores, scoreSpans } from '../train/ner-score.js';
import { normalize } from '../src/text/index.js';
import { readJsonl, sharedDir } from '../test/helpers/shared.js';

const ADMIN = new Set(ADMIN_PLACE_TRIGGERS.map((t) => normalize(t)));
const pct = (a: number, b: number) => (b ? `${(100 * a / b).toFixed(1)}% (${a}/${b})` : 'n/a');

const NON_NAME = /[0-9٠-٩:()]|تصنيف|قائمة|مسلسل|موسم|كأس|بطولة|ألبوم|فيلم|دوري|انتخابات|حرب|معركة|جائزة|نادي|منتخب|سلسلة|كتاب|رواية|أغنية/;

function evalWikiKge(): void {
  const rows = readJsonl<{ qid: string; correct: string[]; incorrect: string[] }>('data/wikikge10-names/dev.jsonl');
  const names = rows.map((r) => ({ ...r, correct: r.correct.filter((n) => !NON_NAME.test(n) && n.split(/\s+/).length <= 4) })).filter((r) => r.correct.length);
  let pairs = 0, merged = 0, xPairs = 0, xMerged = 0, inc = 0, incApart = 0;
  for (const r of names) {
    for (let i = 0; i < r.correct.length; i++) for (let j = i + 1; j < r.correct.length; j++) { pairs++; if (sameName(r.correct[i], r.correct[j])) merged++; }
    for (const bad of r.incorrect) { inc++; if (!sameName(r.correct[0], bad)) incApart++; }
  }
  // cross-entity false merges, over all pairs of first names of different entities that share a first letter
  const firsts = names.map((r) => r.correct[0]);
  for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) {
    if (normalize(firsts[i])[0] !== normalize(firsts[j])[0]) continue;
    xPairs++; if (sameName(firsts[i], firsts[j])) xMerged++;
  }
  const precision = merged / (merged + xMerged);
  console.log(`  WikiKGE-10 dev (${names.length} name-like entities): variant pairs merged (recall) ${pct(merged, pairs)}; cross-entity pairs merged ${xMerged}/${xPairs} → pairwise precision ${(100 * precision).toFixed(1)}%; "incorrect" look-alikes kept apart ${pct(incApart, inc)}`);
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
  if (existsSync(join(sharedDir, 'data/wikikge10-names/dev.jsonl'))) evalWikiKge();
  if (existsSync(join(sharedDir, 'data/cleananercorp/train.jsonl'))) evalNer();
}
