import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collect } from './helpers.js';
import { cleanArticle, nonPublicReason } from '../../src/ingest/index.js';

const paragraph = 'أعلن الرئيس الروسي فلاديمير بوتين أن روسيا وتركيا اتفقتا على استمرار التنسيق بين العسكريين والدبلوماسيين لعودة اللاجئين إلى سوريا.';
let server: Server;
let base = '';
const pending = new Set<import('node:http').ServerResponse>();

before(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><head><meta property="og:site_name" content="الميادين"><meta property="og:title" content="قمة بوتين إردوغان"></head><body><article><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`);
        return;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<rss version="2.0"><channel><title>قناة المثال</title><item><title>قمة</title><guid>g1</guid><description>${paragraph}</description></item></channel></rss>`);
        return;
      case '/loop-a': res.writeHead(302, { location: '/loop-b' }); res.end(); return;
      case '/loop-b': res.writeHead(302, { location: '/loop-a' }); res.end(); return;
      case '/hop': res.writeHead(301, { location: '/page' }); res.end(); return;
      case '/slow':
        pending.add(res);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('بداية');
        return; // never ends: the client must time out
      case '/big': {
        res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: the cap is enforced while streaming
        const chunk = Buffer.alloc(64 * 1024, 'ا');
        let sent = 0;
        const pump = (): void => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) { res.once('drain', pump); return; }
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      default:
        res.writeHead(404); res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const res of pending) res.destroy();
  server.closeAllConnections();
  server.close();
});

test('a page by URL: main text, outlet and title from metadata; id = final URL after a redirect', async () => {
  const { articles, problems } = await collect([`${base}/hop`], { allowPrivate: true });
  assert.deepEqual(problems, []);
  assert.equal(articles[0].id, `${base}/page`);
  const a = cleanArticle(articles[0]);
  assert.equal(a.source, 'الميادين');
  assert.equal(a.title, 'قمة بوتين إردوغان');
  assert.equal(a.text, `${paragraph}\n${paragraph}`);
});

test('a feed by URL', async () => {
  const { articles } = await collect([`${base}/feed`], { allowPrivate: true });
  assert.equal(articles.length, 1);
  assert.equal(articles[0].source, 'قناة المثال');
  assert.equal(cleanArticle(articles[0]).text, paragraph);
});

test('a redirect loop is a problem', async () => {
  const { problems } = await collect([`${base}/loop-a`], { allowPrivate: true });
  assert.match(problems[0].reason, /^redirect loop/);
});

test('too many redirects is a problem', async () => {
  const { problems } = await collect([`${base}/hop`], { allowPrivate: true, maxRedirects: 0 });
  assert.match(problems[0].reason, /^too many redirects \(more than 0\)/);
});

test('a server that never finishes: timeout problem', async () => {
  const { problems } = await collect([`${base}/slow`], { allowPrivate: true, timeoutMs: 300 });
  assert.match(problems[0].reason, /^timed out after 300 ms/);
});

test('an oversize streamed body is aborted at the cap', async () => {
  const { problems } = await collect([`${base}/big`], { allowPrivate: true, maxBytes: 100 * 1024 });
  assert.match(problems[0].reason, /exceeds the limit of 102400 bytes \(maxBytes\); download aborted/);
});

test('HTTP errors and non-http schemes are problems', async () => {
  assert.match((await collect([`${base}/missing`], { allowPrivate: true })).problems[0].reason, /^HTTP 404/);
  assert.match((await collect(['ftp://example.com/x.xml'])).problems[0].reason, /only http and https/);
});

test('without allowPrivate, 127.0.0.1 and localhost are refused before any request', async () => {
  const { problems } = await collect([`${base}/page`, `http://localhost:${base.split(':').pop()}/page`]);
  assert.equal(problems.length, 2);
  assert.match(problems[0].reason, /^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/);
  assert.match(problems[1].reason, /^refused: localhost resolves to .*(loopback)/);
});

test('address classification: IPv4, IPv6, and IPv4 embedded in IPv6', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:c0a8:101::1']) {
    assert.ok(nonPublicReason(a), `${a} must be refused`);
  }
  for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(nonPublicReason(a), null, a);
});
