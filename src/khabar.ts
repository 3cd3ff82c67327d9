// Khabar: the pipeline object the CLI, the API and embedders use. It owns one Store and runs
// inputs → readInputs → cleanArticle → analysis for search + MinHash → store.putArticle, one article at a time.
import type { Article, RawArticle } from './types.js';
import {
  CleaningContext, cleanArticle, estimateSimilarity, isProblem, lshBands, minhash, NEAR_DUPLICATE_THRESHOLD, readInputs,
  type InputProblem,
} from './ingest/index.js';
import { SqliteStore, type ArticleExtras, type ArticleFilter, type ArticleToPut, type PutResult, type Store } from './store/index.js';
import { indexText, searchArticles, type SearchHit, type SearchOptions } from './search/index.js';

export interface KhabarOptions {
  /** Path of the SQLite database file (created when missing). */
  db: string;
}

export interface IngestProgress {
  /** Articles read so far (stored, duplicate or failed). */
  read: number;
  counts: IngestCounts;
  /** Where the last article came from. */
  origin: string | null;
}

export interface IngestCounts {
  stored: number;
  /** Articles whose id existed with different content: replaced. */
  updated: number;
  /** Articles whose content was already stored (not stored again). */
  duplicates: number;
  /** Stored articles that are near-duplicates of earlier ones (linked both ways, counted in stored/updated too). */
  nearDuplicates: number;
  /** Inputs or articles that could not be read or cleaned. */
  failed: number;
}

/** Called after each article is written (stored or updated, not for duplicates); later stages hook in here. */
export type ArticleHook = (article: Article, result: PutResult) => void;

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  onProblem?: (p: InputProblem) => void;
  /** Per-call hook, in addition to those added with addArticleHook(). */
  afterStore?: ArticleHook;
  /** Called with the store's answer for every article read, duplicates included (e.g. to list a run's articles). */
  onResult?: (result: PutResult) => void;
  maxBytes?: number;
  allowPrivate?: boolean;
  /** Where '-' reads from (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** Articles per write transaction, and the longest an article read waits for its batch to be written. */
const INGEST_BATCH = 256;
const INGEST_BATCH_MS = 1000;

/** The cleaning context is saved every this many written articles, and at the end of each ingest. */
const CONTEXT_SAVE_EVERY = 1000;

export class Khabar {
  /** The store (for stages after search: stories, analysis). */
  readonly store: Store;
  private readonly context: CleaningContext;
  private readonly hooks: ArticleHook[] = [];
  private sinceContextSave = 0;

  private constructor(store: Store) {
    this.store = store;
    const saved = store.loadCleaningContext();
    this.context = saved ? CleaningContext.fromJSON(saved) : new CleaningContext();
  }

  /** Opens (creating when needed) the database at options.db. */
  static open(options: KhabarOptions): Khabar {
    return new Khabar(SqliteStore.open(options.db));
  }

  /** Wraps an already opened Store (another backend, or a store shared with other components). */
  static withStore(store: Store): Khabar {
    return new Khabar(store);
  }

  /** Adds a hook called after every article written by any later ingest. */
  addArticleHook(hook: ArticleHook): void {
    this.hooks.push(hook);
  }

