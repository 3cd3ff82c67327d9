import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { dbPath, UsageError } from '../command.js';

const usage = `Usage: khabar migrate [--db PATH|URL]

Brings the database's schema (articles, their sources, stories, entities) up to this version's, one versioned step at a
time, each in its own transaction, and prints each component's version. Every command does this when it
opens a database; run it once before starting several \`khabar serve\` replicas or workers on PostgreSQL.
Two processes migrating at once apply each step once.

Options:
  --db PATH|URL  a SQLite file, or postgres://USER@HOST:PORT/DATABASE[?schema=NAME]
                 (default $KHABAR_DB, else ./khabar.db)`;

export const command: Command = {
  name: 'migrate',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: 'string' } } });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const db = dbPath(values.db, io.env);
    // the store loads once the arguments are known to be good: `khabar migrate --help` does not load it
    const { migrateDatabase } = await import('../../store/index.js');
    let report;
    try {
      report = migrateDatabase(db);
    } catch (e) {
      io.err(`khabar: ${(e as Error).message}`);
      return 1;
    }
    for (const r of report) {
      io.out(`${r.component}: version ${r.version}${r.applied.length ? ` (applied ${r.applied.join(', ')})` : ' (up to date)'}`);
    }
    return 0;
  },
};
