// Server-rendered pages. Every page is built with the `html` template, so every value from an article,
// a story or a request is escaped; untrusted text shown inline sits in <bdi> so its direction stays its own.
import type { Article, Entity, Quantity, Quote, Story, StoryReport } from '../types.js';
import type { ArticleView, EntityPage, EntitySummary, Page, SearchHit, StoryListQuery } from '../api/source.js';
import { bdi, html, pathTo, query, type SafeHtml } from './html.js';
import { entityId } from '../api/entity-id.js';
import { opening } from '../text/index.js';
import { countOf, dateWords, ENTITY_TYPE_LABEL as TYPE_LABEL, HEADINGS, MISSING, NOUNS } from '../stories/index.js';

export { countOf, NOUNS };

const REMOVAL_LABEL: Record<string, string> = {
  'related-link': 'رابط ذو صلة', 'comment-prompt': 'دعوة للتعليق', 'source-line': 'سطر المصدر', caption: 'تعليق صورة',
  'section-label': 'اسم القسم', 'share-prompt': 'دعوة للمشاركة', recurring: 'سطر متكرر', 'title-repeat': 'تكرار العنوان', other: 'أخرى',
};

export function layout(title: string, body: SafeHtml, opts: { q?: string; script?: boolean } = {}): string {
  return '<!doctype html>\n' + html`<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — خبر</title>
<link rel="stylesheet" href="/static/app.css">
${opts.script ? html`<script src="/static/app.js" defer></script>` : ''}
</head>
<body>
<header class="site"><div class="bar">
<a class="brand" href="/">خبر</a>
<nav><a href="/">القصص</a> · <a href="/entities">الأسماء</a></nav>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="${opts.q ?? ''}" placeholder="ابحث في المقالات" aria-label="بحث" required>
<button type="submit">بحث</button>
</form>
</div></header>
<main>
${body}
</main>
</body>
</html>`.toString();
}

const ARTICLES = NOUNS.articles, OUTLETS = NOUNS.outlets, STORIES = NOUNS.stories, RESULTS = NOUNS.results;
const LINES = NOUNS.lines, TIMES = NOUNS.times, FORMS = NOUNS.forms;

function dateText(iso: string | null | undefined): SafeHtml {
  if (!iso) return html``;
  return html`<time datetime="${iso}">${iso.slice(0, 10)}</time>`;
}

function span(first: string | null, last: string | null): SafeHtml {
  if (!first && !last) return html``;
  if (!last || first?.slice(0, 10) === last.slice(0, 10)) return dateText(first ?? last);
  return html`${dateText(first)} – ${dateText(last)}`;
}

function outletBadges(sources: string[]): SafeHtml {
  return html`${sources.map((s) => html`<span class="badge">${bdi(s)}</span>`)}`;
}

function storyCard(story: Story): SafeHtml {
  return html`<li class="card">
<h3><a href="${pathTo('stories', story.id)}">${bdi(story.title)}</a></h3>
<div class="meta"><span class="badge count">${countOf(story.articles.length, ARTICLES)}</span> ${outletBadges(story.sources)} ${span(story.first, story.last)}</div>
</li>`;
}

/** The date and outlet fields of a filter form (the story list's and the search page's). */
function dateOutletFields(f: { from?: string; to?: string; outlet?: string }, outlets: string[]): SafeHtml {
  return html`<label>من<input type="date" name="from" value="${f.from ?? ''}"></label>
<label>إلى<input type="date" name="to" value="${f.to ?? ''}"></label>
<label>المصدر<select name="outlet"><option value="">الكل</option>
${outlets.map((o) => html`<option value="${o}"${o === f.outlet ? html` selected` : ''}>${o}</option>`)}
</select></label>`;
}

/** Previous / page n of m / next links; `link` gives the address of a page. */
function pager(current: number, pages: number, link: (page: number) => string): SafeHtml {
  return html`<nav class="pager">
${current > 1 ? html`<a href="${link(current - 1)}">→ السابق</a>` : html`<span></span>`}
<span class="meta">صفحة ${current} من ${pages}</span>
${current < pages ? html`<a href="${link(current + 1)}">التالي ←</a>` : html`<span></span>`}
</nav>`;
}

