import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliIO, Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import type { Khabar } from '../../khabar.js';
import { openKhabar } from '../progress.js';
import { terminalSafe } from '../../text/safe-text.js';

const usage = `Usage: khabar show ID [--removed] [--json] [--db PATH]

Prints one stored article: title, outlet, date, URL and the cleaned body. ID is the article's id or the id
of an exact copy from another source (stored once, as this article; listed as its duplicates).

Options:
  --removed   also list the lines cleaning removed, each with its reason
  --json      print the article as JSON (with removed lines and near-duplicate ids)
  --db PATH   the database (default $KHABAR_DB, else ./khabar.db)`;

/** Opens a database that must already exist (reading commands never create an empty one by mistake). */
export async function openExisting(path: string, io: CliIO): Promise<Khabar | null> {
  const { isPostgresUrl } = await import('../../store/index.js');
  if (!isPostgresUrl(path) && !existsSync(path)) {
    io.err(`khabar: ${path}: no such database (run \`khabar ingest INPUT... --db ${path}\` first)`);
    return null;
  }
  return openKhabar(path, io);
}

export const command: Command = {
  name: 'show',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        removed: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one article ID');
    const khabar = await openExisting(dbPath(values.db, io.env), io);
    if (!khabar) return 1;
    try {
      const id = positionals[0];
      const a = khabar.article(id);
      if (!a) {
        io.err(`khabar: ${terminalSafe(id)}: no such article`);
        return 1;
      }
      if (values.json) {
        io.out(JSON.stringify(a, null, 2));
        return 0;
      }
      const lines = [
        a.title ?? '(no title)',
        '',
        `outlet:    ${a.source ?? 'unknown'}`,
        `published: ${a.published ?? 'unknown'}`,
      ];
      if (a.url) lines.push(`url:       ${a.url}`);
      lines.push(`id:        ${a.id}`);
      if (a.duplicates?.length) lines.push(`exact copies stored as this article: ${a.duplicates.join(', ')}`);
      if (a.related?.length) lines.push(`near-duplicates: ${a.related.join(', ')}`);
      lines.push('', a.text);
      if (values.removed) {
        lines.push('', `removed by cleaning (${a.removed.length}):`);
        for (const r of a.removed) lines.push(`  [${r.reason}] ${r.text}`);
      }
      io.out(lines.join('\n'));
      return 0;
    } finally {
      khabar.close();
    }
  },
};
