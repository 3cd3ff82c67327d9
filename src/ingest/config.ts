// Every tuned threshold of the ingest stage, in one place, each with what it was tuned on.

/** Default cap on one input's size (file or HTTP body). Configurable per call through ReadOptions.maxBytes. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Default HTTP timeout for one fetch (connect + body), and redirect cap. */
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

/** MinHash: number of hash functions, shingle size in words, LSH bands × rows (BANDS * ROWS = HASHES). */
export const MINHASH_HASHES = 128;
export const SHINGLE_WORDS = 3;
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/**
 * Estimated Jaccard similarity of 3-word shingle sets above which two articles are near-duplicates
 * (the same copy lightly edited). Tuned on the seeds and on lightly edited copies of them (see test/ingest
 * and eval/ingest.ts): one seed against itself with a few words changed / paragraphs dropped scores 0.6-0.95,
 * while 000 vs 001 (two outlets rewriting the same agency copy) scores about 0.1 and unrelated seeds < 0.02.
 * With 32 bands of 4 rows, a pair at 0.5 becomes an LSH candidate with probability 1-(1-0.5^4)^32 = 0.87,
 * a pair at 0.6 with 0.98.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/**
 * Containment (share of the smaller text's shingles found in the other) above which two articles "share a
 * passage" of agency copy even when the whole articles differ. Seeds: 001 in 000 = 0.62 (the Lavrov and Trump
 * agency sentences), same-event seeds otherwise 0.03-0.10, unrelated seeds (000/004, 002/004) <= 0.02;
 * sample corpus same-story pairs 0.17-0.52.
 */
export const SHARED_PASSAGE_THRESHOLD = 0.15;

/** A line recurring in at least this many articles of one outlet, and at most this many words, is boilerplate. */
export const RECURRING_MIN_ARTICLES = 3;
export const RECURRING_MAX_WORDS = 20;

/** Lines of at most this many words may be captions / labels / prompts; longer lines are always body text. */
export const CAPTION_MAX_WORDS = 30;
export const SECTION_LABEL_MAX_WORDS = 4;
/** A first line of a .txt file is a title when it has at most this many words and does not end like a sentence. */
export const TITLE_MAX_WORDS = 25;

/**
 * Bounds of an HTML page given to the DOM (linkedom) and Readability, whose time grows faster than the page:
 * past any of them the linear scan's text is the article (src/ingest/html-scan.ts). Readability took 0.16 s at
 * 100 nested levels, 0.5 s at 300 and 2.6 s at 1,000, and about 1 s for 2,000 to 5,000 elements on a loaded
 * 2-core machine; linkedom's parser is quadratic in depth (6.5 s at 100,000 levels). Lighthouse calls a page of
 * more than 1,500 elements excessive; article pages nest 15-60 levels, and their HTML is well under 2 MB.
 */
export const DOM_MAX_DEPTH = 200;
export const DOM_MAX_ELEMENTS = 5_000;
export const DOM_MAX_CHARS = 2_000_000;
/**
 * HTML nested deeper, or with more elements, is refused: no article page comes near, and the linear scan stops
 * there instead of reading 50 MB of tags (a million elements scan in about 0.5 s).
 */
export const HTML_MAX_DEPTH = 10_000;
export const HTML_MAX_ELEMENTS = 1_000_000;

/**
 * Extraction in worker threads (extractHtmlAsync, used by the server): workers at most, and the time limits of
 * the DOM attempt and of the linear scan tried after it. A page within the DOM bounds takes under 1 s and the
 * scan of 50 MB about 1 s on a loaded 2-core machine; a page past both limits is refused.
 */
export const EXTRACT_WORKERS = 2;
export const EXTRACT_DOM_TIMEOUT_MS = 1_500;
export const EXTRACT_LINEAR_TIMEOUT_MS = 3_000;

/**
 * Longest article text accepted, in characters: 20 times the longest of the ANT corpus's 10,161 articles (9,851).
 * A longer "article" (a 50 MB dump on one line) is refused with a message rather than cut: a cut would store text
 * the source never published as one article, and every later stage's cost grows with an article's length.
 */
export const MAX_ARTICLE_CHARS = 200_000;
/** Longest title kept, in characters (ANT's longest is 106); a longer one is cut at a word and ends with "…". */
export const MAX_TITLE_CHARS = 300;
