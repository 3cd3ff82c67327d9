// Quote extraction and speaker attribution for one article (see extract.ts), and the cue tables it reads.
export { findQuotes, ruleQuotes, MAX_QUOTE_CHARS, type FoundQuote } from './extract.js';
export { defaultQuoteModel, defaultQuoteModelPath, readQuoteModel, type QuoteModel } from './learned.js';
export { fold as foldArabic } from './cues.js';
export { speakerMatches } from './speaker.js';
