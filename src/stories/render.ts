// Rendering of stories for the CLI (and anyone else): plain text, Markdown, HTML (RTL) and JSON, in Arabic like the web
// page (words.ts). One model of the story's sections feeds the three text formats, so they show the same sentences with
// the same citations. Everything that comes from articles (titles, sentences, names, quotes, ids, outlets, URLs) is
// untrusted: text output drops control characters, Markdown escapes its syntax and raw HTML, HTML escapes everything,
// and only http(s) URLs become links.
import type { Article, Report, Story, StoryReport } from '../types.js';
import { terminalSafe } from '../text/index.js';
import { countOf, dateWords, ENTITY_TYPE_LABEL, HEADINGS, MISSING, NOUNS, shownOf } from './words.js';

export type StoryFormat = 'text' | 'md' | 'html' | 'json';

/** What the article list of a story shows. */
export type ArticleInfo = Pick<Article, 'id' | 'source' | 'title' | 'url' | 'published'>;

export interface StoryContext {
  /** The member articles, in the order to show (unknown ids are shown by id alone). */
  articles?: ArticleInfo[];
  /** The related stories (for their titles). */
  related?: Story[];
}

/** How many items of each section the text formats show; the rest is counted in the heading ("(41؛ أول 15)"). */
const SHOWN = { shared: 12, unique: 8, facts: 12, quotes: 15, entities: 20 } as const;

// ---------- escaping ----------

/** Untrusted text on one line of plain output: no line breaks to forge lines with, and every other control character
 * (ESC, C1, bidi overrides) shown as a visible escape (src/text/safe-text.ts, as every CLI printer does). */
