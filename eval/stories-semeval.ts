// The stories eval on people's judgements: the development half of the SemEval-2022 Task 8 Arabic pairs
// (../shared/data/semeval2022-ar-dev: 130 pairs of articles from 89 outlets, rated 1 = same story … 4 = unrelated).
// All of its articles go through the grouper together, as `khabar report` would group them, and each rated pair is
// read off the result: merged into one story, linked as related stories, or unlinked. Overall ≤ 1.5 is "same story",
// ≥ 3 "different"; the pairs in between (one subject or storyline) are counted apart. The held-out half is not in
// ../shared and is never read. Licence: the texts are copyrighted news pages; evaluation only, never shipped.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CleaningContext, cleanArticle } from '../src/ingest/index.js';
import type { Article } from '../src/types.js';

/** What a rated pair's Overall score makes of it. */
export const SAME_MAX = 1.5;
export const DIFFERENT_MIN = 3;

export interface RatedPair { id1: string; id2: string; overall: number }
export interface SemevalSet { articles: Article[]; pairs: RatedPair[] }

/** The folder of the development half (KHABAR_SHARED or ../shared beside the repository). */
export function semevalDir(sharedDir: string): string {
  return join(resolve(sharedDir), 'data', 'semeval2022-ar-dev');
}

/**
 * The development half's articles, cleaned as `khabar ingest` cleans a JSON item (source = the outlet's domain;
 * published = the date its URL carries, about a fifth of them, else none), and its rated pairs. Null without it.
 */
export function semevalSet(sharedDir: string): SemevalSet | null {
  const dir = semevalDir(sharedDir);
  const articlesPath = join(dir, 'articles.jsonl');
  const pairsPath = join(dir, 'pairs.csv');
  if (!existsSync(articlesPath) || !existsSync(pairsPath)) return null;
  const ctx = new CleaningContext();
  const articles: Article[] = [];
  for (const line of readFileSync(articlesPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; title?: string | null; text?: string; url?: string | null; source?: string | null; url_date?: string | null };
    articles.push(cleanArticle({ id: String(a.id), title: a.title ?? null, text: a.text ?? '', url: a.url ?? null, source: a.source ?? null, published: a.url_date ?? null }, ctx));
  }
  const [head, ...rows] = readFileSync(pairsPath, 'utf8').split('\n').filter((l) => l.trim());
  const cols = head!.split(',');
  const at = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${pairsPath}: no column "${name}"`);
    return i;
  };
  const [i1, i2, io] = [at('id1'), at('id2'), at('Overall')];
  const pairs = rows.map((r) => { const c = r.split(','); return { id1: c[i1]!, id2: c[i2]!, overall: Number(c[io]) }; });
  return { articles, pairs };
}

export interface PairCounts { merged: number; related: number; unlinked: number }
export interface SemevalScores {
  precision: number; recall: number; f1: number;
  same: PairCounts; different: PairCounts; between: PairCounts;
}

/** A grouping's stories with their related links, as the grouper gives them. */
export interface LinkedStory { articles: string[]; id: string; related: string[] }

/** Each rated pair read off a grouping: same-story precision, recall and F1 (in-between pairs left out), and how
 * many pairs of each kind were merged, linked as related or left unlinked. */
export function scorePairs(pairs: RatedPair[], stories: LinkedStory[]): SemevalScores {
  const storyOf = new Map<string, LinkedStory>();
  for (const s of stories) for (const id of s.articles) storyOf.set(id, s);
  const zero = (): PairCounts => ({ merged: 0, related: 0, unlinked: 0 });
  const same = zero(), different = zero(), between = zero();
  for (const p of pairs) {
    const a = storyOf.get(p.id1), b = storyOf.get(p.id2);
    const kind: keyof PairCounts = a && a === b ? 'merged' : a && b && (a.related.includes(b.id) || b.related.includes(a.id)) ? 'related' : 'unlinked';
    (p.overall <= SAME_MAX ? same : p.overall >= DIFFERENT_MIN ? different : between)[kind]++;
  }
  const tp = same.merged, fp = different.merged, fn = same.related + same.unlinked;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, same, different, between };
}

const f3 = (x: number): string => x.toFixed(3);
const counts = (c: PairCounts): string => `${c.merged} merged, ${c.related} related, ${c.unlinked} unlinked`;

/** One line of figures for a grouping of the set. */
export function semevalLine(name: string, s: SemevalScores): string {
  return `${name.padEnd(12)} same-story pairs P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)}  | same (${s.same.merged + s.same.related + s.same.unlinked}): ${counts(s.same)}`
    + ` | different (${s.different.merged + s.different.related + s.different.unlinked}): ${counts(s.different)}`
    + ` | in between (${s.between.merged + s.between.related + s.between.unlinked}): ${counts(s.between)}`;
}

/**
 * Baseline: a plain TF-IDF cosine between the two articles of each pair (stems, stop words off, idf over the set),
 * "same story" at or above the threshold best on this very set: an upper bound for any one threshold on it.
 */
export function tfidfPairCeiling(set: SemevalSet, vectorOf: (a: Article) => Map<string, number>): { threshold: number; scores: SemevalScores } {
  const vec = new Map(set.articles.map((a) => [a.id, vectorOf(a)]));
  const cos = (x: Map<string, number> | undefined, y: Map<string, number> | undefined): number => {
    if (!x || !y) return 0;
    let d = 0;
    for (const [t, w] of x) { const v = y.get(t); if (v) d += w * v; }
    return d;
  };
  const sims = set.pairs.map((p) => cos(vec.get(p.id1), vec.get(p.id2)));
  let best: { threshold: number; scores: SemevalScores } | null = null;
  for (let t = 0.05; t <= 0.9; t += 0.01) {
    const scores = scorePairsIndependently(set.pairs, sims.map((s) => s >= t));
    if (!best || scores.f1 > best.scores.f1) best = { threshold: t, scores };
  }
  return best!;
}

/** scorePairs for decisions made pair by pair (merged or not), not read off one grouping. */
export function scorePairsIndependently(pairs: RatedPair[], merged: boolean[]): SemevalScores {
  const stories: LinkedStory[] = [];
  pairs.forEach((p, i) => {
    stories.push(merged[i] ? { id: `p${i}`, articles: [`${i}:a`, `${i}:b`], related: [] }
      : { id: `p${i}a`, articles: [`${i}:a`], related: [] }, ...(merged[i] ? [] : [{ id: `p${i}b`, articles: [`${i}:b`], related: [] }]));
  });
  return scorePairs(pairs.map((p, i) => ({ id1: `${i}:a`, id2: `${i}:b`, overall: p.overall })), stories);
}
