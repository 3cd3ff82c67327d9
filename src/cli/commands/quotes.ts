import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import type { SpeakerQuote } from '../../report.js';
import { terminalSafe } from '../../text/safe-text.js';
import { checkIsoDate } from '../../text/iso-date.js';
import { openStories } from './stories.js';

const usage = `Usage: khabar quotes INPUT... [--json] [--allow-private]
       khabar quotes --speaker NAME [--from DATE] [--to DATE] [--json] [--db PATH]

Who said what. With INPUTs: every quote in the given articles, one a line:
  ARTICLE  START  END  KIND  CUE  SPEAKER  TEXT
START and END are offsets (UTF-16 code units) of the quote's content in the article's cleaned text (what khabar show
prints), KIND is direct or indirect, CUE the words that report it (قال، مضيفا، وفق ما أفاد به), SPEAKER the source as
the article names it ("-" when none can be named). INPUT is a file (.txt .html .json .jsonl .xml feed), a directory,
an http(s) URL or -.
With --speaker: what that person or body said across the stored stories, newest first, each quote with its date,
speaker, words, and the articles (id and outlet) that carry it. NAME may be part of the speaker's name or another
spelling of it (الجهيناوي، تشاووش أوغلو = جاويش أوغلو).

Options:
  --json             INPUT mode: {"quotes": [{"article", "start", "end", "kind", "cue", "speaker", "text"}]};
                     --speaker mode: {"quotes": [{"date", "speaker", "speakerEntity", "text", "kind", "cue", "story",
                     "articles": [{"id", "source", "published"}], "spans"}]}
  --speaker NAME     list one speaker's quotes from the store
  --from DATE        with --speaker: quotes from articles published on or after DATE (YYYY-MM-DD)
  --to DATE          with --speaker: ... on or before DATE (inclusive)
  --db PATH          the store (default $KHABAR_DB, else ./khabar.db)
  --allow-private    allow URLs on loopback/private networks

Exit status: 0 ok, 1 some inputs failed (the rest is read) or no store, 2 usage error.`;

export const command: Command = {
  name: 'quotes',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        speaker: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        db: { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
      },
    });
    if (values.speaker !== undefined) {
      if (positionals.length) throw new UsageError('give INPUTs or --speaker NAME, not both');
      if (!values.speaker.trim()) throw new UsageError('--speaker needs a name');
      for (const [flag, v] of [['--from', values.from], ['--to', values.to]] as const) {
        const why = v === undefined ? null : checkIsoDate(v);
        if (why) throw new UsageError(`${flag} "${v}": ${why}`);
      }
      return bySpeaker(values.speaker, values.from, values.to, values.json, dbPath(values.db, io.env), io);
    }
    if (values.from || values.to) throw new UsageError('--from and --to go with --speaker');
    if (positionals.length === 0) throw new UsageError('give at least one INPUT, or --speaker NAME');
    // the stages load once the arguments are known to be good: `khabar quotes --help` loads none of them
    const [{ readArticles }, { findQuotes }] = await Promise.all([import('../read-articles.js'), import('../../analysis/index.js')]);
    const { articles, failed } = await readArticles(positionals, io, { allowPrivate: values['allow-private'] });
    if (!articles.length) {
      io.err('khabar quotes: no article could be read');
      return 1;
    }
    const quotes = articles.flatMap((a) => findQuotes(a.text).map((q) => ({ article: a.id, start: q.start, end: q.end, kind: q.kind, cue: q.cue, speaker: q.speaker, text: q.text })));
    if (values.json) io.out(JSON.stringify({ quotes }, null, 2));
    else {
      const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
      for (const q of quotes) io.out([q.article, q.start, q.end, q.kind, field(q.cue), field(q.speaker ?? '-'), field(q.text)].join('\t'));
      if (!quotes.length) io.err('khabar quotes: no quote found');
    }
    return failed ? 1 : 0;
  },
};

type Io = Parameters<Command['run']>[1];

async function bySpeaker(name: string, from: string | undefined, to: string | undefined, json: boolean, db: string, io: Io): Promise<number> {
  const opened = await openStories(db, io);
  if (!opened) return 1;
  const [{ buildStoryReport, newestFirst, speakerQuotes }, { MISSING }] = await Promise.all([import('../../report.js'), import('../../stories/words.js')]);
  try {
    const { khabar, grouper } = opened;
    const out: SpeakerQuote[] = [];
    for (const story of grouper.stories()) {
      const arts = khabar.store.getArticles(story.articles);
      out.push(...speakerQuotes(story.id, buildStoryReport(story, arts), () => arts, name, from, to));
    }
    newestFirst(out);
    if (json) io.out(JSON.stringify({ quotes: out }, null, 2));
    else {
      for (const q of out) {
        io.out(terminalSafe(`${q.date ? q.date.slice(0, 10) : MISSING.date}  ${q.speaker ?? MISSING.speaker}: «${q.text}»`));
        io.out(terminalSafe(`    ${q.articles.map((a) => `${a.id}${a.source ? ` (${a.source})` : ''}`).join('، ')}`));
      }
      if (!out.length) io.err(`khabar quotes: no quote of "${name}" in the store${from || to ? ' for those dates' : ''}`);
    }
    return 0;
  } finally {
    opened.khabar.close();
  }
}
