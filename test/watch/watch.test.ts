// `khabar watch` against a real local HTTP server serving real Arabic RSS: conditional requests answered 304 after a
// restart, one request at a time per host, a 500, a timeout and a 100 MB body each reported while the other feeds are
// stored and grouped; Ctrl-C stops the command cleanly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { storyGrouperFor } from '../../src/report.js';
import { loadWatchState, parseFeedList, roundLines, Watcher, type WatchSink } from '../../src/watch/index.js';
import { repoRoot } from '../helpers/shared.js';
import { FEEDS, startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
let dir: string;
before(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'khabar-watch-'));
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const good = () => [`${server.base}${FEEDS.nakheel}`, `${server.base}${FEEDS.rafid} وكالة الرافد للأنباء`, `${server.base}${FEEDS.shurfa}`];
const bad = () => [`${server.base}${FEEDS.broken}`, `${server.base}${FEEDS.slow}`, `${server.base}${FEEDS.huge}`];

test('the feeds file: URL and optional outlet per line, comments, bad lines named', () => {
  const list = parseFeedList('# feeds\nhttps://a.example/rss.xml  قناة النخيل الإخبارية\n\nftp://x.example/f\nnot a url\nhttps://a.example/rss.xml\n', 'feeds.txt');
  assert.deepEqual(list.feeds, [{ url: 'https://a.example/rss.xml', outlet: 'قناة النخيل الإخبارية' }]);
  assert.deepEqual(list.problems, ['feeds.txt:4: only http and https URLs are watched, not ftp:', 'feeds.txt:5: not a URL: not']);
});

test('a round stores the new items, reports each failing feed, and a restart asks conditionally and stores nothing again', { timeout: 120_000 }, async () => {
  const db = join(dir, 'lib.db');
  const statePath = join(dir, 'lib.state.json');
  const feeds = parseFeedList([...good(), ...bad()].join('\n'), 'feeds').feeds;
  const khabar = Khabar.open({ db });
  try {
    const sink: WatchSink = (items) => { const c = khabar.storeArticles(items); return c.stored + c.updated; };
    // A 2 MB limit: the 100 MB body is refused after 2 MB of it, however slow the machine (the limit is the point, not the size).
    const opts = { everyMs: 60_000, gapMs: 10, timeoutMs: 1500, maxBytes: 2 * 1024 * 1024, allowPrivate: true, statePath };
    const first = await new Watcher(feeds, loadWatchState(statePath), sink, opts).round();
    assert.equal(first.newItems, 2 + 4 + 2);
    assert.equal(first.failed, 3);
    const reason = (path: string) => first.outcomes.find((o) => o.feed.url.endsWith(path))!.reason ?? '';
    assert.match(reason(FEEDS.broken), /HTTP 500/);
    assert.match(reason(FEEDS.slow), /timed out after 1500 ms/);
    assert.match(reason(FEEDS.huge), /exceeds the limit of 2\.0 MB \(maxBytes\); download aborted/);
    const lines = roundLines(first, new Date());
    assert.match(lines[0]!, /round 1 at .*: 8 new articles, 0 feeds unchanged, 3 failed/);
    assert.equal(lines.filter((l) => l.includes(FEEDS.broken) && /tried again in/.test(l)).length, 1);
    assert.equal(khabar.count(), 8);
    // The outlet named in the feeds file names every article of that feed.
    assert.equal(khabar.articles().filter((a) => a.source === 'وكالة الرافد للأنباء').length, 4);
    // One host, one request at a time.
    assert.equal(server.maxConcurrent, 1);
    // Grouped: the sample stories (floods, rail, Vienna, prisoners) form from what arrived.
    const stories = storyGrouperFor(khabar).stories();
    const vienna = stories.find((s) => s.articles.includes('https://nakheel.example/news/2026/03/14/vienna-ceasefire'))!;
    assert.ok(vienna.articles.includes('rafid-20260314-vienna-ceasefire') && vienna.articles.includes('shurfa-20260315-vienna-ceasefire'), JSON.stringify(vienna.articles));

    // A restart: the state file gives the validators, so the two feeds that have them answer 304.
    server.log.length = 0;
    const second = await new Watcher(feeds, loadWatchState(statePath), sink, opts).round();
    assert.equal(second.newItems, 0);
    assert.equal(second.unchanged, 3);
    assert.equal(second.waiting, 3, 'the failed feeds wait for their backoff');
    assert.deepEqual(server.log.map((l) => `${l.path} ${l.status} ${l.conditional}`).sort(),
      [`${FEEDS.nakheel} 304 true`, `${FEEDS.rafid} 304 true`, `${FEEDS.shurfa} 200 false`]);
    assert.equal(khabar.count(), 8);
  } finally {
    khabar.close();
  }
});

test('khabar watch: a line per round on stderr, Ctrl-C stops cleanly, a restart re-fetches nothing it has', { timeout: 120_000 }, async () => {
  const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  const feedsFile = join(dir, 'feeds.txt');
  writeFileSync(feedsFile, `# sample outlets\n${good().join('\n')}\n${server.base}${FEEDS.broken}\n`);
  const db = join(dir, 'cli.db');
  const child = spawn(process.execPath, [bin, 'watch', feedsFile, '--every', '1h', '--gap', '10ms', '--allow-private', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => { stderr += d; if (/round 1 .*\n/.test(stderr)) resolve(); });
    child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  assert.equal(code, 0, stderr);
  assert.match(stderr, /round 1 at .*: 8 new articles, 0 feeds unchanged, 1 failed/);
  assert.match(stderr, /broken\.xml: HTTP 500 Internal Server Error \(tried again in/);
  assert.match(stderr, /khabar watch: stopped/);
  assert.ok(existsSync(`${feedsFile}.state.json`));
  assert.equal(Object.keys(JSON.parse(readFileSync(`${feedsFile}.state.json`, 'utf8')).feeds).length, 4);

  const again = spawn(process.execPath, [bin, 'watch', feedsFile, '--once', '--allow-private', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err2 = '';
  again.stderr.setEncoding('utf8');
  again.stderr.on('data', (d: string) => { err2 += d; });
  const code2 = await new Promise<number | null>((r) => again.once('exit', (c) => r(c)));
  // The failed feed waits for its backoff (an hour): nothing failed this round, and nothing was new.
  assert.equal(code2, 0, err2);
  assert.match(err2, /round 1 at .*: 0 new articles, 3 feeds unchanged, 0 failed, 1 waiting after failures/);
});
