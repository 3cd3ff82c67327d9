// Fetching one http(s) URL safely: only http/https, every hop's host resolved and refused when any address is
// loopback/private/link-local/etc. (unless allowPrivate), manual redirects with a cap and loop detection,
// a timeout over connect + body, and a size cap enforced while streaming (the download is aborted past it).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface FetchOptions {
  maxBytes: number; allowPrivate: boolean; timeoutMs: number; maxRedirects: number;
  /** Validators of a conditional request (`khabar watch`): an answer 304 then gives `notModified` and no bytes. */
  conditional?: { etag?: string | null; lastModified?: string | null };
}
export interface Fetched {
  url: string; bytes: Uint8Array; contentType: string | null;
  /** The response's validators, for the next conditional request. */
  etag?: string | null; lastModified?: string | null;
  /** The server answered 304 to a conditional request: nothing changed since the validators. */
  notModified?: boolean;
}

function ipv4Parts(a: string): number[] | null {
  const p = a.split('.').map(Number);
  return p.length === 4 && p.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? p : null;
}

/** Why an IPv4 address is not public, or null. Ranges from RFC 6890 (special-purpose registry). */
function privateV4(a: string): string | null {
  const p = ipv4Parts(a);
  if (!p) return 'unparsable IPv4 address';
  const [x, y] = p;
  if (x === 0) return '"this network" (0.0.0.0/8)';
  if (x === 127) return 'loopback';
  if (x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168)) return 'private';
  if (x === 169 && y === 254) return 'link-local';
  if (x === 100 && y >= 64 && y <= 127) return 'shared address space (CGNAT)';
  if (x === 192 && y === 0 && p[2] === 0) return 'IETF protocol assignments';
  if (x === 198 && (y === 18 || y === 19)) return 'benchmarking';
  if (x >= 224) return 'multicast/reserved';
  return null;
}

/** Expands an IPv6 address to 8 16-bit groups (handles :: and a trailing dotted IPv4). */
function ipv6Groups(a: string): number[] | null {
  let s = a.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const p = ipv4Parts(v4[1]);
    if (!p) return null;
    s = s.slice(0, -v4[1].length) + ((p[0] << 8) | p[1]).toString(16) + ':' + ((p[2] << 8) | p[3]).toString(16);
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = s.includes('::') ? 8 - h.length - t.length : 0;
  const groups = [...h, ...Array(Math.max(0, fill)).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** Why an IPv6 address is not public, or null. Embedded IPv4 (mapped, compatible, NAT64, 6to4) is checked as IPv4. */
function privateV6(a: string): string | null {
  const g = ipv6Groups(a);
  if (!g) return 'unparsable IPv6 address';
  const v4of = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (g.every((x) => x === 0)) return 'unspecified (::)';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const r = privateV4(v4of(g[6], g[7]));
    return r ? `${r} (IPv4 embedded in IPv6)` : null;
  }
  if (g[0] === 0x64 && g[1] === 0xff9b) { const r = privateV4(v4of(g[6], g[7])); return r ? `${r} (NAT64)` : null; }
  if (g[0] === 0x2002) { const r = privateV4(v4of(g[1], g[2])); return r ? `${r} (6to4)` : null; }
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  return null;
}

/** Why an IP address may not be fetched (loopback, private, link-local, ...), or null when it is public. */
export function nonPublicReason(address: string): string | null {
  const v = isIP(address);
  if (v === 4) return privateV4(address);
  if (v === 6) return privateV6(address);
  return 'not an IP address';
}

async function checkHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true }).catch((e: Error) => {
    throw new Error(`cannot resolve host ${host}: ${(e as NodeJS.ErrnoException).code ?? e.message}`);
  })).map((r) => r.address);
  if (addresses.length === 0) throw new Error(`cannot resolve host ${host}`);
  for (const a of addresses) {
    const why = nonPublicReason(a);
    if (why) throw new Error(`refused: ${host} resolves to ${a}, a ${why} address (allowPrivate is off)`);
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`;
}

/** Fetches a URL under the options' limits. Throws an Error with a clear message on any refusal or failure. */
export async function safeFetch(url: string, opts: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
  try {
    let current = url;
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try { parsed = new URL(current); } catch { throw new Error(`not a valid URL: ${current}`); }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`only http and https URLs are fetched, not ${parsed.protocol}`);
      if (parsed.username || parsed.password) throw new Error('URLs with credentials are not fetched');
      if (!opts.allowPrivate) await checkHost(parsed.hostname);
      seen.add(parsed.href);
      let res: Response;
      const validators: Record<string, string> = {};
      if (opts.conditional?.etag) validators['if-none-match'] = opts.conditional.etag;
      if (opts.conditional?.lastModified) validators['if-modified-since'] = opts.conditional.lastModified;
      const get = () => fetch(parsed, { redirect: 'manual', signal: controller.signal, headers: { ...validators, 'user-agent': 'khabar/0.1 (+news ingest)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml,application/json,text/plain;q=0.9,*/*;q=0.5' } });
      try {
        try {
          res = await get();
        } catch (e) {
          // A kept-alive connection the server closed as we reused it: a GET is safe to send once more.
          const code = (e as { cause?: { code?: string } }).cause?.code;
          if (controller.signal.aborted || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw e;
          res = await get();
        }
      } catch (e) {
        if (controller.signal.aborted) throw new Error(`timed out after ${opts.timeoutMs} ms`);
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new Error(`fetch failed: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => undefined);
        const next = new URL(res.headers.get('location')!, parsed).href;
        if (seen.has(next)) throw new Error(`redirect loop (${parsed.href} → ${next})`);
        if (hop + 1 > opts.maxRedirects) throw new Error(`too many redirects (more than ${opts.maxRedirects})`);
        current = next;
        continue;
      }
      if (res.status === 304 && opts.conditional) {
        await res.body?.cancel().catch(() => undefined);
        return { url: parsed.href, bytes: new Uint8Array(0), contentType: null, etag: res.headers.get('etag') ?? opts.conditional.etag ?? null, lastModified: res.headers.get('last-modified') ?? opts.conditional.lastModified ?? null, notModified: true };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`response is ${mb(declared)}, over the limit of ${mb(opts.maxBytes)} (maxBytes)`);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      if (res.body) {
        const reader = res.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            total += value.byteLength;
            if (total > opts.maxBytes) {
              controller.abort();
              throw new Error(`response exceeds the limit of ${mb(opts.maxBytes)} (maxBytes); download aborted`);
            }
            chunks.push(value);
          }
        } catch (e) {
          if ((e as Error).message.includes('maxBytes')) throw e;
          if (controller.signal.aborted) throw new Error(`timed out after ${opts.timeoutMs} ms`);
          throw new Error(`reading the response failed: ${(e as Error).message}`);
        }
      }
      const bytes = new Uint8Array(total);
      let off = 0;
      for (const c of chunks) { bytes.set(c, off); off += c.byteLength; }
      return { url: parsed.href, bytes, contentType: res.headers.get('content-type'), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    }
  } finally {
    clearTimeout(timer);
  }
}
