// khabar's library API. The CLI, the HTTP API and the web page are thin layers over these exports.
// Each stage's public surface is its folder's index.ts.
export type * from './types.js';
export * from './text/index.js';
export * from './ingest/index.js';
export * from './store/index.js';
export * from './search/index.js';
export * from './stories/index.js';
export * from './analysis/index.js';
export * from './summary/index.js';
