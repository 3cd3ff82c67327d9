// Catching the grouping up with the store: every stored article not grouped yet is added, oldest first.
import type { Store } from '../store/index.js';
import type { AssignResult, StoryGrouper } from './grouper.js';

/**
 * Articles grouped per state transaction. A persisted state pays a commit per transaction, which was 40% of
 * grouping time at one article each; a failure rolls back only the current batch (the state's caches with it).
 */
const BATCH = 256;

export function groupStoredArticles(store: Store, grouper: StoryGrouper): AssignResult[] {
  const out: AssignResult[] = [];
  const pending = store.listArticles().filter((a) => !grouper.state.storyOfArticle(a.id));
  for (let i = 0; i < pending.length; i += BATCH) {
    const batch = pending.slice(i, i + BATCH);
    grouper.state.transaction(() => { for (const a of batch) out.push(grouper.add(a)); });
  }
  return out;
}
