// Every tuned number of the summary stage, in one place. Tuned on EASC dev (../shared/data/easc/dev.jsonl)
// and checked on the seeds story 000–003; see eval/summary.ts for the figures.

export const SUMMARY_DEFAULTS = {
  /** Word budget when the caller gives none. */
  words: 100,
  /** Sentences shorter than this (words) are not summary material (headings, fragments). */
  minWords: 6,
  /** A line with no final punctuation and fewer words than this is a heading or caption. */
  headingMaxWords: 10,
  /** Quote-repair: merge a sentence with the next ones while a quote stays open, up to this many words. */
  maxMergedWords: 120,
  /** Latin letters above this share of all letters: a caption or credit line, not Arabic news text. */
  maxLatinShare: 0.4,
  /** Cosine (stem TF-IDF) at or above which two sentences of different articles are the same fact. */
  sameFact: 0.5,
  /** Cosine at or above which a given analysis fact is taken to be a sentence of an article. */
  factToSentence: 0.45,
  /** Scoring weights: centrality (cosine with the story centroid), outlet support, position. */
  weightCentrality: 1.0,
  weightSupport: 1.0,
  weightPosition: 0.7,
  /** Position score = 1 / (1 + position / positionScale): the first few sentences of an article lead. */
  positionScale: 2,
  /** Penalty for sentences that open with a pronoun referring back (وهي، وهذا). */
  pronounOpenerPenalty: 0.3,
  /** An outlet whose sentence has at least this cosine with a fact paraphrases (confirms) it... */
  paraphrase: 0.25,
  /** ...and counts this much of an outlet carrying the fact itself. */
  paraphraseWeight: 0.5,
  /** Only the best this-many facts (before support) are scored for support and considered for selection. */
  poolSize: 300,
  /** MMR: a candidate's score minus this times its highest cosine with a chosen sentence. */
  redundancy: 0.7,
  /** Never choose a sentence this similar to one already chosen. */
  maxSimilarity: 0.6,
} as const;
