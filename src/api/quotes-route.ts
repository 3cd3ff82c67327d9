// GET /api/quotes?speaker=NAME[&from=D&to=D][&limit=N]: what one person or body said across the stored stories,
// newest first, each quote with the articles (id, outlet, date) that carry it and its spans in their text: the
// API's `khabar quotes --speaker`. Reads through the KhabarSource like every route (stories, their reports).
import type { FastifyInstance } from 'fastify';
import { speakerMatches } from '../analysis/index.js';
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

export interface QuoteHit {
  date: string | null;
  speaker: string | null;
  speakerEntity: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  cue: string | null;
  story: string;
  articles: { id: string; source: string | null; published: string | null }[];
  spans: { article: string; start: number; end: number }[];
}

export function registerQuotes(app: FastifyInstance, source: KhabarSource): void {
  app.get<{ Querystring: { speaker: string; from?: string; to?: string; limit: number } }>('/api/quotes', { schema: { querystring: querySchema } }, async (req) => {
    const { from, to, limit } = req.query;
    const speaker = req.query.speaker.trim();
    if (!speaker) throw new ApiError('invalid_request', 'querystring/speaker must not be blank');
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      const why = v === undefined ? null : checkIsoDate(v);
      if (why) throw new ApiError('invalid_request', `querystring/${name} "${v}": ${why}`);
    }
    const day = (d: string | null) => (d ? d.slice(0, 10) : '');
    const hits: QuoteHit[] = [];
    for (let page = 1; ; page++) {
      const p = source.listStories({ page, pageSize: 100, sort: 'newest', from, to });
      for (const st of p.items) {
        const report = await source.story(st.id);
        const quotes = (report?.quotes ?? []).filter((q) => speakerMatches(q.speaker, speaker));
        if (!quotes.length) continue;
        const byId = new Map(source.articles(report!.articles).map((a) => [a.id, a]));
        for (const q of quotes) {
          const cited = q.articles.map((id) => byId.get(id)).filter((a) => a !== undefined)
            .filter((a) => (!from || day(a.published) >= from.slice(0, 10)) && (!to || (day(a.published) !== '' && day(a.published) <= to.slice(0, 10))));
          if (!cited.length) continue;
          hits.push({
            date: cited.map((a) => a.published ?? '').sort().reverse()[0] || null, speaker: q.speaker, speakerEntity: q.speakerEntity ?? null,
            text: q.text, kind: q.kind, cue: q.cue ?? null, story: st.id,
            articles: cited.map((a) => ({ id: a.id, source: a.source, published: a.published })), spans: q.spans ?? [],
          });
        }
      }
      if (page * p.pageSize >= p.total || !p.items.length) break;
    }
    hits.sort((x, y) => ((x.date ?? '') < (y.date ?? '') ? 1 : (x.date ?? '') > (y.date ?? '') ? -1 : 0));
    return { speaker, items: hits.slice(0, limit), total: hits.length };
  });
}
