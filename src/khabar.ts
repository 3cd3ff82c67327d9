// Khabar: the pipeline object the CLI, the API and embedders use. It owns one Store and runs
// inputs → readInputs → prepare (cleanArticle, search terms, MinHash; src/prepare.ts) → store.putArticles.
import type { Article, RawArticle } from './types.js';
import { articleOrigin, canonicalSource, CleaningContext, estimateSimilarity, extractHtmlAsync, isProblem, NEAR_DUPLICATE_THRESHOLD, readEntries, toIsoDate, type ExtractedHtml, type InputProblem, type ManifestEntry } from './ingest/index.js';
import { openStore, type ArticleFilter, type ArticleToPut, type PutResult, type Store } from './store/index.js';
import { indexText, searchArticles, SEARCH_INDEX_VERSION, type SearchHit, type SearchOptions } from './search/index.js';
import { prepareArticle, prepareBatch, PrepareWorker, type PrepareOutcome, type PreparedArticle } from './prepare.js';

export interface KhabarOptions {
  /** Path of the SQLite database file (created when missing), or a postgres:// connection string. */
  db: string;
  /**
   * Progress of rewriting the search index of a store written with another version of the search analyzer
   * (SEARCH_INDEX_VERSION), which opening it does before anything else: 4–6 seconds per 10,000 articles (39 s and
   * 60 s for the 100,000 and 110,000 of the bench stores).
   */
  onReindex?: (done: number, total: number) => void;
}

export interface IngestProgress {
  /** Articles (and unreadable inputs) dealt with so far: stored, duplicate or failed. Counts up by one each call. */
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
  /** Articles not stored because they are in another language than IngestOptions.lang. */
  skipped: number;
}

/** Called after each article is written (stored or updated, not for duplicates); later stages hook in here. */
export type ArticleHook = (article: Article, result: PutResult) => void;

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /**
   * Called for every article (or unreadable input) as it is read, with how many so far: a progress line counts these,
   * one by one, where onProgress reports a batch's articles together when the batch is written.
   */
  onRead?: (seen: number) => void;
  onProblem?: (p: InputProblem) => void;
  /** Called for an article stored (or skipped, see lang) with a notice: one whose text is not Arabic. */
  onWarning?: (p: InputProblem) => void;
  /**
   * Store only articles in this language (its primary subtag: 'ar' keeps ar-EG); the others are skipped and counted.
   * Without it every article is stored, and one that is not Arabic gets a warning.
   */
  lang?: string;
  /** Per-call hook, in addition to those added with addArticleHook(). */
  afterStore?: ArticleHook;
  /** Called with the store's answer for every article read, duplicates included (e.g. to list a run's articles). */
  onResult?: (result: PutResult) => void;
  maxBytes?: number;
  allowPrivate?: boolean;
  /** Where '-' reads from (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** The publication date and outlet of articles whose input gives none (see RawArticle.fallback). */
  fallback?: RawArticle['fallback'];
  /**
   * Prepare articles (cleaning, search terms, MinHash) in a worker thread once a full batch is read, while
   * this thread writes (default true). The stored result is the same either way.
   */
  parallel?: boolean;
}

/**
 * Articles per write transaction, and the longest an article read waits for its batch to be written. Large
 * batches on purpose: every article inserts 32 LSH band rows at random places of one B-tree, and a commit
 * writes every page it touched, so 2048 articles a commit write each page about once where 256 wrote it
 * several times (ingest bench, 50k articles stored: 590 → 780 articles/s on one thread).
 */
const INGEST_BATCH = 2048;
const INGEST_BATCH_MS = 1000;

/** The cleaning context is saved every this many written articles, and at the end of each ingest. */
const CONTEXT_SAVE_EVERY = 10_000;

const nearDuplicateOf = (other: Uint32Array, self: Uint32Array): number | null => {
  const s = estimateSimilarity(other, self);
  return s >= NEAR_DUPLICATE_THRESHOLD ? s : null;
};

/** What the store needs for a prepared article. */
function toPut({ article, index, signature, bands, origin }: PreparedArticle): ArticleToPut {
  return { article, extras: { index, signature, bands, verifyNearDuplicate: nearDuplicateOf, origin } };
}

/** The date and outlet a repeated input may fill in on its stored article (the command line's fallbacks). */
function fillOf(raw: RawArticle): { source: string | null; published: string | null } | null {
  const f = raw.fallback;
  if (!f || (!f.source && !f.published)) return null;
  return { source: canonicalSource(f.source ?? null), published: f.published ? toIsoDate(f.published) ?? f.published : null };
}

