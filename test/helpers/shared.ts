// Where ../shared lives, and a visible skip when a user's clone has none.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../src/package-root.js';

/** The repository root (works from src/ under tsx and from dist/ after the build). */
export const repoRoot: string = packageRoot();

export const sharedDir: string = process.env.KHABAR_SHARED ?? resolve(repoRoot, '..', 'shared');
export const hasShared: boolean = existsSync(join(sharedDir, 'seeds'));

/** Options for node:test: skips the test, with the reason printed, when ../shared is absent. */
export const needsShared = hasShared ? {} : { skip: `../shared not found at ${sharedDir} (set KHABAR_SHARED)` };

export interface Seed { id: string; file: string; text: string; published: string }

/** Publication dates as given in ../shared/README.md. */
const seedDates: Record<string, string> = {
  '000': '2018-12-30', '001': '2018-12-29', '002': '2018-12-29', '003': '2018-12-29', '004': '2019-01-23',
};

export function loadSeeds(): Seed[] {
  const dir = join(sharedDir, 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file) => ({
    id: file.replace(/\.txt$/, ''),
    file: join(dir, file),
    text: readFileSync(join(dir, file), 'utf8'),
    published: seedDates[file.slice(0, 3)] ?? '',
  }));
}

/** Reads a JSON-lines file of ../shared/data. */
export function readJsonl<T = unknown>(relPath: string): T[] {
  return readFileSync(join(sharedDir, relPath), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}
