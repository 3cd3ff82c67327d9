// JSON Schemas of the API: fastify validates requests with them (ajv) and /openapi.json publishes them.
// They describe the shared types of src/types.ts as the API returns them.

/** The longest id a path accepts (an article's id may be its URL, with a long Arabic slug) and a posted article may
 * give. In an address it is percent-encoded: up to 12 characters for each (an astral character is two). */
export const MAX_ID_LENGTH = 2000;

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const ids = { type: 'array', items: { type: 'string' } } as const;

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: ['invalid_request', 'invalid_json', 'body_too_large', 'unsupported_media_type', 'unauthorized',
            'ingest_disabled', 'ingest_busy', 'not_found', 'method_not_allowed', 'internal',
            'uri_too_long', 'headers_too_large', 'request_timeout'],
        },
        message: { type: 'string' },
      },
    },
  },
} as const;

export const storySchema = {
  type: 'object',
  required: ['id', 'title', 'articles', 'related', 'sources', 'first', 'last'],
  properties: {
    id: { type: 'string' }, title: { type: 'string' }, articles: ids, related: ids, sources: ids,
    first: { type: ['string', 'null'] }, last: { type: ['string', 'null'] },
  },
} as const;

const factSchema = {
  type: 'object', required: ['text', 'articles', 'unique'],
  properties: { text: { type: 'string' }, articles: ids, unique: { type: 'boolean' } },
} as const;
const entitySchema = {
  type: 'object', required: ['name', 'type', 'variants', 'articles', 'mentions'],
  properties: {
    name: { type: 'string' }, type: { type: 'string', enum: ['person', 'place', 'org', 'other'] },
    variants: ids, articles: ids, mentions: { type: 'integer' },
  },
} as const;
const quoteSchema = {
  type: 'object', required: ['speaker', 'text', 'kind', 'articles'],
  properties: {
    speaker: { type: ['string', 'null'] }, text: { type: 'string' },
    kind: { type: 'string', enum: ['direct', 'indirect'] }, articles: ids,
  },
} as const;
const quantitySchema = {
  type: 'object', required: ['value', 'unit', 'text', 'articles'],
  properties: {
    value: { type: 'number' }, unit: { type: 'string' }, text: { type: 'string' }, articles: ids,
    approximate: { type: 'boolean' },
    conflicts: {
      type: 'array',
      items: { type: 'object', properties: { value: { type: 'number' }, text: { type: 'string' }, articles: ids } },
    },
    variants: {
      type: 'array',
      items: { type: 'object', properties: { value: { type: 'number' }, text: { type: 'string' }, articles: ids } },
    },
  },
} as const;
const timelineSchema = {
  type: 'object', required: ['date', 'text', 'articles'],
  properties: { date: { type: 'string' }, text: { type: 'string' }, articles: ids },
} as const;
const summarySchema = {
  type: 'object', required: ['text', 'articles'], properties: { text: { type: 'string' }, articles: ids },
} as const;

export const storyReportSchema = {
  type: 'object',
  required: storySchema.required,
  properties: {
    ...storySchema.properties,
    facts: { type: 'array', items: factSchema },
    entities: { type: 'array', items: entitySchema },
    quotes: { type: 'array', items: quoteSchema },
    numbers: { type: 'array', items: quantitySchema },
    timeline: { type: 'array', items: timelineSchema },
    summary: { type: 'array', items: summarySchema },
  },
} as const;

export const articleSchema = {
  type: 'object',
  required: ['id', 'source', 'title', 'url', 'published', 'lang', 'text', 'removed', 'contentHash', 'story'],
  properties: {
    id: { type: 'string' }, source: { type: ['string', 'null'] }, title: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] }, published: { type: ['string', 'null'] }, lang: { type: 'string' },
    text: { type: 'string' },
    removed: {
      type: 'array',
      items: { type: 'object', required: ['text', 'reason'], properties: { text: { type: 'string' }, reason: { type: 'string' } } },
    },
    contentHash: { type: 'string' }, related: ids,
    story: {
      anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } }],
    },
  },
} as const;

