// The summary algorithm: candidate sentences → facts (same content across articles) → scores
// (centrality, outlet support, position) → MMR selection under a word budget → reading order.
import type { Article, Fact, SummarySentence } from '../types.js';
import { SUMMARY_DEFAULTS as C } from './config.js';
import { candidatesOf, standAlone, type Candidate } from './clean.js';
import { countWords } from './lex.js';
import { addInto, cosine, cosineDense, InvertedIndex, Vocabulary, type Vec } from './vectors.js';

/** A fact of the analysis stage with the sentences that state it (analyzeStoryDetailed(articles).factGroups): the
 * article ids and sentence indices of src/text's sentences(). */
export interface StatedFact { fact: Fact; members: { article: string; sentence: number }[] }

export interface SummarizeOptions {
  /** Word budget (default 100): the summary never exceeds it. */
  words?: number;
  /** Facts from the analysis stage (analyzeStory(articles).facts), matched to the articles' sentences by their words;
   * built from sentences when absent. */
  facts?: Fact[];
  /** The analysis stage's facts with their sentences (takes the place of `facts`): a summary sentence cites exactly
   * the articles its fact cites, so the summary and the fact list never cite one sentence differently. */
  factGroups?: StatedFact[];
}

interface Group {
  members: Candidate[];
  /** The articles it cites (indices), when the analysis stage says: its fact's articles. */
  cites?: number[];
  vector: Vec;
  /** Wording given by the analysis stage, if any. */
  givenText?: string;
  text: string | null;
  words: number;
  score: number;
}

export function summarizeArticles(articles: Article[], opts: SummarizeOptions = {}): SummarySentence[] {
  const budget = opts.words ?? C.words;
  const candidates = articles.flatMap((a, i) => candidatesOf(a, i));
  if (!candidates.length) return [];

  const vocab = new Vocabulary();
  const termIds = candidates.map((c) => vocab.termIds(c.original, true));
  for (const t of termIds) vocab.count(t);
  const vectors = termIds.map((t) => vocab.vector(t));

  const groups = opts.factGroups?.length
    ? groupsFromStatedFacts(articles, candidates, vocab, opts.factGroups)
    : opts.facts?.length
      ? groupsFromFacts(articles, candidates, vectors, vocab, opts.facts)
      : groupCandidates(articles, candidates, vectors, candidates.map((_, i) => i));
  for (const g of groups) chooseWording(g);

  score(articles, candidates, vectors, groups);
  const chosen = select(groups, budget);
  return order(articles, chosen).map((g) => ({
    text: g.text!,
    articles: [...new Set(g.cites ?? g.members.map((m) => m.article))].sort((a, b) => a - b).map((i) => articles[i].id),
  }));
}

/** Publication order of articles (unknown dates last, then input order). */
function articleOrder(articles: Article[]): number[] {
  return articles.map((a, i) => ({ i, d: a.published ?? '\uffff' }))
    .sort((x, y) => (x.d < y.d ? -1 : x.d > y.d ? 1 : x.i - y.i)).map((x) => x.i);
}

/** Groups near-identical sentences of different articles into facts (greedy, earliest article first). */
function groupCandidates(articles: Article[], candidates: Candidate[], vectors: Vec[], which: number[]): Group[] {
  const rank = new Map(articleOrder(articles).map((a, r) => [a, r]));
  const sorted = [...which].sort((x, y) =>
    (rank.get(candidates[x].article)! - rank.get(candidates[y].article)!) || (candidates[x].position - candidates[y].position));
  const groups: Group[] = [];
  const seenArticles: Set<number>[] = [];
  const index = new InvertedIndex();
  for (const ci of sorted) {
    const c = candidates[ci];
    let best = -1, bestSim: number = C.sameFact;
    index.forEachDot(vectors[ci], (g, dot) => {
      if (dot >= bestSim && !seenArticles[g].has(c.article)) { best = g; bestSim = dot; }
    });
    if (best >= 0) {
      groups[best].members.push(c);
      seenArticles[best].add(c.article);
    } else {
      index.add(groups.length, vectors[ci]);
      groups.push({ members: [c], vector: vectors[ci], text: null, words: 0, score: 0 });
      seenArticles.push(new Set([c.article]));
    }
  }
  return groups;
}

