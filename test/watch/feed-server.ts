// A real local HTTP server for the watch and queue tests, serving real Arabic RSS: the sample corpus's feed of
// قناة النخيل as written (with an ETag), and the sample articles of two other outlets as RSS (one with
// Last-Modified, one with no validator at all), beside feeds that fail: a 500, one that never answers, and a
// 100 MB body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

const corpus = join(repoRoot, 'samples', 'corpus');

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of the sample corpus's JSON articles whose file name starts with `prefix`. */
export function sampleRss(prefix: string): { xml: string; items: number } {
  const files = readdirSync(corpus).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();
  const items = files.map((f) => {
    const a = JSON.parse(readFileSync(join(corpus, f), 'utf8')) as { id: string; title: string; text: string; source: string; url: string; published: string };
    const body = a.text.split(/\n+/).map((p) => `<p>${escape(p)}</p>`).join('\n');
    return `<item><title>${escape(a.title)}</title><link>${escape(a.url)}</link><guid>${escape(a.id)}</guid><pubDate>${a.published}</pubDate><source>${escape(a.source)}</source><description><![CDATA[${body}]]></description></item>`;
  });
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${prefix}</title>${items.join('\n')}</channel></rss>`, items: files.length };
}

export interface FeedServer {
  base: string;
  /** Requests per path, with the status answered. */
  log: { path: string; status: number; conditional: boolean }[];
  /** Most requests in progress at once. */
  maxConcurrent: number;
  close(): Promise<void>;
}

/** The feeds served: path → [content, validator]. */
export const FEEDS = {
  nakheel: '/nakheel.xml',   // samples/corpus/feed.xml, 2 items, ETag
  rafid: '/rafid.xml',       // 4 items, Last-Modified
  shurfa: '/shurfa.xml',     // 2 items, no validator
  broken: '/broken.xml',     // 500
  slow: '/slow.xml',         // never answers
  huge: '/huge.xml',         // 100 MB body
} as const;

export async function startFeedServer(): Promise<FeedServer> {
  const nakheel = readFileSync(join(corpus, 'feed.xml'));
  const rafid = sampleRss('rafid').xml;
  const shurfa = sampleRss('shurfa').xml;
  const lastModified = 'Sun, 15 Mar 2026 10:00:00 GMT';
  const hanging = new Set<ServerResponse>();
  let active = 0;
  const state: FeedServer = { base: '', log: [], maxConcurrent: 0, close: async () => undefined };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    active++;
    state.maxConcurrent = Math.max(state.maxConcurrent, active);
    res.on('close', () => { active--; });
    const path = req.url ?? '/';
    const note = (status: number): void => { state.log.push({ path, status, conditional: Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']) }); };
    switch (path) {
      case FEEDS.nakheel:
        if (req.headers['if-none-match'] === '"nakheel-v1"') { note(304); res.writeHead(304, { etag: '"nakheel-v1"' }); res.end(); return; }
        note(200); res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"nakheel-v1"' }); res.end(nakheel); return;
      case FEEDS.rafid:
        if (req.headers['if-modified-since'] === lastModified) { note(304); res.writeHead(304); res.end(); return; }
        note(200); res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'last-modified': lastModified }); res.end(rafid); return;
      case FEEDS.shurfa:
        note(200); res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }); res.end(shurfa); return;
      case FEEDS.broken:
        note(500); res.writeHead(500, { 'content-type': 'text/plain' }); res.end('internal error'); return;
      case FEEDS.slow:
        note(0); hanging.add(res); return;
      case FEEDS.huge: {
        note(200);
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = (): void => {
          while (sent < 100 && !res.destroyed) {
            sent++;
            if (!res.write(chunk)) { res.once('drain', pump); return; }
          }
          if (!res.destroyed) res.end();
        };
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title>');
        pump();
        return;
      }
      default:
        note(404); res.writeHead(404); res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    for (const r of hanging) r.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return state;
}
