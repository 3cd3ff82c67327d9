// The PostgreSQL schema of every store component, as versioned migrations (migrate.ts): the same components and
// versions' purpose as the SQLite files, in PostgreSQL's terms. Text that is sorted or compared (ids, dates,
// outlets, terms) is COLLATE "C": byte order, as SQLite compares, so both backends list and group in one order.
import type { MigrationStep } from './migrate.js';

export const PG_ARTICLE_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'articles with app-analyzed search terms in a weighted tsvector (GIN), LSH bands, signatures, near-duplicate links, kv, commit count',
    up: `
      CREATE TABLE khabar_commit (n BIGINT NOT NULL);
      INSERT INTO khabar_commit VALUES (0);
      CREATE TABLE article (
        rowid        BIGSERIAL PRIMARY KEY,
        id           TEXT COLLATE "C" NOT NULL UNIQUE,
        source       TEXT COLLATE "C",
        title        TEXT,
        url          TEXT,
        published    TEXT COLLATE "C",
        lang         TEXT NOT NULL,
        text         TEXT NOT NULL,
        removed      TEXT NOT NULL,
        content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
        ingested_at  TEXT NOT NULL,
        revision     BIGINT NOT NULL
      );
      CREATE INDEX article_published ON article (published, id);
      CREATE INDEX article_source ON article (source, published);
      CREATE INDEX article_revision ON article (revision);
      -- The search row: the terms the search stage computed (normalized forms and light stems), weighted by column
      -- (A title forms, B title stems, C body forms, D body stems) so a query names the columns a form may match.
      CREATE TABLE article_search (
        article    BIGINT PRIMARY KEY REFERENCES article (rowid) ON DELETE CASCADE,
        title_norm TEXT NOT NULL,
        title_stem TEXT NOT NULL,
        norm       TEXT NOT NULL,
        stem       TEXT NOT NULL,
        terms      TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title_norm), 'A') || setweight(to_tsvector('simple', title_stem), 'B') ||
          setweight(to_tsvector('simple', norm), 'C') || setweight(to_tsvector('simple', stem), 'D')) STORED
      );
      CREATE INDEX article_search_terms ON article_search USING GIN (terms);
      CREATE TABLE article_signature (article BIGINT PRIMARY KEY REFERENCES article (rowid) ON DELETE CASCADE, signature BYTEA NOT NULL);
      CREATE TABLE article_band (band BIGINT NOT NULL, article BIGINT NOT NULL, PRIMARY KEY (band, article));
      CREATE INDEX article_band_article ON article_band (article);
      CREATE TABLE article_related (article BIGINT NOT NULL, other BIGINT NOT NULL, similarity DOUBLE PRECISION NOT NULL, PRIMARY KEY (article, other));
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    description: 'search rows matched by an unweighted tsvector (stems as marked lexemes) whose GIN index needs no recheck, read through the index',
    // A query with weights (a form matching AC, a stem BD) must read every row the GIN index returns again, and a
    // common word's rows are thousands: `match` holds the same words, each stem marked with a tatweel (which
    // normalization takes out of every word) instead of a weight, in the same order and positions as `terms`, so an
    // unweighted query over it matches the same rows from the index alone. `terms` stays for ranking.
    up: `
      ALTER TABLE article_search ADD COLUMN match TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', title_norm) || to_tsvector('simple', regexp_replace(title_stem, '(\\S+)', chr(1600) || '\\1', 'g')) ||
        to_tsvector('simple', norm) || to_tsvector('simple', regexp_replace(stem, '(\\S+)', chr(1600) || '\\1', 'g'))) STORED;
      DROP INDEX article_search_terms;
      CREATE INDEX article_search_match ON article_search USING GIN (match);
      -- The rows a query matches, always through the index: for a common word the planner prefers reading the whole
      -- table, which opens every row's terms (ten to twenty times slower than the index, which needs no row's terms).
      CREATE FUNCTION article_search_matches(m TSQUERY) RETURNS SETOF BIGINT LANGUAGE sql STABLE SET enable_seqscan = off
        AS 'SELECT article FROM article_search WHERE match @@ m';
    `,
  },
];

/** Component 'article-origins', as SQLite's ARTICLE_ORIGIN_MIGRATIONS: each article's source, and exact copies' ids. */
export const PG_ARTICLE_ORIGIN_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'the source of each article (key and content hash) and the ids of exact copies from other sources',
    up: `
      ALTER TABLE article ADD COLUMN origin_key TEXT COLLATE "C";
      ALTER TABLE article ADD COLUMN source_hash TEXT COLLATE "C";
      CREATE UNIQUE INDEX article_origin_key ON article (origin_key) WHERE origin_key IS NOT NULL;
      CREATE INDEX article_source_hash ON article (source_hash) WHERE source_hash IS NOT NULL;
      CREATE TABLE article_alias (
        id          TEXT COLLATE "C" PRIMARY KEY,
        article     BIGINT NOT NULL REFERENCES article (rowid) ON DELETE CASCADE,
        origin_key  TEXT COLLATE "C" NOT NULL UNIQUE,
        source_hash TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX article_alias_article ON article_alias (article);
    `,
  },
];

export const PG_STORY_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'story grouping state: counters, document frequencies, article features, stories, inverted index',
    up: `
      CREATE TABLE story_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
      CREATE TABLE story_df (term TEXT COLLATE "C" PRIMARY KEY, df BIGINT NOT NULL);
      CREATE TABLE story_article (id TEXT COLLATE "C" PRIMARY KEY, story TEXT COLLATE "C" NOT NULL, features TEXT NOT NULL);
      CREATE INDEX story_article_story ON story_article (story, id);
      CREATE TABLE story (id TEXT COLLATE "C" PRIMARY KEY, seq BIGINT NOT NULL, record TEXT NOT NULL);
      CREATE TABLE story_posting (term TEXT COLLATE "C" NOT NULL, story TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (term, story));
      CREATE INDEX story_posting_recent ON story_posting (term, seq DESC);
      CREATE INDEX story_posting_story ON story_posting (story);
    `,
  },
];

export const PG_ENTITY_MIGRATIONS: MigrationStep[] = [
  {
    version: 1,
    description: 'store-wide entity index: entities, their forms and blocking keys, every mention of every article',
    up: `
      CREATE TABLE entity_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE entity (id TEXT COLLATE "C" PRIMARY KEY, type TEXT NOT NULL);
      CREATE TABLE entity_form (type TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, entity TEXT COLLATE "C" NOT NULL, PRIMARY KEY (type, key));
      CREATE INDEX entity_form_key ON entity_form (key);
      CREATE TABLE entity_block (type TEXT COLLATE "C" NOT NULL, block TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, PRIMARY KEY (type, block, key));
      CREATE TABLE entity_mention (
        article TEXT COLLATE "C" NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        type TEXT NOT NULL, key TEXT COLLATE "C" NOT NULL, surface TEXT NOT NULL, entity TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (article, start, "end")
      );
      CREATE INDEX entity_mention_entity ON entity_mention (entity);
    `,
  },
];
