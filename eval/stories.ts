// eval for the stories stage: grouping quality against every gold grouping set, for StoryGrouper and two
// baselines (every article alone; single-pass TF-IDF cosine with a fixed threshold), each in five random
// arrival orders. The grouper runs on the product's batch path (addBatch, as groupStoredArticles) and, beside
// it, one article at a time (add, as the API's ingest hook). Development sets: seeds, sample and the hand-grouped
// ANT windows (ANT_WINDOWS). Held out, printed last and apart, never tuned on: ANT_HELD_OUT.
// `npm run eval -- stories`; `KHABAR_SWEEP=1` adds a threshold sweep of the grouper (development sets only);
// `KHABAR_STORY_ERRORS=ant-apr` (a development set's name) lists its errors: the grouper's stories that mix gold
// stories and the gold stories it splits, with each article's day and headline. The held-out set is refused.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/text/index.js';
import { CleaningContext, cleanArticle, isProblem, readInputs } from '../src/ingest/index.js';
import { STORIES_CONFIG, StoryGrouper, defaultPairModel, scoreClusters, type ClusterScores, type GrouperOptions, type StoriesConfig } from '../src/stories/index.js';
import type { Article } from '../src/types.js';
import { prng, repoRoot, sharedDir } from '../bench/common.js';
import { ANT_HELD_OUT_DAYS, antRecords, antTime, hasAnt } from './ant.js';
import { DIFFERENT_MIN, SAME_MAX, scorePairs, semevalLine, semevalSet, tfidfPairCeiling, type SemevalScores, type SemevalSet } from './stories-semeval.js';


export interface GoldSet {
  name: string;
  articles: Article[];
  groups: string[][];
  /** The gold file under the repository root, for the hand-grouped ANT windows (eval/data/…). */
  file?: string;
}

function article(id: string, title: string | null, text: string, published: string | null, source: string | null, url: string | null = null): Article {
  return { id, source, title, url, published, lang: 'ar', text, removed: [], contentHash: id };
}

async function ingestDir(dir: string): Promise<Article[]> {
  const ctx = new CleaningContext();
  const out: Article[] = [];
  for await (const r of readInputs([dir])) {
    if (isProblem(r)) { console.log(`  (skipped ${r.input}: ${r.reason})`); continue; }
    out.push(cleanArticle(r, ctx));
  }
  return out;
}

/** The five seeds: 000–003 one event (Moscow talks, 29 Dec 2018), 004 another (summit, 23 Jan 2019);
 * groups from samples/gold/stories.json when present. Dates from ../shared/README.md when ingest finds none. */
export async function seedSet(): Promise<GoldSet | null> {
  const dir = join(sharedDir, 'seeds');
  if (!existsSync(dir)) return null;
  const dates: Record<string, string> = { '000': '2018-12-30', '001': '2018-12-29', '002': '2018-12-29', '003': '2018-12-29', '004': '2019-01-23' };
  const articles = (await ingestDir(dir)).map((a) => ({ ...a, published: a.published ?? dates[a.id.slice(0, 3)] ?? null }));
  articles.sort((x, y) => (x.id < y.id ? -1 : 1));
  const four = articles.filter((a) => a.id < '004').map((a) => a.id);
  const rest = articles.filter((a) => a.id >= '004').map((a) => a.id);
  return { name: 'seeds', articles, groups: [four, rest].filter((g) => g.length) };
}

/** The sample corpus (samples/corpus, read and cleaned by src/ingest) with samples/gold/stories.json. */
export async function sampleSet(): Promise<GoldSet | null> {
  const goldPath = join(repoRoot, 'samples', 'gold', 'stories.json');
  const corpus = join(repoRoot, 'samples', 'corpus');
  if (!existsSync(goldPath) || !existsSync(corpus)) return null;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { sample: string[][] };
  const articles = await ingestDir(corpus);
  articles.sort((x, y) => (x.id < y.id ? -1 : 1));
  return { name: 'sample', articles, groups: gold.sample };
}

// The ANT corpus reader and the held-out days live in eval/ant.ts, shared with tests, benches and training.
export { ANT_HELD_OUT_DAYS, antTime, isHeldOutAnt } from './ant.js';

/** The ANT articles (id = docno) that `keep` takes, in corpus order, never one of the held-out days (isHeldOutAnt);
 * null when ../shared has no ANT corpus. */
