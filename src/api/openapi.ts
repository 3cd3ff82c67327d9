// The published OpenAPI 3.1 document (GET /openapi.json), built from the same schemas the routes validate with.
import * as s from './schemas.js';

const json = (schema: object) => ({ 'application/json': { schema } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: 'error', content: json({ $ref: '#/components/schemas/Error' }) }]));
const queryParams = (schema: { properties: Record<string, object>; required?: readonly string[] }) =>
  Object.entries(schema.properties).map(([name, p]) => ({ name, in: 'query', required: (schema.required ?? []).includes(name), schema: p }));
const idParam = [{ name: 'id', in: 'path', required: true, schema: s.idParamsSchema.properties.id }];

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'khabar API', version: '0.1.0',
      description: 'Arabic news from many outlets grouped into stories: facts, quotes, numbers, timeline, entities, cited summary, search.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The server\'s KHABAR_TOKEN.' } },
      schemas: {
        Error: s.errorSchema, Story: s.storySchema, StoryReport: s.storyReportSchema, Article: s.articleSchema,
        SearchHit: s.searchHitSchema, EntitySummary: s.entitySummarySchema, RawArticle: s.rawArticleSchema,
        IngestOutcome: s.ingestOutcomeSchema, IngestStatus: s.ingestStatusSchema,
      },
    },
    paths: {
      '/api/stories': {
        get: {
          summary: 'Stories, paged; newest first or by coverage; filtered by date, outlet, entity',
          parameters: queryParams(s.storyListQuerySchema),
          responses: {
            200: { description: 'a page of stories', content: json({
              type: 'object', required: ['items', 'page', 'pageSize', 'total'],
              properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Story' } }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } },
            }) },
            ...errors(400),
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story with everything the analysis gives', parameters: idParam,
          responses: {
            200: { description: 'the story', content: json({ $ref: '#/components/schemas/StoryReport' }) },
            308: { description: 'the story was merged into another: Location is its address', content: json({ type: 'object', required: ['id', 'movedTo'], properties: { id: { type: 'string' }, movedTo: { type: 'string' } } }) },
            ...errors(404),
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One cleaned article, with the lines cleaning removed', parameters: idParam,
          responses: { 200: { description: 'the article', content: json({ $ref: '#/components/schemas/Article' }) }, ...errors(404) },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Ingest articles (JSON: one object or an array; or JSON lines)',
          security: [{ bearer: [] }],
          parameters: [{ name: 'async', in: 'query', required: false, schema: { type: 'boolean' }, description: 'answer 202 at once; follow progress at /api/ingest/status' }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: s.ingestBodySchema },
              'application/x-ndjson': { schema: { $ref: '#/components/schemas/RawArticle' } },
              'application/jsonl': { schema: { $ref: '#/components/schemas/RawArticle' } },
            },
          },
          responses: {
            200: { description: 'ingested', content: json({ $ref: '#/components/schemas/IngestOutcome' }) },
            202: { description: 'ingest started', content: json({ $ref: '#/components/schemas/IngestStatus' }) },
            ...errors(400, 401, 403, 409, 413, 415),
          },
        },
      },
      '/api/ingest/status': {
        get: { summary: 'Progress of the running ingest (or the last one)', responses: { 200: { description: 'status', content: json({ $ref: '#/components/schemas/IngestStatus' }) } } },
      },
      '/api/search': {
        get: {
          summary: 'Arabic-aware search over articles, with highlighted snippets',
          parameters: queryParams(s.searchQuerySchema),
          responses: {
            200: { description: 'one page of hits and how many match in all', content: json({ type: 'object', required: ['query', 'total', 'limit', 'offset', 'hits'], properties: { query: { type: 'string' }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, hits: { type: 'array', items: { $ref: '#/components/schemas/SearchHit' } } } }) },
            ...errors(400),
          },
        },
      },
      '/api/health': {
        get: { summary: 'Whether the server takes requests (answered without reading the store)', responses: { 200: { description: 'up', content: json({ type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } }) } } },
      },
      '/api/entities': {
        get: {
          summary: 'Entities of the whole store (variants merged store-wide), those in most articles first, with their articles and stories; paged',
          parameters: queryParams(s.entityListQuerySchema),
          responses: {
            200: { description: 'a page of entities', content: json({
              type: 'object', required: ['items', 'offset', 'limit', 'total'],
              properties: { items: { type: 'array', items: { $ref: '#/components/schemas/EntitySummary' } }, offset: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' } },
            }) },
            ...errors(400),
          },
        },
      },
      '/api/entities/{id}': {
        get: { summary: 'One entity, by its id or by the entity key of one of its names', parameters: idParam, responses: { 200: { description: 'the entity', content: json({ $ref: '#/components/schemas/EntitySummary' }) }, ...errors(404) } },
      },
      '/api/quotes': {
        get: {
          summary: 'What one person or body said across the stored stories, newest first, each quote with the articles (id, outlet, date) and spans that carry it',
          parameters: [
            { name: 'speaker', in: 'query', required: true, schema: { type: 'string' }, description: 'the name, in part or in another spelling (الجهيناوي، جاويش أوغلو)' },
            { name: 'from', in: 'query', schema: { type: 'string' }, description: 'articles published on or after (YYYY-MM-DD)' },
            { name: 'to', in: 'query', schema: { type: 'string' }, description: 'articles published on or before (YYYY-MM-DD)' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
          ],
          responses: { 200: { description: 'quotes', content: json({ type: 'object', properties: { speaker: { type: 'string' }, total: { type: 'integer' }, items: { type: 'array', items: { type: 'object' } } } }) }, ...errors(400) },
        },
      },
    },
  };
}
