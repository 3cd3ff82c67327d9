// Expanding inputs (files, directories, '-', http(s) URLs) into raw articles or problems, one input at a time.
import { createReadStream } from 'node:fs';
import { open, opendir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { RawArticle } from '../types.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, MAX_ARTICLE_CHARS } from './config.js';
import { charsetOfContentType, decodeBytes, firstInvalidUtf8, utf16WithoutBom } from './decode.js';
import { looksLikeFeed, parseFeed } from './feed.js';
// fetch.js (and with it node:http, https, dns and zlib) loads with the first URL: reading files never needs it.
import type { Fetched, Resolver } from './fetch.js';
import { articleFromJson, parseJsonDocument, parseJsonLines } from './json.js';
import { splitTitle } from './clean.js';
import { dropNonHttpUrl } from './url.js';
import { pathIds } from './origin.js';

/** An input that failed (the others go on), or with `warning`, something dropped from an article that was kept. */
export interface InputProblem { input: string; reason: string; warning?: true }
export interface ReadOptions {
  /**
   * Largest input accepted, in bytes (files: checked with stat before reading; URLs: while streaming). Default
   * 50 MB. Local JSON-lines files are streamed and have no cap (a line is at most 50 MB).
   */
  maxBytes?: number;
  /** Allow URLs whose host resolves to loopback/private/link-local addresses (tests, intranets). Default false. */
  allowPrivate?: boolean;
  /** Timeout of one URL fetch (connect + body), ms. Default 15 s. */
  timeoutMs?: number;
  /** Most redirects followed for one URL. Default 5. */
  maxRedirects?: number;
  /** Descend into subdirectories. Default true. */
  recursive?: boolean;
  /** How URL host names are resolved (default the system's); each is resolved once and connected to as checked. */
  resolve?: Resolver;
  /** Where '-' reads from (default process.stdin); for tests and embedding. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** The system's resolver (fetch.ts), loaded when a host name is first resolved. */
const systemResolver: Resolver = async (host) => (await import('./fetch.js')).systemResolver(host);

export function isProblem(x: RawArticle | InputProblem): x is InputProblem {
  return typeof (x as InputProblem).reason === 'string' && typeof (x as InputProblem).input === 'string' && !('text' in x) && !('html' in x);
}

type Kind = 'txt' | 'html' | 'json' | 'jsonl' | 'feed';
/** Extensions read from directories; other files there are skipped (explicitly named files are sniffed). */
const EXT_KIND: Record<string, Kind> = {
  '.txt': 'txt', '.text': 'txt', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

/** Kind of a text by its content: used when the extension or content type does not say, and to spot feeds anywhere. */
function sniff(text: string, hint: Kind | null): Kind {
  const head = text.slice(0, 1000).replace(/^\uFEFF/, '').trimStart();
  if (hint !== 'json' && hint !== 'jsonl' && looksLikeFeed(text)) return 'feed';
  if (hint) return hint === 'feed' ? (/^</.test(head) ? 'html' : 'txt') : hint;
  if (/^(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(head)) return 'html';
  if (/^\[/.test(head)) return 'json';
  if (/^\{/.test(head)) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    return lines.length > 1 && lines.every((l) => /^\s*\{.*\}\s*$/.test(l)) ? 'jsonl' : 'json';
  }
  return 'txt';
}

function stemOf(path: string): string {
  const b = basename(path);
  const e = extname(b);
  return (e ? b.slice(0, -e.length) : b) || 'input';
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

/**
 * Where a text came from, for the keys and ids of its articles (see RawArticle.key): `key` names the source (null:
 * stdin, known by content alone) and `path` gives the more specific ids of a file.
 */
interface TextSource { key: string | null; path: string | null }

/** Articles (or problems) from one decoded text. `input` names it for problems; `stem` gives default ids. */
function* fromText(text: string, kind: Kind, input: string, stem: string, url: string | null, from: TextSource): Generator<RawArticle | InputProblem> {
  const altIds = from.path ? pathIds(from.path) : [];
  switch (kind) {
    case 'txt': {
      const { title, body } = splitTitle(text);
      yield { id: stem, title, text: body, url, origin: input, key: from.key, altIds };
      return;
    }
    case 'html':
      yield { id: stem, html: text, url, origin: input, key: from.key, altIds };
      return;
    case 'json':
    case 'jsonl': {
      const items = kind === 'json' ? parseJsonDocument(text, stem, input) : parseJsonLines(text, stem, input);
      for (const r of items) {
        if (!r.ok) { yield { input, reason: r.reason }; continue; }
        // An item without an id of its own is this input's item at its place ("-7"), not another file's.
        if (r.raw.key === null && r.raw.id) {
          r.raw.key = from.key ? `${from.key}#${r.raw.id}` : null;
          r.raw.altIds = from.path ? pathIds(from.path, r.raw.id.startsWith(stem) ? r.raw.id.slice(stem.length) : '') : [];
        }
        yield r.raw;
      }
      return;
    }
    case 'feed': {
      const r = parseFeed(text, stem, input);
      if (!r.ok) { yield { input, reason: r.reason }; return; }
      if (r.items.length === 0) yield { input, reason: `${r.kind === 'atom' ? 'Atom' : 'RSS'} feed has no items` };
      for (const item of r.items) yield item;
    }
  }
}

/** Whether a file's first 64 KB are UTF-8 (a sequence cut at the end aside), so it can be read line by line. */
async function startsAsUtf8(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (utf16WithoutBom(bytes) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
    const bad = firstInvalidUtf8(bytes);
    return bad < 0 || bad >= bytesRead - 3;
  } finally {
    await handle.close();
  }
}

/**
 * A local JSON-lines file, streamed: one line in memory at a time, so any size is read (no maxBytes: that cap is
 * for what is fetched). A line longer than DEFAULT_MAX_BYTES is refused by its number and skipped unread.
 */
async function* streamJsonLines(path: string, stem: string): AsyncGenerator<RawArticle | InputProblem> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let lineNo = 0;
  let any = false;
  let first = true;
  function* line(bytes: Buffer): Generator<RawArticle | InputProblem> {
    lineNo++;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      yield { input: path, reason: `line ${lineNo}: not valid UTF-8` };
      return;
    }
    if (!text.trim()) return;
    any = true;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      yield { input: path, reason: `line ${lineNo}: invalid JSON: ${(e as Error).message}` };
      return;
    }
    const r = articleFromJson(v, `line ${lineNo}`, `${stem}-${lineNo}`, path);
    yield r.ok ? r.raw : { input: path, reason: r.reason };
  }
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let buf = chunk;
    if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    first = false;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      const piece = buf.subarray(start, nl);
      start = nl + 1;
      if (skipping) { skipping = false; lineNo++; continue; }
      const whole = pendingBytes ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      yield* line(whole);
    }
    if (start < buf.length && !skipping) {
      pending.push(buf.subarray(start));
      pendingBytes += buf.length - start;
      if (pendingBytes > DEFAULT_MAX_BYTES) {
        yield { input: path, reason: `line ${lineNo + 1} is longer than ${mb(DEFAULT_MAX_BYTES)}: refused unread` };
        any = true;
        pending = [];
        pendingBytes = 0;
        skipping = true;
      }
    }
  }
  if (!skipping && pendingBytes) yield* line(Buffer.concat(pending));
  if (!any) yield { input: path, reason: 'empty file' };
}

async function* readFilePath(path: string, opts: Required<Omit<ReadOptions, 'stdin'>>, hint: Kind | null): AsyncGenerator<RawArticle | InputProblem> {
  if (hint === 'jsonl' && await startsAsUtf8(path)) {
    yield* streamJsonLines(path, stemOf(path));
    return;
  }
  const info = await stat(path);
  // A .txt file is one article: past 4 bytes a character it cannot be within the article bound, and is not read.
  if (hint === 'txt' && info.size > 4 * MAX_ARTICLE_CHARS) {
    yield { input: path, reason: `file is ${mb(info.size)}: a .txt file is one article, and an article's text is at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters (refused, not cut)` };
    return;
  }
  if (info.size > opts.maxBytes) {
    yield { input: path, reason: `file is ${mb(info.size)}, over the limit of ${mb(opts.maxBytes)} (maxBytes)` };
    return;
  }
  const bytes = await readFile(path);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) { yield { input: path, reason: decoded.reason }; return; }
  yield* fromText(decoded.text, sniff(decoded.text, hint), path, stemOf(path), null, { key: `file:${resolve(path)}`, path });
}

