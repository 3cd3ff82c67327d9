// What `khabar watch` remembers between rounds and across restarts, per feed: the validators of its last answer
// (ETag, Last-Modified) for conditional requests, the items already delivered, and its failures for the backoff.
// Kept in a JSON file written whole and renamed into place, so a crash leaves the previous state, never half of one.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  /** Keys of the items delivered (itemKey()), newest last; the oldest are forgotten past SEEN_KEPT. */
  seen: string[];
  /** Failures in a row; 0 after an answer. */
  failures: number;
  /** Not polled before this time (ISO) after a failure, or null. */
  retryAt: string | null;
}

export interface WatchStateFile { version: 1; feeds: Record<string, FeedState> }

/** Item keys kept per feed: a feed lists its latest few dozen items, so this covers months of a busy feed. */
export const SEEN_KEPT = 5000;

export function emptyFeedState(): FeedState {
  return { etag: null, lastModified: null, seen: [], failures: 0, retryAt: null };
}

/** Reads a state file (an empty state when there is none); throws naming the file when it is not one. */
export function loadWatchState(path: string): WatchStateFile {
  if (!existsSync(path)) return { version: 1, feeds: {} };
  let json: unknown;
  try { json = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { throw new Error(`${path}: not a khabar watch state file (${(e as Error).message})`); }
  const s = json as WatchStateFile;
  if (!s || s.version !== 1 || typeof s.feeds !== 'object' || s.feeds === null) throw new Error(`${path}: not a khabar watch state file (version 1)`);
  return s;
}

/** Writes the state atomically (a temporary file renamed over the old one). */
export function saveWatchState(path: string, state: WatchStateFile): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}
