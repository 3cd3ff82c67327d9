// What the HTTP API and the web page need from khabar, and nothing more. The server is written against this
// interface; khabar-source.ts implements it over the library (class Khabar). Keep it small: every method
// maps to one library call or a simple composition of them.
import type { Article, EntityType, RawArticle, Story, StoryReport } from '../types.js';

export type StorySort = 'newest' | 'coverage';

export interface StoryListQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  sort: StorySort;
  /** Inclusive ISO dates (YYYY-MM-DD) on the story's last / first article date. */
  from?: string;
  to?: string;
  /** Canonical outlet name: stories with at least one article from it. */
  outlet?: string;
  /** Entity id (see EntitySummary.id): stories mentioning it. */
  entity?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface SearchHit {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  score: number;
  /** The article's opening words: what to show when it has no title. */
  lead: string;
  /** The story the article belongs to, when known. */
  story: string | null;
  /** A short passage of the article text around the matches, with the matching spans marked. */
  snippet: SnippetPart[];
}

/** What a search asks beside its words: a page of hits (limit, offset) and the filters the CLI has. */
export interface SearchQuery {
  /** At most this many hits (default 20). */
  limit?: number;
  /** Hits skipped before the first one returned (default 0). */
  offset?: number;
  /** Inclusive bounds on the publication date: YYYY-MM-DD, YYYY-MM or YYYY. */
  from?: string;
  to?: string;
  /** Only articles of this outlet. */
  outlet?: string;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** An entity across the whole store (the entity index: its variants merged store-wide), with every article and
 * story that mentions it. */
export interface EntitySummary {
  /** Stable, URL-safe id: the entity key of the name it was first seen by. */
  id: string;
  name: string;
  type: EntityType;
  variants: string[];
  mentions: number;
  /** How many stored articles mention it. */
  articles: number;
  stories: { id: string; title: string }[];
}

export interface EntityListQuery {
  /** 0-based. */
  offset?: number;
  limit?: number;
}

export interface EntityPage {
  items: EntitySummary[];
  offset: number;
  limit: number;
  /** Entities in the whole index. */
  total: number;
}

export interface IngestOutcome {
  stored: number;
  updated: number;
  duplicates: number;
  failed: { index: number; reason: string }[];
  /** Ids of the articles stored, updated or found as duplicates, in input order. */
  ids: string[];
  /** What was dropped from an article that was kept (a url that is not http(s)). */
  warnings?: { index: number; reason: string }[];
}

export interface ArticleView extends Article {
  /** The story the article belongs to, when known. */
  story: { id: string; title: string } | null;
}

export interface KhabarSource {
  listStories(q: StoryListQuery): Page<Story>;
  /** Everything the analysis gives for one story, or null when there is no such story. */
  story(id: string): Promise<StoryReport | null>;
  /** The story that a story id merged away (or left empty) is now part of; null when the id is not one of those. */
  storyMovedTo(id: string): string | null;
  /** Stories by id (for related-story titles); unknown ids are left out. */
  storiesById(ids: string[]): Story[];
  article(id: string): ArticleView | null;
  /** Titles and outlets of several articles (for citation marks); unknown ids are left out. */
  articles(ids: string[]): Article[];
  /** One page of the hits, and how many articles match in all. */
  search(q: string, opts?: SearchQuery): Promise<{ hits: SearchHit[]; total: number }>;
  /** Entities of the whole store, those in most articles first: `limit` of them from `offset`, and how many in all. */
  entities(q?: EntityListQuery): EntityPage;
  /** The same page as JSON, the text JSON.stringify gives (a source may keep each entity's JSON between pages). */
  entitiesJson?(q?: EntityListQuery): string;
  /** One entity by its id, or by the entity key of one of its names (what a story's entity links to). */
  entity(id: string): EntitySummary | null;
  /** Cleans, stores and groups raw articles. May be called with batches; must not throw for bad items. */
  ingest(items: RawArticle[]): Promise<IngestOutcome>;
  /** Known outlets, for the story-list filter. */
  outlets(): string[];
}