export const storyListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    sort: { type: 'string', enum: ['newest', 'coverage'], default: 'newest' },
    from: isoDate,
    to: isoDate,
    outlet: { type: 'string', minLength: 1, maxLength: 200 },
    entity: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const idParamsSchema = {
  type: 'object', required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } },
} as const;

export const entityListQuerySchema = {
  type: 'object', additionalProperties: false,
  properties: {
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const searchQuerySchema = {
  type: 'object', required: ['q'], additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 500 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0, description: 'hits skipped before the first returned' },
    // checked by the route (checkDateBound), so that an impossible day is refused with its value named
    from: { type: 'string', maxLength: 40, description: 'published on or after: YYYY-MM-DD, YYYY-MM or YYYY' },
    to: { type: 'string', maxLength: 40, description: 'published on or before (inclusive): YYYY-MM-DD, YYYY-MM or YYYY' },
    outlet: { type: 'string', minLength: 1, maxLength: 200, description: 'only articles of this outlet' },
  },
} as const;

export const searchHitSchema = {
  type: 'object', required: ['id', 'title', 'source', 'published', 'score', 'lead', 'story', 'snippet'],
  properties: {
    id: { type: 'string' }, title: { type: ['string', 'null'] }, source: { type: ['string', 'null'] },
    published: { type: ['string', 'null'] }, score: { type: 'number' }, story: { type: ['string', 'null'] },
    lead: { type: 'string', description: "the article's opening words (first sentence, cut after 14 words), for a hit without a title" },
    snippet: {
      type: 'array',
      items: { type: 'object', required: ['text', 'match'], properties: { text: { type: 'string' }, match: { type: 'boolean' } } },
    },
  },
} as const;

export const entitySummarySchema = {
  type: 'object', required: ['id', 'name', 'type', 'variants', 'mentions', 'articles', 'stories'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string', enum: ['person', 'place', 'org', 'other'] },
    variants: ids, mentions: { type: 'integer' }, articles: { type: 'integer', description: 'stored articles that mention it' },
    stories: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } } },
  },
} as const;

/** One raw article as POST /api/articles accepts it (src/types.ts RawArticle). */
export const rawArticleSchema = {
  type: 'object',
  additionalProperties: false,
  anyOf: [{ required: ['text'] }, { required: ['html'] }],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
    title: { type: ['string', 'null'], maxLength: 2000 },
    text: { type: ['string', 'null'] },
    html: { type: ['string', 'null'] },
    source: { type: ['string', 'null'], maxLength: 200 },
    url: { type: ['string', 'null'], maxLength: 4000 },
    published: { type: ['string', 'null'], maxLength: 40 },
    lang: { type: ['string', 'null'], maxLength: 20 },
  },
} as const;

/** POST /api/articles: one article, an array of them, or (as JSON lines) one per line. */
export const ingestBodySchema = {
  anyOf: [rawArticleSchema, { type: 'array', minItems: 1, maxItems: 10000, items: rawArticleSchema }],
} as const;

export const ingestOutcomeSchema = {
  type: 'object', required: ['stored', 'updated', 'duplicates', 'failed', 'ids'],
  properties: {
    stored: { type: 'integer' }, updated: { type: 'integer' }, duplicates: { type: 'integer' },
    failed: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, reason: { type: 'string' } } } },
    ids,
    warnings: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, reason: { type: 'string' } } } },
  },
} as const;

export const ingestStatusSchema = {
  type: 'object', required: ['running', 'total', 'done'],
  properties: {
    running: { type: 'boolean' }, total: { type: 'integer' }, done: { type: 'integer' },
    startedAt: { type: ['string', 'null'] }, finishedAt: { type: ['string', 'null'] },
    last: { anyOf: [{ type: 'null' }, ingestOutcomeSchema] },
  },
} as const;