export function antArticles(keep: (a: Article) => boolean): Article[] | null {
  if (!hasAnt) return null;
  const out: Article[] = [];
  for (const a of antRecords()) {
    const art = article(a.docno, a.title ?? null, a.text ?? '', antTime(a.time), a.source ?? 'JawharaFM', a.url ?? null);
    if (keep(art)) out.push(art);
  }
  return out;
}

/** A hand-grouped ANT window from eval/data (its articles read from the corpus by docno). */
function antGoldSet(file: string, name: string): GoldSet | null {
  const goldPath = join(repoRoot, 'eval', 'data', file);
  if (!existsSync(goldPath)) return null;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { groups: string[][] };
  const want = new Set(gold.groups.flat());
  const articles = antArticles((a) => want.has(a.id));
  if (!articles) return null;
  articles.sort((x, y) => (x.id < y.id ? -1 : 1));
  return { name, articles, groups: gold.groups, file: `eval/data/${file}` };
}

/**
 * The hand-grouped ANT development windows (eval/data/), by the name the eval prints: each was held out until its
 * errors were studied and it became a development set (docs/stories-eval-data.md).
 */
export const ANT_WINDOWS = {
  'ant-dev': { file: 'ant-dev-stories.json', window: '2–5 May 2017', history: 'the first development window' },
  'ant-mar': { file: 'ant-check-stories.json', window: '16–18 March 2017', history: 'held out 2026-12-01, until the June window replaced it' },
  'ant-jun': { file: 'ant-check2-stories.json', window: '4–6 June 2017', history: 'held out 2026-12-01 to 2026-12-02, until the February window replaced it' },
  'ant-feb': { file: 'ant-check3-stories.json', window: '7–9 February 2017', history: 'held out 2026-12-02, until the April window replaced it' },
  'ant-apr': { file: 'ant-check4-stories.json', window: '13–17 April 2017', history: 'held out 2026-12-02, until the late-May window replaced it' },
  'ant-may24': { file: 'ant-check5-stories.json', window: '24–27 May 2017', history: 'held out 2026-12-02, until the 8–10 March window replaced it' },
} as const;

export type AntWindowName = keyof typeof ANT_WINDOWS;

/** One hand-grouped ANT development window (null without ../shared). */
export function antWindow(name: AntWindowName): GoldSet | null {
  return antGoldSet(ANT_WINDOWS[name].file, name);
}

/** The held-out ANT window: for checking only, never tuned on. */
export const ANT_HELD_OUT = { name: 'ant-mar8', file: 'ant-check6-stories.json', window: '8–10 March 2017', made: 'grouped by hand on 2026-12-02 before it was scored' } as const;

export function antCheckSet(): GoldSet | null {
  return antGoldSet(ANT_HELD_OUT.file, ANT_HELD_OUT.name);
}

/**
 * The ANT articles published before 20 January 2017 (the held-out days begin then; the hand-grouped windows are in
 * February, March, April, May and June): what the stories stage's document-frequency prior is counted from
 * (scripts/build-df-prior.mjs, src/stories/prior.ts).
 */
export function antHistory(): Article[] {
  return antArticles((a) => a.published !== null && a.published < ANT_HELD_OUT_DAYS.from) ?? [];
}

/** A second, independent hand grouping of a dev window (eval/data/agreement): how far two readers agree on events. */
export interface SecondGrouping { set: GoldSet; second: string[][]; file: string }

/** The second groupings in eval/data/agreement (made blind to the first and to the grouper), each
 * with the set among `sets` whose gold file it names in its "of" field. */
export function secondGroupings(sets: GoldSet[]): SecondGrouping[] {
  const dir = join(repoRoot, 'eval', 'data', 'agreement');
  if (!existsSync(dir)) return [];
  const out: SecondGrouping[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const second = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { of: string; groups: string[][] };
    const set = sets.find((s) => s.file === second.of);
    if (set) out.push({ set, second: second.groups, file: `eval/data/agreement/${name}` });
  }
  return out;
}

export async function goldSets(): Promise<GoldSet[]> {
  const ant = (Object.keys(ANT_WINDOWS) as AntWindowName[]).map(antWindow);
  return [await seedSet(), await sampleSet(), ...ant].filter((s): s is GoldSet => s !== null);
}

