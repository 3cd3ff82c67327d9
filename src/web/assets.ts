// Static files of the web page, kept as TypeScript constants so the build ships them with no copy step.
// The font comes from @fontsource/noto-sans-arabic (OFL-1.1) and is served from node_modules: nothing is
// fetched from elsewhere, and screenshots do not depend on the machine's fonts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Font files we serve: Arabic and Latin subsets, regular and bold. */
export const FONT_FILES = [
  'noto-sans-arabic-arabic-400-normal.woff2',
  'noto-sans-arabic-arabic-700-normal.woff2',
  'noto-sans-arabic-latin-400-normal.woff2',
  'noto-sans-arabic-latin-700-normal.woff2',
] as const;

const fontCache = new Map<string, Buffer>();

/** The bytes of one bundled font file, or null when the name is not one of FONT_FILES. */
export function fontFile(name: string): Buffer | null {
  if (!(FONT_FILES as readonly string[]).includes(name)) return null;
  let bytes = fontCache.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`@fontsource/noto-sans-arabic/files/${name}`));
    fontCache.set(name, bytes);
  }
  return bytes;
}

// unicode-range values from @fontsource/noto-sans-arabic's arabic-*.css and latin-*.css.
const ARABIC_RANGE = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC, U+102E0-102FB, U+10E60-10E7E, U+10EC2-10EC4, U+10EFC-10EFF, U+1EE00-1EEFF';
const LATIN_RANGE = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

const fontFaces = [400, 700].flatMap((weight) => [
  ['arabic', ARABIC_RANGE], ['latin', LATIN_RANGE],
].map(([subset, range]) => `@font-face {
  font-family: 'Noto Sans Arabic'; font-style: normal; font-display: swap; font-weight: ${weight};
  src: url(/static/fonts/noto-sans-arabic-${subset}-${weight}-normal.woff2) format('woff2');
  unicode-range: ${range};
}`)).join('\n');

/** The page's only stylesheet. Logical properties (inline/block) so the layout follows dir="rtl". */
export const APP_CSS = `${fontFaces}
:root { --fg: #1b1f24; --muted: #5b6570; --line: #d9dee3; --bg: #fbfbf9; --card: #fff; --accent: #0b5d8c; --warn: #9a3412; --mark: #fde68a; }
* { box-sizing: border-box; }
html { font-family: 'Noto Sans Arabic', sans-serif; font-size: 17px; line-height: 1.75; color: var(--fg); background: var(--bg); }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
header.site { background: #12343b; color: #fff; padding-block: 0.6rem; padding-inline: 1rem; }
header.site .bar { max-inline-size: 62rem; margin-inline: auto; display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; align-items: center; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; font-size: 1.3rem; margin-inline-end: auto; }
form.search { display: flex; gap: 0.4rem; flex: 1 1 16rem; max-inline-size: 26rem; }
form.search input[type=search] { flex: 1; min-inline-size: 0; font: inherit; padding-block: 0.25rem; padding-inline: 0.6rem; border-radius: 0.4rem; border: 1px solid var(--line); }
button, .button { font: inherit; padding-block: 0.25rem; padding-inline: 0.8rem; border-radius: 0.4rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
main { max-inline-size: 62rem; margin-inline: auto; padding-block: 1rem 3rem; padding-inline: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.5; margin-block: 0.5rem; }
h2 { font-size: 1.2rem; margin-block: 1.6rem 0.6rem; padding-block-end: 0.2rem; border-block-end: 2px solid var(--line); }
.meta { color: var(--muted); font-size: 0.9rem; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.8rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 0.6rem; padding-block: 0.7rem; padding-inline: 1rem; overflow-wrap: anywhere; }
.card h3 { margin: 0; font-size: 1.1rem; }
.badge { display: inline-block; font-size: 0.8rem; line-height: 1.6; padding-inline: 0.5rem; border-radius: 999px; background: #e6eef3; color: #123; margin-inline-end: 0.3rem; white-space: nowrap; }
.badge.unique { background: #fff3e0; color: var(--warn); }
.badge.count { background: #e9f5ec; color: #14532d; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-block-end: 1rem; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
.filters input, .filters select { font: inherit; font-size: 0.95rem; padding-inline: 0.4rem; border: 1px solid var(--line); border-radius: 0.3rem; background: #fff; }
.pager { display: flex; gap: 1rem; justify-content: space-between; margin-block-start: 1rem; }
.summary p { margin-block: 0.4rem; }
sup.cite a { font-size: 0.75rem; padding-inline: 0.1rem; }
ol.sources { padding-inline-start: 1.5rem; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain > li { padding-block: 0.45rem; border-block-end: 1px solid var(--line); overflow-wrap: anywhere; }
.quote-group h3 { font-size: 1rem; margin-block: 1rem 0.3rem; }
blockquote { margin-block: 0.3rem; margin-inline: 0; padding-inline-start: 0.8rem; border-inline-start: 3px solid var(--line); }
.conflict { color: var(--warn); }
.timeline time { font-weight: 700; margin-inline-end: 0.5rem; white-space: nowrap; }
.article-body p { margin-block: 0 0.9rem; overflow-wrap: anywhere; }
details.more > summary { cursor: pointer; color: var(--accent); margin-block: 0.4rem; }
details.removed { background: #f3f4f6; border-radius: 0.5rem; padding-block: 0.4rem; padding-inline: 0.8rem; margin-block: 1rem; }
details.removed summary { cursor: pointer; color: var(--muted); }
details.removed del { text-decoration: line-through; color: var(--muted); }
mark { background: var(--mark); color: inherit; padding-inline: 0.1rem; border-radius: 0.2rem; }
.snippet { margin-block: 0.3rem 0; }
.empty { color: var(--muted); font-style: italic; }
.ingest-status { font-size: 0.9rem; color: var(--muted); }
.ingest-status[hidden] { display: none; }
.ltr { direction: ltr; unicode-bidi: isolate; }
@media (max-width: 40rem) {
  html { font-size: 16px; }
  h1 { font-size: 1.35rem; }
  header.site .brand { margin-inline-end: 0; }
  form.search { max-inline-size: none; flex-basis: 100%; }
}
`;

/**
 * The page's only script: shows the progress of a running ingest on the story list. Written without
 * innerHTML: it only sets textContent and a progress element's values.
 */
export const APP_JS = `'use strict';
(function () {
  var box = document.getElementById('ingest-status');
  if (!box) return;
  var text = box.querySelector('span');
  var bar = box.querySelector('progress');
  function poll() {
    fetch('/api/ingest/status', { headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.running) {
          box.hidden = false;
          bar.max = s.total || 1; bar.value = s.done;
          text.textContent = 'جارٍ إدخال المقالات: ' + s.done + ' من ' + s.total;
          setTimeout(poll, 1000);
        } else {
          if (!box.hidden) { text.textContent = 'اكتمل الإدخال. حدّث الصفحة لرؤية القصص الجديدة.'; bar.value = bar.max; }
        }
      })
      .catch(function () { /* the status is a convenience; the page works without it */ });
  }
  poll();
})();
`;
