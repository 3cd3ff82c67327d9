// Public surface of the watch stage: polling feeds in rounds (conditional requests, per-host politeness,
// backoff), its persisted state, and the feeds file.
export { parseFeedList, type FeedList, type WatchedFeed } from './feeds.js';
export { loadWatchState, saveWatchState, emptyFeedState, SEEN_KEPT, type FeedState, type WatchStateFile } from './state.js';
export { Watcher, itemKey, roundLines, formatDelay, type FeedOutcome, type RoundReport, type WatchOptions, type WatchSink } from './watcher.js';