/**
 * Walks a directory given on the command line. A symbolic link is followed only when its target lies inside that
 * directory (`root`, resolved): a link that leaves it (dir/passwd.txt → /etc/passwd) would publish any file the user
 * can read, so it is reported and skipped. Each real directory is walked once (a link to an ancestor is no loop).
 */
async function* walkDirectory(dir: string, opts: Required<Omit<ReadOptions, 'stdin'>>, root: string, visited: Set<string>): AsyncGenerator<RawArticle | InputProblem> {
  // Entries are sorted per directory so runs are reproducible; only names are held, never file contents.
  const names: { name: string; isDir: boolean; isLink: boolean }[] = [];
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    names.push({ name: entry.name, isDir: entry.isDirectory(), isLink: entry.isSymbolicLink() });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, isDir: plainDir, isLink } of names) {
    const path = join(dir, name);
    let isDir = plainDir;
    if (isLink) {
      let target: string;
      try {
        target = await realpath(path);
      } catch (e) {
        if (EXT_KIND[extname(name).toLowerCase()]) yield { input: path, reason: `a symbolic link whose target cannot be read (${describe(e)})` };
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) {
        yield { input: path, reason: `a symbolic link to ${target}, outside ${root}: not followed` };
        continue;
      }
      isDir = (await stat(target)).isDirectory();
    }
    if (isDir) {
      if (!opts.recursive) continue;
      const real = await realpath(path);
      if (visited.has(real)) continue;
      visited.add(real);
      yield* walkDirectory(path, opts, root, visited);
      continue;
    }
    const kind = EXT_KIND[extname(name).toLowerCase()];
    if (!kind) continue;
    try {
      yield* readFilePath(path, opts, kind);
    } catch (e) {
      yield { input: path, reason: describe(e) };
    }
  }
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a directory';
  return err?.message ?? String(e);
}

