// Choosing which stories a list shows (khabar stories): by date, outlet and size, sorted by recency or size, cut to a
// limit. Plain data in and out, so the CLI and any other list share one meaning of each filter.
import type { Story } from '../types.js';

export type StoryOrder = 'recent' | 'size';

export interface StorySelection {
  /** Stories whose span reaches this date or later (the last article on or after it): ISO date, month or year. */
  from?: string;
  /** Stories that began on or before this date (inclusive: `2017-01` includes all of January). */
  to?: string;
  /** Stories with at least one article of this outlet (its name as stored). */
  source?: string;
  /** Stories of at least this many articles. */
  minArticles?: number;
  /** recent: latest article first (the grouper's order); size: most articles, then most outlets, then recent. */
  sort?: StoryOrder;
  limit?: number;
}

/** `iso` compared with a bound on the bound's own length, so a day, a month or a year bounds the whole of it. */
function prefix(iso: string, bound: string): string {
  return iso.slice(0, bound.length);
}

/** Latest article first (as instants: dates carry their own UTC offsets), undated stories last. */
function recentFirst(a: Story, b: Story): number {
  const la = a.last ? Date.parse(a.last) : -Infinity, lb = b.last ? Date.parse(b.last) : -Infinity;
  return (lb > la ? 1 : lb < la ? -1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function largestFirst(a: Story, b: Story): number {
  return b.articles.length - a.articles.length || b.sources.length - a.sources.length || recentFirst(a, b);
}

/**
 * The stories that pass every filter, sorted, and how many passed before the limit cut them. An undated story
 * (grouped by content alone) passes no date bound: nothing says when it happened.
 */
export function selectStories(stories: readonly Story[], q: StorySelection): { stories: Story[]; matched: number } {
  const { from, to, source, minArticles } = q;
  const kept = stories.filter((s) => {
    if (minArticles !== undefined && s.articles.length < minArticles) return false;
    if (source !== undefined && !s.sources.includes(source)) return false;
    if (from !== undefined) {
      const last = s.last ?? s.first;
      if (!last || prefix(last, from) < from) return false;
    }
    if (to !== undefined) {
      const first = s.first ?? s.last;
      if (!first || prefix(first, to) > to) return false;
    }
    return true;
  });
  if (q.sort === 'size') kept.sort(largestFirst);
  else if (q.sort === 'recent') kept.sort(recentFirst);
  return { stories: q.limit === undefined ? kept : kept.slice(0, q.limit), matched: kept.length };
}
