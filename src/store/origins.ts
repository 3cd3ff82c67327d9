// Where each stored article came from, and the ids of exact copies: the decisions both stores make before writing an
// article (SqliteStore and PostgresStore run them over their own prepared statements, which answer get/run alike).
import type { Article } from '../types.js';
import type { ArticleExtras, PutResult } from './types.js';

/** What the decisions read of a stored article. */
export interface OwnRow {
  rowid: number;
  id: string;
  source: string | null;
  published: string | null;
  content_hash: string;
  origin_key: string | null;
  source_hash: string | null;
}

interface Stmt { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown }
interface AliasRow { id: string; article: number; source_hash: string }

/** The statements the decisions use, by name, with the same SQL on both backends. */
export interface OriginStatements {
  fillMetadata: Stmt; rowidById: Stmt; aliasById: Stmt; ownById: Stmt; ownByKey: Stmt; ownByRowid: Stmt;
  ownBySourceHash: Stmt; ownByContent: Stmt; setOrigin: Stmt; aliasByKey: Stmt; insertAlias: Stmt; updateAlias: Stmt;
}

/** The columns of OwnRow, for the statements that read it. */
export const OWN_COLUMNS = 'rowid, id, source, published, content_hash, origin_key, source_hash';

/** Whether `a` gives a date or outlet the stored row lacks. */
export function fillsSomething(row: Pick<OwnRow, 'source' | 'published'>, a: { source: string | null; published: string | null }): boolean {
  return (row.published === null && a.published !== null) || (row.source === null && a.source !== null);
}

/** Fills a stored article's missing date or outlet from `a` (never replaces one); true when it did. */
export function fillRow(s: OriginStatements, revision: () => number, row: Pick<OwnRow, 'rowid' | 'source' | 'published'>,
  a: { source: string | null; published: string | null }): boolean {
  const fills = fillsSomething(row, a);
  if (fills) s.fillMetadata.run(a.source, a.published, revision(), row.rowid);
  return fills;
}

/** The first of the ids not taken by an article or an alias, else the first with ~2, ~3, … */
export function freeId(s: OriginStatements, ids: string[]): string {
  const free = (id: string): boolean => !s.rowidById.get(id) && !s.aliasById.get(id);
  for (const id of ids) if (id && free(id)) return id;
  for (let n = 2; ; n++) if (free(`${ids[0]}~${n}`)) return `${ids[0]}~${n}`;
}

/** The stored article of this source: by its key, else a row stored before keys were kept under the same id. */
function ownRow(s: OriginStatements, a: Article, key: string | null): OwnRow | undefined {
  if (key === null) return s.ownById.get(a.id) as OwnRow | undefined;
  const byKey = s.ownByKey.get(key) as OwnRow | undefined;
  if (byKey) return byKey;
  const legacy = s.ownById.get(a.id) as OwnRow | undefined;
  // A source known by its content alone (stdin) claims an old row of its id only when it is that row's content.
  if (legacy && legacy.origin_key === null && (!key.startsWith('content:') || legacy.content_hash === a.contentHash)) return legacy;
  return undefined;
}

/** A source seen before with the same content: the article it is stored as, and its alias id when it is a copy. */
export function findRepeat(s: OriginStatements, key: string, sourceHash: string): { seen: OwnRow; alias?: string } | null {
  const own = s.ownByKey.get(key) as OwnRow | undefined;
  if (own) return own.source_hash === sourceHash ? { seen: own } : null;
  const alias = s.aliasByKey.get(key) as AliasRow | undefined;
  const seen = alias && alias.source_hash === sourceHash ? (s.ownByRowid.get(alias.article) as OwnRow | undefined) : undefined;
  return seen ? { seen, alias: alias!.id } : null;
}

/**
 * A source seen before with the same content (findRepeat), answered: 'duplicate', or 'updated' when `fill` gives the
 * date or outlet its row lacks; `write` runs the fill inside the store's own write transaction. Null when not a repeat.
 */
export function answerRepeat(s: OriginStatements, key: string, sourceHash: string, fill: { source: string | null; published: string | null } | null,
  revision: () => number, write: (fillIt: () => PutResult) => PutResult): PutResult | null {
  const r = findRepeat(s, key, sourceHash);
  if (!r) return null;
  const result = (status: PutResult['status']): PutResult => ({ status, id: r.seen.id, nearDuplicates: [], ...(r.alias ? { alias: r.alias } : {}) });
  if (!fill || !fillsSomething(r.seen, fill)) return result('duplicate');
  return write(() => result(fillRow(s, revision, r.seen, fill) ? 'updated' : 'duplicate'));
}