function plain(s: string): string {
  return terminalSafe(s.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** Untrusted text in Markdown: raw HTML and every character that could open Markdown syntax are escaped. */
function md(s: string): string {
  return plain(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]()|!~#]/g, (c) => `\\${c}`);
}

/** Untrusted text in HTML element content or a quoted attribute. */
function html(s: string): string {
  return plain(s).replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!);
}

/** The URL if it is an absolute http(s) URL, normalised (spaces and quotes percent-encoded); else null. */
function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------- the sections of a story ----------

/** A piece of a line: untrusted text, a quotation (shown in «»), or the citations of a list of article ids. */
type Part = string | { quote: string } | { cite: string[] };
interface Section { heading: string; note: string; items: Part[][] }

function articleLines(report: StoryReport, ctx: StoryContext): ArticleInfo[] {
  const byId = new Map((ctx.articles ?? []).map((a) => [a.id, a]));
  return report.articles.map((id) => byId.get(id) ?? { id, source: null, title: null, url: null, published: null });
}

function relatedLines(report: StoryReport, ctx: StoryContext): { id: string; title: string | null }[] {
  const byId = new Map((ctx.related ?? []).map((s) => [s.id, s]));
  return report.related.map((id) => ({ id, title: byId.get(id)?.title ?? null }));
}

function section(heading: string, list: readonly unknown[], shown: number, items: Part[][]): Section {
  return { heading, note: shownOf(list.length, shown), items: items.slice(0, shown) };
}

/** The analysis and summary sections of a report, in reading order. */
function sectionsOf(report: StoryReport): Section[] {
  const out: Section[] = [];
  const cite = (ids: string[]): Part => ({ cite: ids });
  const summary = report.summary ?? [];
  if (summary.length) out.push(section(HEADINGS.summary, summary, summary.length, summary.map((s) => [s.text, ' ', cite(s.articles)])));
  const facts = report.facts ?? [];
  const factLine = (f: { text: string; articles: string[] }): Part[] => [f.text, ' ', cite(f.articles)];
  if (report.articles.length <= 1) {
    // one article: every fact is its own; "reported by one article only" would say nothing
    if (facts.length) out.push(section(HEADINGS.facts, facts, SHOWN.facts, facts.map(factLine)));
  } else {
    const shared = facts.filter((f) => !f.unique);
    if (shared.length) out.push(section(HEADINGS.shared, shared, SHOWN.shared, shared.map(factLine)));
    const unique = facts.filter((f) => f.unique);
    if (unique.length) out.push(section(HEADINGS.unique, unique, SHOWN.unique, unique.map(factLine)));
  }
  const conflicts = (report.numbers ?? []).filter((n) => n.conflicts?.length);
  if (conflicts.length) {
    out.push(section(HEADINGS.conflicts, conflicts, conflicts.length, conflicts.map((n) => [
      `${n.unit}: ${n.value} `, { quote: n.text }, ' ', cite(n.articles),
      ...n.conflicts!.flatMap((c, i): Part[] => [i ? '؛ ' : ' مقابل ', `${c.value} `, { quote: c.text }, ' ', cite(c.articles)]),
    ])));
  }
  const quotes = report.quotes ?? [];
  if (quotes.length) {
    // Quotation marks only for the speaker's own words: indirect speech (قال إن ...) is the outlet's wording.
    out.push(section(HEADINGS.quotes, quotes, SHOWN.quotes, quotes.map((q) => [
      `${q.speaker ?? MISSING.speaker}: `, q.kind === 'indirect' ? `(بالمعنى) ${q.text}` : { quote: q.text }, ' ', cite(q.articles),
    ])));
  }
  const timeline = report.timeline ?? [];
  if (timeline.length) out.push(section(HEADINGS.timeline, timeline, timeline.length, timeline.map((t) => [`${dateWords(t.date)}  `, t.text, ' ', cite(t.articles)])));
  const entities = report.entities ?? [];
  if (entities.length) {
    out.push(section(HEADINGS.entities, entities, SHOWN.entities, entities.map((e) => {
      const also = e.variants.filter((v) => v !== e.name);
      return [`${e.name} (${ENTITY_TYPE_LABEL[e.type] ?? e.type}، ورد ${countOf(e.mentions, NOUNS.times)}${also.length ? `؛ يكتب أيضا: ${also.join('، ')}` : ''})`];
    })));
  }
  return out;
}

/** Citation marks [n], numbered by the story's article list, in that order whatever order the ids come in. */
function citeNumbers(ids: string[], numberOf: Map<string, number>): { n: number | null; id: string }[] {
  return [...new Set(ids)].map((id) => ({ n: numberOf.get(id) ?? null, id }))
    .sort((a, b) => (a.n ?? Infinity) - (b.n ?? Infinity));
}

function line(parts: Part[], numberOf: Map<string, number>, esc: (s: string) => string, citeMark: (n: number | null, id: string) => string): string {
  return parts.map((p) => (typeof p === 'string' ? esc(p) : 'quote' in p ? `«${esc(p.quote)}»` : citeNumbers(p.cite, numberOf).map((c) => citeMark(c.n, c.id)).join(''))).join('');
}

function span(report: StoryReport): string {
  const first = dateWords(report.first), last = dateWords(report.last);
  return !report.first || !report.last || first === last ? (report.first ? first : last) : `${first} – ${last}`;
}

// ---------- the formats ----------

export function renderStory(report: StoryReport, format: StoryFormat = 'text', ctx: StoryContext = {}): string {
  const arts = articleLines(report, ctx);
  const rel = relatedLines(report, ctx);
  const numberOf = new Map(arts.map((a, i) => [a.id, i + 1]));
  const sections = format === 'json' ? [] : sectionsOf(report);
  const outlets = report.sources.join('، ') || MISSING.outlet;
  switch (format) {
    case 'json':
      return JSON.stringify({ ...report, articleInfo: arts }, null, 2);
    case 'md': {
      const mark = (n: number | null, id: string) => (n ? `[${n}]` : `[${md(id)}]`);
      const out = [`# ${md(report.title)}`, '', `- المعرف: ${md(report.id)}`, `- ${countOf(report.articles.length, NOUNS.articles)}`,
        `- المصادر: ${md(outlets)}`, `- التاريخ: ${md(span(report))}`];
      for (const s of sections) {
        out.push('', `## ${s.heading}${s.note}`, '');
        for (const item of s.items) out.push(`- ${line(item, numberOf, md, mark)}`);
      }
      out.push('', `## ${HEADINGS.articles}`, '');
      arts.forEach((a, i) => {
        const label = md(a.title ?? a.id);
        const url = httpUrl(a.url);
        out.push(`${i + 1}. ${url ? `[${label}](<${url.replace(/[<>]/g, encodeURIComponent)}>)` : label} — ${md(a.source ?? MISSING.outlet)}، ${md(dateWords(a.published))} (${md(a.id)})`);
      });
      if (rel.length) {
        out.push('', `## ${HEADINGS.related}`, '');
        for (const r of rel) out.push(`- ${md(r.id)} ${md(r.title ?? '')}`.trimEnd());
      }
      return out.join('\n');
    }
    case 'html': {
      const mark = (n: number | null, id: string) => (n ? `<sup><a href="#src-${n}">[${n}]</a></sup>` : `<sup>[${html(id)}]</sup>`);
      const body = sections.map((s) => `<section><h2>${html(s.heading + s.note)}</h2>\n<ul>\n${s.items.map((item) => `<li>${line(item, numberOf, html, mark)}</li>`).join('\n')}\n</ul></section>`);
      const li = arts.map((a, i) => {
        const label = html(a.title ?? a.id);
        const url = httpUrl(a.url);
        return `<li id="src-${i + 1}">${url ? `<a href="${html(url)}" rel="noopener noreferrer">${label}</a>` : label} <small>${html(a.source ?? MISSING.outlet)} · ${html(dateWords(a.published))}</small></li>`;
      }).join('\n');
      const relLi = rel.map((r) => `<li>${html(r.id)} ${html(r.title ?? '')}</li>`).join('\n');
      return [
        '<!doctype html>', '<html lang="ar" dir="rtl">', '<head><meta charset="utf-8">',
        `<title>${html(report.title)}</title></head>`, '<body>', `<article data-story="${html(report.id)}">`,
        `<h1>${html(report.title)}</h1>`,
        `<p>${html(countOf(report.articles.length, NOUNS.articles))} · ${html(outlets)} · ${html(span(report))}</p>`,
        ...body,
        `<section><h2>${HEADINGS.articles}</h2>`, `<ol>\n${li}\n</ol></section>`,
        ...(rel.length ? [`<section><h2>${HEADINGS.related}</h2>`, `<ul>\n${relLi}\n</ul></section>`] : []),
        '</article>', '</body>', '</html>',
      ].join('\n');
    }
    default: {
      const mark = (n: number | null, id: string) => `[${n ?? plain(id)}]`;
      const out = [plain(report.title), `${plain(report.id)} · ${countOf(report.articles.length, NOUNS.articles)} · ${plain(outlets)} · ${plain(span(report))}`];
      for (const s of sections) {
        out.push('', `${s.heading}${s.note}:`);
        for (const item of s.items) out.push(`  ${line(item, numberOf, plain, mark)}`);
      }
      out.push('', `${HEADINGS.articles}:`);
      arts.forEach((a, i) => out.push(`  [${i + 1}] ${plain(a.id)}  ${plain(a.source ?? MISSING.outlet)}  ${plain(dateWords(a.published))}  ${plain(a.title ?? '')}`.trimEnd()));
      if (rel.length) {
        out.push('', `${HEADINGS.related}:`);
        for (const r of rel) out.push(`  ${plain(r.id)}  ${plain(r.title ?? '')}`.trimEnd());
      }
      return out.join('\n');
    }
  }
}

/** Every story of a report as text, the largest first, each with its articles and related stories' titles. */
export function renderReport(report: Report): string {
  const info = new Map(report.articles.map((a) => [a.id, a]));
  const byId = new Map(report.stories.map((s) => [s.id, s]));
  const stories = [...report.stories].sort((a, b) => b.articles.length - a.articles.length);
  if (!stories.length) return '(لا قصص)';
  return stories.map((s) => renderStory(s, 'text', {
    articles: s.articles.map((id) => info.get(id) ?? { id, source: null, title: null, url: null, published: null }),
    related: s.related.map((id) => byId.get(id)).filter((r): r is StoryReport => r !== undefined),
  })).join(`\n\n${'─'.repeat(60)}\n\n`);
}

/** The `khabar stories` listing: one line per story, or JSON. */
export function renderStoryList(stories: Story[], format: 'text' | 'json' = 'text'): string {
  if (format === 'json') return JSON.stringify(stories, null, 2);
  if (!stories.length) return '(لا قصص)';
  return stories.map((s) => `${plain(s.id)}\t${s.articles.length}\t${plain(s.sources.join('، ') || MISSING.outlet)}\t${plain(dateWords(s.first))} – ${plain(dateWords(s.last))}\t${plain(s.title)}`).join('\n');
}
