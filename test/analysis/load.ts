// Articles for analysis tests and eval: the seeds and the sample corpus, cleaned by ingest's cleanArticle.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Article } from '../../src/types.js';
import { cleanArticle, isProblem, readInputs } from '../../src/ingest/index.js';
import { loadSeeds, repoRoot } from '../helpers/shared.js';

const seedOutlets: Record<string, string> = { '000': 'aa.com.tr', '001': 'aljazeera.net', '002': 'annahar', '003': 'arabi21' };

export function seedArticles(): Article[] {
  return loadSeeds().map((s) => cleanArticle({ id: s.id, text: s.text, published: s.published, source: seedOutlets[s.id.slice(0, 3)] ?? 'seed', origin: s.file }));
}

export async function sampleArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const r of readInputs([join(repoRoot, 'samples', 'corpus')])) {
    if (isProblem(r)) continue;
    out.push(cleanArticle(r));
  }
  return out;
}

export interface GoldStory {
  articles: string[];
  references: Record<string, string>;
  entities: { name: string; type: string; variants: string[]; heldout?: boolean }[];
  apart: [string, string][];
  quotes: { article: string; speaker: string; text: string; kind: string; heldout?: boolean }[];
  facts: { about: string; mentions: { article: string; text: string }[]; heldout?: boolean }[];
  numbers: { about: string; mentions: { article: string; text: string; value: number }[]; conflict: boolean; heldout?: boolean }[];
  timeline: { article: string; text: string; date: string; heldout?: boolean }[];
}

export function goldAnalysis(): Record<string, GoldStory> {
  return JSON.parse(readFileSync(join(repoRoot, 'samples', 'gold', 'analysis.json'), 'utf8')) as Record<string, GoldStory>;
}
