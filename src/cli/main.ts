#!/usr/bin/env node
// khabar's command line: a thin layer over the library. Exit codes: 0 ok, 1 some inputs failed, 2 usage error.
import type { Command, CliIO } from './command.js';
import { UsageError } from './command.js';
import { terminalSafe, terminalSafeLines } from '../text/safe-text.js';

interface CommandEntry {
  name: string;
  /** One line for `khabar --help`. */
  summary: string;
  load: () => Promise<Command>;
}

// Commands load on first use: `khabar --help` or `khabar search` should not pay for the HTML parser,
// the web server and the analysis tables (each module graph costs hundreds of ms to load).
export const commands: CommandEntry[] = [
  { name: 'demo', summary: 'ingest the bundled sample corpus and print its stories', load: async () => (await import('./commands/demo.js')).command },
  { name: 'ingest', summary: 'read, clean and store articles (files, directories, URLs, -)', load: async () => (await import('./commands/ingest.js')).command },
  { name: 'watch', summary: 'poll feeds continuously; store and group new articles as they arrive', load: async () => (await import('./commands/watch.js')).command },
  { name: 'worker', summary: 'take ingest jobs from a queue and store their articles', load: async () => (await import('./commands/worker.js')).command },
  { name: 'jobs', summary: 'show the ingest queue and its dead letters', load: async () => (await import('./commands/jobs.js')).command },
  { name: 'search', summary: 'Arabic-aware search of stored articles', load: async () => (await import('./commands/search.js')).command },
  { name: 'show', summary: 'print one stored article (and what cleaning removed)', load: async () => (await import('./commands/show.js')).command },
  { name: 'report', summary: 'ingest inputs and print the report (articles, stories) as JSON', load: async () => (await import('./commands/report.js')).command },
  { name: 'stories', summary: 'list the stories (articles grouped by event)', load: async () => (await import('./commands/stories.js')).command },
  { name: 'regroup', summary: 'group every stored article into stories again with this version', load: async () => (await import('./commands/regroup.js')).command },
  { name: 'story', summary: 'show one story: summary, facts, numbers, quotes, timeline, entities', load: async () => (await import('./commands/story.js')).command },
  { name: 'summarize', summary: 'print a cited summary of articles taken as one story', load: async () => (await import('./commands/summarize.js')).command },
  { name: 'entities', summary: 'print every person, place and organisation mentioned in articles', load: async () => (await import('./commands/entities.js')).command },
  { name: 'quotes', summary: 'print who said what in articles, or what one speaker said across the stored stories', load: async () => (await import('./commands/quotes.js')).command },
  { name: 'analyze', summary: 'print the analyzed terms of a text (normalized, optionally stemmed)', load: async () => (await import('./commands/analyze.js')).command },
  { name: 'serve', summary: 'serve the HTTP API and the Arabic web page', load: async () => (await import('./commands/serve.js')).command },
  { name: 'migrate', summary: 'bring a database\'s schema (SQLite or PostgreSQL) up to this version', load: async () => (await import('./commands/migrate.js')).command },
];

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
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`khabar: unknown command "${terminalSafe(name)}"\n\n${help()}`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage);
    return 0;
  }
  // (loaded here: `khabar --help` loads no module it does not use)
  await (await import('./tiering.js')).tuneForCommand(name);
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
    // A failure (a database that cannot be opened, a server that does not answer) is told by its message; the stack
    // is for a developer, on request.
    const debug = process.env.KHABAR_DEBUG === '1';
    io.err(`khabar ${name}: ${debug ? (e as Error).stack ?? String(e) : (e as Error).message ?? String(e)}${debug ? '' : ' (KHABAR_DEBUG=1 shows where it failed)'}`);
    return 1;
  }
}

// Everything printed goes through terminalSafeLines: a file name, id or title holding ESC, C1 or a bidi override
// shows it escaped instead of acting on the terminal; printers escape line breaks inside one-line fields themselves.
const io: CliIO = {
  out: (s) => process.stdout.write(terminalSafeLines(s.endsWith('\n') ? s : s + '\n')),
  err: (s) => process.stderr.write(terminalSafeLines(s.endsWith('\n') ? s : s + '\n')),
  status: (s) => process.stderr.write(s),
  stdin: process.stdin,
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

// Run only when executed, not when imported by tests.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `khabar stories --json | head`: the reader went away; what was written is all it wanted (as cat does).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), io).then((code) => { process.exitCode = code; });
}
