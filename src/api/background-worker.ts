// A worker thread of Background (background.ts): builds story reports (a report thread), or catches the grouping and
// the entity index up with the store and lists the index's entities (the grouping thread), on its own connection to the
// database, so the server's thread keeps answering requests meanwhile. Messages are handled one at a time, in the
// order they arrive. Every thread reads each article's extraction from the store and keeps there the ones it makes, so
// an article is analysed once whichever thread needs it first (the entity index takes its mentions from it).
import { parentPort, workerData } from 'node:worker_threads';
import { Khabar } from '../khabar.js';
import { extractArticle, extractionKey, type ArticleExtraction } from '../analysis/index.js';
import type { Article } from '../types.js';
import { buildStoryReport, layeredExtractions, LruMap, storyGrouperFor } from '../report.js';
import { groupStoredArticles, groupingBehind, type StoryGrouper } from '../stories/index.js';
import { catchUpEntityIndex, indexVersion, readEntity, type EntityIndexState, type IndexedEntity } from '../analysis/entity-index.js';
import { entityStateFor, SqliteEntityState } from '../store/sqlite-entities.js';
import { storedExtractionsFor } from '../store/extractions.js';
import type { BackgroundReply, BackgroundRequest, EntityListing } from './background.js';
import { extractionIdentity, ReportStore } from './report-store.js';

const port = parentPort;
if (!port) throw new Error('background-worker.js runs only as a worker thread (see src/api/background.ts)');
const { db, words } = workerData as { db: string; words?: number };
const khabar = Khabar.open({ db });
const persisted = ReportStore.open(db);
/** Per-article extractions shared between the stories this worker builds (keyed by article content: an article
 * replaced since is extracted again), the most recent in memory in front of those kept in the store. */
const stored = storedExtractionsFor(khabar.store, extractionIdentity());
const extractions = layeredExtractions(new LruMap<string, ArticleExtraction>(5_000), stored);
/** New extractions are committed at most this often (each commit makes the server's thread re-read its grouping
 * caches), and when the thread has nothing else to do. */
const FLUSH_MS = 5000;
let flushedAt = Date.now();
let grouper: StoryGrouper | null = null;
let entityState: EntityIndexState | null = null;

/** The entities as last listed to the server's thread, by id (null before the first listing). */
let listed: Map<string, IndexedEntity> | null = null;

/** An article's entity mentions from its stored extraction; an article not extracted yet is extracted and kept, so
 * that its story's report does not tag it again (the mentions of a whole extraction are those the tagger gives). */
function storedMentions(article: Article): ArticleExtraction['mentions'] {
  if (!stored) return extractArticle(article).mentions;
  const key = extractionKey(article);
  let x = stored.get(key);
  if (!x) stored.set(key, x = extractArticle(article));
  return x.mentions;
}

/**
 * Catches the entity index up with the store and lists its entities, those in most articles first: the whole list the
 * first time (or when the index was rebuilt), after that only the entities the changed articles mention or mentioned
 * (their order is sent whole). At 10,000 articles reading every entity takes seconds, and this thread also groups.
 */
function listEntities(): EntityListing {
  entityState ??= entityStateFor(khabar.store);
  const state = entityState;
  const perArticle = state instanceof SqliteEntityState ? state : null;
  const since = state.readRevision();
  const incremental = listed !== null && perArticle !== null && since !== null && state.madeBy() === indexVersion();
  const changed = incremental ? khabar.store.changedAfter(since!) : [];
  const touched = new Set<string>();
  for (const a of changed) for (const e of perArticle!.entitiesOf(a)) touched.add(e);
  const indexed = catchUpEntityIndex(khabar.store, state, { mentions: storedMentions });
  stored?.flush();
  const upserts: IndexedEntity[] = [];
  const removed: string[] = [];
  if (incremental && state.madeBy() === indexVersion()) {
    if (indexed === 0) return { upserts, removed, order: null };
    for (const a of changed) for (const e of perArticle!.entitiesOf(a)) touched.add(e);
    for (const id of touched) {
      const e = readEntity(state, id);
      if (e) { listed!.set(id, e); upserts.push(e); } else if (listed!.delete(id)) removed.push(id);
    }
  } else {
    listed = new Map(state.entityCounts().map((c) => [c.id, readEntity(state, c.id)] as const)
      .filter((x): x is [string, IndexedEntity] => x[1] !== null));
    upserts.push(...listed.values());
  }
  const order = [...listed!.values()]
    .sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.id.localeCompare(b.id))
    .map((e) => e.id);
  return { upserts, removed, order };
}

function handle(message: BackgroundRequest): BackgroundReply {
  if (message.type === 'ensure' && persisted?.has(message.story)) return { id: message.id, built: false };
  if (message.type === 'report' || message.type === 'ensure') {
    const articles = khabar.store.getArticles(message.story.articles);
    const report = buildStoryReport(message.story, articles, { words, cache: extractions });
    persisted?.write(message.story, report);
    if (Date.now() - flushedAt > FLUSH_MS) { stored?.flush(); flushedAt = Date.now(); }
    return message.type === 'report' ? { id: message.id, report } : { id: message.id, built: true };
  }
  if (message.type === 'entities') return { id: message.id, entities: listEntities() };
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

let idle: NodeJS.Timeout | undefined;
port.on('message', (message: BackgroundRequest) => {
  clearTimeout(idle);
  let reply: BackgroundReply;
  try {
    reply = handle(message);
  } catch (e) {
    reply = { id: message.id, failure: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
  idle = setTimeout(() => {
    try { stored?.flush(); } catch { /* kept, and written with the next flush (a database locked for long) */ }
    flushedAt = Date.now();
  }, 1000);
});
