// Catching the grouping up with the store: every stored article not grouped yet is added, oldest first.
import type { Store } from '../store/index.js';
import type { Article } from '../types.js';
import type { AssignResult, StoryGrouper } from './grouper.js';

/**
 * Articles grouped per state transaction. A persisted state pays a commit per transaction, which was 40% of
 * grouping time at one article each, and rewrites the same hot pages (document frequencies, postings) at each:
 * 2048 a transaction grouped 20,000 stored articles in 47.4 s against 53.6 s at 256. A failure rolls back only the
 * current batch (the state's caches with it); its articles stay stored and are grouped at the next catch-up.
 */
const BATCH = 2048;

/**
 * About the longest a grouping transaction lasts (BatchOptions.transactionMs). It holds the database's write lock, and
 * a `khabar ingest` or a second grouping beside it waits for it to end (its write transactions take the lock first,
 * and wait up to SQLite's busy timeout, 30 s in SqliteStore): 2048 articles took 5–15 s, depending on the store's size.
 * Reading the next articles and taking their features happens between transactions, so the other process gets its
 * turn there (beside a catch-up of 100,000 articles, single-file ingests waited 0.9–3.5 s).
 */
const TRANSACTION_MS = 2000;

/** Stored articles read per query while catching up (their text is dropped once their features are taken). */
const READ = 1000;

/**
 * Groups the stored articles the grouping has not seen, as one batch (StoryGrouper.addBatch): the document
 * frequencies that weigh every comparison count all of them from the start, not only the ones grouped so far.
 * The store is asked for ids first, and for the articles themselves a thousand at a time, so a store of
 * 100,000 articles with ten new ones reads ten (twice: once to count them, once to group them). `onProgress` is
 * called as articles are grouped.
 */
export function groupStoredArticles(store: Store, grouper: StoryGrouper, opts: { onProgress?: (done: number, total: number) => void } = {}): AssignResult[] {
  // Read first: an article another connection writes from now on is seen by the next catch-up.
  const revision = store.revision();
  const pending = grouper.state.ungrouped(store.listArticleIds());
  function* articles(): Generator<Article> {
    for (let i = 0; i < pending.length; i += READ) yield* store.getArticles(pending.slice(i, i + READ));
  }
  // Read twice (see addBatch): counted first, then assigned, one chunk's features in memory at a time.
  const out = grouper.addBatch(articles, { chunk: BATCH, transactionMs: TRANSACTION_MS, onProgress: opts.onProgress });
  return out.concat(regroupChanged(store, grouper, revision, new Set(pending)));
}

/**
 * Whether the grouping lags the store: articles it has not grouped (each grouped article counted one document), or
 * articles written since the revision it read up to (a copy replaced, a missing date or outlet filled in).
 */
export function groupingBehind(store: Store, grouper: StoryGrouper): boolean {
  const state = grouper.state;
  if (state.documentCount() < store.countArticles()) return true;
  const seen = state.readRevision?.() ?? null;
  return seen === null ? Boolean(state.setReadRevision) : seen < store.revision();
}

/**
 * Groups again the grouped articles whose stored copy changed after the revision the state read up to
 * (StoryGrouper.regroup), then records `revision`. A state that never recorded one (made before revisions were kept)
 * starts from `revision` without regrouping: its articles were grouped from the copies stored then.
 */
function regroupChanged(store: Store, grouper: StoryGrouper, revision: number, justGrouped: Set<string>): AssignResult[] {
  const state = grouper.state;
  if (!state.readRevision || !state.setReadRevision) return [];
  const seen = state.readRevision();
  const out: AssignResult[] = [];
  if (seen !== null && seen < revision) {
    // The articles this catch-up has just grouped were read as they are stored now: they are not read again.
    const ids = store.changedAfter(seen).filter((id) => !justGrouped.has(id));
    for (let i = 0; i < ids.length; i += READ) {
      for (const a of store.getArticles(ids.slice(i, i + READ))) {
        if (state.storyOfArticle(a.id) && grouper.changedSinceGrouped(a)) out.push(grouper.regroup(a));
      }
    }
  }
  state.transaction(() => state.setReadRevision!(revision));
  return out;
}