export function storyListPage(page: Page<Story>, q: StoryListQuery, outlets: string[]): string {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const base = { sort: q.sort === 'newest' ? undefined : q.sort, from: q.from, to: q.to, outlet: q.outlet, entity: q.entity };
  const body = html`<h1>القصص</h1>
<p id="ingest-status" class="ingest-status" hidden><span></span> <progress max="1" value="0"></progress></p>
<form class="filters" action="/" method="get">
<label>الترتيب<select name="sort">
<option value="newest"${q.sort === 'newest' ? html` selected` : ''}>الأحدث</option>
<option value="coverage"${q.sort === 'coverage' ? html` selected` : ''}>الأوسع تغطية</option>
</select></label>
${dateOutletFields(q, outlets)}
${q.entity ? html`<input type="hidden" name="entity" value="${q.entity}">` : ''}
<button type="submit">عرض</button>
</form>
${q.entity ? html`<p class="meta">قصص تذكر: ${bdi(q.entity)} — <a href="/">إزالة</a></p>` : ''}
<p class="meta">${countOf(page.total, STORIES)}</p>
${page.items.length
    ? html`<ul class="cards">${page.items.map(storyCard)}</ul>`
    : html`<p class="empty">لا توجد قصص بعد. أدخل مقالات بالأمر <bdi class="ltr">khabar ingest</bdi> أو عبر الواجهة البرمجية.</p>`}
${pager(q.page, pages, (n) => `/${query({ ...base, page: n })}`)}`;
  return layout('القصص', body, { script: true });
}

/** Citation marks [n] for a list of article ids, numbered by the story's article order. */
function cites(ids: string[], numberOf: Map<string, number>): SafeHtml {
  // In the order of the article list, whatever order the analysis gave the ids in.
  return html`${ids.filter((id) => numberOf.has(id)).sort((a, b) => numberOf.get(a)! - numberOf.get(b)!).map((id) =>
    html`<sup class="cite"><a href="${pathTo('articles', id)}" title="المقال ${numberOf.get(id)}">[${numberOf.get(id)}]</a></sup>`)}`;
}

function sourcesOf(ids: string[], byId: Map<string, Article>): string[] {
  return [...new Set(ids.map((id) => byId.get(id)?.source ?? '').filter(Boolean))];
}

/**
 * Who carries a fact: one article ("only one outlet"), several outlets ("confirmed by n outlets"), or several
 * articles whose outlets are not all known or are the same outlet (then articles are counted, not outlets). A story of
 * one article says nothing of it: every fact is its one article's.
 */
function supportBadge(ids: string[], byId: Map<string, Article>, storySize: number): SafeHtml {
  if (storySize <= 1) return html``;
  if (ids.length <= 1) return html`<span class="badge unique">انفرد به مصدر واحد</span>`;
  const outlets = sourcesOf(ids, byId).length;
  const unknown = ids.some((id) => !byId.get(id)?.source);
  if (outlets >= 2 && !unknown) return html`<span class="badge count">أكدته ${countOf(outlets, OUTLETS)}</span>`;
  return html`<span class="badge count">ورد في ${countOf(ids.length, ARTICLES)}</span>`;
}

/** How many items of each section the story page shows open; the rest is behind a <details> toggle (no script). */
const OPEN = { shared: 6, unique: 3, facts: 8, numbers: 5, quotes: 4, timeline: 8, entities: 10, related: 6, articles: 12 } as const;

/**
 * A section whose list shows its first `open` items and keeps the rest behind a native <details> toggle, so that a
 * long story reads summary and agreement first. `list` wraps the items in their list element.
 */
