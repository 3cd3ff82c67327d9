// The worker thread of Background (background.ts): builds story reports and catches the grouping up with the store
// on its own connection to the database, so the server's thread keeps answering requests meanwhile. Messages are
// handled one at a time, in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { Khabar } from '../khabar.js';
import type { ArticleExtraction } from '../analysis/index.js';
import { buildStoryReport, LruMap, storyGrouperFor } from '../report.js';
import { groupStoredArticles, groupingBehind, type StoryGrouper } from '../stories/index.js';
import type { BackgroundReply, BackgroundRequest } from './background.js';
import { ReportStore } from './report-store.js';

const port = parentPort;
if (!port) throw new Error('background-worker.js runs only as a worker thread (see src/api/background.ts)');
const { db, words } = workerData as { db: string; words?: number };
const khabar = Khabar.open({ db });
const persisted = ReportStore.open(db);
/** Per-article extractions shared between the stories this worker builds; each kept with the content it was taken from. */
const extractions = new LruMap<string, ArticleExtraction>(20_000);
const extractedFrom = new Map<string, string>();
let grouper: StoryGrouper | null = null;

function handle(message: BackgroundRequest): BackgroundReply {
  if (message.type === 'ensure' && persisted?.has(message.story)) return { id: message.id, built: false };
  if (message.type === 'report' || message.type === 'ensure') {
    const articles = khabar.store.getArticles(message.story.articles);
    for (const a of articles) {
      // An article replaced since its extraction was taken is analysed again.
      if (extractedFrom.get(a.id) !== a.contentHash) extractions.delete(a.id);
      extractedFrom.set(a.id, a.contentHash);
    }
    if (extractedFrom.size > 40_000) extractedFrom.clear();
    const report = buildStoryReport(message.story, articles, { words, cache: extractions });
    persisted?.write(message.story, report);
    return message.type === 'report' ? { id: message.id, report } : { id: message.id, built: true };
  }
  // Catch-up: the articles another process stored (or changed) since the grouping last read the store.
  let grouped = 0;
  if (!grouper) {
    grouper = storyGrouperFor(khabar, { onProgress: (done) => { grouped = done; } });
  } else {
    grouper.state.refresh?.();
    // Nothing is written when nothing is behind: a write would look like another process's change to the server.
    if (groupingBehind(khabar.store, grouper)) grouped = groupStoredArticles(khabar.store, grouper).length;
  }
  return { id: message.id, grouped };
}

port.on('message', (message: BackgroundRequest) => {
  let reply: BackgroundReply;
  try {
    reply = handle(message);
  } catch (e) {
    reply = { id: message.id, failure: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