export function shuffled<T>(xs: T[], seed: number): T[] {
  const r = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

type Grouping = (articles: Article[]) => string[][];

/** The product's batch path: StoryGrouper.addBatch, which groupStoredArticles (src/stories/sync.ts) calls for
 * every stored article not grouped yet: document frequencies over the whole set, then assignment in the given order. */
export function groupWithGrouper(config: Partial<StoriesConfig> = {}, options: GrouperOptions = {}): Grouping {
  return (articles) => {
    const g = new StoryGrouper(undefined, config, options);
    g.addBatch(articles);
    return g.stories().map((s) => s.articles);
  };
}

/** The one-article-at-a-time path (StoryGrouper.add, as the API's ingest hook calls it): each article is scored with
 * the document frequencies of the articles that came before it. */
export function groupOneByOne(config: Partial<StoriesConfig> = {}, options: GrouperOptions = {}): Grouping {
  return (articles) => {
    const g = new StoryGrouper(undefined, config, options);
    for (const a of articles) g.add(a);
    return g.stories().map((s) => s.articles);
  };
}

const singletons: Grouping = (articles) => articles.map((a) => [a.id]);

/** Baseline: single-pass clustering, TF-IDF (running df) cosine to each cluster centroid, fixed threshold 0.3. */
export const TFIDF_BASELINE_THRESHOLD = 0.3;
const tfidfBaseline: Grouping = (articles) => {
  const df = new Map<string, number>();
  let n = 0;
  const clusters: { ids: string[]; sum: Map<string, number> }[] = [];
  for (const a of articles) {
    const tf = new Map<string, number>();
    for (const t of analyze(`${a.title ?? ''}\n${a.text}`, { stem: true, stopwords: true })) tf.set(t, (tf.get(t) ?? 0) + 1);
    n++;
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
    const vec = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) { const w = c * idf(t); vec.set(t, w); norm += w * w; }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of vec) vec.set(t, w / norm);
    let best = -1, bestSim = 0;
    clusters.forEach((c, i) => {
      let dot = 0, cn = 0;
      for (const [t, w] of c.sum) { cn += w * w; const v = vec.get(t); if (v) dot += w * v; }
      const sim = cn ? dot / Math.sqrt(cn) : 0;
      if (sim > bestSim) { bestSim = sim; best = i; }
    });
    if (best >= 0 && bestSim >= TFIDF_BASELINE_THRESHOLD) {
      const c = clusters[best];
      c.ids.push(a.id);
      for (const [t, w] of vec) c.sum.set(t, (c.sum.get(t) ?? 0) + w);
    } else {
      clusters.push({ ids: [a.id], sum: new Map(vec) });
    }
  }
  return clusters.map((c) => c.ids);
};

/** The articles of a set that pass `keep`, with the gold groups cut to them. */
export function splitSet(set: GoldSet, keep: (a: Article) => boolean, name: string): GoldSet {
  const articles = set.articles.filter(keep);
  const ids = new Set(articles.map((a) => a.id));
  return { name, articles, groups: set.groups.map((g) => g.filter((id) => ids.has(id))).filter((g) => g.length) };
}

/** The scales thresholdCeiling tries. */
export const CEILING_SCALES = [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.3, 1.5];

/**
 * The best pairwise F1 the grouper reaches on one set when every join and merge threshold is multiplied by one factor
 * (CEILING_SCALES), the factor chosen for this set alone; with the figure at the shipped thresholds (×1). A set whose
 * ceiling is below the target cannot reach it by any retuning of the thresholds the sets share.
 */
export function thresholdCeiling(set: GoldSet): { scale: number; scores: ClusterScores; atOne: number } {
  const c = STORIES_CONFIG;
  let best: { scale: number; scores: ClusterScores } | null = null;
  let atOne = 0;
  for (const k of CEILING_SCALES) {
    const scaled: Partial<StoriesConfig> = {
      joinThreshold: c.joinThreshold * k, joinThresholdEstablished: c.joinThresholdEstablished * k,
      joinThresholdFloor: c.joinThresholdFloor * k, joinThresholdUndated: c.joinThresholdUndated * k, mergeThreshold: c.mergeThreshold * k,
    };
    const scores = scoreClusters(set.groups, groupWithGrouper(scaled)(publicationOrder(set.articles)));
    if (k === 1) atOne = scores.pairwise.f1;
    if (!best || scores.pairwise.f1 > best.scores.pairwise.f1) best = { scale: k, scores };
  }
  return { ...best!, atOne };
}