async function* readStdin(source: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<RawArticle | InputProblem> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const c of source) {
    const bytes = typeof c === 'string' ? new TextEncoder().encode(c) : c;
    total += bytes.byteLength;
    if (total > maxBytes) {
      yield { input: '-', reason: `standard input exceeds the limit of ${mb(maxBytes)} (maxBytes)` };
      return;
    }
    chunks.push(bytes);
  }
  const all = Buffer.concat(chunks);
  const decoded = decodeBytes(all);
  if (!decoded.ok) { yield { input: '-', reason: decoded.reason === 'empty file' ? 'empty input on stdin' : decoded.reason }; return; }
  yield* fromText(decoded.text, sniff(decoded.text, null), '-', 'stdin', null, { key: null, path: null });
}

function kindOfContentType(ct: string | null): Kind | null {
  const t = (ct ?? '').toLowerCase();
  if (/rss|atom/.test(t)) return 'feed';
  if (/html/.test(t)) return 'html';
  if (/ndjson|jsonl|json-seq/.test(t)) return 'jsonl';
  if (/json/.test(t)) return 'json';
  if (/text\/plain/.test(t)) return 'txt';
  return null; // application/xml, text/xml, octet-stream: decided by content
}

/** The articles (or problems) of a fetched document (a feed's items, a page, JSON); `input` names it in problems. */
export function* articlesOfFetched(fetched: Fetched, input: string): Generator<RawArticle | InputProblem> {
  const decoded = decodeBytes(fetched.bytes, charsetOfContentType(fetched.contentType));
  if (!decoded.ok) { yield { input, reason: decoded.reason === 'empty file' ? 'empty response' : decoded.reason }; return; }
  const stem = stemOf(new URL(fetched.url).pathname) || 'page';
  for (const item of fromText(decoded.text, sniff(decoded.text, kindOfContentType(fetched.contentType)), input, stem, fetched.url, { key: `url:${fetched.url}`, path: null })) {
    // Pages fetched by URL are identified by their final URL unless the document gives an id.
    if (!isProblem(item) && item.id === stem) item.id = fetched.url;
    // A feed item's <link> that is not http(s) is dropped here too, for the watcher and the queue's workers.
    const warning = isProblem(item) ? null : dropNonHttpUrl(item);
    if (warning && !isProblem(item)) yield { input: item.origin ?? input, reason: warning, warning: true };
    yield item;
  }
}

async function* readUrl(url: string, opts: Required<Omit<ReadOptions, 'stdin'>>): AsyncGenerator<RawArticle | InputProblem> {
  const { safeFetch } = await import('./fetch.js');
  yield* articlesOfFetched(await safeFetch(url, opts), url);
}

/**
 * Expands inputs into raw articles, yielding each article or a problem; never throws for a bad input. An article
 * whose url is not http(s) is yielded without it, after a warning (a problem with `warning` set).
 * Directories are walked lazily (one file in memory at a time).
 */
export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<RawArticle | InputProblem> {
  const opts = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    recursive: options.recursive ?? true,
    resolve: options.resolve ?? systemResolver,
  };
  for (const input of inputs) {
    try {
      for await (const item of readOne(input, opts, options.stdin)) {
        if (!isProblem(item)) {
          const warning = dropNonHttpUrl(item);
          if (warning) yield { input: item.origin ?? input, reason: warning, warning: true };
        }
        yield item;
      }
    } catch (e) {
      yield { input, reason: describe(e) };
    }
  }
}

async function* readOne(input: string, opts: Required<Omit<ReadOptions, 'stdin'>>, stdin: ReadOptions['stdin']): AsyncGenerator<RawArticle | InputProblem> {
  if (input === '-') {
    yield* readStdin(stdin ?? process.stdin, opts.maxBytes);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    if (!/^https?:\/\//i.test(input)) { yield { input, reason: 'only http and https URLs are supported' }; return; }
    yield* readUrl(input, opts);
  } else {
    const info = await stat(input);
    if (info.isDirectory()) {
      const root = await realpath(input);
      yield* walkDirectory(input, opts, root, new Set([root]));
    }
    else yield* readFilePath(input, opts, EXT_KIND[extname(input).toLowerCase()] ?? null);
  }
}
