// bench for quote extraction: articles/s of findQuotes over the whole ANT corpus (10,161 real articles, their text
// as the corpus gives it), one thread, median of 5 passes after a warm-up pass; and the quotes found per article.
// `npm run bench -- quotes`. Goal (issue 23): at least 2,000 articles/s.
import { findQuotes } from '../src/analysis/index.js';
import { median } from './common.js';
import { antPath, antRecords, hasAnt } from '../eval/ant.js';

export async function run(): Promise<void> {
  if (!hasAnt) {
    console.log(`  quotes: skipped, no ANT corpus at ${antPath}`);
    return;
  }
  const texts = antRecords().map((r) => r.text ?? '');
  const chars = texts.reduce((s, t) => s + t.length, 0);
  let quotes = 0;
  for (const t of texts) quotes += findQuotes(t).length; // warm-up, and the count
  const rates: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) findQuotes(t);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(texts.length / s);
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`  quote extraction over the ANT corpus: ${texts.length} articles (${(chars / 1e6).toFixed(1)} M chars), ${quotes} quotes (${(quotes / texts.length).toFixed(2)} per article)`);
  console.log(`    ${Math.round(median(rates))} articles/s on one thread (median of 5 passes; min ${Math.round(Math.min(...rates))}, max ${Math.round(Math.max(...rates))}); goal ≥ 2,000; rss ${rss.toFixed(0)} MB`);
}
