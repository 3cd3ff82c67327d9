import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import type { AnalyzeOptions } from '../../text/index.js';

const usage = `Usage: khabar analyze [--stem] [--keep-stopwords] [--count] FILE|-

Prints the terms search and matching see, one per line (like Elasticsearch _analyze): Arabic words in
their normalized form (no harakat or tatweel, أإآ→ا, ى→ي, ة→ه, digits in ASCII), stop words dropped.
Reads the file (or stdin for -) as a stream, so any size works.

Options:
  --stem            light-stem Arabic words (السوريين → سوري)
  --keep-stopwords  keep stop words (في, من, التي …)
  --count           print only the number of terms`;

/** Bytes analyzed at a time; a run this long without whitespace is cut anyway (between characters). */
const WINDOW = 1 << 22;

export const command: Command = {
  name: 'analyze',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stem: { type: 'boolean', default: false },
        'keep-stopwords': { type: 'boolean', default: false },
        count: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give one FILE, or - for stdin');
    const input = positionals[0]!;
    // the stages load once the arguments are known to be good: `khabar analyze --help` loads none of them
    const { forEachTerm } = await import('../../text/index.js');
    const opts: AnalyzeOptions = { stem: values.stem, stopwords: !values['keep-stopwords'] };
    let total = 0;
    const lines: string[] = [];
    const collect = values.count ? null : (t: string): void => { lines.push(t); };
    // Input goes through one fixed window, cut at its last ASCII whitespace (never inside a UTF-8
    // sequence) and analyzed as bytes: no string of the input is built and nothing is allocated per chunk.
    const window = Buffer.allocUnsafe(WINDOW);
    let filled = 0;
    const analyzeWindow = (final: boolean): void => {
      let at = final ? filled : lastWhitespace(window, filled) + 1;
      if (at === 0) {
        if (filled < WINDOW) return; // wait for more input
        at = charBoundary(window, filled); // a whole window without whitespace: cut between characters
      }
      total += forEachTerm(window.subarray(0, at), opts, collect);
      if (lines.length) { io.out(lines.join('\n') + '\n'); lines.length = 0; }
      window.copyWithin(0, at, filled);
      filled -= at;
    };
    try {
      if (input === '-') {
        for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          for (let p = 0; p < bytes.length;) {
            const n = bytes.copy(window, filled, p);
            filled += n;
            p += n;
            analyzeWindow(false);
          }
        }
      } else {
        const fd = openSync(input, 'r');
        try {
          for (;;) {
            const n = readSync(fd, window, filled, WINDOW - filled, null);
            if (n === 0) break;
            filled += n;
            analyzeWindow(false);
          }
        } finally {
          closeSync(fd);
        }
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') {
        io.err(`khabar analyze: cannot read ${input}: ${err.code}`);
        return 1;
      }
      throw e;
    }
    analyzeWindow(true);
    if (values.count) io.out(String(total));
    return 0;
  },
};

function lastWhitespace(b: Buffer, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    const c = b[i];
    if (c === 0x0a || c === 0x20 || c === 0x09 || c === 0x0d) return i;
  }
  return -1;
}

/** Start of the last (possibly incomplete) UTF-8 sequence of b, so that a forced cut splits no character. */
function charBoundary(b: Buffer, end: number): number {
  let j = end - 1;
  while (j > 0 && (b[j]! & 0xc0) === 0x80) j--;
  return j > 0 ? j : end;
}
