import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, dbPath } from '../command.js';
import { openKhabar, groupingProgress } from '../progress.js';
import { parseDuration } from '../duration.js';
import { ingestOptions } from '../ingest-options.js';
import type { WatchSink } from '../../watch/index.js';
import type { Khabar } from '../../khabar.js';
import type { IngestQueue } from '../../queue/index.js';

const usage = `Usage: khabar watch FEEDS.txt [--every 10m] [--db PATH] [--state PATH] [--gap 1s] [--timeout 15s]
                    [--max-bytes N] [--allow-private] [--once] [--queue URL]

Polls the feeds and pages listed in FEEDS.txt (one http(s) URL a line, optionally followed by the outlet's
name, which then names the outlet of every article of that feed; # starts a comment) in rounds, and stores
and groups into stories the articles it has not seen before. Requests are conditional (ETag, Last-Modified):
a feed that has not changed answers 304 and sends nothing. One request at a time goes to a host, with a gap
between two; a feed that fails is tried again at the next round, then after 2, 4, ... up to 32 rounds.
After each round one line on stderr says how many articles were new, how many feeds were unchanged and
how many failed, then one line per failure with the reason. Ctrl-C stops it after the article being
stored; the state file keeps what was fetched, so a restart re-fetches nothing it has.

Options:
  --every D          time between the starts of two rounds (default 10m; 30s, 10m, 1h)
  --db PATH          the database (default $KHABAR_DB, else ./khabar.db)
  --state PATH       the watch state: validators and items seen per feed (default FEEDS.txt.state.json)
  --gap D            least time between two requests to one host (default 1s)
  --timeout D        longest a request may take, connect and body (default 15s)
  --max-bytes N      refuse a response larger than N bytes (default 50 MB)
  --allow-private    allow URLs on loopback/private networks
  --once             poll once and exit (status 1 when a feed failed)
  --queue URL        enqueue the new articles for \`khabar worker\`s (redis://host:6379[/db][?prefix=NAME])
                     instead of storing them; the round line then counts the articles enqueued`;

export const command: Command = {
  name: 'watch',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        every: { type: 'string', default: '10m' },
        db: { type: 'string' },
        state: { type: 'string' },
        gap: { type: 'string', default: '1s' },
        timeout: { type: 'string', default: '15s' },
        'max-bytes': { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        once: { type: 'boolean', default: false },
        queue: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give one FEEDS file');
    const feedsPath = positionals[0]!;
    const everyMs = parseDuration(values.every!, '--every');
    const gapMs = parseDuration(values.gap!, '--gap');
    const timeoutMs = parseDuration(values.timeout!, '--timeout');
    const { maxBytes } = await ingestOptions({ 'max-bytes': values['max-bytes'] });
    // the stages load once the arguments are known to be good: `khabar watch --help` loads none of them
    const [{ storyGrouperFor }, { loadWatchState, parseFeedList, roundLines, Watcher }] = await Promise.all([import('../../report.js'), import('../../watch/index.js')]);
    let text: string;
    try { text = readFileSync(feedsPath, 'utf8'); } catch (e) {
      io.err(`khabar: ${feedsPath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      return 1;
    }
    const list = parseFeedList(text, feedsPath);
    for (const p of list.problems) io.err(`khabar: ${p}`);
    if (!list.feeds.length) { io.err(`khabar: ${feedsPath}: no feed to watch`); return 1; }
    const statePath = values.state ?? `${feedsPath}.state.json`;
    const state = loadWatchState(statePath);

    const db = dbPath(values.db, io.env);
    let queue: IngestQueue | null = null;
    if (values.queue) {
      const { checkQueueUrl } = await import('../queue-ingest.js');
      checkQueueUrl(values.queue);
      const q = await import('../../queue/index.js');
      try { await q.checkReachable(q.parseQueueUrl(values.queue)); } catch (e) { io.err(`khabar: ${(e as Error).message}`); return 1; }
      queue = new q.IngestQueue(values.queue);
      queue.queue.on('error', () => undefined); // a failed add names the reason in the round's failure line
    }
    const khabar: Khabar | null = queue ? null : await openKhabar(db, io);
    let storedThisRound = 0;
    const sink: WatchSink = async (items, feed) => {
      if (queue) {
        await queue.addArticles(feed.url, items, { allowPrivate: values['allow-private'] });
        return items.length;
      }
      const counts = khabar!.storeArticles(items, { onProblem: (p) => io.err(`khabar watch: ${feed.url}: ${p.input}: ${p.reason}`) });
      storedThisRound += counts.stored + counts.updated;
      return counts.stored + counts.updated;
    };
    const watcher = new Watcher(list.feeds, state, sink, { everyMs, gapMs, timeoutMs, maxBytes, allowPrivate: values['allow-private'], statePath });

    let wake: (() => void) | null = null;
    const onSignal = (): void => {
      if (watcher.stopped) process.exit(130); // a second Ctrl-C: at once
      io.err('khabar watch: stopping (Ctrl-C again to quit at once)');
      watcher.stop();
      wake?.();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let failedLast = 0;
    try {
      io.err(`khabar watch: ${list.feeds.length} feed${list.feeds.length === 1 ? '' : 's'}, a round every ${values.every}, into ${values.queue ? 'the queue' : db}`);
      for (;;) {
        const started = Date.now();
        storedThisRound = 0;
        const report = await watcher.round();
        for (const line of roundLines(report, new Date(started))) io.err(line);
        failedLast = report.failed;
        // New articles are grouped at once, so `khabar stories` or a `khabar serve` beside shows them.
        if (khabar && storedThisRound > 0) {
          const progress = groupingProgress(io, db);
          try { storyGrouperFor(khabar, progress); } finally { progress.done(); }
        }
        if (values.once || watcher.stopped) break;
        const wait = started + everyMs - Date.now();
        if (wait > 0) {
          let timer: NodeJS.Timeout | undefined;
          await new Promise<void>((r) => { wake = r; timer = setTimeout(r, wait); });
          clearTimeout(timer);
        }
        wake = null;
        if (watcher.stopped) break;
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      khabar?.close();
      await queue?.close();
    }
    if (watcher.stopped) io.err('khabar watch: stopped');
    return values.once && failedLast > 0 ? 1 : 0;
  },
};
