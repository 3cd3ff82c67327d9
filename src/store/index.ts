// Public surface of the store stage: the Store interface and its embedded SQLite implementation.
// (migrate() and SqliteStore.db are for other files inside src/store/ only.)
export type { Store, PutResult, ArticleExtras, ArticleFilter, ArticleToPut, IndexedText, TermQuery, StoreHit } from './types.js';
export { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
