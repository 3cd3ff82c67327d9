import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import type { Khabar } from '../../khabar.js';
import { checkDate, positiveInteger } from '../option-values.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar search QUERY [--json] [--source S] [--from DATE] [--to DATE] [--limit N] [--db PATH]

Searches stored articles. Arabic-aware: diacritics, hamza/alef, yaa and taa marbuta forms, attached
particles and light inflection are matched (السوريين finds السوريون; أمريكية finds أميركية).
Every word is required; write OR between words to accept either. A quoted phrase ("وقف إطلاق النار" or
«…») matches its words next to each other, in order. Spellings of a name in the press find each other
(ترمب, ترامب), and a name finds its entity under its other names (داعش finds تنظيم الدولة الإسلامية): the
listed names of organisations and places, and the spellings the store's entity index merged (built by
\`khabar serve\`). Matched words are shown in [brackets]. Other operators are plain text.

Options:
  --source S      only articles of this outlet
  --from DATE     published on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY; an impossible day is refused)
  --to DATE       published on or before DATE (inclusive)
  --limit N       at most N results (default 20)
  --json          print {query, hits:[{id, score, title, source, published, lead, snippet, passage}]};
                  lead is the article's opening words (for an article without a title);
                  passage.highlights are [start, end) offsets of matched words in passage.text
  --db PATH       the database (default $KHABAR_DB, else ./khabar.db)`;

export const command: Command = {
  name: 'search',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        source: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
      },
    });
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('give a QUERY');
    const limit = positiveInteger('--limit', values.limit) ?? 20;
    checkDate('--from', values.from);
    checkDate('--to', values.to);
    // the stages load once the arguments are known to be good: `khabar search --help` loads none of them
    const [{ openExisting }, { otherNames }, { entityStateFor }] = await Promise.all([
      import('./show.js'), import('../../analysis/name-variants.js'), import('../../store/sqlite-entities.js'),
    ]);
    const khabar: Khabar | null = await openExisting(dbPath(values.db, io.env), io);
    if (!khabar) return 1;
    try {
      // the entity index lives in the store's file; a file this process cannot write (its tables not made yet) has
      // none to read, and the listed names still apply
      let index: ReturnType<typeof entityStateFor> | null = null;
      try { index = entityStateFor(khabar.store); } catch { index = null; }
      const variants = (name: string) => otherNames(name, index);
      const hits = khabar.search(query, { source: values.source, from: values.from, to: values.to, limit, variants });
      if (values.json) {
        io.out(JSON.stringify({ query, hits }, null, 2));
        return 0;
      }
      if (hits.length === 0) {
        io.err(`khabar: no article matches "${terminalSafe(query)}"`);
        return 0;
      }
      for (const h of hits) {
        const meta = [h.source, h.published?.slice(0, 10)].filter(Boolean).join(' · ');
        io.out(`${terminalSafe(h.id)}  ${terminalSafe(h.title ?? h.lead)}${meta ? '  [' + terminalSafe(meta) + ']' : ''}\n    ${terminalSafe(h.snippet)}\n`);
      }
      return 0;
    } finally {
      khabar.close();
    }
  },
};
