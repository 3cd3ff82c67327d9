// The store-wide entity index: every mention of every stored article, each tied to one entity of the whole store, so
// that an entity has one id and one page across all stories (مولود تشاووش أوغلو in one story and مولود جاويش أوغلو
// in the next are one entity), and its page counts every article and story that mentions it, not only the stories
// someone happened to open.
//
// A mention's form (type and name key) joins the entity its form already belongs to; else an entity holding a
// variant of it (sameKey, over forms that share a blocking key); a lone surname joins the person its article names
// in full, else the one person of the store whose full name it ends (when exactly one fits); else it starts an entity
// of its own, whose id is the entity key of its name. Forms are never moved between entities afterwards, so ids stay.
//
// The index is caught up with the store by revision (Store.changedAfter): a new or changed article has its mentions
// replaced. Where it is kept is the store's business (src/store/sqlite-entities.ts; MemoryEntityState here).
import type { Article, EntityType } from '../types.js';
import type { Store } from '../store/index.js';
import { entityKey, extractEntities } from './entities.js';
import { resolveSurname, surnameIndex, type Mention } from './rules.js';
import { nameKey, sameKey, skeleton, tokenKey } from './names.js';
import { entityModel } from './ner/load.js';
import { EXTRACTION_VERSION } from './story.js';

/** One mention as the index keeps it. */
export interface IndexedMention {
  article: string;
  start: number;
  end: number;
  type: EntityType;
  /** The form's name key (nameKey of the canonical name or the surface). */
  key: string;
  surface: string;
  entity: string;
}

/** What the index keeps, and nothing about how (SQLite, memory). Synchronous, as the store is. */
export interface EntityIndexState {
  /** The store revision the index has read up to, or null before the first catch-up. */
  readRevision(): number | null;
  setReadRevision(revision: number): void;
  /** What made the index (indexVersion()); a different one means every article is indexed again. */
  madeBy(): string | null;
  setMadeBy(version: string): void;
  /** Forgets every entity, form and mention. */
  clear(): void;
  formEntity(type: EntityType, key: string): string | null;
  /** Forms filed under a blocking key (see blocksOf). */
  formsInBlock(type: EntityType, block: string): { key: string; entity: string }[];
  addForm(type: EntityType, key: string, blocks: string[], entity: string): void;
  hasEntity(id: string): boolean;
  addEntity(id: string, type: EntityType): void;
  /** Replaces the mentions of one article. */
  setMentions(article: string, mentions: IndexedMention[]): void;
  /** Entities with at least one mention: id, type, and how many articles and mentions. */
  entityCounts(): { id: string; type: EntityType; articles: number; mentions: number }[];
  /** Every mention of one entity. */
  mentionsOf(entity: string): IndexedMention[];
  /** The distinct surfaces one entity is written with, at most `limit` (search finds them by any of them). */
  surfacesOf(entity: string, limit: number): string[];
  /** The entity a form key belongs to, of any type (for ids that are names). */
  entityOfKey(key: string): string | null;
  transaction<T>(fn: () => T): T;
}

/** Bumped when how mentions are found or merged changes: the index is then rebuilt. */
export const ENTITY_INDEX_VERSION = 1;

/** What an index made now would be made by: this code's versions and whether the tagger model is in use. */
export function indexVersion(): string {
  const model = entityModel();
  return `${ENTITY_INDEX_VERSION}|${EXTRACTION_VERSION}|${model ? `model:${model.header.features}:${model.header.scale}` : 'rules'}`;
}

/** The blocking keys of a form: its type, word count and the start of the consonant skeleton of its last and of its
 * first word (variants differ early or late, rarely both); for a person of several words, its surname. */
function blocksOf(type: EntityType, key: string): string[] {
  const toks = key.split(' ');
  const out = [`${toks.length}|l:${skeleton(toks[toks.length - 1]).slice(0, 3)}`];
  if (toks.length > 1) out.push(`${toks.length}|f:${skeleton(toks[0]).slice(0, 3)}`);
  if (type === 'person' && toks.length > 1) out.push(`sur:${skeleton(toks[toks.length - 1])}`);
  return out;
}

const OUGLU = tokenKey('أوغلو');

