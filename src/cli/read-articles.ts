// Reading and cleaning the INPUTs of a command that works on articles without storing them (summarize, entities):
// each input that cannot be read or cleaned gets one line naming it and the reason, and the rest is still read.
import type { Article, RawArticle } from '../types.js';
// The ingest modules reading uses, not ../ingest/index.js: that also loads the worker pool, minhash and the fetcher.
import { isProblem } from '../ingest/inputs.js';
import { CleaningContext, cleanArticle } from '../ingest/clean.js';
import { articleOrigin } from '../ingest/origin.js';
import { readEntries, type ManifestEntry } from '../ingest/manifest.js';
import type { CliIO } from './command.js';
import { terminalSafe } from '../text/safe-text.js';

/** The cleaned articles of the inputs (an article named twice once), and how many inputs failed. */
export async function readArticles(inputs: (string | ManifestEntry)[], io: CliIO, opts: { allowPrivate: boolean; maxBytes?: number; fallback?: RawArticle['fallback']; lang?: string }): Promise<{ articles: Article[]; failed: number }> {
  const articles: Article[] = [];
  const ids = new Set<string>();
  const sources = new Set<string>();
  let failed = 0;
  const ctx = new CleaningContext();
  for await (const item of readEntries(inputs, { allowPrivate: opts.allowPrivate, maxBytes: opts.maxBytes, stdin: io.stdin as AsyncIterable<Uint8Array | string> })) {
    if (isProblem(item)) { io.err(`khabar: ${terminalSafe(item.input)}: ${terminalSafe(item.reason)}`); if (!item.warning) failed++; continue; }
    const x: RawArticle = opts.fallback ? { ...item, fallback: { ...opts.fallback, ...item.fallback } } : item;
    try {
      // The same source named twice is read once; two sources with one id (a/1.txt, b/1.txt) are two articles.
      const origin = articleOrigin(x);
      if (sources.has(origin.key)) continue;
      const a = cleanArticle(x, ctx);
      sources.add(origin.key);
      const where = x.origin ?? x.id ?? 'input';
      const primary = a.lang.toLowerCase().split(/[-_]/)[0];
      if (opts.lang && primary !== opts.lang) {
        io.err(`khabar: ${where}: not used: its language is "${a.lang}", not "${opts.lang}" (--lang)`);
        continue;
      }
      if (primary !== 'ar') io.err(`khabar: ${where}: used, but its text is not Arabic (language "${a.lang}"); --lang ar skips such articles`);
      const id = [a.id, ...origin.ids].find((c) => !ids.has(c)) ?? nextFree(a.id, ids);
      ids.add(id);
      articles.push(id === a.id ? a : { ...a, id });
    } catch (e) {
      io.err(`khabar: ${terminalSafe(x.origin ?? x.id ?? 'input')}: ${terminalSafe((e as Error).message)}`);
      failed++;
    }
  }
  return { articles, failed };
}

/** `id~2`, `id~3`, …: the first not in `taken` (the store's rule for an id another source has). */
function nextFree(id: string, taken: Set<string>): string {
  for (let n = 2; ; n++) if (!taken.has(`${id}~${n}`)) return `${id}~${n}`;
}
