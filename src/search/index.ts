// Public surface of the search stage: Arabic-aware analysis of articles and queries, ranked search, snippets.
export { indexText, analyzeQuery, searchStem, SEARCH_INDEX_VERSION, type QueryOptions } from './analyzer.js';
export { countMatches, countMatchesAsync, searchArticles, searchArticlesAsync, type SearchHit, type SearchOptions } from './search.js';
export { makeSnippet, markSnippet, SNIPPET_WORDS, type Snippet } from './snippet.js';
export { foldVariant } from './variants.js';