function section<T>(title: string, items: readonly T[] | undefined, open: number, item: (x: T) => SafeHtml,
  list: (inner: SafeHtml, first: number) => SafeHtml, empty = 'لا شيء بعد.'): SafeHtml {
  if (!items?.length) return html`<section><h2>${title}</h2><p class="empty">${empty}</p></section>`;
  const rest = items.slice(open);
  return html`<section><h2>${title} <span class="meta">(${items.length})</span></h2>${list(html`${items.slice(0, open).map(item)}`, 1)}
${rest.length ? html`<details class="more"><summary>عرض الباقي (${rest.length})</summary>${list(html`${rest.map(item)}`, open + 1)}</details>` : ''}</section>`;
}

function quantityItem(n: Quantity, byId: Map<string, Article>, numberOf: Map<string, number>): SafeHtml {
  return html`<li><bdi>${n.text}</bdi> ${cites(n.articles, numberOf)} ${outletBadges(sourcesOf(n.articles, byId))}
${n.conflicts?.length ? html`<ul>${n.conflicts.map((c) => html`<li class="conflict">رقم مختلف: <bdi>${c.text}</bdi> ${cites(c.articles, numberOf)} ${outletBadges(sourcesOf(c.articles, byId))}</li>`)}</ul>` : ''}</li>`;
}

function quoteGroups(quotes: Quote[]): [string, Quote[]][] {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) {
    const key = q.speaker ?? '';
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return [...groups];
}

function quoteGroup([speaker, qs]: [string, Quote[]], numberOf: Map<string, number>): SafeHtml {
  return html`<div class="quote-group"><h3>${speaker ? bdi(speaker) : MISSING.speaker}</h3>
${qs.map((q) => html`<blockquote>${q.kind === 'direct' ? html`«${bdi(q.text)}»` : bdi(q.text)} ${cites(q.articles, numberOf)}</blockquote>`)}</div>`;
}

function entityItem(e: Entity): SafeHtml {
  const others = e.variants.filter((v) => v !== e.name);
  return html`<li><a href="${pathTo('entities', entityId(e.name))}">${bdi(e.name)}</a> <span class="badge">${TYPE_LABEL[e.type] ?? e.type}</span>
<span class="meta">ورد ${countOf(e.mentions, TIMES)}</span>${others.length ? html` <span class="meta">— يكتب أيضا: ${others.map((v, i) => html`${i ? '، ' : ''}${bdi(v)}`)}</span>` : ''}</li>`;
}

/** A timeline date: a day, a month, a year, or a week (its first and last day). */
function timelineDate(date: string): SafeHtml {
  const week = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(date);
  return week ? html`<time datetime="${week[1]}">${dateWords(date)}</time>` : html`<time datetime="${date}">${date}</time>`;
}

