// DNS rebinding (issue 27 item 6): a host name is resolved once per hop, the answer checked, and the connection
// made to that very address. A resolver is given in the options (a real function, as dns.lookup is), so a name
// can answer one address and then another, as a rebinding server's DNS does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { collect } from '../ingest/helpers.js';
import { SAMPLE_PAGE, SAMPLE_SENTENCE } from './corpus.js';

let server: Server;
let port = 0;
const hits: string[] = [];

before(async () => {
  const page = readFileSync(SAMPLE_PAGE, 'utf8');
  server = createServer((req, res) => {
    hits.push(`${req.headers.host} ${req.url}`);
    if (req.url === '/moved') {
      res.writeHead(302, { location: `http://second.example:${port}/page` });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A resolver that gives each name's answers in turn (the last one again), and records every question. */
function turningResolver(answers: Record<string, string[]>, asked: string[]) {
  const turn = new Map<string, number>();
  return async (host: string) => {
    asked.push(host);
    const list = answers[host];
    if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    const i = turn.get(host) ?? 0;
    turn.set(host, i + 1);
    const address = list[Math.min(i, list.length - 1)];
    return [{ address, family: 4 }];
  };
}

test('the fetch connects to the address the check saw: one resolution, then the connection to that answer', async () => {
  hits.length = 0;
  const asked: string[] = [];
  // First answer loopback (allowed here), any later one an unroutable documentation address.
  const resolve = turningResolver({ 'first.example': ['127.0.0.1', '203.0.113.9'] }, asked);
  const { articles, problems } = await collect([`http://first.example:${port}/page`], { allowPrivate: true, resolve, timeoutMs: 5_000 });
  assert.deepEqual(problems, []);
  assert.ok(String(articles[0].html).includes(SAMPLE_SENTENCE));
  assert.deepEqual(asked, ['first.example']);
  // The Host header (and a TLS name) is the URL's; only the address is pinned.
  assert.deepEqual(hits, [`first.example:${port} /page`]);
});

test('a name that answers a public address to the check and loopback after it never reaches loopback', async () => {
  hits.length = 0;
  const asked: string[] = [];
  const resolve = turningResolver({ 'rebind.example': ['203.0.113.9', '127.0.0.1'] }, asked);
  const { articles, problems } = await collect([`http://rebind.example:${port}/page`], { resolve, timeoutMs: 500 });
  assert.equal(articles.length, 0);
  assert.equal(problems.length, 1);
  // The connection went to 203.0.113.9 (unroutable: a timeout or a network error), never to this server.
  assert.match(problems[0].reason, /^(timed out after 500 ms|fetch failed: E[A-Z]+)/);
  assert.deepEqual(asked, ['rebind.example']);
  assert.deepEqual(hits, []);
});

test('every redirect hop is resolved once, checked and pinned; loopback refused there too', async () => {
  hits.length = 0;
  const asked: string[] = [];
  const resolve = turningResolver({ 'first.example': ['127.0.0.1'], 'second.example': ['127.0.0.1'] }, asked);
  const ok = await collect([`http://first.example:${port}/moved`], { allowPrivate: true, resolve });
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(asked, ['first.example', 'second.example']);
  assert.deepEqual(hits, [`first.example:${port} /moved`, `second.example:${port} /page`]);
  // Without allowPrivate the first hop is refused before any connection.
  hits.length = 0;
  const refused = await collect([`http://first.example:${port}/moved`], { resolve });
  assert.match(refused.problems[0].reason, /^refused: first\.example resolves to 127\.0\.0\.1, a loopback address/);
  assert.deepEqual(hits, []);
});