/**
 * Before writing `a`: either the answer, when nothing is to be written but a filled-in date or outlet (the same
 * source again; an exact copy of another source's article, kept as an alias of it), or the row to update (`own`)
 * and the alias this source had (`alias`), for a new or changed text.
 */
export function resolveOrigin(s: OriginStatements, a: Article, e: ArticleExtras, revision: () => number):
  { result: PutResult } | { own: OwnRow | undefined; alias: AliasRow | undefined; key: string | null; sourceHash: string | null } {
  const key = e.origin?.key ?? null;
  const sourceHash = e.origin?.sourceHash ?? null;
  const own = ownRow(s, a, key);
  const fill = (row: OwnRow): PutResult['status'] => (fillRow(s, revision, row, a) ? 'updated' : 'duplicate');
  // The same source saying the same again (an ingest run twice, a feed polled again) changes nothing but a date or
  // outlet it was stored without (a .txt file ingested once bare and again with --published).
  if (own && ((sourceHash !== null && own.source_hash === sourceHash) || (own.source_hash === null && own.content_hash === a.contentHash))) {
    if (key !== null && own.origin_key === null) s.setOrigin.run(key, sourceHash, own.rowid);
    return { result: { status: fill(own), id: own.id, nearDuplicates: [] } };
  }
  const alias = key === null ? undefined : s.aliasByKey.get(key) as AliasRow | undefined;
  if (alias && alias.source_hash === sourceHash) {
    const kept = s.ownByRowid.get(alias.article) as OwnRow;
    return { result: { status: fill(kept), id: kept.id, nearDuplicates: [], alias: alias.id } };
  }
  // An exact copy of another source's article: stored once, this source's id kept as an alias of it.
  const same = ((sourceHash !== null ? s.ownBySourceHash.get(sourceHash) : undefined) ?? s.ownByContent.get(a.contentHash)) as OwnRow | undefined;
  if (same && same.rowid !== own?.rowid) {
    // A stored source whose new text is another article's keeps its row (nothing stored is lost).
    if (own || key === null || sourceHash === null) return { result: { status: fill(same), id: same.id, nearDuplicates: [] } };
    const aliasId = alias?.id ?? freeId(s, [a.id, ...(e.origin?.ids ?? [])]);
    if (alias) s.updateAlias.run(same.rowid, sourceHash, aliasId);
    else s.insertAlias.run(aliasId, same.rowid, key, sourceHash);
    return { result: { status: fill(same), id: same.id, nearDuplicates: [], alias: aliasId } };
  }
  return { own, alias, key, sourceHash };
}

/** The statements of the article sources and aliases, prepared on either backend (the SQL is the same). */
export function prepareOriginStatements<S extends { pluck(toggle?: boolean): S }>(db: { prepare(sql: string): S }) {
  const own = (where: string) => db.prepare(`SELECT ${OWN_COLUMNS} FROM article WHERE ${where}`);
  return {
    ownById: own('id = ?'),
    ownByKey: own('origin_key = ?'),
    ownByRowid: own('rowid = ?'),
    ownBySourceHash: own('source_hash = ? ORDER BY rowid LIMIT 1'),
    ownByContent: own('content_hash = ?'),
    setOrigin: db.prepare('UPDATE article SET origin_key = ?, source_hash = ? WHERE rowid = ?'),
    aliasById: db.prepare('SELECT article FROM article_alias WHERE id = ?'),
    aliasByKey: db.prepare('SELECT id, article, source_hash FROM article_alias WHERE origin_key = ?'),
    insertAlias: db.prepare('INSERT INTO article_alias (id, article, origin_key, source_hash) VALUES (?, ?, ?, ?)'),
    updateAlias: db.prepare('UPDATE article_alias SET article = ?, source_hash = ? WHERE id = ?'),
    deleteAlias: db.prepare('DELETE FROM article_alias WHERE id = ?'),
    aliases: db.prepare('SELECT id FROM article_alias WHERE article = ? ORDER BY id').pluck(),
  };
}