export function storyPage(story: StoryReport, articles: Article[], related: Story[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const numberOf = new Map(story.articles.map((id, i) => [id, i + 1]));
  const size = story.articles.length;
  const facts = story.facts ?? [];
  // the numbers that disagree first
  const numbers = [...(story.numbers ?? [])].sort((a, b) => Number(!!b.conflicts?.length) - Number(!!a.conflicts?.length));
  const timeline = [...(story.timeline ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const ul = (cls: string) => (inner: SafeHtml) => html`<ul class="${`plain ${cls}`}">${inner}</ul>`;
  const factItem = (f: { text: string; articles: string[] }) => html`<li>${bdi(f.text)} ${cites(f.articles, numberOf)}
<div>${outletBadges(sourcesOf(f.articles, byId))}${supportBadge(f.articles, byId, size)}</div></li>`;
  const factSections = size <= 1
    ? section(HEADINGS.facts, facts, OPEN.facts, factItem, ul('facts'))
    : html`${section(HEADINGS.shared, facts.filter((f) => !f.unique), OPEN.shared, factItem, ul('facts'), 'لا وقائع أكدها أكثر من مقال بعد.')}
${section(HEADINGS.unique, facts.filter((f) => f.unique), OPEN.unique, factItem, ul('facts'), 'لا شيء.')}`;
  const body = html`<article class="story">
<h1>${bdi(story.title)}</h1>
<p class="meta"><span class="badge count">${countOf(size, ARTICLES)}</span> ${outletBadges(story.sources)} ${span(story.first, story.last)}</p>
<section><h2>${HEADINGS.summary}</h2>${story.summary?.length ? html`<div class="summary">${story.summary.map((s) => html`<p>${bdi(s.text)} ${cites(s.articles, numberOf)}</p>`)}</div>` : html`<p class="empty">لا شيء بعد.</p>`}</section>
${factSections}
${section(HEADINGS.numbers, numbers, OPEN.numbers, (n) => quantityItem(n, byId, numberOf), ul('numbers'))}
${section(HEADINGS.quotes, story.quotes ? quoteGroups(story.quotes) : [], OPEN.quotes, (g) => quoteGroup(g, numberOf), (inner) => inner)}
${section(HEADINGS.timeline, timeline, OPEN.timeline, (t) => html`<li>${timelineDate(t.date)}<bdi>${t.text}</bdi> ${cites(t.articles, numberOf)}</li>`, ul('timeline'))}
${section(HEADINGS.entities, story.entities, OPEN.entities, entityItem, ul('entities'))}
${section(HEADINGS.related, related, OPEN.related, (r) => html`<li><a href="${pathTo('stories', r.id)}">${bdi(r.title)}</a> <span class="meta">${span(r.first, r.last)}</span></li>`, ul('related'))}
${section(HEADINGS.articles, story.articles, OPEN.articles, (id) => {
    const a = byId.get(id);
    return html`<li id="${`src-${numberOf.get(id)}`}"><a href="${pathTo('articles', id)}">${bdi(a?.title ?? (a ? opening(a.text) || id : id))}</a> ${a?.source ? html`<span class="badge">${bdi(a.source)}</span>` : ''} <span class="meta">${dateText(a?.published)}</span></li>`;
  }, (inner, first) => html`<ol class="sources" start="${first}">${inner}</ol>`)}
</article>`;
  return layout(story.title, body);
}

function paragraphs(text: string): SafeHtml {
  return html`${text.split(/\n+/).filter((p) => p.trim()).map((p) => html`<p>${p}</p>`)}`;
}

export function articlePage(a: ArticleView): string {
  const body = html`<article>
<h1 dir="auto">${a.title ?? (opening(a.text) || 'مقال بلا عنوان')}</h1>
<p class="meta">${a.source ? html`<span class="badge">${bdi(a.source)}</span>` : ''} ${dateText(a.published)}
${a.story ? html` — من قصة: <a href="${pathTo('stories', a.story.id)}">${bdi(a.story.title)}</a>` : ''}</p>
${a.url ? html`<p class="meta">الرابط الأصلي: <bdi class="ltr">${a.url}</bdi></p>` : ''}
<div class="article-body" dir="auto">${paragraphs(a.text)}</div>
<details class="removed"><summary>ما حذفه التنظيف (${countOf(a.removed.length, LINES)})</summary>
${a.removed.length
    ? html`<ul class="plain">${a.removed.map((r) => html`<li><span class="badge">${REMOVAL_LABEL[r.reason] ?? r.reason}</span> <del><bdi>${r.text}</bdi></del></li>`)}</ul>`
    : html`<p class="empty">لم يحذف شيء.</p>`}
</details>
</article>`;
  return layout(a.title ?? (opening(a.text) || a.id), body);
}

/** The filters of a search page: empty ones are absent. */
export interface SearchFilters { from?: string; to?: string; outlet?: string }

export function searchPage(q: string, hits: Page<SearchHit>, filters: SearchFilters = {}, outlets: string[] = []): string {
  const pages = Math.max(1, Math.ceil(hits.total / hits.pageSize));
  const base = { q, from: filters.from, to: filters.to, outlet: filters.outlet };
  const first = (hits.page - 1) * hits.pageSize + 1;
  const body = html`<h1>نتائج البحث عن: ${bdi(q)}</h1>
<form class="filters" action="/search" method="get">
<input type="hidden" name="q" value="${q}">
${dateOutletFields(filters, outlets)}
<button type="submit">تصفية</button>
</form>
<p class="meta">${countOf(hits.total, RESULTS)}${hits.items.length && hits.total > hits.items.length ? html` — ${first}–${first + hits.items.length - 1}` : ''}</p>
${hits.items.length ? html`<ul class="cards results">${hits.items.map((h) => html`<li class="card">
<h3><a href="${pathTo('articles', h.id)}">${bdi(h.title ?? (h.lead || h.id))}</a></h3>
<div class="meta">${h.source ? html`<span class="badge">${bdi(h.source)}</span>` : ''} ${dateText(h.published)}${h.story ? html` — <a href="${pathTo('stories', h.story)}">القصة</a>` : ''}</div>
<p class="snippet"><bdi>${h.snippet.map((p) => (p.match ? html`<mark>${p.text}</mark>` : p.text))}</bdi></p>
</li>`)}</ul>` : html`<p class="empty">لا نتائج.</p>`}
${pages > 1 ? pager(hits.page, pages, (n) => `/search${query({ ...base, page: n })}`) : ''}`;
  return layout(`بحث: ${q}`, body, { q });
}

/** One quote of an entity, for its page: the words and the story they were said in. */
export interface EntityQuote { text: string; story: string; storyTitle: string }

export function entityPage(e: EntitySummary, quotes: EntityQuote[] = []): string {
  const body = html`<h1>${bdi(e.name)} <span class="badge">${TYPE_LABEL[e.type] ?? e.type}</span></h1>
<p class="meta">ورد ${countOf(e.mentions, TIMES)} في ${countOf(e.articles, ARTICLES)} و${countOf(e.stories.length, STORIES)}</p>
<section><h2>صيغ الاسم</h2><ul class="plain variants">${e.variants.map((v) => html`<li>${bdi(v)}</li>`)}</ul></section>
${quotes.length ? html`<section><h2>أقواله</h2><ul class="plain quotes">${quotes.map((q) => html`<li>«${bdi(q.text)}» — <a href="${pathTo('stories', q.story)}">${bdi(q.storyTitle)}</a></li>`)}</ul></section>` : ''}
<section><h2>القصص</h2><ul class="plain">${e.stories.map((s) => html`<li><a href="${pathTo('stories', s.id)}">${bdi(s.title)}</a></li>`)}</ul>
<p><a href="/${query({ entity: e.id })}">كل القصص التي تذكره</a></p></section>`;
  return layout(e.name, body);
}

/** One page of the entity list (`page` is 1-based; the source's page holds `limit` entities from its offset). */
export function entityListPage(list: EntityPage, page = 1): string {
  const entities: EntitySummary[] = list.items;
  const pages = Math.max(1, Math.ceil(list.total / list.limit));
  const body = html`<h1>الأسماء</h1>
${entities.length ? html`<ul class="plain">${entities.map((e) => html`<li><a href="${pathTo('entities', e.id)}">${bdi(e.name)}</a> <span class="badge">${TYPE_LABEL[e.type] ?? e.type}</span> <span class="meta">${countOf(e.stories.length, STORIES)}${e.variants.length > 1 ? html` — ${countOf(e.variants.length, FORMS)}` : ''}</span></li>`)}</ul>` : html`<p class="empty">لا أسماء بعد.</p>`}
${pages > 1 ? html`<nav class="pager">
${page > 1 ? html`<a href="/entities${query({ page: page - 1 })}">→ السابق</a>` : html`<span></span>`}
<span class="meta">صفحة ${page} من ${pages}</span>
${page < pages ? html`<a href="/entities${query({ page: page + 1 })}">التالي ←</a>` : html`<span></span>`}
</nav>` : ''}`;
  return layout('الأسماء', body);
}

export function errorPage(status: number, message: string): string {
  const title = status === 404 ? 'غير موجود' : status < 500 ? 'طلب غير صالح' : 'خطأ في الخادم';
  return layout(title, html`<h1>${title}</h1><p class="meta"><bdi>${message}</bdi></p><p><a href="/">العودة إلى القصص</a></p>`);
}
