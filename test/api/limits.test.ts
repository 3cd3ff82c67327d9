// What a request may carry: every id the schemas accept is reachable (an article fetched from a URL with a long
// Arabic slug has such an id), an address or headers over the limits get the API's error shape and security
// headers, and a posted field of the wrong type is refused by name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CSP } from '../../src/api/index.js';
import { TOKEN, openFixture, type Fixture } from '../web/fixture.js';

let fx: Fixture;
before(async () => { fx = await openFixture(); });
after(async () => { await fx?.close(); });

const auth = { authorization: `Bearer ${TOKEN}` };

/** An article address with a 300-character Arabic slug, as `khabar ingest URL` takes it for the id. */
const slug = 'وزيرا-خارجية-تارانيا-وكوروفيا-يتفقان-في-فيينا-على-وقف-شامل-لإطلاق-النار-في-إقليم-سلفان-الحدودي-يدخل-حيز-التنفيذ-عند-منتصف-ليل-الأحد';
const longId = `https://www.example.com/news/2026/03/14/${(slug + '-').repeat(3).slice(0, 300)}`;

function assertSecured(headers: Record<string, unknown>, what: string): void {
  assert.equal(headers['content-security-policy'], CSP, `${what}: CSP`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(headers['referrer-policy'], 'no-referrer', `${what}: referrer policy`);
}

test('an article whose id is a URL with a 300-character Arabic slug is reachable, and so are its story\'s citation links', async () => {
  const text = (await fx.app.inject('/api/articles/rafid-20260314-vienna-ceasefire')).json().text as string;
  const posted = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { id: longId, source: 'موقع المثال', published: '2026-03-14T20:00:00+03:00', text: `${text}\n\nوتابع مراسلنا أن الوفدين غادرا فيينا مساء اليوم.` } });
  assert.equal(posted.statusCode, 200, posted.body);
  assert.deepEqual(posted.json().ids, [longId]);
  const path = encodeURIComponent(longId);
  assert.ok(path.length > 1500, `the address is long: ${path.length}`);
  const api = await fx.app.inject(`/api/articles/${path}`);
  assert.equal(api.statusCode, 200, api.body);
  assert.equal(api.json().id, longId);
  assert.equal((await fx.app.inject(`/articles/${path}`)).statusCode, 200);
  const storyId = api.json().story.id as string;
  const page = (await fx.app.inject(`/stories/${encodeURIComponent(storyId)}`)).body;
  const links = [...page.matchAll(/href="(\/articles\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  assert.ok(links.some((l) => decodeURIComponent(l.slice('/articles/'.length)) === longId), 'the story page cites it');
  for (const l of links) assert.equal((await fx.app.inject(l)).statusCode, 200, l);
});

test('an id longer than any khabar gives: 400 or 414 in the error shape, with the security headers', async () => {
  const over = await fx.app.inject(`/api/articles/${'%D8%A7'.repeat(3000)}`);
  assert.equal(over.statusCode, 400);
  assert.match(over.json().error.message, /params\/id must NOT have more than 2000 characters/);
  assertSecured(over.headers, '400');
  const r = await fx.app.inject(`/api/articles/${'%D8%A7'.repeat(30_000)}`);
  assert.equal(r.statusCode, 414);
  assert.equal(r.json().error.code, 'uri_too_long');
  assertSecured(r.headers, '414');
  const html = await fx.app.inject(`/articles/${'%D8%A7'.repeat(30_000)}`);
  assert.equal(html.statusCode, 414);
  assert.match(String(html.headers['content-type']), /text\/html/);
  assertSecured(html.headers, '414 page');
});

test('headers over 16 KB: 431 in the error shape, with the security headers', async () => {
  await fx.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fx.app.server.address() as AddressInfo;
  const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/stories', headers: { 'x-padding': 'x'.repeat(20_000) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(answer.status, 431);
  assert.equal(JSON.parse(answer.body).error.code, 'headers_too_large');
  assertSecured(answer.headers, '431');
});

test('a posted field of the wrong type is refused with 400 naming the field, not stored as text', async () => {
  const one = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: 123 } });
  assert.equal(one.statusCode, 400, one.body);
  assert.equal(one.json().error.code, 'invalid_request');
  assert.match(one.json().error.message, /body\/text must be string/);
  const inArray = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: [{ text: 'نص الخبر هنا.', title: 5 }] });
  assert.equal(inArray.statusCode, 400);
  assert.match(inArray.json().error.message, /body\/0\/title must be string/);
  const published = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: 'نص الخبر هنا.', published: 20260314 } });
  assert.match(published.json().error.message, /body\/published must be string/);
  // The query string is still read as text: ?async=true is the boolean it asks for.
  const asynchronous = await fx.app.inject({ method: 'POST', url: '/api/articles?async=true', headers: auth, payload: { id: 'async-typed', source: 'مصدر', text: 'قال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث ملف المياه.' } });
  assert.equal(asynchronous.statusCode, 202, asynchronous.body);
});
