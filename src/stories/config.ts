// Every tuned number of the stories stage, in one place. Each says what it does and what data it was
// chosen on. Dev sets: the seeds (../shared/seeds, 5 articles), the sample corpus (samples/gold/stories.json)
// and the hand-grouped ANT windows eval/data/ant-dev-stories.json (135 articles, 2–5 May 2017) and, since session 5,
// eval/data/ant-check-stories.json (126 articles, 16–18 March 2017; held out in sessions 3–4), since session 8,
// eval/data/ant-check2-stories.json (122 articles, 4–6 June 2017; held out in sessions 5–7), since session 9,
// eval/data/ant-check3-stories.json (104 articles, 7–9 February 2017; held out in session 8), since session 10,
// eval/data/ant-check4-stories.json (106 articles, 13–17 April 2017; held out in session 9) and, since session 11,
// eval/data/ant-check5-stories.json (97 articles, 24–27 May 2017; held out in session 10). Held out, never tuned on:
// eval/data/ant-check6-stories.json (106 articles, 8–10 March 2017, grouped by hand in session 11).
// Figures: `npm run eval -- stories`, `npm run bench -- stories`.
//
// Session 2 (2026-11-23), tuned on the whole ANT dev set (errors of both halves studied), seeds and sample:
// ANT dev in order pairwise F1 0.908 (before 0.800); 5 random orders 0.775–0.871 (mean 0.816). Added: phrase
// keys, bridging, date-only slack, roundup headlines. Default-off: recheckMembers (no effect on the dev sets).
//
// Session 3 (2026-12-01), order and scale; no threshold was retuned. A batch is scored with the document
// frequencies of the whole batch (StoryGrouper.addBatch, used by groupStoredArticles), and bridging no longer
// asks the second story to score within 70% of the best one (that ratio depended on which members came first).
// A one-at-a-time sweep of twelve parameters (weights, caps, window, thresholds) on the dev sets with the
// batch path found nothing better that was not a lone spike (maxPhraseKeys 20: +0.01, but 15 and 25 worse).
// Figures, batch path (the eval's "grouper"): seeds and sample 1.000; ANT dev in order pairwise F1 0.859,
// BCubed 0.959, 5 orders pairwise 0.857 [0.848–0.871] (its halves 0.936 and 0.842 in every order); one article
// at a time ("1-by-1", idf from the articles seen so far) 0.859 in order, 0.841 [0.775–0.871]. Held-out ANT
// check window: 0.614 in order, 0.666 [0.614–0.737] over 5 orders (TF-IDF baseline 0.714 and 0.584): the
// dev-tuned model generalizes poorly, and the target (pairwise F1 0.90 on every set) is not met on ANT dev.
// Scale (bench, in memory): see normRefreshRatio, relatedNormRefreshRatio and maxRelatedCandidates.
//
// Session 5 (2026-12-02): the March window became a development set (its errors studied: a guest's answers on
// several subjects joined by the name in the headlines; one-off arrests, appointments and flights joined by common
// indefinite words taken as names) and a new window (June) is held out. Added: a quote headline's speaker
// ("محمد عبو : ...") weighs as a body term (features.ts, headlineSpeaker). Tried and dropped, no gain beyond noise
// on the two ANT dev sets: dropping entity keys the article also writes with ال, and the words of dates.
// Figures (batch path, in order / 5 orders): ANT dev 0.859 / 0.864 [0.859–0.871]; ANT March 0.625 / 0.656
// [0.565–0.737] (was 0.614 / 0.666). A one-at-a-time sweep of nine parameters on both ANT dev sets then found one
// change without a loss on either: mergeThreshold 0.36–0.40 left ANT dev as it is and took ANT March to 0.673 /
// 0.669. Not adopted: the gain is one story's articles on one small set, and the held-out June window, checked
// once with it, moved the other way (0.321 → 0.296: fewer merges, where its errors are stories split apart). The dev sets are small (some 50 gold pairs each): one article moving shifts
// pairwise F1 by 0.01–0.05, so a change is kept only for a reason beyond the figure.
//
// Session 6 (2026-12-02): no number below was retuned (a sweep of five of them on the dev sets was flat within
// noise, with and without the prior). Added, in features.ts and prior.ts:
//  - idf counts a shipped document-frequency prior (4,741 ANT articles before February 2017, none of the windows) on
//    top of the store's own counts: a window grouped on its own took idf from its hundred-odd articles, where an
//    event's own name is common;
//  - a quote headline's speaker weighs as a body term in the lead too and gives no name or phrase keys (with the
//    prior, one guest's answers on two subjects had joined again);
//  - a nisba and the place it names are one term (groupingTerm: الجزائرية/الجزائر).
// Figures (batch path, in order / 5 orders): ANT dev 0.867 / 0.861 (was 0.859 / 0.864); ANT March 0.729 / 0.697
// (was 0.625 / 0.656). Held-out June, checked after each change and never tuned on: 0.321 / 0.332 before, 0.621
// with the prior, 0.583 with the speaker change, 0.639 / 0.635 with the nisba terms.
//
// Session 7 (2026-12-02): no number below was retuned. Added: a headline's dateline ("قفصة : ...", features.ts
// headlineDateline): an article and a story whose headlines open with different places, neither named in the other's
// terms, score dayMismatchFactor of their score and do not merge (ANT March: an arrest in Gafsa and one in Mahdia).
// Stored records keep their norms and weights have six decimals (speed; the figures below moved by one article on
// one path). Figures (batch path, in order / 5 orders): ANT dev 0.867 / 0.861 (unchanged); ANT March 0.735 / 0.705
// (was 0.729 / 0.697). Held-out June, checked once: 0.639 / 0.635, unchanged (one article at a time 0.645, was 0.653,
// from the stored norms: an article's norm is now its probe's, at its arrival).
//
// Session 8 (2026-12-02): the June window became a development set (its errors studied) and a new window
// (February) is held out, grouped by hand before anything changed. Added, with the figures in order / 5 orders
// (ANT May, March, June; before: 0.867/0.861, 0.735/0.705, 0.639/0.635):
//  - the stemmer takes off the ت of a ة before a pronoun (text/stem.ts: مقاطعتها = مقاطعة): March 0.735/0.735;
//  - a dateline must be a listed place (text/places.ts), and a short listed place meets its nisba and its form
//    behind ب or ل (groupingTerm: القطرية، لقطر → قطر): June 0.733/0.733;
//  - titleWeight 3 → 4: May 0.867/0.867, March 0.756/0.756, June 0.757/0.734;
//  - a lower join threshold for stories of three or more articles, falling as they grow (joinThresholdEstablished,
//    joinThresholdSizeSlope), and bridging bounded to stories 12 hours apart (bridgeMaxGapHours): May 0.867/0.861,
//    March 0.756/0.752, June 0.811/0.783.
// Tried and dropped: tanween alef and feminine-past ت off for grouping (flat); كوري → كوريا (rejoins two North
// Korea stories on May); the 12-hour bound on re-check merges (May's 5-order mean fell with any bound).
//
// Session 9 (2026-12-02): the February window became a development set (its errors studied) and a new window (April,
// 13–17 April 2017) is held out, grouped by hand in this session before it was scored. No number below was retuned
// (a sweep of eight of them with the changes below was flat or worse on the pooled dev sets). Added, with the figures
// in order / 5 orders (ANT May, March, June, February; before: 0.867/0.861, 0.735/0.752, 0.858/0.783, 0.671/0.645):
//  - كافة and a detached و are stop words (text/stopwords.ts): March 0.756 in order, the rest flat;
//  - numbers are no grouping terms, only `#` keys (features.ts groupingTerms): May 0.913/0.861;
//  - the re-check takes in a one-article story that would join the grown story by the arrival rule (rejoinSingles,
//    below): May 0.883/0.883, March 0.736/0.736, June 0.910/0.900, February 0.639/0.631 (then held out, checked once);
//  - a quote's speaker is found past a title ("قال القيادي السابق في حزب نداء تونس الطاهر بن حسين"), a listed place is
//    a dateline and never a speaker, a dateline is the place's words only: February 0.681/0.667, the rest unchanged.
// Pooled over the four ANT dev sets: 0.877 / 0.865, BCubed 0.933. Tried and dropped: a score penalty per day between
// an article and a story (flat), a table of frequent broken plurals (أسلحة → سلاح, أطباء → طبيب: February fell to
// 0.600, the doctors' strike and the newborn case joined), ئ and ي as one letter (flat).
// Held-out April, scored once at the end: pairwise 0.419 / 0.419, BCubed 0.910, below the TF-IDF baseline (0.509) and
// at "every article alone" (BCubed 0.913); session 8's code scores 0.448 / 0.458 on it, and this code without
// rejoinSingles 0.448 / 0.458. A sparse window (26 gold pairs in 106 articles) where the errors are a storyline's
// separate happenings joined (as in March and February): the grouper does not generalize to the target.
//
// Session 10 (2026-12-02): the April window became a development set and a new window (24–27 May 2017) is held
// out, grouped by hand before it was scored. No number or rule below changed. Measured:
//  - how far two readers agree: a second annotator, blind to the first grouping and to the grouper, grouped the March
//    and April windows again from the written criteria (eval/data/agreement). Scored against the first: pairwise F1
//    0.950 and 0.941, BCubed 0.985 and 0.989. The target (pairwise 0.90, BCubed 0.95) is within human agreement; the
//    grouper scores 0.700 and 0.426 against the second reader, as against the first (0.736 and 0.419).
//  - a sweep on the five dev sets (entity and phrase weights, bridging and centroid merges off, join thresholds,
//    windowDays 1–4, maxSpanDays 2–3): flat or mixed within the noise of one story (windowDays 1.5 moved May and
//    April by one story each and nothing else: not adopted, no reason beyond the figure).
// Tried in diagnostics and dropped, each because the evidence does not separate the errors from the right joins:
//  - a headline's one Maghreb town as its place when it has no dateline (an accident in Medenine joined one in
//    Gafsa): June's rain, told town by town, split (0.910 → 0.902) and the April pair stayed joined;
//  - content cosine without the names (new-event detection's split of name and topic similarity): over the joins of
//    the five dev sets, wrong and right ones interleave at every value;
//  - a logistic combination of 13 pair features, trained on four windows and tested on the fifth: its average
//    precision was below the plain cosine's on four windows of five;
//  - headline event types (protest, statement, attack, court, …): of the pairs whose headlines have types and share
//    none, 34 are one event and 11 are the grouper's wrong joins;
//  - the lead's first resolved day as the day of the happening: it differs within 241 same-event pairs and 59 wrong joins;
//  - idf from every ANT article published before the window (a store that ran for months) instead of the shipped prior,
//    the same figures within 0.02; the two weeks before it counted five times over (a storyline's words made common):
//    May +0.03, March −0.06;
//  - a member whose cosine with the rest of its story is below a bound leaves it (a k-means-style refinement, simulated
//    on the final groupings): no bound gains without a loss (0.25: March and April +0.02–0.03, June −0.02).
// Held-out late May, scored once at the end with this (session 9's) code: pairwise 0.390 / 0.407 over 5 orders
// (P 0.674, R 0.274: one 20-article story of arrests and the reactions to them is split), BCubed 0.849; every
// article alone 0.780, TF-IDF baseline 0.275 / 0.256.
//
// Session 11 (2026-12-02): the late-May window became a development set (its errors studied) and a new window (8–10
// March 2017) is held out, grouped by hand before it was scored. Removed: bridging (an article that joined one story
// and scored bridgeThreshold 0.34 with a second merged the two, if at most bridgeMaxGapHours 12 apart). Since session
// 9's re-check of one-article stories it changed no grouping of the six ANT dev sets, the seeds or the sample in
// publication order, and without it the 5-order means rose (June 0.900 → 0.907, February 0.667 → 0.688; pooled over
// the six 0.785 → 0.791): two numbers fewer to tune, one story read fewer per candidate. Measured on the dev sets and
// dropped:
//  - late May's 20-article story (the anti-corruption arrests and the reactions to them) is a subject the readers
//    grouped, not a shared wording (a second reader, blind to the first, grouped the whole window exactly as the first:
//    pairwise and BCubed F1 1.000): its members' scores with one another run 0.05–0.25, and left out one at a time,
//    9 of the 20 score below the join threshold against the other 19 while two articles the readers kept apart (the
//    Carthage meeting on the campaign, the confiscation) score above it;
//  - a term's burst (its share of the window's articles over its share of the prior's) raising its idf by
//    β·log2(burst): β 0.1 took late May 0.390 → 0.598 and June 0.910 → 0.924 but May 0.883 → 0.754, March 0.736 →
//    0.676, February 0.681 → 0.609 and April 0.419 → 0.338 (pooled 0.792 → 0.799, BCubed 0.918 → 0.899); larger β lost
//    everywhere: the storyline-wide subject that joins late May's reactions joins April's separate HAICA happenings;
//  - the same boost for terms in at least 5 of the window's headlines (β 0.2): June 0.953 and late May 0.617, but
//    March 0.687, February 0.653 and April 0.361: a storyline's separate happenings share the hot headline word (the
//    weather bulletins and the rain reports, the Djerba airport and the Djerba ferries, the minister's statements);
//  - a lower join threshold (×0.9) for a reaction (a quote headline, or "X تدعو / تعبر / تدعم / تنفي …") to a story of
//    three or more: late May 0.617 but May 0.883 → 0.845 (the Sousse governor's word on municipal elections joined
//    the Algerian elections); with the verb headlines only, one article moved (late May 0.433), nothing else;
//  - a lower join threshold (×0.6–0.8) when the article's headline carries a word (not a place, not a weather
//    bulletin) that half or more of a 3+-article story's headlines carry: late May 0.390 at most 0.481, May 0.777,
//    February 0.611–0.649, June 0.903 (the reactions' headlines name the campaign in too many words: الفساد, الإيقافات,
//    الحملة, الحرب على الفساد);
//  - a last pass at the end of a batch re-scoring every one-article story against the stories in its window: no
//    grouping changed (the re-check of one-article stories already does it as stories grow).
//  - an ablation, without bridging (each rule off, in order; pooled pairwise 0.792): the day/dateline clash 0.732, the
//    prior 0.611, entity keys 0.760, the member comparison 0.747, the size-dependent threshold 0.737, phrase keys 0.785
//    (March and February gain), the centroid merge 0.786 (late May 0.390 → 0.314: it does what bridging did). Only
//    titleWeight 3 gains on the pool (0.801: late May 0.570) and it loses on May, March and April (0.838, 0.677,
//    0.367): the same trade between windows as every number here, so 4 stays.
// Held-out 8–10 March, scored once at the end: pairwise 0.877 in order and in each of the 5 orders (P 0.928, R 0.831),
// BCubed 0.943; every article alone 0.860 BCubed, TF-IDF baseline 0.517 / 0.658. Session 10's code (with bridging)
// scores the same. The best held-out figure so far, and a window like May's: several multi-article happenings
// (the Tunisair brawl, 10 articles; the wage agreement; Women's Day; the Algerian PM's visit), each in its own words.
//
// Session 12 (2026-12-02): no number or rule below changed. Measured and dropped: character 5-grams of the normalized
// headline, lead and body (tf-idf over the window, weighted 4/2/1 as the terms are) as a pair similarity, against the
// grouper's term vectors, by the average precision of ranking every pair of a window's articles by it (same gold story
// first). Terms / 5-grams / their sum: May 0.757 / 0.583 / 0.720, March 0.657 / 0.404 / 0.587, June 0.856 / 0.494 /
// 0.809, February 0.509 / 0.365 / 0.476, April 0.621 / 0.691 / 0.653, late May 0.473 / 0.339 / 0.457: below the
// terms on five windows of six, alone or added (spelling variants are not what splits the stories).
//
// Session 14 (2026-12-04): no number or rule below changed (the eval figures are session 12's). Measured:
//  - the threshold ceiling (eval, "threshold ceiling"): every join and merge threshold scaled by the one factor of
//    0.6–1.5 best for each window alone gives pairwise F1 May 0.883 (×1), March 0.768 (×1.2), June 0.910 (×1), February
//    0.691 (×1.1), April 0.488 (×1.3), late May 0.608 (×0.9). Only June reaches 0.90 with thresholds of its own: the
//    target cannot be met by tuning these numbers, and the windows pull them opposite ways (April up, late May down);
//  - a latent-semantic similarity (LSA: randomized SVD, k 100–300, of the articles' weighted tf-idf vectors, trained on
//    the 4,741 articles before February 2017, or on the whole corpus but the window), ranking every pair of a window's
//    articles (average precision, same gold story first; never the held-out window). The grouper's term cosine: May
//    0.770, March 0.661, June 0.859, February 0.508, April 0.603, late May 0.487 (mean 0.648); with its keys and the
//    weekday/dateline clash 0.714. LSA alone: mean 0.524–0.597, below the terms on May, March and April by 0.09–0.20.
//    Added at 0.25 to the full score: mean 0.719 (late May +0.04, February +0.03, May, March and April −0.01 to −0.03),
//    and only with the leaky whole-corpus training. It raises every pair on one subject: late May's reactions (their
//    pairs' AP 0.612 → 0.666), and April's four separate North Korea happenings (ranked 5–31 of 5,565 pairs, against
//    10–76 by the terms). Dropped: the trade between windows that every signal here has made.

