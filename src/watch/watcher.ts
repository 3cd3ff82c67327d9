// Polling a list of feeds in rounds: a conditional request per feed (If-None-Match / If-Modified-Since from the last
// answer), one request at a time per host with a minimum gap between them, a failing feed backed off for more rounds
// each time, and the items not delivered before handed to a sink (the store, or a job queue). A feed's state is saved
// only after its items are delivered: a crash in between fetches them again, and the store keeps each article once.
import { createHash } from 'node:crypto';
import type { RawArticle } from '../types.js';
import { articlesOfFetched, isProblem, safeFetch, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, type Fetched } from '../ingest/index.js';
import type { WatchedFeed } from './feeds.js';
import { emptyFeedState, saveWatchState, SEEN_KEPT, type FeedState, type WatchStateFile } from './state.js';

/** Where new items go: returns how many were new to the sink (stored, or enqueued). */
export type WatchSink = (items: RawArticle[], feed: WatchedFeed) => Promise<number> | number;

export interface WatchOptions {
  /** Time between the starts of two rounds, ms. */
  everyMs: number;
  /** Least time between two requests to one host, ms (default 1 s). */
  gapMs?: number;
  /** Hosts polled at once (default 4). */
  hosts?: number;
  timeoutMs?: number;
  maxBytes?: number;
  allowPrivate?: boolean;
  /** The state file; the state is kept in memory only when absent. */
  statePath?: string;
}

export interface FeedOutcome {
  feed: WatchedFeed;
  kind: 'new' | 'unchanged' | 'failed' | 'waiting';
  /** New items delivered ('new'). */
  items: number;
  /** Why it failed, and when it is tried again ('failed'). */
  reason?: string;
  retryAt?: string | null;
  /** Items of the document that could not be read (a bad entry of a feed), each with the reason. */
  problems: string[];
}

export interface RoundReport { round: number; outcomes: FeedOutcome[]; newItems: number; unchanged: number; failed: number; waiting: number }

/** The longest a failing feed waits, in rounds. */
const MAX_BACKOFF_ROUNDS = 32;

/** A delivered item's key: its id and its content, so an item the outlet corrects is delivered again. */
export function itemKey(item: RawArticle): string {
  return createHash('sha256').update(JSON.stringify([item.id ?? null, item.title ?? null, item.text ?? null, item.html ?? null, item.published ?? null])).digest('base64url').slice(0, 22);
}