/** The grouping quality issue 4 asks for on every development set. */
export const TARGET = { pairwise: 0.9, bcubed: 0.95 };

export const ORDER_SEEDS = [1, 2, 3, 4, 5];

export interface MethodResult { inOrder: ClusterScores; orders: ClusterScores[] }

/**
 * The articles in the order `khabar stories` groups a store (SqliteStore.listArticleIds: by the published string,
 * undated last, then id); not the gold files' id order, in which the ANT windows come sorted by section (all
 * international news first), an order no stream has.
 */
export function publicationOrder(articles: Article[]): Article[] {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0); // code units, as SQLite's BINARY
  return [...articles].sort((a, b) => Number(a.published === null) - Number(b.published === null)
    || cmp(a.published ?? '', b.published ?? '') || cmp(a.id, b.id));
}

export function evaluate(set: GoldSet, group: Grouping): MethodResult {
  return pooled([set], group);
}

/** Several sets scored as one: the union of their gold groups against the union of each set's own grouping (one
 * set: its own figures). */
export function pooled(sets: GoldSet[], group: Grouping): MethodResult {
  const gold = sets.flatMap((s) => s.groups);
  return {
    inOrder: scoreClusters(gold, sets.flatMap((s) => group(publicationOrder(s.articles)))),
    orders: ORDER_SEEDS.map((seed) => scoreClusters(gold, sets.flatMap((s) => group(shuffled(s.articles, seed))))),
  };
}

/**
 * Of the gold pairs the grouper puts in different stories, those whose two stories list each other as related: what a
 * reader who follows a story's related links still reaches (in publication order, the product's batch path).
 */
export function splitPairsLinked(set: GoldSet): { split: number; linked: number } {
  const g = new StoryGrouper();
  g.addBatch(publicationOrder(set.articles));
  const storyOf = new Map<string, string>();
  const related = new Map<string, Set<string>>();
  for (const s of g.stories()) {
    for (const id of s.articles) storyOf.set(id, s.id);
    related.set(s.id, new Set(s.related));
  }
  let split = 0, linked = 0;
  for (const group of set.groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = storyOf.get(group[i]!)!, b = storyOf.get(group[j]!)!;
        if (a === b) continue;
        split++;
        if (related.get(a)?.has(b) || related.get(b)?.has(a)) linked++;
      }
    }
  }
  return { split, linked };
}

/** Groups a window undated, then regroups every article with its date (see run()). Pairwise F1 figures. */
export function regroupedAfterDating(set: GoldSet): { undated: number; regrouped: number; scratch: number; agreement: number; moved: number } {
  const articles = publicationOrder(set.articles);
  const scratch = new StoryGrouper();
  scratch.addBatch(articles);
  const g = new StoryGrouper();
  g.addBatch(articles.map((a) => ({ ...a, published: null })));
  const groups = (x: StoryGrouper): string[][] => x.stories().map((st) => st.articles);
  const undated = groups(g);
  const storyBefore = new Map(articles.map((a) => [a.id, g.storyOf(a.id)?.id]));
  for (const a of articles) g.regroup(a);
  const moved = articles.filter((a) => g.storyOf(a.id)?.id !== storyBefore.get(a.id)).length;
  const f1 = (gold: string[][], p: string[][]): number => scoreClusters(gold, p).pairwise.f1;
  return { undated: f1(set.groups, undated), regrouped: f1(set.groups, groups(g)), scratch: f1(set.groups, groups(scratch)), agreement: f1(groups(scratch), groups(g)), moved };
}

/** The SemEval development half (eval/stories-semeval.ts), null without it in ../shared. */
export function semevalDev(): SemevalSet | null {
  return semevalSet(sharedDir);
}

/** All of the set's articles grouped together on the product's batch path, in publication order, each rated pair
 * read off the stories and their related links. */
export function semevalScores(set: SemevalSet, config: Partial<StoriesConfig> = {}, options: GrouperOptions = {}): SemevalScores {
  const g = new StoryGrouper(undefined, config, options);
  g.addBatch(publicationOrder(set.articles));
  return scorePairs(set.pairs, g.stories());
}

