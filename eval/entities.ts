// eval of entity recognition and name merging: the name matcher against WikiKGE-10 dev (CC BY-SA, eval only), the
// recognizer against CLEANANERCorp train (GPL, eval only). Printed by `npm run eval -- analysis`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities, sameName } from '../src/analysis/index.js';
import { normalize } from '../src/text/index.js';
import { readJsonl, sharedDir } from '../test/helpers/shared.js';

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

function evalNer(limit: number): void {
  const rows = readJsonl<{ tokens: string[]; tags: string[] }>('data/cleananercorp/train.jsonl').slice(0, limit);
  const typeOf: Record<string, string> = { PERS: 'person', LOC: 'place', ORG: 'org' };
  const stat: Record<string, { tp: number; gold: number; ours: number }> = {};
  const s = (t: string) => (stat[t] ??= { tp: 0, gold: 0, ours: 0 });
  for (const r of rows) {
    const starts: number[] = [];
    let text = '';
    for (const tok of r.tokens) { starts.push(text.length); text += tok + ' '; }
    const gold = new Set<string>();
    for (let i = 0; i < r.tags.length; i++) {
      if (!r.tags[i].startsWith('B-')) continue;
      const t = typeOf[r.tags[i].slice(2)];
      let j = i + 1; while (j < r.tags.length && r.tags[j] === 'I-' + r.tags[i].slice(2)) j++;
      if (t) { gold.add(`${t}|${i}|${j}`); s(t).gold++; }
    }
    const tokAt = (off: number) => { let k = 0; while (k + 1 < starts.length && starts[k + 1] <= off) k++; return k; };
    for (const m of extractEntities(text).mentions) {
      const key = `${m.type}|${tokAt(m.start)}|${tokAt(m.end - 1) + 1}`;
      s(m.type).ours++;
      if (gold.has(key)) s(m.type).tp++;
    }
  }
  for (const [t, v] of Object.entries(stat)) console.log(`  CLEANANERCorp train (first ${rows.length} sentences) ${t}: precision ${pct(v.tp, v.ours)}, recall ${pct(v.tp, v.gold)} (exact span)`);
}

export async function run(): Promise<void> {
  if (existsSync(join(sharedDir, 'data/wikikge10-names/dev.jsonl'))) evalWikiKge();
  if (existsSync(join(sharedDir, 'data/cleananercorp/train.jsonl'))) evalNer(1000);
}
