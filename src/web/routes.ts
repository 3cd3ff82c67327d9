// Routes of the web page: HTML pages, the stylesheet, the progress script and the bundled font files.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntitySummary, KhabarSource, StoryListQuery } from '../api/source.js';
import { speakerMatches } from '../analysis/index.js';
import type { IngestStatus } from '../api/ingest-tracker.js';
import { ApiError } from '../api/errors.js';
import { checkSearchDates } from '../api/search-query.js';
import { renderedOnce } from '../api/render-cache.js';
import { idParamsSchema, storyListQuerySchema } from '../api/schemas.js';
import { APP_CSS, APP_JS, fontFile } from './assets.js';
import { pathTo } from './html.js';
import { articlePage, entityListPage, entityPage, errorPage, searchPage, storyListPage, storyPage, type EntityQuote } from './pages.js';

const HTML = 'text/html; charset=utf-8';
const ENTITY_PAGE = 50;

/** Hits on one page of the web search. */
const SEARCH_PAGE_SIZE = 30;

interface SearchPageQuery { q?: string; page?: number; from?: string; to?: string; outlet?: string }

const searchPageQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 500 },
    page: { type: 'integer', minimum: 1, maximum: 3334 },
    from: { type: 'string', maxLength: 40 },
    to: { type: 'string', maxLength: 40 },
    outlet: { type: 'string', maxLength: 200 },
  },
} as const;

export interface WebOptions {
  ingestStatus: () => IngestStatus;
}

function page(reply: FastifyReply, body: string | Buffer, status = 200): FastifyReply {
  return reply.code(status).type(HTML).send(body);
}

export async function registerWeb(app: FastifyInstance, source: KhabarSource, _opts: WebOptions): Promise<void> {
  app.get('/static/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(APP_CSS));
  app.get('/static/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(APP_JS));
  app.get<{ Params: { name: string } }>('/static/fonts/:name', async (req, reply) => {
    const bytes = fontFile(req.params.name);
    if (!bytes) throw new ApiError('not_found', `no font ${req.params.name}`);
    return reply.type('font/woff2').header('Cache-Control', 'public, max-age=604800, immutable').send(bytes);
  });

  app.get<{ Querystring: StoryListQuery }>('/', { schema: { querystring: { ...storyListQuerySchema, additionalProperties: true } } }, async (req, reply) => {
    const q = { ...req.query };
    // An empty select or date field submits "", which means "no filter".
    for (const k of ['from', 'to', 'outlet', 'entity'] as const) if (!q[k]) delete q[k];
    return page(reply, storyListPage(source.listStories(q), q, source.outlets()));
  });

  app.get<{ Params: { id: string } }>('/stories/:id', { schema: { params: idParamsSchema } }, async (req, reply) => {
    const story = await source.story(req.params.id);
    if (!story) {
      // merged into another story since the link was given: the link leads there
      const movedTo = source.storyMovedTo(req.params.id);
      if (movedTo) return reply.redirect(pathTo('stories', movedTo), 301);
      return page(reply, errorPage(404, `لا توجد قصة بالمعرف ${req.params.id}`), 404);
    }
    // The page shows the related stories' titles too: a retitled neighbour renders the page again.
    const related = source.storiesById(story.related);
    const variant = `html\n${related.map((r) => `${r.id} ${r.title}`).join('\n')}`;
    return page(reply, renderedOnce(story, variant, () => storyPage(story, source.articles(story.articles), related)));
  });

  app.get<{ Params: { id: string } }>('/articles/:id', { schema: { params: idParamsSchema } }, async (req, reply) => {
    const article = source.article(req.params.id);
    if (!article) return page(reply, errorPage(404, `لا يوجد مقال بالمعرف ${req.params.id}`), 404);
    return page(reply, articlePage(article));
  });

  app.get<{ Querystring: SearchPageQuery }>('/search', {
    schema: { querystring: searchPageQuerySchema },
  }, async (req, reply) => {
    const q = (req.query.q ?? '').trim();
    // an empty date or outlet field of the form means no filter
    const filters = { from: req.query.from || undefined, to: req.query.to || undefined, outlet: req.query.outlet || undefined };
    checkSearchDates(filters.from, filters.to);
    const number = req.query.page ?? 1;
    const found = q ? await source.search(q, { ...filters, limit: SEARCH_PAGE_SIZE, offset: (number - 1) * SEARCH_PAGE_SIZE }) : { hits: [], total: 0 };
    return page(reply, searchPage(q, { items: found.hits, page: number, pageSize: SEARCH_PAGE_SIZE, total: found.total }, filters, source.outlets()));
  });

  // 50 a page, those in most articles first: each listed entity is read with its stories, and a page of 500 took a
  // second to show at first view.
  app.get<{ Querystring: { page: number } }>('/entities', {
    schema: { querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 } } } },
  }, async (req, reply) => page(reply, entityListPage(source.entities({ offset: (req.query.page - 1) * ENTITY_PAGE, limit: ENTITY_PAGE }), req.query.page)));
  app.get<{ Params: { id: string } }>('/entities/:id', { schema: { params: idParamsSchema } }, async (req, reply) => {
    const entity = source.entity(req.params.id);
    if (!entity) return page(reply, errorPage(404, `لا يوجد اسم بالمعرف ${req.params.id}`), 404);
    // a story links an entity by the key of the name it uses there: one entity has one page, at its own id
    if (entity.id !== req.params.id) return reply.redirect(pathTo('entities', entity.id), 301);
    return page(reply, entityPage(entity, await entityQuotes(source, entity)));
  });
}

/** What an entity said in its stories (a person's or a body's quotes), the stories' newest first, at most 50. */
async function entityQuotes(source: KhabarSource, e: EntitySummary): Promise<EntityQuote[]> {
  const out: EntityQuote[] = [];
  for (const st of e.stories) {
    const report = await source.story(st.id); // a report is built off the request thread where the source does so
    for (const q of report?.quotes ?? []) {
      if (q.speakerEntity === e.name || e.variants.some((v) => speakerMatches(q.speaker, v))) out.push({ text: q.text, story: st.id, storyTitle: st.title });
      if (out.length >= 50) return out;
    }
  }
  return out;
}

export { errorPage };