/** A batch read and not yet written. */
interface Batch { raws: RawArticle[] }

export class Khabar {
  /** The store (for stages after search: stories, analysis). */
  readonly store: Store;
  private context: CleaningContext;
  private readonly hooks: ArticleHook[] = [];
  private sinceContextSave = 0;

  /** Articles whose search rows were rewritten when the store was opened (see KhabarOptions.onReindex). */
  readonly reindexed: number;

  private constructor(store: Store, onReindex?: (done: number, total: number) => void) {
    this.store = store;
    const saved = store.loadCleaningContext();
    this.context = saved ? CleaningContext.fromJSON(saved) : new CleaningContext();
    // Search rows written by another analyzer version hold other stems than today's queries: rewrite them (a new
    // store only records the version).
    this.reindexed = store.searchIndexVersion() === SEARCH_INDEX_VERSION ? 0 : store.reindexSearch(indexText, SEARCH_INDEX_VERSION, onReindex);
  }

  /** Opens (creating when needed) the database at options.db. */
  static open(options: KhabarOptions): Khabar {
    const store = openStore(options.db);
    try {
      return new Khabar(store, options.onReindex);
    } catch (e) {
      store.close();
      throw e;
    }
  }

  /** Wraps an already opened Store (another backend, or a store shared with other components). */
  static withStore(store: Store, options: Pick<KhabarOptions, 'onReindex'> = {}): Khabar {
    return new Khabar(store, options.onReindex);
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
  async ingest(inputs: (string | ManifestEntry)[], options: IngestOptions = {}): Promise<IngestCounts> {
    const counts: IngestCounts = { stored: 0, updated: 0, duplicates: 0, nearDuplicates: 0, failed: 0, skipped: 0 };
    let done = 0;
    // Articles are written in batches, one transaction per batch: a commit per article cost ~10 ms (the
    // FTS index flushes a segment at every commit or savepoint), far more than the article itself. Each
    // article is still all-or-nothing; a killed run loses at most the open batches, which the next run
    // stores again. If the batch write fails, its articles are written one by one so only the bad one fails.
    //
    // Once a full batch is read, preparation moves to a worker thread: while the main thread writes batch k,
    // the worker prepares batch k+1. Smaller ingests (a POST, a file or two) never start one.
    let pending: Batch = { raws: [] };
    let pendingSince = 0;
    let worker: PrepareWorker | null = null;
    let workerUnusable = options.parallel === false;
    let sinceSnapshot = 0;
    let inflight: { batch: Batch; result: Promise<{ outcomes: PrepareOutcome[]; context?: unknown }> } | null = null;

    const write = (batch: Batch, prepared: PrepareOutcome[]): void => {
      const outcomes = prepared.map((o, i) => this.checkLang(o, batch.raws[i]!, counts, options));
      const entries = batch.raws.map((raw, i) => ({ raw, outcome: outcomes[i]! })).filter((e) => e.outcome !== null) as { raw: RawArticle; outcome: PrepareOutcome }[];
      for (const [i, o] of outcomes.entries()) {
        if (o === null) options.onProgress?.({ read: ++done, counts: { ...counts }, origin: batch.raws[i]!.origin ?? batch.raws[i]!.id ?? null });
      }
      const writable = entries.filter((e) => 'item' in e.outcome).map((e) => ({ ...e, put: toPut((e.outcome as { item: PreparedArticle }).item) }));
      const results = new Map<(typeof writable)[number], PutResult | { error: unknown }>();
      try {
        const r = this.store.putArticles(writable.map((w) => w.put));
        writable.forEach((w, i) => results.set(w, r[i]!));
      } catch {
        for (const w of writable) {
          try {
            results.set(w, this.store.putArticle(w.put.article, w.put.extras));
          } catch (error) {
            results.set(w, { error });
          }
        }
      }
      let next = 0;
      for (const e of entries) {
        const w = 'item' in e.outcome ? writable[next++]! : null;
        const result = w ? results.get(w)! : { error: new Error((e.outcome as { error: string }).error) };
        if ('status' in result) {
          try {
            this.afterPut(w!.put.article, result, counts, options.afterStore, worker === null);
            options.onResult?.(result);
          } catch (err) {
            counts.failed++;
            options.onProblem?.(problemOf(e.raw, err));
          }
        } else {
          counts.failed++;
          options.onProblem?.(problemOf(e.raw, result.error));
        }
        options.onProgress?.({ read: ++done, counts: { ...counts }, origin: e.raw.origin ?? e.raw.id ?? null });
      }
    };

    /** Writes a batch the worker was preparing; if the worker failed, prepares it here instead. */
    const complete = async (job: NonNullable<typeof inflight>): Promise<void> => {
      let outcomes: PrepareOutcome[];
      try {
        const r = await job.result;
        outcomes = r.outcomes;
        if (r.context !== undefined) {
          this.context = CleaningContext.fromJSON(r.context);
          this.saveContext();
        }
      } catch {
        // The worker is gone: go on in this thread from the last context it reported.
        worker = null;
        workerUnusable = true;
        outcomes = prepareBatch(job.batch.raws, this.context);
      }
      write(job.batch, outcomes);
    };

    /** Sends a batch on: prepared by the worker (written when the next one is sent, or now when draining) or here. */
    const flush = async (drain: boolean): Promise<void> => {
      const batch = pending;
      pending = { raws: [] };
      if (!worker && !workerUnusable && batch.raws.length >= INGEST_BATCH) {
        try {
          worker = PrepareWorker.start(this.context.toJSON());
        } catch {
          worker = null;
        }
        if (!worker) workerUnusable = true;
      }
      if (batch.raws.length && worker) {
        sinceSnapshot += batch.raws.length;
        const snapshot = sinceSnapshot >= CONTEXT_SAVE_EVERY;
        if (snapshot) sinceSnapshot = 0;
        const job = { batch, result: worker.prepare(batch.raws, snapshot) };
        job.result.catch(() => undefined); // handled in complete()
        const previous = inflight;
        inflight = job;
        if (previous) await complete(previous);
      } else if (batch.raws.length) {
        write(batch, prepareBatch(batch.raws, this.context));
      }
      if (drain && inflight) {
        const job = inflight;
        inflight = null;
        await complete(job);
      }
    };

    try {
      let seen = 0;
      for await (const item of readEntries(inputs, { maxBytes: options.maxBytes, allowPrivate: options.allowPrivate, stdin: options.stdin })) {
        options.onRead?.(++seen);
        // Something dropped from an article that is kept (a url that is not http(s)): a notice, not a failure.
        if (isProblem(item) && item.warning) {
          options.onWarning?.(item);
          continue;
        }
        if (isProblem(item)) {
          counts.failed++;
          options.onProblem?.(item);
          options.onProgress?.({ read: ++done, counts: { ...counts }, origin: item.input });
          continue;
        }
        const raw = options.fallback ? { ...item, fallback: { ...options.fallback, ...item.fallback } } : item;
        // An input seen before with the same content is answered by the store without cleaning it again: cleaning
        // with what the outlet's memory has learned since could give another text, and nothing may change.
        const repeat = this.repeat(raw);
        if (repeat) {
          try {
            this.afterPut(this.store.getArticle(repeat.id)!, repeat, counts, options.afterStore, worker === null);
            options.onResult?.(repeat);
          } catch (err) {
            counts.failed++;
            options.onProblem?.(problemOf(raw, err));
          }
          options.onProgress?.({ read: ++done, counts: { ...counts }, origin: raw.origin ?? raw.id ?? null });
          continue;
        }
        if (!pending.raws.length) pendingSince = Date.now();
        pending.raws.push(raw);
        if (pending.raws.length >= INGEST_BATCH) await flush(false);
        else if (Date.now() - pendingSince >= INGEST_BATCH_MS) await flush(true);
      }
      await flush(true);
      if (worker) {
        const w: PrepareWorker = worker;
        worker = null;
        this.context = CleaningContext.fromJSON(await w.finish());
      }
    } finally {
      // On an error the batches not yet written are dropped (nothing half-written): a rerun stores them.
      if (worker) await (worker as PrepareWorker).terminate();
      this.saveContext();
    }
    return counts;
  }

  /**
   * The outcome to write, or null for an article in another language than options.lang (skipped and counted); an
   * article stored whose text is not Arabic gets a warning naming its input.
   */
  private checkLang(outcome: PrepareOutcome, raw: RawArticle, counts: IngestCounts, options: IngestOptions): PrepareOutcome | null {
    if (!('item' in outcome)) return outcome;
    const lang = outcome.item.article.lang;
    const primary = lang.toLowerCase().split(/[-_]/)[0];
    const input = raw.origin ?? raw.id ?? 'article';
    if (options.lang && primary !== options.lang.toLowerCase()) {
      counts.skipped++;
      options.onWarning?.({ input, reason: `not stored: its language is "${lang}", not "${options.lang}" (--lang)` });
      return null;
    }
    if (primary !== 'ar') options.onWarning?.({ input, reason: `stored, but its text is not Arabic (language "${lang}"); --lang ar skips such articles` });
    return outcome;
  }

  /** The store's answer for a source seen before with the same content, or null (see Store.putRepeat). */
  private repeat(raw: RawArticle): PutResult | null {
    const origin = articleOrigin(raw);
    return this.store.putRepeat(origin.key, origin.sourceHash, fillOf(raw));
  }

  /** Cleans and stores one raw article (already read); returns what the store did. Throws on unusable input. */
  addArticle(raw: RawArticle, extracted?: ExtractedHtml): PutResult {
    const counts: IngestCounts = { stored: 0, updated: 0, duplicates: 0, nearDuplicates: 0, failed: 0, skipped: 0 };
    const repeat = this.repeat(raw);
    if (repeat) {
      this.afterPut(this.store.getArticle(repeat.id)!, repeat, counts, undefined, true);
      return repeat;
    }
    const put = toPut(prepareArticle(raw, this.context, extracted));
    const result = this.store.putArticle(put.article, put.extras);
    this.afterPut(put.article, result, counts, undefined, true);
    return result;
  }

  /**
   * Cleans and stores articles already read (a watched feed's new items, a queue job), in order, in one transaction,
   * then saves the cleaning context. An article that cannot be cleaned is reported through onProblem and the others
   * are stored. Storing the same articles again stores nothing twice (they come back 'duplicate'), and a source seen
   * before with the same content is answered without cleaning it again, as ingest() does.
   */
  storeArticles(raws: RawArticle[], options: Pick<IngestOptions, 'onProblem' | 'onResult' | 'afterStore' | 'fallback'> = {}): IngestCounts {
    const counts: IngestCounts = { stored: 0, updated: 0, duplicates: 0, nearDuplicates: 0, failed: 0, skipped: 0 };
    const fresh: RawArticle[] = [];
    for (const raw of raws.map((r) => (options.fallback ? { ...r, fallback: { ...options.fallback, ...r.fallback } } : r))) {
      const repeat = this.repeat(raw);
      if (!repeat) { fresh.push(raw); continue; }
      this.afterPut(this.store.getArticle(repeat.id)!, repeat, counts, options.afterStore, true);
      options.onResult?.(repeat);
    }
    const entries = prepareBatch(fresh, this.context).map((outcome, i) => ({ raw: fresh[i]!, outcome }));
    const writable = entries.flatMap((e) => ('item' in e.outcome ? [{ raw: e.raw, put: toPut(e.outcome.item) }] : []));
    const results = this.store.putArticles(writable.map((w) => w.put));
    for (const e of entries) if ('error' in e.outcome) { counts.failed++; options.onProblem?.(problemOf(e.raw, new Error(e.outcome.error))); }
    writable.forEach((w, i) => {
      this.afterPut(w.put.article, results[i]!, counts, options.afterStore, true);
      options.onResult?.(results[i]!);
    });
    this.saveContext();
    return counts;
  }

  /**
   * addArticle() with the article's HTML extracted in a worker thread (extractHtmlAsync), so a server answers
   * other requests meanwhile and a page that would take too long is refused; throws as addArticle does.
   */
  async addArticleAsync(raw: RawArticle): Promise<PutResult> {
    const hasText = typeof raw.text === 'string' && raw.text.trim() !== '';
    if (hasText || typeof raw.html !== 'string' || !raw.html.trim()) return this.addArticle(raw);
    let extracted: ExtractedHtml;
    try {
      extracted = await extractHtmlAsync(raw.html);
    } catch (e) {
      throw new Error(`${raw.origin ?? raw.id ?? 'article'}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.addArticle(raw, extracted);
  }

  /** Counts a written article and runs the hooks (after the article is stored). */
  private afterPut(article: Article, result: PutResult, counts: IngestCounts, afterStore: ArticleHook | undefined, contextHere: boolean): void {
    if (result.status === 'duplicate') {
      counts.duplicates++;
      return;
    }
    if (result.status === 'stored') counts.stored++;
    else counts.updated++;
    // A copy that filled in a stored article's missing date or outlet may carry another id: the hooks see the stored one.
    if (result.id !== article.id) article = this.store.getArticle(result.id) ?? article;
    if (result.nearDuplicates.length) {
      counts.nearDuplicates++;
      article.related = result.nearDuplicates;
    }
    // While a worker prepares, it holds the current context: it is saved when the worker reports it.
    if (contextHere && ++this.sinceContextSave >= CONTEXT_SAVE_EVERY) this.saveContext();
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