/** An article's TF-IDF vector over `articles` (stems, stop words off), L2-normalized: the pair baseline's. */
function tfidfVectors(articles: Article[]): (a: Article) => Map<string, number> {
  const tfs = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const a of articles) {
    const tf = new Map<string, number>();
    for (const t of analyze(`${a.title ?? ''}\n${a.text}`, { stem: true, stopwords: true })) tf.set(t, (tf.get(t) ?? 0) + 1);
    tfs.set(a.id, tf);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return (a) => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [t, c] of tfs.get(a.id) ?? []) { const w = c * (Math.log((articles.length + 1) / ((df.get(t) ?? 0) + 1)) + 1); v.set(t, w); n += w * w; }
    n = Math.sqrt(n) || 1;
    for (const [t, w] of v) v.set(t, w / n);
    return v;
  };
}

const f3 = (x: number) => x.toFixed(3);
function spread(xs: number[]): string {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${f3(mean)} [${f3(Math.min(...xs))}–${f3(Math.max(...xs))}]`;
}

function line(name: string, r: MethodResult): string {
  const s = r.inOrder;
  return [
    name.padEnd(12),
    `pairP ${f3(s.pairwise.precision)} R ${f3(s.pairwise.recall)} F1 ${f3(s.pairwise.f1)}`,
    `B3 P ${f3(s.bcubed.precision)} R ${f3(s.bcubed.recall)} F1 ${f3(s.bcubed.f1)}`,
    `stories ${s.stories}/${s.goldStories}`,
    `| 5 orders: pairF1 ${spread(r.orders.map((o) => o.pairwise.f1))} B3F1 ${spread(r.orders.map((o) => o.bcubed.f1))} stories ${spread(r.orders.map((o) => o.stories)).replace(/\.000/g, '')}`,
  ].join('  ');
}

export async function run(): Promise<void> {
  const sets = await goldSets();
  if (!sets.length) { console.log('(stories: no gold sets found)'); return; }
  console.log(`methods: grouper = StoryGrouper (src/stories/config.ts) on the product's batch path (addBatch, as groupStoredArticles:`);
  console.log('  document frequencies over the whole set first, then each article assigned in the arrival order);');
  console.log('  1-by-1 = the same grouper fed one article at a time (add, as the API ingest hook: idf from the articles seen so far);');
  console.log(`  alone = every article its own story; tfidf = single-pass TF-IDF cosine, threshold ${TFIDF_BASELINE_THRESHOLD}`);
  console.log('  both with the shipped document-frequency prior (data/stories-df-prior.json: the ANT articles before 20 January 2017);');
  console.log('  no prior = the batch path with idf from the set alone, as before the prior shipped (2026-12-02);');
  console.log('figures in publication order (as `khabar stories` groups a store); then mean [min–max] over 5 random arrival orders (mulberry32 seeds 1–5)');
  const noPrior = groupWithGrouper({}, { prior: null });
  const target: string[] = [];
  for (const set of sets) {
    const about = (ANT_WINDOWS as Record<string, { window: string; history: string }>)[set.name];
    console.log(`\n${set.name}${about ? ` (${about.window}; ${about.history})` : ''}: ${set.articles.length} articles, ${set.groups.length} gold stories`);
    const mine = evaluate(set, groupWithGrouper());
    const met = mine.inOrder.pairwise.f1 >= TARGET.pairwise && mine.inOrder.bcubed.f1 >= TARGET.bcubed;
    target.push(`${set.name} ${met ? 'met' : 'NOT met'} (${f3(mine.inOrder.pairwise.f1)}/${f3(mine.inOrder.bcubed.f1)})`);
    console.log(line('grouper', mine));
    console.log(line('no prior', evaluate(set, noPrior)));
    console.log(line('1-by-1', evaluate(set, groupOneByOne())));
    console.log(line('alone', evaluate(set, singletons)));
    console.log(line('tfidf', evaluate(set, tfidfBaseline)));
  }
  const antSets = sets.filter((s) => s.name.startsWith('ant-'));
  if (antSets.length > 1) {
    // Each set is grouped on its own; their gold and predicted groups are disjoint, so scoring the unions sums the
    // pairs (micro-averaged pairwise figures) and weighs every article once (BCubed). One figure over three small
    // sets moves less with one article than each set's own.
    console.log(`\nANT development sets pooled (${antSets.map((s) => s.name).join(', ')}; each grouped on its own, pairs and articles summed):`);
    for (const [name, group] of [['grouper', groupWithGrouper()], ['1-by-1', groupOneByOne()], ['alone', singletons], ['tfidf', tfidfBaseline]] as const) {
      console.log(line(name, pooled(antSets, group)));
    }
  }
  const ant = sets.find((s) => s.name === 'ant-dev');
  if (ant) {
    console.log('\nant-dev by publication day (each half grouped on its own; thresholds were tuned on the whole set):');
    for (const [name, keep] of [['2–3 May', (d: string) => d < '2017-05-04'], ['4–5 May', (d: string) => d >= '2017-05-04']] as const) {
      const half = splitSet(ant, (a) => keep(a.published ?? ''), `ant-dev ${name}`);
      console.log(`${half.name}: ${half.articles.length} articles, ${half.groups.length} gold stories`);
      console.log(line('grouper', evaluate(half, groupWithGrouper())));
      console.log(line('1-by-1', evaluate(half, groupOneByOne())));
      console.log(line('tfidf', evaluate(half, tfidfBaseline)));
    }
  }
  const semeval = semevalDev();
  if (semeval) {
    const dated = semeval.articles.filter((a) => a.published).length;
    console.log(`\nSemEval-2022 Arabic pairs, development half (../shared/data/semeval2022-ar-dev; people's ratings, Overall ≤ ${SAME_MAX} same story, ≥ ${DIFFERENT_MIN} different):`);
    console.log(`  all ${semeval.articles.length} articles (${dated} dated by their URL) grouped together in publication order on the batch path; each of the ${semeval.pairs.length} rated pairs read off the stories`);
    console.log(semevalLine('grouper', semevalScores(semeval)));
    console.log(semevalLine('no prior', semevalScores(semeval, {}, { prior: null })));
    console.log(semevalLine('no scorer', semevalScores(semeval, {}, { pairModel: null })) + '  (the score rule alone, without the learned pair scorer)');
    const cv = defaultPairModel().cv;
    if (cv) console.log(`  the pair scorer's cross-validated figures (by window; npm run train -- stories): ${JSON.stringify(cv)}`);
    const ceiling = tfidfPairCeiling(semeval, tfidfVectors(semeval.articles));
    console.log(semevalLine(`tfidf ≥${ceiling.threshold.toFixed(2)}`, ceiling.scores) + '  (pair cosine at the threshold best on this set: a ceiling, not a method)');
  }
  const linkedParts = antSets.map((s) => { const r = splitPairsLinked(s); return `${s.name} ${r.linked}/${r.split}`; });
  if (linkedParts.length) console.log(`\ngold pairs the grouper splits whose stories are linked as related (a reader following "related" reaches them): ${linkedParts.join('; ')}`);
  if (antSets.length) {
    // A store fed undated copies first (plain .txt files), then the dates (`khabar ingest --published`): each article
    // is grouped again as its copy changes (StoryGrouper.regroup, what the catch-up does), not the whole store.
    console.log('\ndated after grouping (each window grouped undated in publication order, then every article regrouped with its date,');
    console.log('  in the same order), pairwise F1 against gold, and against grouping the dated window from scratch:');
    for (const set of antSets) {
      const r = regroupedAfterDating(set);
      console.log(`  ${set.name.padEnd(10)} undated ${f3(r.undated)}  regrouped ${f3(r.regrouped)}  from scratch ${f3(r.scratch)}  regrouped vs scratch ${f3(r.agreement)}  (${r.moved} of ${set.articles.length} articles changed story)`);
    }
  }
  console.log(`\ntarget (issue 4: pairwise F1 ≥ ${TARGET.pairwise} and BCubed F1 ≥ ${TARGET.bcubed} on every development set, in publication order): ${target.join('; ')}`);
  if (antSets.length) {
    // Whether retuning the thresholds could meet the target: each window gets the one scale best for it alone.
    console.log(`\nthreshold ceiling (every join and merge threshold scaled by the one factor of ${CEILING_SCALES[0]}–${CEILING_SCALES.at(-1)} best for that window alone,`);
    console.log('  in publication order: an upper bound for tuning the thresholds, which the windows must share):');
    for (const set of antSets) {
      const c = thresholdCeiling(set);
      console.log(`  ${set.name.padEnd(10)} pairwise F1 ${f3(c.scores.pairwise.f1)} (BCubed ${f3(c.scores.bcubed.f1)}) at ×${c.scale.toFixed(2)}; at ×1.00 ${f3(c.atOne)}`);
    }
  }
  const twice = secondGroupings(sets);
  if (twice.length) {
    // The ceiling a grouper can be asked for: two careful readers of one window, the same written criteria.
    console.log('\ninter-annotator agreement (a second hand grouping of the window, made blind to the first and to the grouper):');
    const pairLine = (r: ClusterScores): string => `pairP ${f3(r.pairwise.precision)} R ${f3(r.pairwise.recall)} F1 ${f3(r.pairwise.f1)}  B3 F1 ${f3(r.bcubed.f1)}`;
    for (const { set, second, file } of twice) {
      console.log(`${set.name} (${file}: ${second.length} stories, first ${set.groups.length})`);
      console.log(`  second reader, scored against the first: ${pairLine(scoreClusters(set.groups, second))}`);
      console.log(`  grouper, scored against the second:      ${pairLine(scoreClusters(second, groupWithGrouper()(publicationOrder(set.articles))))}`);
    }
  }
  const check = antCheckSet();
  if (check) {
    console.log(`\nHELD-OUT (never tuned on; eval/data/${ANT_HELD_OUT.file}, ${ANT_HELD_OUT.window}, ${ANT_HELD_OUT.made}) ${check.name}: ${check.articles.length} articles, ${check.groups.length} gold stories`);
    console.log(line('grouper', evaluate(check, groupWithGrouper())));
    console.log(line('no prior', evaluate(check, noPrior)));
    console.log(line('1-by-1', evaluate(check, groupOneByOne())));
    console.log(line('alone', evaluate(check, singletons)));
    console.log(line('tfidf', evaluate(check, tfidfBaseline)));
  }
  const errorsOf = process.env.KHABAR_STORY_ERRORS;
  if (errorsOf) {
    const set = sets.find((s) => s.name === errorsOf);
    if (!set) console.log(`\n(KHABAR_STORY_ERRORS=${errorsOf}: not a development set; one of ${sets.map((s) => s.name).join(', ')}. The held-out set is never diagnosed.)`);
    else printErrors(set, groupWithGrouper()(publicationOrder(set.articles)));
  }
  if (process.env.KHABAR_SWEEP) {
    console.log('\nsweep of joinThreshold (in order, pairwise F1 / BCubed F1 per set):');
    for (const t of [0.24, 0.28, 0.3, 0.32, 0.34, 0.36, 0.4, 0.45]) {
      const parts = sets.map((s) => {
        const r = scoreClusters(s.groups, groupWithGrouper({ joinThreshold: t, mergeThreshold: Math.max(t, 0.4) })(publicationOrder(s.articles)));
        return `${s.name} ${f3(r.pairwise.f1)}/${f3(r.bcubed.f1)}`;
      });
      console.log(`  ${t.toFixed(2)}  ${parts.join('  ')}`);
    }
  }
}

