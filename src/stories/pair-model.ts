// The learned pair scorer: a logistic regression over the evidence that an article and a story (or two articles)
// report one happening. Its weights and its thresholds (one per decision: join, merge, relate) are data, rebuilt
// deterministically by `npm run train -- stories` (train/stories.ts) from the ANT development windows and the SemEval
// development pairs in ../shared, the thresholds chosen by cross-validation by window. Nothing here is hand-set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { overlap, type Evidence } from './evidence.js';

const DAY = 86_400_000;

/** The features, in the order of the model's weights. */
export const PAIR_FEATURES = [
  'cosine', 'entities', 'phrases', 'headline', 'sameEvent', 'eventClash', 'samePlace', 'placeClash', 'sameNumber',
  'numberClash', 'undated', 'dayGap', 'clash',
] as const;

/** One side of a pair: an article, or a story as its members read together. */
export interface PairSide {
  /** Evidence per member (an article: one). */
  evidence: Evidence[];
  /** The number keys (`#…`) of its headline(s) and lead(s). */
  numbers: string[];
  /** Earliest and latest publication time (epoch ms), or the date read from an undated text; null when none. */
  first: number | null;
  last: number | null;
}

/** The grouper's similarities of a pair (see StoryGrouper.scoreParts). */
export interface PairSimilarities { cosine: number; entities: number; phrases: number; clash: boolean }

function union(xs: string[][]): string[] {
  return [...new Set(xs.flat())];
}

/** The feature vector of a pair (PAIR_FEATURES order). */
export function pairFeatures(sim: PairSimilarities, a: PairSide, b: PairSide): number[] {
  const aEvents = union(a.evidence.map((e) => e.events)), bEvents = union(b.evidence.map((e) => e.events));
  const aPlaces = union(a.evidence.map((e) => e.places)), bPlaces = union(b.evidence.map((e) => e.places));
  let headline = 0;
  for (const x of a.evidence) for (const y of b.evidence) headline = Math.max(headline, overlap(x.head, y.head));
  const sameEvent = overlap(aEvents, bEvents);
  const samePlace = overlap(aPlaces, bPlaces);
  const sameNumber = overlap(a.numbers, b.numbers);
  const undated = a.first === null || b.first === null;
  let gap = 0;
  if (!undated) {
    const ms = Math.max(0, a.first! - b.last!, b.first! - a.last!);
    gap = Math.log1p(ms / DAY);
  }
  return [
    sim.cosine, sim.entities, sim.phrases, headline,
    sameEvent, aEvents.length && bEvents.length && !sameEvent ? 1 : 0,
    samePlace, aPlaces.length && bPlaces.length && !samePlace ? 1 : 0,
    sameNumber, a.numbers.length && b.numbers.length && !sameNumber ? 1 : 0,
    undated ? 1 : 0, gap, sim.clash ? 1 : 0,
  ];
}

/** What data/stories-pair-model.json holds. */
export interface PairModel {
  about?: string;
  source?: string;
  features: string[];
  /** Share of the training weight the SemEval pairs carried (the rest: the ANT windows), chosen by cross-validation;
   * what `fit` needs to give these weights again. */
  semevalShare?: number;
  /** Standardization of each feature before the weights: (x − mean) / scale. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability an article needs to join a story, two stories to merge, and a story to be linked as related. */
  thresholds: { join: number; merge: number; relate: number };
  /** Cross-validated figures the thresholds were chosen on (printed by the trainer). */
  cv?: Record<string, unknown>;
}

/** The probability that a pair reports one happening. */
export function pairProbability(model: PairModel, x: number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * ((x[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

export function defaultPairModelPath(): string {
  return join(packageRoot(), 'data', 'stories-pair-model.json');
}

const RESTORE = 'it ships with khabar: reinstall, or restore data/stories-pair-model.json from the repository (npm run train -- stories rebuilds it from ../shared)';

/** Reads a pair model file; a clear error names the file and what is wrong with it. */
export function readPairModel(path: string): PairModel {
  let m: PairModel;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as PairModel;
  } catch (e) {
    throw new Error(`stories: cannot read the pair model ${path}: ${(e as Error).message}; ${RESTORE}`);
  }
  const n = PAIR_FEATURES.length;
  const numbers = (xs: unknown): boolean => Array.isArray(xs) && xs.length === n && xs.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!m || !Array.isArray(m.features) || m.features.join() !== PAIR_FEATURES.join() || !numbers(m.mean) || !numbers(m.scale) || !numbers(m.weights)
    || m.scale.some((s) => s <= 0) || typeof m.bias !== 'number' || !m.thresholds
    || !['join', 'merge', 'relate'].every((k) => typeof (m.thresholds as Record<string, unknown>)[k] === 'number')) {
    throw new Error(`stories: the pair model ${path} does not have the features ${PAIR_FEATURES.join(', ')} with a mean, scale and weight each, a bias and join/merge/relate thresholds; ${RESTORE}`);
  }
  return m;
}

let shipped: PairModel | null | undefined;

/** The pair model shipped with khabar, read once per process. */
export function defaultPairModel(): PairModel {
  shipped ??= readPairModel(defaultPairModelPath());
  return shipped;
}