/** Uses the analysis stage's facts: each is matched to its sentence in every article it names. */
function groupsFromFacts(articles: Article[], candidates: Candidate[], vectors: Vec[], vocab: Vocabulary, facts: Fact[]): Group[] {
  const byId = new Map(articles.map((a, i) => [a.id, i]));
  const byArticle = new Map<number, number[]>();
  candidates.forEach((c, i) => { const l = byArticle.get(c.article) ?? []; l.push(i); byArticle.set(c.article, l); });
  const claimed = new Set<number>();
  const groups: Group[] = [];
  for (const fact of facts) {
    if (!fact || typeof fact.text !== 'string' || !Array.isArray(fact.articles)) continue;
    const v = vocab.vector(vocab.termIds(fact.text, false));
    const members: Candidate[] = [];
    for (const id of new Set(fact.articles)) {
      const a = byId.get(id);
      if (a === undefined) continue;
      let best = -1, bestSim: number = C.factToSentence;
      for (const ci of byArticle.get(a) ?? []) {
        const sim = cosine(v, vectors[ci]);
        if (sim >= bestSim) { best = ci; bestSim = sim; }
      }
      if (best >= 0) { members.push(candidates[best]); claimed.add(best); }
    }
    // A fact no sentence matches still counts, at the end of its first article.
    if (!members.length) {
      const a = fact.articles.map((id) => byId.get(id)).find((x) => x !== undefined);
      if (a === undefined) continue;
      members.push({ article: a, position: 1e6, sentences: [], original: fact.text, text: null, repaired: false, pronounOpener: false, speaker: null, context: null, words: countWords(fact.text) });
    }
    groups.push({ members, vector: v, givenText: fact.text, text: null, words: 0, score: 0 });
  }
  const rest = candidates.map((_, i) => i).filter((i) => !claimed.has(i));
  return groups.concat(groupCandidates(articles, candidates, vectors, rest));
}

/**
 * Uses the analysis stage's facts with their sentences: a fact's group holds the candidates made of its sentences and
 * cites its articles. A candidate no fact holds (too short to be one) is a group of its own, citing its article: the
 * analysis found no other article stating it.
 */
function groupsFromStatedFacts(articles: Article[], candidates: Candidate[], vocab: Vocabulary, stated: StatedFact[]): Group[] {
  const byId = new Map(articles.map((a, i) => [a.id, i]));
  const candidateOf = new Map<string, number>();
  candidates.forEach((c, i) => { for (const s of c.sentences) candidateOf.set(`${c.article}:${s}`, i); });
  const claimed = new Set<number>();
  const groups: Group[] = [];
  for (const { fact, members: stating } of stated) {
    const cites = [...new Set(fact.articles.map((id) => byId.get(id)).filter((a): a is number => a !== undefined))];
    if (!cites.length) continue;
    const members: Candidate[] = [];
    for (const m of stating) {
      const a = byId.get(m.article);
      const ci = a === undefined ? undefined : candidateOf.get(`${a}:${m.sentence}`);
      if (ci === undefined || claimed.has(ci)) continue;
      claimed.add(ci);
      members.push(candidates[ci]);
    }
    // a fact whose sentences are no candidates (a heading, a caption) still counts, at the end of its first article
    if (!members.length) members.push({ article: cites[0], position: 1e6, sentences: [], original: fact.text, text: null, repaired: false, pronounOpener: false, speaker: null, context: null, words: countWords(fact.text) });
    groups.push({ members, cites, vector: vocab.vector(vocab.termIds(fact.text, false)), givenText: fact.text, text: null, words: 0, score: 0 });
  }
  candidates.forEach((c, i) => {
    if (!claimed.has(i)) groups.push({ members: [c], cites: [c.article], vector: vocab.vector(vocab.termIds(c.original, true)), text: null, words: 0, score: 0 });
  });
  return groups;
}

/** The clearest printable wording: the analysis stage's when it stands alone, else the best member's. */
function chooseWording(g: Group): void {
  if (g.givenText) {
    const lead = [...g.members].sort((a, b) => a.position - b.position)[0];
    const r = standAlone(g.givenText, lead.context);
    if (r.text && countWords(r.text) >= C.minWords) { g.text = r.text; g.words = countWords(r.text); return; }
  }
  const usable = g.members.filter((m) => m.text);
  if (!usable.length) return;
  usable.sort((a, b) => Number(a.repaired) - Number(b.repaired) || Number(a.pronounOpener) - Number(b.pronounOpener)
    || a.words - b.words || a.position - b.position);
  g.text = usable[0].text;
  g.words = usable[0].words;
}

