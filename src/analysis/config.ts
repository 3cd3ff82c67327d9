// Every tuned threshold of the analysis stage, in one place, each with the data it was tuned on.

/** Name-variant matcher (names.ts). Tuned on the seeds' variant sets and WikiKGE-10 dev (eval/analysis.ts). */
export const NAME_MATCH = {
  /** Cost of inserting, deleting or swapping a vowel letter (ا و ي): transliterations vary in long vowels. */
  vowelCost: 0.4,
  /** Cost of swapping two letters that render one foreign sound (ف/و for v/w, خ/ش/ك for "ch", ج/ش/غ for c, ç, g). */
  nearCost: 0.4,
  /** Cost of any consonant edit across letter classes. */
  consonantCost: 1,
  /** Largest distance for tokens of 4+ letters (two vowel edits). */
  tokenMax: 0.8,
  /** Largest distance when one token has 3 letters or fewer (one vowel edit). */
  shortTokenMax: 0.4,
  /** Keys of this many letters or fewer are short words: one vowel edit and one near swap at most, not two vowel
   * edits (بارون / براون are two names; تشاووش / جاويش one). */
  shortWord: 5,
  /** The edit costs for short words. */
  short: { vowelCost: 0.5, nearCost: 0.3 },
};

/** Fact grouping (story.ts combineFacts). Tuned on the dev entries of samples/gold/analysis.json (seeds 000–003 and the
 * sample stories A–D); the held-out entries only checked. */
export const FACTS = {
  /** Weighted Jaccard over content stems (numbers as values, dates resolved, stems conflated within the story, names as
   * entities) at or above which two sentences state the same fact. 0.42 before stems were conflated and groups kept
   * to one sentence per article; on dev 0.2–0.25 merge only sentences that state the same thing, 0.3 loses recall. */
  minSimilarity: 0.25,
  /** ... and at or above which two articles' leads do: a story's leads report its event in each outlet's words. */
  leadSimilarity: 0.15,
  /** ... and at or above which an article carries another's sentence in other words: the fact cites it too, though its
   * own sentence stays in its own fact (docs/citations.md). */
  carried: 0.2,
  /** Stems in more than this share of sentences are too common to index candidates by. */
  maxIndexShare: 0.25,
  /** ... and so are stems in more than this many sentences (keeps candidate pairs near-linear on 200-article stories). */
  maxPosting: 60,
  /** Shortest sentence (in content terms) that can be a fact. */
  minTerms: 4,
  /** Preferred length range of a fact's wording, in characters. */
  idealMin: 60,
  idealMax: 260,
};

/** Quote extraction (quotes.ts). */
export const QUOTES = {
  /** A quoted span shorter than this (in words) is a scare quote, not speech, unless introduced by a colon. */
  minWords: 3,
  /** How many tokens after a speech verb the speaker's name may start. */
  speakerWindow: 7,
  /** Two quotes are the same when this share of their content terms overlap. */
  sameQuote: 0.6,
};

/** Quantities (quantities.ts). Tuned on the dev stories of eval/data/numbers-conflicts.json; the check stories only
 * measured. */
export const NUMBERS = {
  /** Two figures further apart than this ratio are not one count (1500 a year and 5 a day; 6500 prisoners and the 1500 of
   * them on hunger strike). */
  maxRatio: 3,
  /** Most days between two articles whose tolls (killed, injured, ...) count one event: tolls are revised for three days
   * at most in the dev stories (Paris, Grenfell, Minya); two accidents five days apart are two events. */
  tollDays: 3,
  /** Most days between two articles whose other counts (parties standing, countries taking part) are of one time: the
   * same day (the magnitudes of two earthquakes a day apart, two days' wind forecasts). */
  countDays: 0,
  /** Stems two figures of a unit that is no toll must share around them (two words before, one after the noun) to count
   * the same thing. */
  sameContext: 2,
  /** A round figure within this share of another is that figure rounded (30 ألفا and 29929). */
  rounding: 0.02,
};

/** Timeline (timeline.ts). */
export const TIMELINE = {
  /** Two events of one date are merged when their sentences share this share of content terms. */
  sameEvent: 0.3,
  /** Longest event text, in characters. */
  maxText: 240,
};