export const STORIES_CONFIG = {
  // ---- article vector ----
  /** Weight of a title term, a lead term (first LEAD_SENTENCES sentences) and a body term. By hand: a
   * headline names the event, the lead says who/where/when, the rest drifts. Checked on the ANT dev set.
   * Session 8: title 3 → 4, the one change of a sweep over the three ANT dev sets that lost on none of them, on
   * either path (3.5–5 are all as good or better: a plateau, not a spike). */
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
  /** A record's idf-weighted norm is cached and reused until the number of documents has grown by this share
   * (then its idf weights may have moved, by at most log(1.02) for a term whose frequency did not grow: the
   * norm is off by well under 1%). Reading a document frequency for every term of every compared record
   * (some 5,000 an article) was most of grouping time and grew with the store. A batch (addBatch) keeps one
   * document count throughout, so there norms are exact; one article at a time, the eval figures did not move. */
  normRefreshRatio: 0.02,
  /** The same for stories outside the article's time window, which can only be linked as related (score
   * relatedThreshold): their cosines may be a few percent high. Chosen for cost: in the bench almost every
   * candidate is an old story. */
  relatedNormRefreshRatio: 0.5,
  /** Stories fully scored per article, best by summed idf of shared keys. */
  maxCandidates: 24,
  /** Of those, the stories outside the article's time window scored for related links (the best voted first),
   * by centroid and pooled keys only. Bench: 23.8 of the 24 candidates an article were outside its window, each a
   * cold record to read. A trade-off: on the first 3,000 ANT articles (one batch) the grouping is the same as
   * when all 24 are scored, and 5,843 related links remain of 7,601 (12: 6,706 and 16: 7,186, at +18% and +32%
   * time per article at 20k stored); seeds: the 23 January summit is still related to the December talks. */
  maxRelatedCandidates: 8,
  /** Most recent members compared one by one (single-link evidence next to the centroid); 0 compares none (it
   * compared all: slice(-0)). ANT dev and March: 0, 1, 3 and 12 give the same pairwise F1 in order (session 7):
   * the stories of a few days' news are small enough that the centroid says what the members say. */
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
  /** A story of at least establishedStorySize articles is joined from joinThresholdEstablished instead: its centroid
   * sums several reports, each with words of its own, so a new report's cosine with it runs lower than with any one
   * of them. Session 8, on the three ANT dev sets (in order / 5 orders): 0.32 took June 0.757/0.734 → 0.771/0.756,
   * left March as it was and May in order (5 orders 0.867 → 0.861); 0.30 took June to 0.834/0.778 but March down to
   * 0.720/0.740 and May to 0.867/0.855, the same trade of granularity between the sets as every threshold. */
  establishedStorySize: 3,
  joinThresholdEstablished: 0.32,
  /** …and lower still as the story doubles, by this much a doubling, down to joinThresholdFloor: the more reports a
   * centroid sums, the broader it is. Session 8: 0.01 took ANT June (its 35-article Gulf boycott) 0.777/0.762 →
   * 0.811/0.783 and left May and March in order as they were (March's 5-order mean 0.756 → 0.752); 0.02 reached
   * 0.896 on June but let a guest's answer on another subject into March's 6-article teachers' story, and 0.015 sits
   * just before that, so 0.01 keeps a margin. The floor: below 0.28 the dev sets' best candidates were mostly other
   * events. */
  joinThresholdSizeSlope: 0.01,
  joinThresholdFloor: 0.28,
  /** An article or story without a date is compared by content alone, with this stricter threshold. */
  joinThresholdUndated: 0.4,
  /** Stories above this score that do not join (outside the window, or below joinThreshold) are related.
   * Seeds: 004 vs the 000–003 story. */
  relatedThreshold: 0.2,
  /** Days around a story's first/last article within which an article may join. Seeds: 000–003 span
   * 1 day, 004 is 24 days later. */
  windowDays: 3,
  /** The longest a story may span (first to last article), in days: without a bound, a storyline covered every
   * few days (daily weather, a long war) chains into one story of years (the 100,000-article API bench store
   * grew a story of 14,588 articles over three years). Later articles start a follow-up story, linked as related.
   * Chosen by hand (an event's coverage rarely runs past two weeks), not tuned: no dev set spans more than 5 days. */
  maxSpanDays: 14,
  /** Added to the window when either side has a bare date (no hour): it may be any time of that day.
   * ANT dev: a 2 May date-only article and its 5 May 13:51 follow-up were 3.08 days apart. */
  dateOnlySlackDays: 0.5,
  /** Re-check: two stories whose centroids reach this cosine (and whose windows touch) are merged. ANT dev: 0.4 → pairwise F1 0.71, 0.32 → 0.80 (in order). */
  mergeThreshold: 0.32,
  /** Re-check, second test: the latest `recheckMembers` members of the changed story are scored against each
   * neighbour story as if they arrived now; one reaching `memberMergeThreshold` merges the two. 0 turns it off. */
  recheckMembers: 0,
  /** Re-check, third test: a one-article story in the window of a story that just grew is scored as if its article
   * arrived now, by the join rule (score and threshold as at arrival, joinThresholdFor the story's size): it joins
   * when it would have joined, had it come after the others. Without it an article's fate depended on whether it came
   * before or after the reports that made a story large (its threshold lower, its centroid broader). Session 9, on the
   * three ANT dev sets (in order / 5 orders): May 0.913/0.861 → 0.883/0.883, March 0.736/0.752 → 0.736/0.736, June
   * 0.860/0.787 → 0.910/0.897: the in-order figures of May and March now equal their 5-order means. The held-out
   * February window, checked once, moved the other way (0.671/0.645 → 0.639/0.631: a guest's answers on three subjects
   * joined his new party's story), which the speaker change then mended. */
  rejoinSingles: true,
  memberMergeThreshold: 0.4,
  /** When the headlines name different weekdays (طقس الثلاثاء vs طقس الخميس), or one is a news roundup
   * (أبرز أخبار الجمعة) and the other not, the score is multiplied by this: daily bulletins share all their
   * words, and a roundup shares some with every event it lists. ANT dev set: weather and daily digests. */
  dayMismatchFactor: 0.3,
  /** A story that ended more than this many days before an article (or starts that long after it) is not scored for a
   * related link: past a season a story that shares an article's words is another event on the same subject (the
   * 10,138 ANT articles grouped in publication order without the bound: 22,620 related links, 12,232 of them over
   * 90 days apart (median 106 days, a tenth over 558): a road-toll statement linked to the 2015 toll, two brothel
   * raids three years apart; with it 14,998, median 32 days, and the same stories). It also bounds what grouping
   * reads: those old stories were cold records to read from a large persisted state (the last 4,000 of the
   * 100,000-article bench store: 133 → 159 articles/s). Chosen by hand, not tuned; the seeds' follow-up is 24 days later. */
  relatedWindowDays: 90,
  /** Related links kept per story. */
  maxRelated: 12,
} as const;

export type StoriesConfig = { -readonly [K in keyof typeof STORIES_CONFIG]: (typeof STORIES_CONFIG)[K] extends number ? number : (typeof STORIES_CONFIG)[K] extends boolean ? boolean : (typeof STORIES_CONFIG)[K] };