/** The grouper's errors on a development set: its stories that mix gold stories, and the gold stories it splits. */
function printErrors(set: GoldSet, predicted: string[][]): void {
  const byId = new Map(set.articles.map((a) => [a.id, a]));
  const goldOf = new Map<string, number>();
  set.groups.forEach((g, i) => g.forEach((id) => goldOf.set(id, i)));
  const predOf = new Map<string, number>();
  predicted.forEach((g, i) => g.forEach((id) => predOf.set(id, i)));
  const row = (id: string, tag: string): string => {
    const a = byId.get(id);
    return `  [${tag}] ${id} ${(a?.published ?? '').slice(0, 16)} ${(a?.title ?? a?.text ?? '').replace(/\s+/g, ' ').slice(0, 80)}`;
  };
  console.log(`\n${set.name}: the grouper's stories that mix gold stories (each article tagged with its gold story)`);
  for (const g of predicted) if (new Set(g.map((id) => goldOf.get(id))).size > 1) console.log(['story:', ...g.map((id) => row(id, `gold ${goldOf.get(id)}`))].join('\n'));
  console.log(`${set.name}: the gold stories the grouper splits (each article tagged with the grouper's story)`);
  set.groups.forEach((g, i) => {
    if (new Set(g.map((id) => predOf.get(id))).size > 1) console.log([`gold ${i}:`, ...g.map((id) => row(id, `story ${predOf.get(id)}`))].join('\n'));
  });
}
