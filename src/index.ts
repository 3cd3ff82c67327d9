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
// Both the text and the analysis stage name an options type AnalyzeOptions: say which is which.
export type { AnalyzeOptions } from './text/index.js';
export type { AnalyzeOptions as StoryAnalyzeOptions } from './analysis/index.js';
// The pipeline object and the assembled story reports.
export { Khabar } from './khabar.js';
export type { KhabarOptions, IngestOptions, IngestCounts, IngestProgress } from './khabar.js';
export { buildStoryReport, buildReport, regroupStore, storyGrouperFor, type GroupingOptions } from './report.js';
export type { StoryReportOptions } from './report.js';