/** Finds or makes the entity of a form. */
function entityFor(state: EntityIndexState, type: EntityType, key: string, name: string, articleFull: Map<string, string>): string {
  const known = state.formEntity(type, key);
  if (known) return known;
  const blocks = blocksOf(type, key);
  let entity: string | null = null;
  // a lone surname: the person its article names in full, else the one person of the store it fits
  const toks = key.split(' ');
  const lone = type === 'person' && (toks.length === 1 || (toks.length === 2 && toks[1] === OUGLU));
  if (lone) {
    const last = toks[toks.length - 1];
    const inArticle = resolveSurname(surnameIndex([...articleFull.keys()]), { key: last, prevKey: toks.length === 2 ? toks[0] : null });
    if (inArticle) entity = articleFull.get(inArticle.full) ?? null;
    if (!entity) {
      const fulls = state.formsInBlock('person', `sur:${skeleton(last)}`);
      const hit = resolveSurname(surnameIndex(fulls.map((f) => f.key)), { key: last, prevKey: toks.length === 2 ? toks[0] : null });
      if (hit) entity = fulls.find((f) => f.key === hit.full)?.entity ?? null;
    }
  }
  if (!entity) {
    for (const block of blocks) {
      const hit = state.formsInBlock(type, block).find((f) => sameKey(f.key, key));
      if (hit) { entity = hit.entity; break; }
    }
  }
  if (!entity) {
    const base = entityKey(name) || key;
    let id = base;
    for (let n = 2; state.hasEntity(id); n++) id = `${base}~${n}`;
    state.addEntity(id, type);
    entity = id;
  }
  state.addForm(type, key, blocks, entity);
  return entity;
}

/** Indexes one article: its mentions (found by the tagger unless given) replace those it had. */
export function indexArticle(state: EntityIndexState, article: Pick<Article, 'id' | 'text'>, mentions: Mention[] = extractEntities(article).mentions): void {
  const out: IndexedMention[] = [];
  const articleFull = new Map<string, string>();
  // full names first, so that the article's lone surnames find them
  const order = mentions.map((m, i) => i).sort((a, b) => Number(isLone(mentions[a])) - Number(isLone(mentions[b])) || a - b);
  const entityOf = new Array<string>(mentions.length);
  for (const i of order) {
    const m = mentions[i];
    const key = m.key || nameKey(m.surface);
    if (!key) continue;
    const entity = entityFor(state, m.type, key, m.canonical ?? m.surface, articleFull);
    if (m.type === 'person' && key.includes(' ')) articleFull.set(key, entity);
    entityOf[i] = entity;
  }
  mentions.forEach((m, i) => {
    if (entityOf[i]) out.push({ article: article.id, start: m.start, end: m.end, type: m.type, key: m.key || nameKey(m.surface), surface: m.surface, entity: entityOf[i] });
  });
  state.setMentions(article.id, out);
}

function isLone(m: Mention): boolean {
  const toks = m.key.split(' ');
  return m.type === 'person' && (toks.length === 1 || (toks.length === 2 && toks[1] === OUGLU));
}

/** Articles read from the store a batch at a time, and indexed in one transaction a batch. */
const BATCH = 500;

/**
 * Brings the index up to date with the store: every article written after the revision it read up to is indexed
 * (again); an index made by another version of this code, or with the model file added or removed, is rebuilt.
 * Returns the number of articles indexed.
 */
export function catchUpEntityIndex(store: Store, state: EntityIndexState, opts: {
  onProgress?: (done: number, total: number) => void;
  /** An article's mentions, when they are kept elsewhere (the server's stored extractions); default: tagged here. */
  mentions?: (article: Article) => Mention[];
} = {}): number {
  const mentionsOf = opts.mentions ?? ((a: Article) => extractEntities(a).mentions);
  const version = indexVersion();
  const revision = store.revision();
  let since = state.readRevision();
  if (state.madeBy() !== version) {
    state.transaction(() => { state.clear(); state.setMadeBy(version); });
    since = null;
  }
  if (since !== null && since >= revision) return 0;
  const ids = since === null ? store.listArticleIds() : store.changedAfter(since);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = store.getArticles(ids.slice(i, i + BATCH));
    // Found before the write transaction, which would otherwise hold the database's write lock while they are tagged.
    const mentions = batch.map(mentionsOf);
    state.transaction(() => { batch.forEach((a, k) => indexArticle(state, a, mentions[k])); });
    opts.onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  state.transaction(() => state.setReadRevision(revision));
  return ids.length;
}

/**
 * The entity a name someone typed denotes, without adding anything: a form of it, else a form that is a variant of it
 * (as a new mention would join), else the one person whose surname it is. Null when none or several fit.
 */
export function lookupEntity(state: EntityIndexState, name: string): string | null {
  const key = nameKey(name);
  if (!key) return null;
  const known = state.entityOfKey(key);
  if (known) return known;
  const types: EntityType[] = ['person', 'place', 'org'];
  for (const type of types) {
    for (const block of blocksOf(type, key)) {
      const hit = state.formsInBlock(type, block).find((f) => sameKey(f.key, key));
      if (hit) return hit.entity;
    }
  }
  const toks = key.split(' ');
  if (toks.length !== 1) return null;
  const entities = new Set(state.formsInBlock('person', `sur:${skeleton(toks[0])}`).map((f) => f.entity));
  return entities.size === 1 ? [...entities][0] : null;
}

