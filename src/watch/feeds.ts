// The list of feeds `khabar watch` polls: one http(s) URL a line, optionally followed by the outlet's name;
// blank lines and lines starting with # are skipped.

export interface WatchedFeed {
  url: string;
  /** The outlet of every article of this feed (overrides the channel title), or null. */
  outlet: string | null;
}

export interface FeedList { feeds: WatchedFeed[]; problems: string[] }

/** Parses a feeds file; `name` names it in problems (each names its line). A URL listed twice is polled once. */
export function parseFeedList(text: string, name: string): FeedList {
  const feeds: WatchedFeed[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [first, ...rest] = line.split(/\s+/);
    let url: URL;
    try { url = new URL(first!); } catch { problems.push(`${name}:${i + 1}: not a URL: ${first}`); return; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') { problems.push(`${name}:${i + 1}: only http and https URLs are watched, not ${url.protocol}`); return; }
    if (seen.has(url.href)) return;
    seen.add(url.href);
    feeds.push({ url: url.href, outlet: rest.join(' ').trim() || null });
  });
  return { feeds, problems };
}
