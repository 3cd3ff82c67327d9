// The data khabar passes between stages, named once. The JSON printed by `report`, `story --json`
// and the API is these types (see schema/report.schema.json).

/** Why a line was removed from an article body during cleaning. */
export type RemovalReason =
  | 'related-link'    // اقرأ أيضا ...
  | 'comment-prompt'  // اضف تعليق
  | 'source-line'     // المصدر : ...
  | 'caption'         // photo caption (e.g. a Latin-script caption inside an Arabic article)
  | 'section-label'   // سياسة دولية
  | 'share-prompt'    // شارك / تابعونا / اشترك
  | 'recurring'       // a line that recurs across many articles of the same outlet
  | 'title-repeat'    // the headline repeated as the first body line
  | 'other';

export interface RemovedLine {
  text: string;
  reason: RemovalReason;
}

/** An article as a reader gives it to khabar, before cleaning. */
export interface RawArticle {
  id?: string;
  title?: string | null;
  text?: string | null;   // plain text body
  html?: string | null;   // or an HTML page/fragment
  source?: string | null; // the outlet
  url?: string | null;
  published?: string | null; // ISO 8601
  lang?: string | null;
  /** Where it came from (a file path, a URL, "-"), for messages. */
  origin?: string;
  /**
   * Used only when the input itself gives none (`khabar ingest --published/--source`): a .txt file carries no
   * date or outlet, and an undated article is grouped by content alone, where a later event on the same subject
   * reads like the first one.
   */
  fallback?: { published?: string | null; source?: string | null };
  /**
   * The identity of the article's source, set by the reader (src/ingest/inputs.ts): `file:/abs/path` (a .txt or
   * .html file, or `#item` of a JSON file without ids), `url:…` for a page. Two inputs with different keys never
   * replace each other; the same key with another text is an update. Undefined: an id the item gives itself, with
   * its outlet; null: known by its content alone (stdin, a POSTed article without an id).
   */
  key?: string | null;
  /** More specific ids to use, in order, when `id` already belongs to another source (`b/1` for dir/b/1.txt). */
  altIds?: string[];
}

/** A cleaned, stored article. */
export interface Article {
  id: string;
  source: string | null;
  title: string | null;
  url: string | null;
  /** ISO 8601 date or date-time, or null when unknown. */
  published: string | null;
  lang: string;
  /** The cleaned body: what every later stage reads. */
  text: string;
  /** What cleaning removed, and why. */
  removed: RemovedLine[];
  /** Hash of the normalized content: the same content ingested twice is stored once. */
  contentHash: string;
  /** Ids of near-duplicate articles (the same agency copy lightly edited). */
  related?: string[];
  /** The ids of exact copies from other sources, stored once as this article (`khabar show` finds it by any of them). */
  duplicates?: string[];
}

export type Granularity = 'day' | 'week' | 'month' | 'year';

/** A date or range resolved from text, with how precise it is. */
export interface ResolvedDate {
  /** ISO date of the start: YYYY-MM-DD. */
  start: string;
  /** ISO date of the end (inclusive): YYYY-MM-DD. Equals start for a single day. */
  end: string;
  granularity: Granularity;
  /** The matched surface text and its offsets in the input. */
  text: string;
  startOffset: number;
  endOffset: number;
}

export interface Story {
  id: string;
  /** A representative headline or lead sentence taken from the articles, never invented. */
  title: string;
  articles: string[];
  /** Follow-up or earlier stories in the same storyline. */
  related: string[];
  sources: string[];
  first: string | null;
  last: string | null;
}

export interface Fact {
  text: string;
  articles: string[];
  /** True when only one article (outlet) of a story of several carries it. */
  unique: boolean;
}

export type EntityType = 'person' | 'place' | 'org' | 'other';

export interface Entity {
  name: string;
  type: EntityType;
  variants: string[];
  articles: string[];
  mentions: number;
}

export interface Quote {
  speaker: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  articles: string[];
  /** The cue as written in the first article (قال، وأضاف، مضيفا، وفق ما أفاد به). */
  cue?: string;
  /** The story entity (its name) that speaks, or null when the speaker is no entity of the story. */
  speakerEntity?: string | null;
  /** Where the quote is in each article's stored text, so that it can be checked against its source. */
  spans?: { article: string; start: number; end: number }[];
}

export interface Quantity {
  value: number;
  unit: string;
  text: string;
  articles: string[];
  approximate?: boolean;
  /** Other values the articles give for the same thing at the same time, which disagree with this one. */
  conflicts?: { value: number; text: string; articles: string[] }[];
  /** Other values for the same thing that agree with this one: a bound it meets, the same figure rounded. */
  variants?: { value: number; text: string; articles: string[] }[];
}

export interface TimelineEvent {
  /** YYYY-MM-DD, YYYY-MM or YYYY by granularity; a week (الأسبوع الماضي) is its first and last day, YYYY-MM-DD/YYYY-MM-DD. */
  date: string;
  text: string;
  articles: string[];
}

export interface SummarySentence {
  text: string;
  articles: string[];
}

export interface StoryAnalysis {
  facts: Fact[];
  entities: Entity[];
  quotes: Quote[];
  numbers: Quantity[];
  timeline: TimelineEvent[];
}

/** A story with everything the analysis gives: one entry of `report --json`'s `stories`. */
export interface StoryReport extends Story, Partial<StoryAnalysis> {
  summary?: SummarySentence[];
}

/** The document `khabar report --json` prints. */
export interface Report {
  articles: (Pick<Article, 'id' | 'source' | 'title' | 'url' | 'published' | 'text'> & Pick<Partial<Article>, 'duplicates'>)[];
  stories: StoryReport[];
}
