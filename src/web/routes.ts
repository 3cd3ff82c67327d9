// Routes of the web page: HTML pages, the stylesheet, the progress script and the bundled font files.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntitySummary, KhabarSource, StoryListQuery } from '../api/source.js';
import { speakerMatches } from '../analysis/index.js';
import type { IngestStatus } from '../api/ingest-tracker.js';
import { ApiError } from '../api/errors.js';
import { renderedOnce } from '../api/render-cache.js';
import { idParamsSchema, storyListQuerySchema } from '../api/schemas.js';
import { APP_CSS, APP_JS, fontFile } from './assets.js';
import { pathTo } from './html.js';
import { articlePage, entityListPage, entityPage, errorPage, searchPage, storyListPage, storyPage, type EntityQuote } from './pages.js';

const HTML = 'text/html; charset=utf-8';

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
    const story = source.story(req.params.id);
    if (!story) return page(reply, errorPage(404, `لا توجد قصة بالمعرف ${req.params.id}`), 404);
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

  app.get<{ Querystring: { q?: string } }>('/search', {
    schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 500 } } } },
  }, async (req, reply) => {
    const q = (req.query.q ?? '').trim();
    return page(reply, searchPage(q, q ? source.search(q, { limit: 30 }) : []));
  });

  app.get('/entities', async (_req, reply) => page(reply, entityListPage(source.entities())));
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