/** An entity of the index as a reader sees it. */
export interface IndexedEntity {
  id: string;
  type: EntityType;
  /** The most frequent among its longest forms (or its listed canonical name). */
  name: string;
  variants: string[];
  mentions: number;
  /** Ids of the articles that mention it. */
  articles: string[];
}

/** One entity with its name, variants and articles, or null. `id` may also be the entity key of one of its names. */
export function readEntity(state: EntityIndexState, id: string): IndexedEntity | null {
  let entity = state.hasEntity(id) ? id : null;
  if (!entity) entity = state.entityOfKey(nameKey(id.replace(/_/g, ' ')));
  if (!entity) return null;
  const mentions = state.mentionsOf(entity);
  if (!mentions.length) return null;
  const surfaces = new Map<string, number>();
  const articles = new Set<string>();
  for (const m of mentions) { surfaces.set(m.surface, (surfaces.get(m.surface) ?? 0) + 1); articles.add(m.article); }
  const words = (s: string) => s.split(/\s+/).length;
  const name = [...surfaces].sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  return { id: entity, type: mentions[0].type, name, variants: [...surfaces.keys()].sort(), mentions: mentions.length, articles: [...articles].sort() };
}

/** An index kept in memory, for stores that keep none of their own. */
export class MemoryEntityState implements EntityIndexState {
  #revision: number | null = null;
  #madeBy: string | null = null;
  #forms = new Map<string, string>();
  #blocks = new Map<string, { key: string; entity: string }[]>();
  #entities = new Map<string, EntityType>();
  #byArticle = new Map<string, IndexedMention[]>();
  #byEntity = new Map<string, Set<IndexedMention>>();
  #byKey = new Map<string, string>();

  readRevision(): number | null { return this.#revision; }
  setReadRevision(revision: number): void { this.#revision = revision; }
  madeBy(): string | null { return this.#madeBy; }
  setMadeBy(version: string): void { this.#madeBy = version; }
  clear(): void {
    this.#revision = null;
    for (const m of [this.#forms, this.#blocks, this.#entities, this.#byArticle, this.#byEntity, this.#byKey]) m.clear();
  }
  formEntity(type: EntityType, key: string): string | null { return this.#forms.get(`${type}|${key}`) ?? null; }
  formsInBlock(type: EntityType, block: string): { key: string; entity: string }[] { return this.#blocks.get(`${type}|${block}`) ?? []; }
  addForm(type: EntityType, key: string, blocks: string[], entity: string): void {
    this.#forms.set(`${type}|${key}`, entity);
    if (!this.#byKey.has(key)) this.#byKey.set(key, entity);
    for (const b of blocks) {
      const k = `${type}|${b}`;
      const list = this.#blocks.get(k) ?? [];
      list.push({ key, entity });
      this.#blocks.set(k, list);
    }
  }
  hasEntity(id: string): boolean { return this.#entities.has(id); }
  addEntity(id: string, type: EntityType): void { this.#entities.set(id, type); }
  setMentions(article: string, mentions: IndexedMention[]): void {
    for (const m of this.#byArticle.get(article) ?? []) this.#byEntity.get(m.entity)?.delete(m);
    this.#byArticle.set(article, mentions);
    for (const m of mentions) {
      let set = this.#byEntity.get(m.entity);
      if (!set) this.#byEntity.set(m.entity, (set = new Set()));
      set.add(m);
    }
  }
  entityCounts(): { id: string; type: EntityType; articles: number; mentions: number }[] {
    const out: { id: string; type: EntityType; articles: number; mentions: number }[] = [];
    for (const [id, set] of this.#byEntity) {
      if (!set.size) continue;
      out.push({ id, type: this.#entities.get(id) ?? 'other', articles: new Set([...set].map((m) => m.article)).size, mentions: set.size });
    }
    return out;
  }
  mentionsOf(entity: string): IndexedMention[] { return [...(this.#byEntity.get(entity) ?? [])]; }
  surfacesOf(entity: string, limit: number): string[] {
    return [...new Set([...(this.#byEntity.get(entity) ?? [])].map((m) => m.surface))].slice(0, limit);
  }
  entityOfKey(key: string): string | null { return this.#byKey.get(key) ?? null; }
  transaction<T>(fn: () => T): T { return fn(); }
}