/** "1 h 5 min", "40 s": how long until a retry, for the round line. */
export function formatDelay(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export class Watcher {
  private rounds = 0;
  private readonly lastRequest = new Map<string, number>();
  private stopping = false;

  constructor(private readonly feeds: WatchedFeed[], private readonly state: WatchStateFile, private readonly sink: WatchSink, private readonly opts: WatchOptions) {}

  /** Asks the watcher to stop: answers still arriving are not delivered, and no new request starts. */
  stop(): void {
    this.stopping = true;
  }

  get stopped(): boolean {
    return this.stopping;
  }

  /** Polls every feed due once; resolves when each host's feeds are done. */
  async round(now: () => number = Date.now): Promise<RoundReport> {
    const round = ++this.rounds;
    const byHost = new Map<string, WatchedFeed[]>();
    for (const f of this.feeds) {
      const host = new URL(f.url).host;
      byHost.set(host, [...(byHost.get(host) ?? []), f]);
    }
    const outcomes = new Map<WatchedFeed, FeedOutcome>();
    const queue = [...byHost.entries()];
    const lanes = Array.from({ length: Math.min(this.opts.hosts ?? 4, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [host, feeds] = next;
        for (const feed of feeds) {
          if (this.stopping) return;
          const st = this.feedState(feed);
          if (st.retryAt && Date.parse(st.retryAt) > now()) {
            outcomes.set(feed, { feed, kind: 'waiting', items: 0, retryAt: st.retryAt, problems: [] });
            continue;
          }
          // Politeness: one request at a time per host (this lane owns the host) and a gap between two.
          const wait = (this.lastRequest.get(host) ?? -Infinity) + (this.opts.gapMs ?? 1000) - now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (this.stopping) return;
          try {
            outcomes.set(feed, await this.poll(feed, st, now));
          } finally {
            this.lastRequest.set(host, now());
          }
        }
      }
    });
    await Promise.all(lanes);
    const list = this.feeds.flatMap((f) => (outcomes.has(f) ? [outcomes.get(f)!] : []));
    return {
      round,
      outcomes: list,
      newItems: list.reduce((n, o) => n + o.items, 0),
      unchanged: list.filter((o) => o.kind === 'unchanged').length,
      failed: list.filter((o) => o.kind === 'failed').length,
      waiting: list.filter((o) => o.kind === 'waiting').length,
    };
  }

  private feedState(feed: WatchedFeed): FeedState {
    return (this.state.feeds[feed.url] ??= emptyFeedState());
  }

  private save(): void {
    if (this.opts.statePath) saveWatchState(this.opts.statePath, this.state);
  }

  /** Counts a failure: the feed is tried again at the next round the first time, then after 2, 4, ... rounds. */
  private backOff(st: FeedState, now: () => number): void {
    st.failures++;
    const rounds = Math.min(2 ** (st.failures - 1), MAX_BACKOFF_ROUNDS);
    // A little early, so the round that falls due is not missed by a few milliseconds.
    st.retryAt = new Date(now() + rounds * this.opts.everyMs - Math.min(this.opts.everyMs / 2, 1000)).toISOString();
    this.save();
  }

  private async poll(feed: WatchedFeed, st: FeedState, now: () => number): Promise<FeedOutcome> {
    let fetched: Fetched;
    try {
      fetched = await safeFetch(feed.url, {
        maxBytes: this.opts.maxBytes ?? DEFAULT_MAX_BYTES,
        allowPrivate: this.opts.allowPrivate ?? false,
        timeoutMs: this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRedirects: DEFAULT_MAX_REDIRECTS,
        conditional: { etag: st.etag, lastModified: st.lastModified },
      });
    } catch (e) {
      this.backOff(st, now);
      return { feed, kind: 'failed', items: 0, reason: (e as Error).message, retryAt: st.retryAt, problems: [] };
    }
    if (this.stopping) return { feed, kind: 'unchanged', items: 0, problems: [] };
    st.failures = 0;
    st.retryAt = null;
    if (fetched.notModified) {
      this.save();
      return { feed, kind: 'unchanged', items: 0, problems: [] };
    }
    const seen = new Set(st.seen);
    const fresh: { item: RawArticle; key: string }[] = [];
    const problems: string[] = [];
    let read = 0;
    for (const x of articlesOfFetched(fetched, feed.url)) {
      if (isProblem(x)) { problems.push(x.reason); continue; }
      read++;
      const key = itemKey(x);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push({ item: feed.outlet ? { ...x, source: feed.outlet } : x, key });
    }
    if (problems.length && !read) {
      // Nothing readable at all (an error page, a broken feed): a failure, backed off like one.
      this.backOff(st, now);
      return { feed, kind: 'failed', items: 0, reason: problems.join('; '), retryAt: st.retryAt, problems: [] };
    }
    let delivered = 0;
    try {
      if (fresh.length) delivered = await this.sink(fresh.map((f) => f.item), feed);
    } catch (e) {
      // Not delivered (the store or the queue failed): not remembered either, so the next try delivers them.
      this.backOff(st, now);
      return { feed, kind: 'failed', items: 0, reason: `the new items could not be stored: ${(e as Error).message}`, retryAt: st.retryAt, problems };
    }
    // Only now, with the items delivered, are they remembered and the validators kept.
    st.seen = [...st.seen, ...fresh.map((f) => f.key)].slice(-SEEN_KEPT);
    st.etag = fetched.etag ?? null;
    st.lastModified = fetched.lastModified ?? null;
    this.save();
    return { feed, kind: delivered > 0 ? 'new' : 'unchanged', items: delivered, problems };
  }
}

/** The round's line for stderr: counts, then one line per failed feed and per unreadable item. */
export function roundLines(r: RoundReport, at: Date, now = Date.now()): string[] {
  const parts = [`${r.newItems} new article${r.newItems === 1 ? '' : 's'}`, `${r.unchanged} feed${r.unchanged === 1 ? '' : 's'} unchanged`, `${r.failed} failed`];
  if (r.waiting) parts.push(`${r.waiting} waiting after failures`);
  const lines = [`khabar watch: round ${r.round} at ${at.toISOString().slice(11, 19)}Z: ${parts.join(', ')}`];
  for (const o of r.outcomes) {
    if (o.kind === 'failed') lines.push(`khabar watch: ${o.feed.url}: ${o.reason} (tried again in ${formatDelay(Date.parse(o.retryAt!) - now)})`);
    for (const p of o.problems) lines.push(`khabar watch: ${o.feed.url}: ${p}`);
  }
  return lines;
}
