import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

const usage = `Usage: khabar entities INPUT... [--json] [--allow-private]

Prints every mention of a person, place or organisation in the given articles, one a line:
  ARTICLE  START  END  TYPE  TEXT  ENTITY
START and END are offsets (UTF-16 code units) into the article's cleaned text (what khabar show prints), TEXT is
that span, TYPE is person, place or org, and ENTITY is the key of the entity the mention belongs to: the variants
of one name across the given articles (جاويش أوغلو, تشاووش أوغلو) share it. A person's title, when one precedes the
name, follows on the same line. INPUT is a file (.txt .html .json .jsonl .xml feed), a directory, an http(s) URL
or -. Mentions come from the trained tagger (data/ner/entities.model), or from the rule layer alone, with a notice,
when that file is absent.

Options:
  --json             print {"mentions": [{"article", "start", "end", "text", "type", "entity", "name", "title"?}],
                     "entities": [{"key", "name", "type", "variants", "articles", "mentions"}]}
  --allow-private    allow URLs on loopback/private networks

Exit status: 0 ok, 1 some inputs failed (the rest is read), 2 usage error.`;

export const command: Command = {
  name: 'entities',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'allow-private': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('give at least one INPUT');
    // the stages load once the arguments are known to be good: `khabar entities --help` loads none of them
    const [{ readArticles }, { entityKey, entityMentions }] = await Promise.all([import('../read-articles.js'), import('../../analysis/index.js')]);
    const { articles, failed } = await readArticles(positionals, io, { allowPrivate: values['allow-private'] });
    if (!articles.length) {
      io.err('khabar entities: no article could be read');
      return 1;
    }
    const { mentions, entities } = entityMentions(articles);
    if (values.json) {
      const keyed = entities.map((e) => ({ key: entityKey(e.name), ...e }));
      io.out(JSON.stringify({ mentions, entities: keyed }, null, 2));
    } else {
      // one line a mention: tabs apart, and no line break inside a field (a name never holds one; a title might)
      const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
      for (const m of mentions) {
        io.out([m.article, m.start, m.end, m.type, field(m.text), m.entity, ...(m.title ? [field(m.title)] : [])].join('\t'));
      }
      if (!mentions.length) io.err('khabar entities: no person, place or organisation found');
    }
    return failed ? 1 : 0;
  },
};