  /**
   * Reads every input (files, directories, URLs, '-'), cleans and stores each article. A bad input or
   * article is reported through onProblem and counted as failed; the batch goes on. Each article is
   * written atomically, so an interrupted ingest can simply be run again.
   */
  async ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestCounts> {
    const counts: IngestCounts = { stored: 0, updated: 0, duplicates: 0, nearDuplicates: 0, failed: 0 };
    let read = 0;
    // Articles are written in batches, one transaction per batch: a commit per article cost ~10 ms (the
    // FTS index flushes a segment at every commit or savepoint), far more than the article itself. Each
    // article is still all-or-nothing; a killed run loses at most the open batch, which the next run
    // stores again. If the batch write fails, its articles are written one by one so only the bad one fails.
    let pending: RawArticle[] = [];
    let pendingSince = 0;
    const flush = () => {
      const batch = pending;
      pending = [];
      const prepared: Array<{ raw: RawArticle; item?: ArticleToPut; result?: PutResult; error?: unknown }> = batch.map((raw) => {
        try {
          return { raw, item: this.prepare(raw) };
        } catch (error) {
          return { raw, error };
        }
      });
      const writable = prepared.filter((p) => p.item);
      try {
        const results = this.store.putArticles(writable.map((p) => p.item!));
        writable.forEach((p, i) => { p.result = results[i]; });
      } catch {
        for (const p of writable) {
          try {
            p.result = this.store.putArticle(p.item!.article, p.item!.extras);
          } catch (error) {
            p.error = error;
          }
        }
      }
      prepared.forEach((p, i) => {
        if (p.result) {
          try {
            this.afterPut(p.item!.article, p.result, counts, options.afterStore);
            options.onResult?.(p.result);
          } catch (e) {
            counts.failed++;
            options.onProblem?.(problemOf(p.raw, e));
          }
        } else {
          counts.failed++;
          options.onProblem?.(problemOf(p.raw, p.error));
        }
        options.onProgress?.({ read: read - (batch.length - 1 - i), counts: { ...counts }, origin: p.raw.origin ?? p.raw.id ?? null });
      });
    };
    try {
      for await (const item of readInputs(inputs, { maxBytes: options.maxBytes, allowPrivate: options.allowPrivate, stdin: options.stdin })) {
        read++;
        if (isProblem(item)) {
          counts.failed++;
          options.onProblem?.(item);
          options.onProgress?.({ read, counts: { ...counts }, origin: item.input });
          continue;
        }
        if (!pending.length) pendingSince = Date.now();
        pending.push(item);
        if (pending.length >= INGEST_BATCH || Date.now() - pendingSince >= INGEST_BATCH_MS) flush();
      }
    } finally {
      flush();
      this.saveContext();
    }
    return counts;
  }

  /** Cleans and stores one raw article (already read); returns what the store did. Throws on unusable input. */
  addArticle(raw: RawArticle): PutResult {
    const counts: IngestCounts = { stored: 0, updated: 0, duplicates: 0, nearDuplicates: 0, failed: 0 };
    return this.ingestOne(raw, counts, undefined);
  }

  private ingestOne(raw: RawArticle, counts: IngestCounts, afterStore: ArticleHook | undefined): PutResult {
    const { article, extras } = this.prepare(raw);
    const result = this.store.putArticle(article, extras);
    this.afterPut(article, result, counts, afterStore);
    return result;
  }

  /** Cleans a raw article and computes what the store indexes with it. Throws on unusable input. */
  private prepare(raw: RawArticle): ArticleToPut {
    const article = cleanArticle(raw, this.context);
    const signature = minhash(article.text);
    const extras: ArticleExtras = {
      index: indexText(article),
      signature,
      bands: lshBands(signature),
      verifyNearDuplicate: (other, self) => {
        const s = estimateSimilarity(other, self);
        return s >= NEAR_DUPLICATE_THRESHOLD ? s : null;
      },
    };
    return { article, extras };
  }

  /** Counts a written article and runs the hooks (after the article is stored). */
  private afterPut(article: Article, result: PutResult, counts: IngestCounts, afterStore: ArticleHook | undefined): void {
    if (result.status === 'duplicate') {
      counts.duplicates++;
      return;
    }
    if (result.status === 'stored') counts.stored++;
    else counts.updated++;
    if (result.nearDuplicates.length) {
      counts.nearDuplicates++;
      article.related = result.nearDuplicates;
    }
    if (++this.sinceContextSave >= CONTEXT_SAVE_EVERY) this.saveContext();
    for (const hook of this.hooks) hook(article, result);
    afterStore?.(article, result);
  }

  private saveContext(): void {
    this.store.saveCleaningContext(this.context.toJSON());
    this.sinceContextSave = 0;
  }

  /** Ranked articles for an Arabic query (see src/search analyzeQuery for the query language). */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return searchArticles(this.store, query, options);
  }

  article(id: string): Article | null {
    return this.store.getArticle(id);
  }

  articles(filter: ArticleFilter = {}): Article[] {
    return this.store.listArticles(filter);
  }

  count(): number {
    return this.store.countArticles();
  }

  close(): void {
    this.store.close();
  }
}

function problemOf(raw: RawArticle, e: unknown): InputProblem {
  const input = raw.origin ?? raw.id ?? 'article';
  let reason = e instanceof Error ? e.message : String(e);
  // cleanArticle's messages already start with the input's name.
  if (reason.startsWith(input + ': ')) reason = reason.slice(input.length + 2);
  return { input, reason };
}
