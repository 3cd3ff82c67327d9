// Reading and cleaning the INPUTs of a command that works on articles without storing them (summarize, entities):
// each input that cannot be read or cleaned gets one line naming it and the reason, and the rest is still read.
import type { Article } from '../types.js';
import { CleaningContext, cleanArticle, isProblem, readInputs } from '../ingest/index.js';
import type { CliIO } from './command.js';

/** The cleaned articles of the inputs (an article named twice once), and how many inputs failed. */
export async function readArticles(inputs: string[], io: CliIO, opts: { allowPrivate: boolean }): Promise<{ articles: Article[]; failed: number }> {
  const articles: Article[] = [];
  const ids = new Set<string>();
  let failed = 0;
  const ctx = new CleaningContext();
  for await (const x of readInputs(inputs, { allowPrivate: opts.allowPrivate, stdin: io.stdin as AsyncIterable<Uint8Array | string> })) {
    if (isProblem(x)) { io.err(`khabar: ${x.input}: ${x.reason}`); if (!x.warning) failed++; continue; }
    try {
      const a = cleanArticle(x, ctx);
      if (ids.has(a.id)) continue; // the same article named twice
      ids.add(a.id);
      articles.push(a);
    } catch (e) {
      io.err(`khabar: ${x.origin ?? x.id ?? 'input'}: ${(e as Error).message}`);
      failed++;
    }
  }
  return { articles, failed };
}
