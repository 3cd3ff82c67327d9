// khabar's HTTP server: the JSON API under /api, the OpenAPI document, and the server-rendered web page.
// Everything reads through a KhabarSource, so the server holds no knowledge of storage or analysis.
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { RawArticle } from '../types.js';
import type { KhabarSource, StoryListQuery } from './source.js';
import { ApiError, classify, errorBody } from './errors.js';
import { IngestTracker } from './ingest-tracker.js';
import { openApiDocument } from './openapi.js';
import { registerQuotes } from './quotes-route.js';
import { renderedOnce } from './render-cache.js';
import * as s from './schemas.js';
import { errorPage, registerWeb } from '../web/routes.js';

export interface ServerOptions {
  source: KhabarSource;
  /** Bearer token for POST /api/articles; ingest is refused when unset. */
  token?: string;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  logger?: boolean;
}

/** Default request-body limit: 10 MiB, room for a few thousand articles per request. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/** The Content-Security-Policy of every response: no inline script, nothing from elsewhere. */
export const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function sameToken(given: string, expected: string): boolean {
  // Compare digests so timing reveals neither the token nor its length.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function parseJsonLines(body: string): unknown[] {
  const items: unknown[] = [];
  body.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      items.push(JSON.parse(line));
    } catch (e) {
      throw new ApiError('invalid_json', `line ${i + 1}: ${(e as Error).message}`);
    }
  });
  if (!items.length) throw new ApiError('invalid_json', 'request body has no JSON lines');
  return items;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { source } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Reject unknown fields instead of silently dropping them; coerce query strings to numbers.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true },
  });
  const tracker = new IngestTracker(source);

  for (const type of ['application/x-ndjson', 'application/jsonl', 'application/json-lines']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => {
      try {
        done(null, parseJsonLines(body as string));
      } catch (e) {
        done(e as Error, undefined);
      }
    });
  }

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  const isApi = (req: FastifyRequest) => req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/openapi');

  const sendError = (req: FastifyRequest, reply: FastifyReply, e: ApiError) => {
    if (isApi(req) || req.method !== 'GET') {
      return reply.code(e.status).type('application/json; charset=utf-8').send(errorBody(e.code, e.message));
    }
    return reply.code(e.status).type('text/html; charset=utf-8').send(errorPage(e.status, e.message));
  };
  app.setErrorHandler((err, req, reply) => {
    const e = classify(err);
    if (e.code === 'internal') req.log.error(err);
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new ApiError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));

  // ---- JSON API ----
  app.get('/openapi.json', async () => openApiDocument());

  app.get<{ Querystring: Omit<StoryListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number } }>(
    '/api/stories', { schema: { querystring: s.storyListQuerySchema } },
    async (req) => source.listStories(req.query),
  );

  app.get<{ Params: { id: string } }>('/api/stories/:id', { schema: { params: s.idParamsSchema } }, async (req, reply) => {
    const story = source.story(req.params.id);
    if (!story) throw new ApiError('not_found', `no story with id ${req.params.id}`);
    return reply.type('application/json; charset=utf-8').send(renderedOnce(story, 'json', () => JSON.stringify(story)));
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', { schema: { params: s.idParamsSchema } }, async (req) => {
    const article = source.article(req.params.id);
    if (!article) throw new ApiError('not_found', `no article with id ${req.params.id}`);
    return article;
  });

  app.get<{ Querystring: { q: string; limit: number } }>('/api/search', { schema: { querystring: s.searchQuerySchema } }, async (req) => {
    const q = req.query.q.trim();
    if (!q) throw new ApiError('invalid_request', 'querystring/q must not be blank');
    return { query: q, hits: source.search(q, { limit: req.query.limit }) };
  });

  app.get('/api/entities', async () => ({ items: source.entities() }));
  app.get<{ Params: { id: string } }>('/api/entities/:id', { schema: { params: s.idParamsSchema } }, async (req) => {
    const entity = source.entity(req.params.id);
    if (!entity) throw new ApiError('not_found', `no entity with id ${req.params.id}`);
    return entity;
  });

  registerQuotes(app, source);
  app.get('/api/ingest/status', async () => tracker.status());

  app.post<{ Body: RawArticle | RawArticle[]; Querystring: { async?: boolean } }>('/api/articles', {
    // Authorize before the body is parsed, so an unauthorized client cannot make us read a large body.
    onRequest: async (req) => {
      const expected = opts.token;
      if (!expected) throw new ApiError('ingest_disabled', 'ingest is disabled: the server has no KHABAR_TOKEN set');
      const header = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m || !sameToken(m[1], expected)) throw new ApiError('unauthorized', 'missing or wrong bearer token');
    },
    schema: {
      body: s.ingestBodySchema,
      querystring: { type: 'object', additionalProperties: false, properties: { async: { type: 'boolean' } } },
    },
  }, async (req, reply: FastifyReply) => {
    const items = Array.isArray(req.body) ? req.body : [req.body];
    const done = tracker.start(items);
    if (req.query.async) {
      done.catch((e) => req.log.error(e));
      return reply.code(202).send(tracker.status());
    }
    return await done;
  });

  await registerWeb(app, source, { ingestStatus: () => tracker.status() });
  return app;
}
