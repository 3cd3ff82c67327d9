// Catching the grouping up with the store: every stored article not grouped yet is added, oldest first.
import type { Store } from '../store/index.js';
import type { AssignResult, StoryGrouper } from './grouper.js';

export function groupStoredArticles(store: Store, grouper: StoryGrouper): AssignResult[] {
  const out: AssignResult[] = [];
  for (const a of store.listArticles()) {
    if (grouper.state.storyOfArticle(a.id)) continue;
    out.push(grouper.add(a));
  }
  return out;
}
