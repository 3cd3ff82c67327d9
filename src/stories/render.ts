// Rendering of stories for the CLI (and anyone else): plain text, Markdown, HTML (RTL) and JSON.
// renderStory takes a StoryReport so that analysis and summary fields can be added as sections later.
import type { Article, Story, StoryReport } from '../types.js';

export type StoryFormat = 'text' | 'md' | 'html' | 'json';

/** What the article list of a story shows. */
export type ArticleInfo = Pick<Article, 'id' | 'source' | 'title' | 'url' | 'published'>;

export interface StoryContext {
  /** The member articles, in the order to show (unknown ids are shown by id alone). */
  articles?: ArticleInfo[];
  /** The related stories (for their titles). */
  related?: Story[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function when(p: string | null | undefined): string {
  return p ? p.replace('T', ' ').replace(/:00(?:\.000)?(Z|[+-]\d\d:\d\d)?$/, '$1') : 'بدون تاريخ';
}

function articleLines(report: StoryReport, ctx: StoryContext): ArticleInfo[] {
  const byId = new Map((ctx.articles ?? []).map((a) => [a.id, a]));
  return report.articles.map((id) => byId.get(id) ?? { id, source: null, title: null, url: null, published: null });
}

function relatedLines(report: StoryReport, ctx: StoryContext): { id: string; title: string | null }[] {
  const byId = new Map((ctx.related ?? []).map((s) => [s.id, s]));
  return report.related.map((id) => ({ id, title: byId.get(id)?.title ?? null }));
}

/** The analysis and summary sections of a report, with citations [n] numbering the story's articles. */
function analysisLines(report: StoryReport, arts: ArticleInfo[], md: boolean): string[] {
  const num = new Map(arts.map((a, i) => [a.id, i + 1]));
  // Numbered in the order of the article list, whatever order the analysis gave the ids in.
  const cite = (ids: string[]) => [...ids].sort((a, b) => (num.get(a) ?? Infinity) - (num.get(b) ?? Infinity)).map((id) => `[${num.get(id) ?? id}]`).join('');
  const h = (t: string) => (md ? ['', `## ${t}`, ''] : ['', `${t}:`]);
  const item = (t: string) => (md ? `- ${t}` : `  ${t}`);
  const out: string[] = [];
  if (report.summary?.length) {
    out.push(...h('Summary'));
    for (const s of report.summary) out.push(md ? `${s.text} ${cite(s.articles)}` : item(`${s.text} ${cite(s.articles)}`));
  }
  const facts = report.facts ?? [];
  const shared = facts.filter((f) => !f.unique);
  if (shared.length) {
    out.push(...h('Confirmed by several articles'));
    for (const f of shared.slice(0, 12)) out.push(item(`${f.text} ${cite(f.articles)}`));
  }
  const unique = facts.filter((f) => f.unique);
  if (unique.length) {
    out.push(...h(`Reported by one article only (${unique.length}; first 8)`));
    for (const f of unique.slice(0, 8)) out.push(item(`${f.text} ${cite(f.articles)}`));
  }
  const conflicts = (report.numbers ?? []).filter((n) => n.conflicts?.length);
  if (conflicts.length) {
    out.push(...h('Numbers that disagree'));
    for (const n of conflicts) {
      const others = n.conflicts!.map((c) => `${c.value} «${c.text}» ${cite(c.articles)}`).join('; ');
      out.push(item(`${n.unit}: ${n.value} «${n.text}» ${cite(n.articles)} vs ${others}`));
    }
  }
  if (report.quotes?.length) {
    out.push(...h('Who said what'));
    // Quotation marks only for the speaker's own words: indirect speech (قال إن ...) is the outlet's wording.
    for (const q of report.quotes.slice(0, 15)) {
      const said = q.kind === 'indirect' ? `(reported) ${q.text}` : `«${q.text}»`;
      out.push(item(`${q.speaker ?? '(unattributed)'}: ${said} ${cite(q.articles)}`));
    }
  }
  if (report.timeline?.length) {
    out.push(...h('Timeline'));
    for (const t of report.timeline) out.push(item(`${t.date}  ${t.text} ${cite(t.articles)}`));
  }
  if (report.entities?.length) {
    out.push(...h('Entities'));
    for (const e of report.entities.slice(0, 20)) {
      const vars = e.variants.filter((v) => v !== e.name);
      out.push(item(`${e.name} (${e.type}, ${e.mentions} mentions${vars.length ? `; also: ${vars.join('، ')}` : ''})`));
    }
  }
  return out;
}

export function renderStory(report: StoryReport, format: StoryFormat = 'text', ctx: StoryContext = {}): string {
  const arts = articleLines(report, ctx);
  const rel = relatedLines(report, ctx);
  switch (format) {
    case 'json':
      return JSON.stringify({ ...report, articleInfo: arts }, null, 2);
    case 'md': {
      const out = [`# ${report.title}`, '', `- id: \`${report.id}\``, `- articles: ${report.articles.length}`,
        `- outlets: ${report.sources.join('، ') || '—'}`, `- first: ${when(report.first)}`, `- last: ${when(report.last)}`, ...analysisLines(report, arts, true), '', '## Articles', ''];
      arts.forEach((a, i) => {
        const label = a.title ?? a.id;
        out.push(`${i + 1}. ${a.url ? `[${label}](${a.url})` : label} — ${a.source ?? '?'}, ${when(a.published)} (\`${a.id}\`)`);
      });
      if (rel.length) {
        out.push('', '## Related stories', '');
        for (const r of rel) out.push(`- \`${r.id}\` ${r.title ?? ''}`.trimEnd());
      }
      return out.join('\n');
    }
    case 'html': {
      const li = arts.map((a) => {
        const label = escapeHtml(a.title ?? a.id);
        const link = a.url ? `<a href="${escapeHtml(a.url)}">${label}</a>` : label;
        return `<li>${link} <small>${escapeHtml(a.source ?? '?')} · ${escapeHtml(when(a.published))}</small></li>`;
      }).join('\n');
      const relLi = rel.map((r) => `<li><code>${escapeHtml(r.id)}</code> ${escapeHtml(r.title ?? '')}</li>`).join('\n');
      return [
        '<!doctype html>', '<html lang="ar" dir="rtl">', '<head><meta charset="utf-8">',
        `<title>${escapeHtml(report.title)}</title></head>`, '<body>', `<article data-story="${escapeHtml(report.id)}">`,
        `<h1>${escapeHtml(report.title)}</h1>`,
        `<p>${report.articles.length} مقالات · ${escapeHtml(report.sources.join('، '))} · ${escapeHtml(when(report.first))} – ${escapeHtml(when(report.last))}</p>`,
        ...(report.summary?.length ? ['<h2>الملخص</h2>', ...report.summary.map((x) => `<p>${escapeHtml(x.text)} ${x.articles.map((id) => `[${arts.findIndex((a) => a.id === id) + 1}]`).join('')}</p>`)] : []),
        '<h2>المقالات</h2>', `<ol>\n${li}\n</ol>`,
        ...(rel.length ? ['<h2>قصص ذات صلة</h2>', `<ul>\n${relLi}\n</ul>`] : []),
        '</article>', '</body>', '</html>',
      ].join('\n');
    }
    default: {
      const out = [report.title, `${report.id} · ${report.articles.length} articles · ${report.sources.join(', ') || '—'} · ${when(report.first)} → ${when(report.last)}`, ...analysisLines(report, arts, false), '', 'Articles:'];
      arts.forEach((a, i) => out.push(`  [${i + 1}] ${a.id}  ${a.source ?? '?'}  ${when(a.published)}  ${a.title ?? ''}`.trimEnd()));
      if (rel.length) {
        out.push('', 'Related:');
        for (const r of rel) out.push(`  ${r.id}  ${r.title ?? ''}`.trimEnd());
      }
      return out.join('\n');
    }
  }
}

/** The `khabar stories` listing: one line per story, or JSON. */
export function renderStoryList(stories: Story[], format: 'text' | 'json' = 'text'): string {
  if (format === 'json') return JSON.stringify(stories, null, 2);
  if (!stories.length) return '(no stories)';
  return stories.map((s) => `${s.id}\t${s.articles.length}\t${s.sources.join(', ') || '—'}\t${when(s.first)} → ${when(s.last)}\t${s.title}`).join('\n');
}