function score(articles: Article[], candidates: Candidate[], vectors: Vec[], groups: Group[]): void {
  // Centroid with every article weighing the same, so one long article does not define the story.
  let dim = 0;
  for (const v of vectors) for (const id of v.ids) if (id >= dim) dim = id + 1;
  for (const g of groups) for (const id of g.vector.ids) if (id >= dim) dim = id + 1;
  const centroid = new Float64Array(dim);
  const perArticle = new Map<number, number>();
  for (const c of candidates) perArticle.set(c.article, (perArticle.get(c.article) ?? 0) + 1);
  candidates.forEach((c, i) => addInto(centroid, vectors[i], 1 / perArticle.get(c.article)!));
  let norm = 0;
  for (const x of centroid) norm += x * x;
  norm = Math.sqrt(norm);

  const source = (i: number) => articles[i].source?.trim() || `#${articles[i].id}`;
  const allSources = new Set(articles.map((_, i) => source(i))).size;
  const centrality = groups.map((g) => cosineDense(g.vector, centroid, norm));
  const maxCentrality = Math.max(1e-9, ...centrality);
  const base = groups.map((g, k) => {
    // where the outlets that carry it put it, typically (the median: one outlet leading with a detail does not make it a lead)
    const positions = g.members.map((m) => m.position).sort((a, b) => a - b);
    const bestPosition = positions[(positions.length - 1) >> 1];
    const position = 1 / (1 + bestPosition / C.positionScale);
    const pronoun = g.members.every((m) => m.pronounOpener) ? C.pronounOpenerPenalty : 0;
    return C.weightCentrality * (centrality[k] / maxCentrality) + C.weightPosition * position - pronoun;
  });
  // Outlet support: outlets carrying the fact itself, plus (at half weight) outlets that paraphrase it —
  // a sentence of theirs close to it without being the same sentence. Only for the groups that can win.
  const index = new InvertedIndex();
  if (allSources > 1) vectors.forEach((v, i) => index.add(i, v));
  const order = groups.map((_, k) => k).filter((k) => groups[k].text).sort((a, b) => base[b] - base[a]);
  for (const g of groups) g.score = -Infinity;
  for (const k of order.slice(0, C.poolSize)) {
    const g = groups[k];
    const own = new Set(g.members.map((m) => source(m.article)));
    let support = 0;
    if (allSources > 1) {
      const paraphrased = new Set<string>();
      index.forEachDot(g.vector, (ci, dot) => {
        if (dot < C.paraphrase) return;
        const src = source(candidates[ci].article);
        if (!own.has(src)) paraphrased.add(src);
      });
      const confirmed = own.size + C.paraphraseWeight * paraphrased.size;
      support = Math.log(1 + confirmed) / Math.log(1 + allSources);
    }
    g.score = base[k] + C.weightSupport * support;
  }
}

/** MMR under the word budget: best score first, minus redundancy with what is already chosen. */
function select(groups: Group[], budget: number): Group[] {
  const pool = groups.filter((g) => g.text && g.words <= budget && g.score > -Infinity).sort((a, b) => b.score - a.score).slice(0, C.poolSize);
  const maxSim = new Float64Array(pool.length);
  const taken = new Uint8Array(pool.length);
  const chosen: Group[] = [];
  let left = budget;
  for (;;) {
    let best = -1, bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i] || pool[i].words > left || maxSim[i] >= C.maxSimilarity) continue;
      const value = pool[i].score - C.redundancy * maxSim[i];
      if (value > bestValue) { best = i; bestValue = value; }
    }
    if (best < 0) break;
    taken[best] = 1;
    chosen.push(pool[best]);
    left -= pool[best].words;
    for (let i = 0; i < pool.length; i++) {
      if (!taken[i]) maxSim[i] = Math.max(maxSim[i], cosine(pool[i].vector, pool[best].vector));
    }
  }
  return chosen;
}

/** Reading order: earlier publication first; within a day, earlier relative position (leads first). */
function order(articles: Article[], chosen: Group[]): Group[] {
  const counts = new Map<number, number>();
  const day = (i: number) => (articles[i].published ?? '').slice(0, 10) || '\uffff';
  const key = (g: Group) => {
    const first = [...g.members].sort((a, b) => (day(a.article) < day(b.article) ? -1 : day(a.article) > day(b.article) ? 1 : a.position - b.position))[0];
    return { day: day(first.article), rel: first.position / Math.max(1, counts.get(first.article) ?? 1), article: first.article };
  };
  for (const g of chosen) for (const m of g.members) counts.set(m.article, Math.max(counts.get(m.article) ?? 0, m.position + 1));
  const keyed = chosen.map((g) => ({ g, k: key(g) }));
  keyed.sort((x, y) => (x.k.day < y.k.day ? -1 : x.k.day > y.k.day ? 1 : x.k.rel - y.k.rel || x.k.article - y.k.article));
  return keyed.map((x) => x.g);
}
