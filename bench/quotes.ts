// bench for quote extraction: articles/s of findQuotes over the ANT corpus as eval/ant.ts reads it (9,318 real
// articles outside the held-out days, their text as the corpus gives it), one thread, median of 5 passes after a
// warm-up pass; and the quotes found per article. `npm run bench -- quotes`. Goal (issue 23): at least 2,000 articles/s.
// On a loaded machine the passes swing widely; KHABAR_BENCH_QUOTES_AGAINST=path/to/another/quotes/index.js alternates
// passes of that build's findQuotes with this one's and prints the ratio of their medians, which load hardly moves.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findQuotes } from '../src/analysis/index.js';
import { median } from './common.js';
import { antPath, antRecords, hasAnt } from '../eval/ant.js';

type Find = (text: string) => unknown[];

export async function run(): Promise<void> {
  if (!hasAnt) {
    console.log(`  quotes: skipped, no ANT corpus at ${antPath}`);
    return;
  }
  const texts = antRecords().map((r) => r.text ?? '');
  const chars = texts.reduce((s, t) => s + t.length, 0);
  let quotes = 0;
  for (const t of texts) quotes += findQuotes(t).length; // warm-up, and the count
  const pass = (f: Find): number => {
    const t0 = process.hrtime.bigint();
    for (const t of texts) f(t);
    return texts.length / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  const against = process.env.KHABAR_BENCH_QUOTES_AGAINST;
  const other = against ? ((await import(pathToFileURL(resolve(against)).href)) as { findQuotes: Find }).findQuotes : null;
  if (other) pass(other); // its warm-up
  const rates: number[] = [], others: number[] = [];
  for (let p = 0; p < 5; p++) {
    rates.push(pass(findQuotes));
    if (other) others.push(pass(other));
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`  quote extraction over the ANT corpus: ${texts.length} articles (${(chars / 1e6).toFixed(1)} M chars), ${quotes} quotes (${(quotes / texts.length).toFixed(2)} per article)`);
  console.log(`    ${Math.round(median(rates))} articles/s on one thread (median of 5 passes; min ${Math.round(Math.min(...rates))}, max ${Math.round(Math.max(...rates))}); goal ≥ 2,000; rss ${rss.toFixed(0)} MB`);
  if (other) console.log(`    against ${against}: ${Math.round(median(others))} articles/s; this build ${(median(rates) / median(others)).toFixed(2)}x (passes alternated)`);
}
