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

export function renderStory(report: StoryReport, format: StoryFormat = 'text', ctx: StoryContext = {}): string {
  const arts = articleLines(report, ctx);
  const rel = relatedLines(report, ctx);
  switch (format) {
    case 'json':
      return JSON.stringify({ ...report, articleInfo: arts }, null, 2);
    case 'md': {
      const out = [`# ${report.title}`, '', `- id: \`${report.id}\``, `- articles: ${report.articles.length}`,
        `- outlets: ${report.sources.join('، ') || '—'}`, `- first: ${when(report.first)}`, `- last: ${when(report.last)}`, '', '## Articles', ''];
      for (const a of arts) {
        const label = a.title ?? a.id;
        out.push(`- ${a.url ? `[${label}](${a.url})` : label} — ${a.source ?? '?'}, ${when(a.published)} (\`${a.id}\`)`);
      }
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
        '<h2>المقالات</h2>', `<ul>\n${li}\n</ul>`,
        ...(rel.length ? ['<h2>قصص ذات صلة</h2>', `<ul>\n${relLi}\n</ul>`] : []),
        '</article>', '</body>', '</html>',
      ].join('\n');
    }
    default: {
      const out = [report.title, `${report.id} · ${report.articles.length} articles · ${report.sources.join(', ') || '—'} · ${when(report.first)} → ${when(report.last)}`, '', 'Articles:'];
      for (const a of arts) out.push(`  ${a.id}  ${a.source ?? '?'}  ${when(a.published)}  ${a.title ?? ''}`.trimEnd());
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
