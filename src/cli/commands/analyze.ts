import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { forEachTerm, type AnalyzeOptions } from '../../text/index.js';

const usage = `Usage: khabar analyze [--stem] [--keep-stopwords] [--count] FILE|-

Prints the terms search and matching see, one per line (like Elasticsearch _analyze): Arabic words in
their normalized form (no harakat or tatweel, أإآ→ا, ى→ي, ة→ه, digits in ASCII), stop words dropped.
Reads the file (or stdin for -) as a stream, so any size works.

Options:
  --stem            light-stem Arabic words (السوريين → سوري)
  --keep-stopwords  keep stop words (في, من, التي …)
  --count           print only the number of terms`;

/** Text is cut at the last whitespace of a chunk; a run longer than this without whitespace is cut anyway. */
const MAX_CARRY = 1 << 22;

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
    const opts: AnalyzeOptions = { stem: values.stem, stopwords: !values['keep-stopwords'] };
    const source: AsyncIterable<Buffer | string> = input === '-'
      ? io.stdin as AsyncIterable<Buffer | string>
      : createReadStream(input, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
    const decoder = new StringDecoder('utf8');
    let total = 0;
    let carry = '';
    const lines: string[] = [];
    const collect = values.count ? null : (t: string): void => { lines.push(t); };
    const flush = (): void => {
      if (lines.length) { io.out(lines.join('\n') + '\n'); lines.length = 0; }
    };
    const analyzeText = (text: string): void => { total += forEachTerm(text, opts, collect); flush(); };
    try {
      for await (const chunk of source) {
        const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
        const cut = lastWhitespace(text);
        if (cut < 0 && text.length < MAX_CARRY) { carry = text; continue; }
        const at = cut < 0 ? text.length : cut + 1;
        analyzeText(text.slice(0, at));
        carry = text.slice(at);
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') {
        io.err(`khabar analyze: cannot read ${input}: ${err.code}`);
        return 1;
      }
      throw e;
    }
    analyzeText(carry + decoder.end());
    if (values.count) io.out(String(total));
    return 0;
  },
};

function lastWhitespace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x20 || c === 0x09 || c === 0x0d) return i;
  }
  return -1;
}
