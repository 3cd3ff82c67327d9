import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { INGEST_OPTIONS, INGEST_OPTIONS_USAGE, commandInputs, ingestOptions } from '../ingest-options.js';

const usage = `Usage: khabar summarize INPUT... [--words N] [--json] [--max-bytes N] [--allow-private] [--published DATE] [--source NAME] [--manifest FILE] [--lang ar]

Treats the given articles as one story and prints its summary: one sentence a line, each followed by the
numbers of the articles that carry it ([1][2], as \`khabar story\` cites), then the numbered list of sources. With one input it
summarizes that article. INPUT is a file (.txt .html .json .jsonl .xml feed), a directory, an http(s) URL or -.

Options:
  --words N          word budget (default 100); the summary never exceeds it
  --json             print [{"text", "articles"}] (article ids) instead
${INGEST_OPTIONS_USAGE}

Exit status: 0 ok, 1 some inputs failed (the rest is summarized), 2 usage error.`;

export const command: Command = {
  name: 'summarize',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        words: { type: 'string' },
        json: { type: 'boolean', default: false },
        ...INGEST_OPTIONS,
      },
    });
    let words = 100;
    if (values.words !== undefined) {
      words = Number(values.words);
      if (!Number.isInteger(words) || words <= 0) throw new UsageError(`--words must be a positive integer, not "${values.words}"`);
    }
    const { maxBytes, allowPrivate, fallback, lang } = await ingestOptions(values);
    const { inputs, bad } = await commandInputs(positionals, values, io);
    // the stages load once the arguments are known to be good: `khabar summarize --help` loads none of them
    const [{ readArticles }, { summarize }, { storyFactGroups }] = await Promise.all([
      import('../read-articles.js'), import('../../summary/index.js'), import('../../analysis/index.js'),
    ]);
    const read = await readArticles(inputs, io, { allowPrivate: allowPrivate ?? false, maxBytes, fallback, lang });
    const { articles } = read;
    const failed = read.failed + bad;
    if (!articles.length) {
      io.err('khabar summarize: no article could be read');
      return 1;
    }
    // The same summary a story of these articles gets (src/report.ts): built on the analysis stage's facts, citing
    // what they cite (the facts alone: the quotes, numbers and timeline of a story's report are not printed here).
    const summary = summarize(articles, { words, factGroups: storyFactGroups(articles) });
    if (values.json) {
      io.out(JSON.stringify(summary, null, 2));
    } else {
      const number = new Map(articles.map((a, i) => [a.id, i + 1]));
      for (const s of summary) io.out(`${s.text} ${s.articles.map((id) => `[${number.get(id)}]`).join('')}`);
      if (!summary.length) io.err('khabar summarize: no sentence fits the word budget');
      io.out('');
      articles.forEach((a, i) => {
        const parts = [a.source, a.title, a.published?.slice(0, 10), a.url ?? a.id].filter(Boolean);
        io.out(`[${i + 1}] ${parts.join(' — ')}`);
      });
    }
    return failed ? 1 : 0;
  },
};
