// Catching the grouping up with the store: every stored article not grouped yet is added, oldest first.
import type { Store } from '../store/index.js';
import type { AssignResult, StoryGrouper } from './grouper.js';

/**
 * Articles grouped per state transaction. A persisted state pays a commit per transaction, which was 40% of
 * grouping time at one article each; a failure rolls back only the current batch (the state's caches with it).
 */
const BATCH = 256;

/**
 * Groups the stored articles the grouping has not seen, as one batch (StoryGrouper.addBatch): the document
 * frequencies that weigh every comparison count all of them from the start, not only the ones grouped so far.
 */
export function groupStoredArticles(store: Store, grouper: StoryGrouper): AssignResult[] {
  const pending = store.listArticles().filter((a) => !grouper.state.storyOfArticle(a.id));
  return grouper.addBatch(pending, BATCH);
}
