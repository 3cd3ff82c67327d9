#!/usr/bin/env node
// khabar's command line: a thin layer over the library. Exit codes: 0 ok, 1 some inputs failed, 2 usage error.
import type { Command, CliIO } from './command.js';
import { UsageError } from './command.js';
import { command as demo } from './commands/demo.js';
import { command as ingest } from './commands/ingest.js';
import { command as search } from './commands/search.js';
import { command as show } from './commands/show.js';
import { command as report } from './commands/report.js';
import { command as analyze } from './commands/analyze.js';
import { command as stories } from './commands/stories.js';
import { command as story } from './commands/story.js';
import { command as summarize } from './commands/summarize.js';
import { command as serve } from './commands/serve.js';

export const commands: Command[] = [demo, ingest, search, show, report, stories, story, summarize, analyze, serve];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'khabar — Arabic news from many outlets, grouped into stories you can check.',
    '',
    'Usage: khabar COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `khabar COMMAND --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out('khabar 0.1.0');
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`khabar: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`khabar ${name}: ${e.message}\n\n${cmd.usage}`);
      return 2;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      io.err(`khabar ${name}: ${(e as Error).message}\n\n${cmd.usage}`);
      return 2;
    }
    io.err(`khabar ${name}: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

const io: CliIO = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  stdin: process.stdin,
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

// Run only when executed, not when imported by tests.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2), io).then((code) => { process.exitCode = code; });
}
