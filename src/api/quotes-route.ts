// GET /api/quotes?speaker=NAME[&from=D&to=D][&limit=N]: what one person or body said across the stored stories,
// newest first, each quote with the articles (id, outlet, date) that carry it and its spans in their text: the
// API's `khabar quotes --speaker`. Reads through the KhabarSource like every route (stories, their reports).
import type { FastifyInstance } from 'fastify';
import { newestFirst, speakerQuotes, type SpeakerQuote } from '../report.js';
import { checkIsoDate } from '../text/index.js';
import { ApiError } from './errors.js';
import type { KhabarSource } from './source.js';

const querySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['speaker'],
  properties: {
    speaker: { type: 'string', minLength: 1, maxLength: 200 },
    from: { type: 'string', maxLength: 40 },
    to: { type: 'string', maxLength: 40 },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
} as const;

export function registerQuotes(app: FastifyInstance, source: KhabarSource): void {
  app.get<{ Querystring: { speaker: string; from?: string; to?: string; limit: number } }>('/api/quotes', { schema: { querystring: querySchema } }, async (req) => {
    const { from, to, limit } = req.query;
    const speaker = req.query.speaker.trim();
    if (!speaker) throw new ApiError('invalid_request', 'querystring/speaker must not be blank');
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      const why = v === undefined ? null : checkIsoDate(v);
      if (why) throw new ApiError('invalid_request', `querystring/${name} "${v}": ${why}`);
    }
    const hits: SpeakerQuote[] = [];
    for (let page = 1; ; page++) {
      const p = source.listStories({ page, pageSize: 100, sort: 'newest', from, to });
      for (const st of p.items) {
        const report = await source.story(st.id);
        if (report) hits.push(...speakerQuotes(st.id, report, (ids) => source.articles(ids), speaker, from, to));
      }
      if (page * p.pageSize >= p.total || !p.items.length) break;
    }
    newestFirst(hits);
    return { speaker, items: hits.slice(0, limit), total: hits.length };
  });
}
