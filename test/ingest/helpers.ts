// Small helpers for the ingest tests: a temp dir, collecting readInputs, a cp1256 encoder built from the decoder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProblem, readInputs, type InputProblem, type ReadOptions } from '../../src/ingest/index.js';
import type { RawArticle } from '../../src/types.js';

const made: string[] = [];
// Removed when the test file's process ends (the tests left one directory each in the system's temp folder).
process.on('exit', () => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ingest-'));
  made.push(dir);
  return dir;
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

export async function collect(inputs: string[], opts?: ReadOptions): Promise<{ articles: RawArticle[]; problems: InputProblem[] }> {
  const articles: RawArticle[] = [];
  const problems: InputProblem[] = [];
  for await (const x of readInputs(inputs, opts)) {
    if (isProblem(x)) problems.push(x);
    else articles.push(x);
  }
  return { articles, problems };
}

/** Encodes text to Windows-1256 with a table made by decoding all 256 bytes (Node's full ICU decoder). */
export function encodeWindows1256(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not encodable in windows-1256: U+${ch.codePointAt(0)!.toString(16)}`);
    out.push(b);
  }
  return new Uint8Array(out);
}
