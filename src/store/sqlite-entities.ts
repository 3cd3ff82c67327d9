// SqliteEntityState: the store-wide entity index (src/analysis/entity-index.ts) in the khabar SQLite file. Owns its
// tables through migrate(db, 'entities', …):
//   entity_meta     the store revision the index read up to, and what made it
//   entity          each entity: id and type
//   entity_form     each form (type, name key) and the entity it belongs to
//   entity_block    blocking keys of the forms, for finding variants without comparing every form
//   entity_mention  every mention of every indexed article, with its entity
// The same class keeps the index in PostgreSQL (PgDb, PG_ENTITY_MIGRATIONS); its transactions then hold an advisory
// lock, one indexer at a time. The SQL is what both accept (ON CONFLICT, "end" quoted, explicit orders).
import Database from 'better-sqlite3';
import type { EntityType } from '../types.js';
import { MemoryEntityState, type EntityIndexState, type IndexedMention } from '../analysis/entity-index.js';
import { migrate, type MigrationStep } from './migrate.js';
import { PgDb } from './pg-sync.js';
import { PG_ENTITY_MIGRATIONS } from './postgres-schema.js';
import type { SqlDb } from './sql.js';

export const ENTITY_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'store-wide entity index: entities, their forms and blocking keys, every mention of every article',
    up: `
      CREATE TABLE entity_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE entity (id TEXT PRIMARY KEY, type TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE entity_form (type TEXT NOT NULL, key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (type, key)) WITHOUT ROWID;
      CREATE INDEX entity_form_key ON entity_form (key);
      CREATE TABLE entity_block (type TEXT NOT NULL, block TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (type, block, key)) WITHOUT ROWID;
      CREATE TABLE entity_mention (
        article TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        type TEXT NOT NULL, key TEXT NOT NULL, surface TEXT NOT NULL, entity TEXT NOT NULL,
        PRIMARY KEY (article, start, end)
      ) WITHOUT ROWID;
      CREATE INDEX entity_mention_entity ON entity_mention (entity);
    `,
  },
];

export class SqliteEntityState implements EntityIndexState {
  private readonly stmt;

  constructor(readonly db: SqlDb) {
    migrate(db, 'entities', db instanceof PgDb ? PG_ENTITY_MIGRATIONS : ENTITY_MIGRATIONS);
    this.stmt = {
      getMeta: db.prepare('SELECT value FROM entity_meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT INTO entity_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      formEntity: db.prepare('SELECT entity FROM entity_form WHERE type = ? AND key = ?').pluck(),
      block: db.prepare(`SELECT b.key AS key, f.entity AS entity FROM entity_block b JOIN entity_form f ON f.type = b.type AND f.key = b.key
        WHERE b.type = ? AND b.block = ? ORDER BY b.key`),
      addForm: db.prepare('INSERT INTO entity_form (type, key, entity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      addBlock: db.prepare('INSERT INTO entity_block (type, block, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      hasEntity: db.prepare('SELECT 1 FROM entity WHERE id = ?').pluck(),
      addEntity: db.prepare('INSERT INTO entity (id, type) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      deleteMentions: db.prepare('DELETE FROM entity_mention WHERE article = ?'),
      addMention: db.prepare(`INSERT INTO entity_mention (article, start, "end", type, key, surface, entity) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (article, start, "end") DO UPDATE SET type = excluded.type, key = excluded.key, surface = excluded.surface, entity = excluded.entity`),
      counts: db.prepare(`SELECT m.entity AS id, e.type AS type, count(DISTINCT m.article) AS articles, count(*) AS mentions
        FROM entity_mention m JOIN entity e ON e.id = m.entity GROUP BY m.entity, e.type ORDER BY m.entity`),
      mentionsOf: db.prepare('SELECT article, start, "end", type, key, surface, entity FROM entity_mention WHERE entity = ? ORDER BY article, start, "end"'),
      surfacesOf: db.prepare('SELECT DISTINCT surface FROM entity_mention WHERE entity = ? ORDER BY surface LIMIT ?').pluck(),
      entityOfKey: db.prepare('SELECT entity FROM entity_form WHERE key = ? ORDER BY type LIMIT 1').pluck(),
      entitiesOf: db.prepare('SELECT DISTINCT entity FROM entity_mention WHERE article = ?').pluck(),
    };
  }

  readRevision(): number | null {
    const v = this.stmt.getMeta.get('revision') as string | undefined;
    return v === undefined ? null : Number(v);
  }
  setReadRevision(revision: number): void { this.stmt.setMeta.run('revision', String(revision)); }
  madeBy(): string | null { return (this.stmt.getMeta.get('made_by') as string | undefined) ?? null; }
  setMadeBy(version: string): void { this.stmt.setMeta.run('made_by', version); }
  clear(): void {
    for (const table of ['entity_mention', 'entity_block', 'entity_form', 'entity', 'entity_meta']) this.db.prepare(`DELETE FROM ${table}`).run();
  }
  formEntity(type: EntityType, key: string): string | null { return (this.stmt.formEntity.get(type, key) as string | undefined) ?? null; }
  formsInBlock(type: EntityType, block: string): { key: string; entity: string }[] {
    return this.stmt.block.all(type, block) as { key: string; entity: string }[];
  }
  addForm(type: EntityType, key: string, blocks: string[], entity: string): void {
    this.stmt.addForm.run(type, key, entity);
    for (const b of blocks) this.stmt.addBlock.run(type, b, key);
  }
  hasEntity(id: string): boolean { return this.stmt.hasEntity.get(id) !== undefined; }
  addEntity(id: string, type: EntityType): void { this.stmt.addEntity.run(id, type); }
  setMentions(article: string, mentions: IndexedMention[]): void {
    this.stmt.deleteMentions.run(article);
    for (const m of mentions) this.stmt.addMention.run(m.article, m.start, m.end, m.type, m.key, m.surface, m.entity);
  }
  entityCounts(): { id: string; type: EntityType; articles: number; mentions: number }[] {
    return this.stmt.counts.all() as { id: string; type: EntityType; articles: number; mentions: number }[];
  }
  mentionsOf(entity: string): IndexedMention[] { return this.stmt.mentionsOf.all(entity) as IndexedMention[]; }
  surfacesOf(entity: string, limit: number): string[] { return this.stmt.surfacesOf.all(entity, limit) as string[]; }
  entityOfKey(key: string): string | null { return (this.stmt.entityOfKey.get(key) as string | undefined) ?? null; }
  /** The entities one article mentions (what a listing of the index re-reads when the article changed). */
  entitiesOf(article: string): string[] { return this.stmt.entitiesOf.all(article) as string[]; }
  transaction<T>(fn: () => T): T {
    return this.db.transaction(() => {
      if (this.db instanceof PgDb) this.db.lock('entities');
      return fn();
    }).immediate();
  }
}

/** The entity index kept with a store: in its SQLite file or PostgreSQL database when it has one, else in memory. */
export function entityStateFor(store: unknown): EntityIndexState {
  const db = (store as { db?: unknown }).db;
  if (db instanceof Database || db instanceof PgDb) return new SqliteEntityState(db as SqlDb);
  return new MemoryEntityState();
}
