// Every tuned threshold of the text stage, in one place.

export const SENTENCE_LIMITS = {
  /** An opening quote with no closing quote within this many characters is treated as a stray mark. */
  maxQuoteChars: 2000,
};

export const STEM_LIMITS = {
  /** A definite-article prefix (ال وال بال كال فال لل …) is removed only if this many letters remain (Lucene: 2). */
  minAfterArticle: 2,
  /** A bare conjunction و is removed only if this many letters remain (Light-10: 3). */
  minAfterWaw: 3,
  /** A suffix is removed only if this many letters remain (Lucene: 2; 3 keeps حسين, قوات, بيان whole). */
  minAfterSuffix: 3,
};
