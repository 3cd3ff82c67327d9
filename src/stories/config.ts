// Every tuned number of the stories stage, in one place, each with what it does and the evidence for its value.
// Tuned on the seeds (../shared/seeds), the sample corpus (samples/gold/stories.json) and the six hand-grouped ANT
// development windows (ANT_WINDOWS in eval/stories.ts); the held-out window (ANT_HELD_OUT) is never tuned on.
// Each window has some 50 gold pairs, so one article moves pairwise F1 by 0.01–0.05: a value changes only for a reason
// beyond the figure; and scaling every threshold per window still leaves five of six below the 0.90 target.
// Figures: `npm run eval -- stories`, `npm run bench -- stories`. What was tried, with its figures, and why each value
// stays: docs/stories-grouping.md (grouping), docs/stories-speed.md (cost), docs/stories-eval-data.md (the windows).

export const STORIES_CONFIG = {
  // ---- article vector ----
  /** Weight of a title, lead (first leadSentences sentences) and body term: the headline names the event, the lead
   * who/where/when. Title 4 lost on no ANT dev window in a sweep (3.5–5 as good): docs/stories-grouping.md. */
  titleWeight: 4,
  leadWeight: 2,
  bodyWeight: 1,
  leadSentences: 2,
  /** Body tokens read after the lead: later paragraphs are background and recaps that join unrelated stories. */
  maxBodyTokens: 350,
  /** Terms kept per article vector (highest weight first): bounds memory and SQLite rows. */
  maxArticleTerms: 120,
  /** Terms kept per story centroid. */
  maxCentroidTerms: 200,

  // ---- candidates (inverted index) ----
  /** Terms of the article used as index keys (highest tf·idf first). */
  indexTerms: 20,
  /** Story postings read per key (most recent first): the cap that keeps assignment cost constant. */
  postingsCap: 64,
  /** A term in more than this share of all articles is never an index key (too frequent to discriminate). */
  maxKeyDfRatio: 0.05,
  /** Below this many articles the df ratio above is meaningless, so no key is dropped for frequency. */
  minDocsForDfCap: 200,
  /** A record's idf-weighted norm is reused until the document count grows by this share (off by well under 1%; exact
   * in a batch): reading every term's df per compared record was most of grouping time (docs/stories-speed.md). */
  normRefreshRatio: 0.02,
  /** The same for stories outside the article's time window, only ever linked as related: their cosines may be a few
   * percent high. Chosen for cost: in the bench almost every candidate is an old story. */
  relatedNormRefreshRatio: 0.5,
  /** Stories fully scored per article, best by summed idf of shared keys. */
  maxCandidates: 24,
  /** Of those, the stories outside the article's window scored for related links (best voted first), by centroid and
   * pooled keys: same ANT grouping as all 24, 77% of the links, far fewer cold reads (docs/stories-speed.md). */
  maxRelatedCandidates: 8,
  /** Most recent members compared one by one (single-link evidence beside the centroid); 0 compares none. On ANT May
   * and March 0, 1, 3 and 12 score alike: a few days' stories are small enough that the centroid speaks for them. */
  maxMembersCompared: 12,

  // ---- decisions ----
  /** Join when score = max(centroid cosine, member cosine) + entityWeight·entity cosine reaches this.
   * Tuned on the ANT dev set and the sample corpus (sweep printed by the eval). */
  joinThreshold: 0.34,
  /** Weight of the entity-key cosine (names, numbers, places) in the score. */
  entityWeight: 0.25,
  /** Weight of the phrase-key cosine (adjacent stem pairs of headline and lead) in the score. */
  phraseWeight: 0.25,
  /** Phrase keys taken per headline and per lead (the lead's first ones: who, what, where). */
  maxPhraseKeys: 40,
  /** A story of establishedStorySize+ articles is joined from joinThresholdEstablished: its centroid sums several
   * reports, so a new one's cosine runs lower. 0.32 lifted ANT June, March as it was; 0.30 cost March and May. */
  establishedStorySize: 3,
  joinThresholdEstablished: 0.32,
  /** …lower by this much each time the story doubles (a broader centroid): 0.01 lifted ANT June, a margin below 0.02's
   * wrong March join; the floor: below 0.28 the dev sets' best candidates were mostly other events. */
  joinThresholdSizeSlope: 0.01,
  joinThresholdFloor: 0.28,
  /** An article or story without a date is compared by content alone, with this stricter threshold; the learned pair
   * scorer must agree too (its thresholds are data: data/stories-pair-model.json, chosen by cross-validation). */
  joinThresholdUndated: 0.4,
  /** …except that a score reaching this joins undated articles without the scorer: the cosines of one happening told
   * twice, which the scorer, fit mostly on many outlets' pairs, can doubt. The cross-validation sweep the trainer prints
   * (0.5, 0.6, 0.7, 0.8, off): 0.6 and 0.7 lift SemEval's same-story recall and cost no ANT window; 0.5 costs SemEval
   * precision; 0.8 joins none. 0.7 of the two: the pairs scoring that much were the same story 14 in 16 on SemEval
   * and 37 in 41 on ANT, at 0.6 25 in 30 and 62 in 70 (docs/stories-grouping.md, 2026-12-06). */
  joinThresholdStrong: 0.7,
  /** Stories above this score that do not join (outside the window, or below joinThreshold) are related.
   * Seeds: 004 vs the 000–003 story. */
  relatedThreshold: 0.2,
  /** Days around a story's first/last article within which an article may join. Seeds: 000–003 span
   * 1 day, 004 is 24 days later. */
  windowDays: 3,
  /** Longest span of a story in days; later articles start a follow-up, linked as related. By hand: coverage rarely
   * runs past two weeks, and unbounded storylines chained into stories of years (docs/stories-grouping.md). */
  maxSpanDays: 14,
  /** Added to the window when either side has a bare date (no hour): it may be any time of that day.
   * ANT dev: a 2 May date-only article and its 5 May 13:51 follow-up were 3.08 days apart. */
  dateOnlySlackDays: 0.5,
  /** Re-check: two stories whose centroids reach this cosine (and whose windows touch) are merged.
   * ANT May: 0.4 → pairwise F1 0.71, 0.32 → 0.80 (in order). */
  mergeThreshold: 0.32,
  /** Re-check, second test: the latest `recheckMembers` members of the changed story are scored against each
   * neighbour as if they arrived now; one reaching `memberMergeThreshold` merges. Off (0): no gain on the dev sets. */
  recheckMembers: 0,
  /** Re-check, third test: a one-article story in the window of a story that just grew joins it if its article would
   * join now, so arrival order matters less (ANT June 0.860 → 0.910; May and March in order = their 5-order means). */
  rejoinSingles: true,
  memberMergeThreshold: 0.4,
  /** Score factor when headlines name different weekdays (طقس الثلاثاء / الخميس) or datelines, or one is a roundup
   * (أبرز أخبار الجمعة): bulletins share all their words, a roundup some of every event (ANT May: weather, digests). */
  dayMismatchFactor: 0.3,
  /** No related link to a story more than this many days away: past a season it is another event on the same subject
   * (over half of ANT's links were), and old stories are cold reads. By hand; see docs/stories-grouping.md. */
  relatedWindowDays: 90,
  /** Related links kept per story. */
  maxRelated: 12,
} as const;

export type StoriesConfig = { -readonly [K in keyof typeof STORIES_CONFIG]: (typeof STORIES_CONFIG)[K] extends number ? number : (typeof STORIES_CONFIG)[K] extends boolean ? boolean : (typeof STORIES_CONFIG)[K] };
