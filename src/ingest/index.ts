// Public surface of the ingest stage: reading inputs into raw articles, cleaning them into Articles,
// and near-duplicate signatures. Thresholds are in config.ts.
export { readInputs, isProblem, articlesOfFetched } from './inputs.js';
export type { InputProblem, ReadOptions } from './inputs.js';
export { cleanArticle, cleanBody, contentHash, splitTitle, CleaningContext, articleKey } from './clean.js';
export { articleOrigin, pathIds } from './origin.js';
export { readEntries, readManifest } from './manifest.js';
export type { Manifest, ManifestEntry } from './manifest.js';
export type { ArticleOrigin } from './origin.js';
export { minhash, lshBands, estimateSimilarity, containment, shingleHashes } from './minhash.js';
export { NEAR_DUPLICATE_THRESHOLD, SHARED_PASSAGE_THRESHOLD, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './config.js';
export { canonicalSource, OUTLETS } from './outlets.js';
export { toIsoDate } from './html.js';
export type { ExtractedHtml } from './html.js';
export { extractHtmlAsync, ExtractPool } from './extract-pool.js';
export type { Outlet } from './outlets.js';
export { decodeBytes } from './decode.js';
export { nonPublicReason, safeFetch, type Fetched, type FetchOptions } from './fetch.js';
export { dropNonHttpUrl, nonHttpUrlReason } from './url.js';
