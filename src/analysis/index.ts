// Public surface of the analysis stage: per-story facts, entities, quotes, numbers and timeline.
export { sameName, nameKey, tokenKey, tokenDistance } from './names.js';
export {
  extractEntities, mergeEntities, entityMentions, entityKey, type Mention, type MentionIn, type ArticleEntities, type EntityMention,
} from './entities.js';
export { extractQuotes, type RawQuote } from './quotes.js';
export { findQuotes, speakerMatches, MAX_QUOTE_CHARS, type FoundQuote } from './quotes/index.js';
export {
  analyzeStory, analyzeStoryDetailed, storyFactGroups, extractArticle, extractArticles, extractionKey, combine, EXTRACTION_VERSION,
  type ArticleExtraction, type AnalyzeOptions, type ExtractionCache, type FactGroup, type CombineDetail,
} from './story.js';
export { otherNames } from './name-variants.js';
