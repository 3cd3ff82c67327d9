// Story reports persisted beside the database (src/store/sqlite-reports.ts), so a story's first visit after a restart
// reads its report (under a millisecond for a one-article story) instead of building it (20 ms, a quarter of a second
// for a large story, and queued behind other first visits). The background thread writes each report it builds, and
// after the warm-up it builds every story's not stored yet, newest first. A report is reused while its story has the
// same members, none of them changed since (the server forgets the reports of stories whose articles another process
// or a posted article changed, at start-up for changes made while it was down), and the same code made it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Story, StoryReport } from '../types.js';
import { packageRoot } from '../package-root.js';
import { SqliteReportCache } from '../store/sqlite-reports.js';

const identities = new Map<string, string>();

/** A hash of the code under `dirs` of src (or dist/src) — compiled or source modules, not type files or maps — and of
 * the data files (the entity tagger's model among them). */
function codeIdentity(dirs: string[] | null): string {
  const known = identities.get(String(dirs));
  if (known) return known;
  const hash = createHash('sha256');
  const walk = (dir: string, skip: (name: string) => boolean): void => {
    let names: string[];
    try { names = readdirSync(dir, { withFileTypes: true }).map((d) => d.name + (d.isDirectory() ? '/' : '')).sort(); } catch { return; }
    for (const name of names) {
      if (skip(name)) continue;
      if (name.endsWith('/')) walk(join(dir, name), skip);
      else { hash.update(name); hash.update(readFileSync(join(dir, name))); }
    }
  };
  const code = dirname(dirname(fileURLToPath(import.meta.url))); // src (or dist/src)
  const notCode = (n: string) => (!n.endsWith('/') && !/\.(js|ts)$/.test(n)) || n.endsWith('.d.ts') || n.endsWith('.map');
  if (dirs) for (const d of dirs) { hash.update(d); walk(join(code, d), notCode); }
  else walk(code, (n) => ['api/', 'web/', 'cli/'].includes(n) || notCode(n));
  walk(join(packageRoot(), 'data'), () => false);
  const id = hash.digest('hex').slice(0, 32);
  identities.set(String(dirs), id);
  return id;
}

/** What built the reports: a hash of the code (every module but the presentation's) and of the data files it reads. */
export function buildIdentity(): string {
  return codeIdentity(null);
}

/** What made per-article extractions (src/store/extractions.ts): the analysis and text code, the data files. */
export function extractionIdentity(): string {
  return codeIdentity(['analysis', 'text']);
}

const members = (story: Story): string => story.articles.join('\n');

export class ReportStore {
  readonly #cache: SqliteReportCache;

  /** The reports persisted beside the database file `db`; null for a database that is not a file. */
  static open(db: string): ReportStore | null {
    if (!db || db === ':memory:' || /^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return null;
    return new ReportStore(new SqliteReportCache(`${db}-reports`, buildIdentity()));
  }

  private constructor(cache: SqliteReportCache) { this.#cache = cache; }

  read(story: Story): StoryReport | null {
    const body = this.#cache.get(story.id, members(story));
    return body ? JSON.parse(inflateRawSync(body).toString('utf8')) as StoryReport : null;
  }

  has(story: Story): boolean {
    return this.#cache.has(story.id, members(story));
  }

  write(story: Story, report: StoryReport): void {
    this.#cache.put(story.id, members(story), deflateRawSync(JSON.stringify(report), { level: 3 }));
  }

  forget(stories: Iterable<string>): void { this.#cache.delete(stories); }
  revision(): number | null { return this.#cache.revision(); }
  setRevision(revision: number): void { this.#cache.setRevision(revision); }
  close(): void { this.#cache.close(); }
}
