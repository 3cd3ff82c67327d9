// The trained recognizer's entities of articles (src/analysis), as pair evidence for eval/stories-pairs.ts: each
// article's distinct entity keys from its headline and first 1,500 characters, and the time it took per article.
import { extractEntities } from '../src/analysis/index.js';
import type { Article } from '../src/types.js';

/** Entity keys per article id; prints the recognizer's median and mean time per article. */
export function entityMentionKeys(articles: Article[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const ms: number[] = [];
  for (const a of articles) {
    const t = performance.now();
    const found = extractEntities(`${a.title ?? ''}\n${a.text.slice(0, 1500)}`);
    ms.push(performance.now() - t);
    out.set(a.id, [...new Set(found.mentions.map((m) => m.key))]);
  }
  ms.sort((x, y) => x - y);
  const mean = ms.reduce((s, x) => s + x, 0) / (ms.length || 1);
  console.log(`  (the recognizer on ${articles.length} articles, headline and 1,500 characters: median ${(ms[ms.length >> 1] ?? 0).toFixed(1)} ms, mean ${mean.toFixed(1)} ms an article)`);
  return out;
}
