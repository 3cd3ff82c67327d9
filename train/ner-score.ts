// CoNLL-style scoring of recognised spans against CLEANANERCorp gold: a span counts when its type and its first
// and last corpus tokens are exactly the gold span's. Predicted character spans are mapped to corpus tokens.
import { nerSpans, type TaggerWeights } from '../src/analysis/ner/recognize.js';
import { tokenAt, type CorpusSentence } from './ner-corpus.js';

export interface PRF { tp: number; gold: number; found: number; precision: number; recall: number; f1: number }
export interface Scores { micro: PRF; byType: Record<string, PRF> }

const prf = (tp: number, gold: number, found: number): PRF => {
  const precision = found ? tp / found : 0, recall = gold ? tp / gold : 0;
  return { tp, gold, found, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Character spans a recogniser finds in a text, typed PERS, LOC, ORG or MISC. */
export type Recogniser = (text: string) => { start: number; end: number; type: string }[];

export const modelRecogniser = (m: TaggerWeights): Recogniser => (text) => nerSpans(m, text).spans;

/** Scores a recogniser (or a model) on corpus sentences. Micro F1 is over PERS,
 * LOC and ORG, as the targets and the CoNLL-style figures of ANERcorp papers count it; MISC apart. */
export function scoreSpans(sentences: CorpusSentence[], rec: Recogniser | TaggerWeights): Scores {
  const recognise = typeof rec === 'function' ? rec : modelRecogniser(rec);
  const counts: Record<string, { tp: number; gold: number; found: number }> = {};
  const c = (t: string) => (counts[t] ??= { tp: 0, gold: 0, found: 0 });
  for (const type of ['PERS', 'LOC', 'ORG', 'MISC']) c(type);
  for (const s of sentences) {
    const gold = new Set(s.gold.map((g) => `${g.type}|${g.start}|${g.end}`));
    for (const g of s.gold) c(g.type).gold++;
    const seen = new Set<string>();
    for (const p of recognise(s.text)) {
      const key = `${p.type}|${tokenAt(s.starts, p.start)}|${tokenAt(s.starts, p.end - 1) + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      c(p.type).found++;
      if (gold.has(key)) c(p.type).tp++;
    }
  }
  const byType: Record<string, PRF> = {};
  for (const [t, v] of Object.entries(counts)) byType[t] = prf(v.tp, v.gold, v.found);
  const main = ['PERS', 'LOC', 'ORG'].map((t) => counts[t]);
  const sum = (k: 'tp' | 'gold' | 'found') => main.reduce((a, v) => a + v[k], 0);
  return { micro: prf(sum('tp'), sum('gold'), sum('found')), byType };
}

const f = (x: number) => (100 * x).toFixed(1);
export function printScores(label: string, s: Scores, indent = '  '): void {
  const line = (name: string, v: PRF) => `${name} P ${f(v.precision)} R ${f(v.recall)} F1 ${f(v.f1)} (${v.tp}/${v.gold} gold, ${v.found} found)`;
  console.log(`${indent}${label}: micro F1 over PERS/LOC/ORG ${f(s.micro.f1)} (P ${f(s.micro.precision)}, R ${f(s.micro.recall)})`);
  for (const t of ['PERS', 'LOC', 'ORG', 'MISC']) console.log(`${indent}  ${line(t, s.byType[t])}`);
}
