// khabar's HTTP server: the JSON API under /api, the OpenAPI document, and the server-rendered web page.
// Everything reads through a KhabarSource, so the server holds no knowledge of storage or analysis.
import { createHash, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifySchemaCompiler } from 'fastify';
import type { RawArticle } from '../types.js';
import type { KhabarSource, SearchQuery, StoryListQuery } from './source.js';
import { checkSearchDates } from './search-query.js';
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

/** Headers of every response, the errors Node answers before fastify sees the request (431) included. */
const SECURITY_HEADERS: Record<string, string> = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** Query strings and path parameters are text: "2" is coerced to the number a schema asks for (fastify's default). */
const AJV_OPTIONS = { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } as const;
const coercing = new Ajv(AJV_OPTIONS);
/** A JSON body says what type each value is: {"text": 123} is refused, naming the field, not taken as "123". */
const strict = new Ajv({ ...AJV_OPTIONS, coerceTypes: false });
const bodyStrict: FastifySchemaCompiler<object> = ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema);

/**
 * Answers a request Node's HTTP parser refused before fastify saw it (headers or address over the 16 KB limit, a
 * timeout, a malformed request) in the API's error shape and with the same security headers as every response.
 */
function clientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const e = err.code === 'HPE_HEADER_OVERFLOW'
    ? new ApiError('headers_too_large', 'the request headers (the address included) are larger than the limit of 16 KB')
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new ApiError('request_timeout', 'the request took too long to arrive')
      : new ApiError('invalid_request', 'malformed HTTP request');
  const body = JSON.stringify(errorBody(e.code, e.message));
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  } else {
    socket.destroy(err);
  }
}

function sameToken(given: string, expected: string): boolean {
  // Compare digests so timing reveals neither the token nor its length.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/openapi');

function sendError(req: FastifyRequest, reply: FastifyReply, e: ApiError): FastifyReply {
  // Sent before any route ran too (frameworkErrors), where no onSend hook adds the security headers.
  reply.headers(SECURITY_HEADERS);
  if (isApi(req) || req.method !== 'GET') {
    return reply.code(e.status).type('application/json; charset=utf-8').send(errorBody(e.code, e.message));
  }
  return reply.code(e.status).type('text/html; charset=utf-8').send(errorPage(e.status, e.message));
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
    ajv: { customOptions: AJV_OPTIONS },
    // Every id the schemas accept is reachable: an id of MAX_ID_LENGTH characters, percent-encoded.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 12 * s.MAX_ID_LENGTH },
    // Errors the router raises before a route runs (an overlong or malformed address) take the usual shape.
    frameworkErrors: (err, req, reply) => sendError(req, reply, classify(err)),
    clientErrorHandler: clientError,
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
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
  app.setErrorHandler((err, req, reply) => {
    const e = classify(err);
    if (e.code === 'internal') req.log.error(err);
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new ApiError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));

  // ---- JSON API ----
  app.get('/openapi.json', async () => openApiDocument());
  // Answered without touching the store: whether the server takes requests (also while it builds reports or groups).
  app.get('/api/health', async () => ({ status: 'ok' }));

  app.get<{ Querystring: Omit<StoryListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number } }>(
    '/api/stories', { schema: { querystring: s.storyListQuerySchema } },
    async (req) => {
      checkSearchDates(req.query.from, req.query.to); // the schema's pattern lets 2018-02-30 through
      return source.listStories(req.query);
    },
  );

  app.get<{ Params: { id: string } }>('/api/stories/:id', { schema: { params: s.idParamsSchema } }, async (req, reply) => {
    const story = await source.story(req.params.id);
    if (!story) {
      // A story merged into another since a link to it was given: the link leads on (fetch and curl -L follow).
      const movedTo = source.storyMovedTo(req.params.id);
      if (movedTo) return reply.code(308).header('Location', `/api/stories/${encodeURIComponent(movedTo)}`).send({ id: req.params.id, movedTo });
      throw new ApiError('not_found', `no story with id ${req.params.id}`);
    }
    return reply.type('application/json; charset=utf-8').send(renderedOnce(story, 'json', () => JSON.stringify(story)));
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', { schema: { params: s.idParamsSchema } }, async (req) => {
    const article = source.article(req.params.id);
    if (!article) throw new ApiError('not_found', `no article with id ${req.params.id}`);
    return article;
  });

  app.get<{ Querystring: Required<Pick<SearchQuery, 'limit' | 'offset'>> & Omit<SearchQuery, 'limit' | 'offset'> & { q: string } }>(
    '/api/search', { schema: { querystring: s.searchQuerySchema } }, async (req) => {
      const { q: raw, limit, offset, from, to, outlet } = req.query;
      const q = raw.trim();
      if (!q) throw new ApiError('invalid_request', 'querystring/q must not be blank');
      checkSearchDates(from, to);
      const { hits, total } = await source.search(q, { limit, offset, from: from || undefined, to: to || undefined, outlet });
      return { query: q, total, limit, offset, hits };
    });

  app.get<{ Querystring: { offset: number; limit: number } }>('/api/entities', { schema: { querystring: s.entityListQuerySchema } },
    async (req, reply) => (source.entitiesJson
      ? reply.type('application/json; charset=utf-8').send(source.entitiesJson(req.query))
      : source.entities(req.query)));
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
    validatorCompiler: bodyStrict,
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
