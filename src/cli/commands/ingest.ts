import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import { ProgressLine, estimateArticles, openKhabar } from '../progress.js';

const usage = `Usage: khabar ingest INPUT... [--db PATH] [--max-bytes N] [--allow-private]

Reads articles from files (.txt .html .json .jsonl .xml feeds), directories, http(s) URLs or - (stdin),
cleans them and stores them with their search index. Running it again on the same inputs stores nothing twice.

Options:
  --db PATH          the database (default $KHABAR_DB, else ./khabar.db)
  --max-bytes N      refuse an input larger than N bytes (default 50 MB)
  --allow-private    allow URLs on loopback/private networks

Every input that fails gets one line "khabar: INPUT: reason" on stderr.
Exit status: 0 all inputs ingested, 1 some failed, 2 usage error.`;

export const command: Command = {
  name: 'ingest',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        'max-bytes': { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('give at least one INPUT');
    let maxBytes: number | undefined;
    if (values['max-bytes'] !== undefined) {
      maxBytes = Number(values['max-bytes']);
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive integer, not "${values['max-bytes']}"`);
    }
    const total = io.isTTY ? await estimateArticles(positionals) : null;
    const khabar = openKhabar(dbPath(values.db, io.env), io);
    const progress = new ProgressLine(io, total);
    try {
      const counts = await khabar.ingest(positionals, {
        maxBytes,
        allowPrivate: values['allow-private'],
        stdin: io.stdin as AsyncIterable<Uint8Array | string>,
        onProblem: (p) => {
          progress.clear();
          io.err(`khabar: ${p.input}: ${p.reason}`);
        },
        onProgress: (p) => progress.update(p.read),
      });
      progress.clear();
      const parts = [`${counts.stored} stored`];
      if (counts.updated) parts.push(`${counts.updated} updated`);
      parts.push(`${counts.duplicates} duplicate${counts.duplicates === 1 ? '' : 's'}`);
      if (counts.nearDuplicates) parts.push(`${counts.nearDuplicates} near-duplicate${counts.nearDuplicates === 1 ? '' : 's'} linked`);
      parts.push(`${counts.failed} failed`);
      io.err(`khabar: ${parts.join(', ')} (${khabar.count()} articles in the database)`);
      return counts.failed > 0 ? 1 : 0;
    } finally {
      khabar.close();
    }
  },
};
