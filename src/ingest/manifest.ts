// A manifest: per-input metadata in one file, so five files with five dates are one command. CSV with a header
// row, or JSON lines; the columns/fields are input, published, source and, optionally, title and url. A relative
// input is read from the manifest's folder. A bad row is named by its line number and the rest is still read.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { checkIsoDate } from '../text/index.js';
import type { RawArticle } from '../types.js';
import { toIsoDate } from './html.js';
import { isProblem, readInputs, type InputProblem, type ReadOptions } from './inputs.js';

/** One input with what the manifest says of the articles it holds (used where the input itself names none). */
export interface ManifestEntry {
  input: string;
  published?: string;
  source?: string;
  title?: string;
  url?: string;
}

export interface Manifest {
  entries: ManifestEntry[];
  /** Rows that could not be used, each naming the manifest and the line. */
  problems: { input: string; reason: string }[];
}

const FIELDS = ['input', 'published', 'source', 'title', 'url'] as const;
type Field = (typeof FIELDS)[number];

/** The fields of one CSV line (RFC 4180: quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null; // an unclosed quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += line[i++];
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const end = line.indexOf(',', i);
      field = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    out.push(field.trim());
    if (i >= line.length) return out;
    i++; // the comma
  }
}

/** Validates one row's values; the entry, or the reason it is unusable. */
function entryOf(values: Partial<Record<Field, unknown>>, base: string): ManifestEntry | string {
  const entry: ManifestEntry = { input: '' };
  for (const f of FIELDS) {
    const v = values[f];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') return `"${f}" must be a string, got ${Array.isArray(v) ? 'array' : typeof v}`;
    entry[f] = v.trim();
  }
  if (!entry.input) return 'no "input"';
  if (entry.published !== undefined) {
    const reason = checkIsoDate(entry.published);
    const iso = reason ? null : toIsoDate(entry.published);
    if (!iso) return `"published" is not an ISO 8601 date (2018-12-29, 2018-12-29T14:05+03:00): "${entry.published}"${reason ? ` (${reason})` : ''}`;
    entry.published = iso;
  }
  if (entry.url !== undefined && !/^https?:\/\//i.test(entry.url)) return `"url" is not an http(s) URL: "${entry.url}"`;
  if (entry.input !== '-' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.input) && !isAbsolute(entry.input)) entry.input = resolve(base, entry.input);
  return entry;
}

/** Reads a manifest file. Throws (naming the file) only when the file itself is unreadable or has no usable header. */
export function readManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new Error(`${path}: cannot read the manifest (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const base = dirname(resolve(path));
  const lines = text.split(/\r?\n/);
  const entries: ManifestEntry[] = [];
  const problems: Manifest['problems'] = [];
  const bad = (n: number, reason: string): void => { problems.push({ input: `${path} line ${n}`, reason }); };
  const first = lines.findIndex((l) => l.trim());
  if (first < 0) throw new Error(`${path}: the manifest is empty`);
  if (lines[first]!.trim().startsWith('{')) {
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (e) {
        bad(i + 1, `invalid JSON: ${(e as Error).message}`);
        return;
      }
      if (!v || typeof v !== 'object' || Array.isArray(v)) { bad(i + 1, 'expected an object {"input", "published", "source", …}'); return; }
      const e = entryOf(v as Record<string, unknown>, base);
      if (typeof e === 'string') bad(i + 1, e);
      else entries.push(e);
    });
    return { entries, problems };
  }
  const header = csvFields(lines[first]!)?.map((h) => h.toLowerCase());
  if (!header || !header.includes('input')) {
    throw new Error(`${path}: a CSV manifest starts with a header naming its columns (input, published, source[, title, url]), not "${lines[first]!.slice(0, 80)}"`);
  }
  const unknown = header.filter((h) => !(FIELDS as readonly string[]).includes(h));
  if (unknown.length) throw new Error(`${path}: unknown manifest column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${FIELDS.join(', ')})`);
  for (let i = first + 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const fields = csvFields(lines[i]!);
    if (!fields) { bad(i + 1, 'an unclosed or misplaced quote'); continue; }
    if (fields.length !== header.length) { bad(i + 1, `${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length}`); continue; }
    const e = entryOf(Object.fromEntries(header.map((h, j) => [h, fields[j]])), base);
    if (typeof e === 'string') bad(i + 1, e);
    else entries.push(e);
  }
  return { entries, problems };
}

/**
 * The articles of inputs, each given as a path (URL, '-') or as a manifest entry whose date, outlet, title and URL
 * apply to its articles that name none (before the command line's --published/--source).
 */
export async function* readEntries(inputs: (string | ManifestEntry)[], options: ReadOptions): AsyncGenerator<RawArticle | InputProblem> {
  if (inputs.every((i) => typeof i === 'string')) {
    yield* readInputs(inputs as string[], options);
    return;
  }
  for (const entry of inputs) {
    if (typeof entry === 'string') {
      yield* readInputs([entry], options);
      continue;
    }
    const fallback = entry.published || entry.source
      ? { ...(entry.published ? { published: entry.published } : {}), ...(entry.source ? { source: entry.source } : {}) }
      : undefined;
    for await (const item of readInputs([entry.input], options)) {
      if (isProblem(item)) { yield item; continue; }
      yield {
        ...item,
        ...(fallback ? { fallback } : {}),
        ...(entry.title && !(typeof item.title === 'string' && item.title.trim()) ? { title: entry.title } : {}),
        ...(entry.url && !item.url ? { url: entry.url } : {}),
      };
    }
  }
}

