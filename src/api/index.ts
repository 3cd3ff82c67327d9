// Public surface of the api stage: the HTTP server (JSON API, OpenAPI document, web page) over a KhabarSource.
export { buildServer, CSP, DEFAULT_BODY_LIMIT, type ServerOptions } from './server.js';
export type { KhabarSource, StoryListQuery, StorySort, Page, SearchHit as ApiSearchHit, SnippetPart, EntitySummary, IngestOutcome, ArticleView } from './source.js';
export { ApiError, type ErrorCode } from './errors.js';
export { openApiDocument } from './openapi.js';
export { entityId } from './entity-id.js';
export { warmUpReports, type WarmUp, type WarmUpOptions } from './warm-up.js';
