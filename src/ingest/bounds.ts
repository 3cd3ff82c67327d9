// Size bounds of one article (config.ts): its text is refused past MAX_ARTICLE_CHARS, its title cut past
// MAX_TITLE_CHARS. Checked on every path into the store (files, URLs, JSON, the API) by cleanArticle.
import { MAX_ARTICLE_CHARS, MAX_TITLE_CHARS } from './config.js';

const thousands = (n: number): string => n.toLocaleString('en');

/** Throws an Error naming `where` when an article's text is longer than MAX_ARTICLE_CHARS. */
export function checkArticleSize(text: string, where: string): void {
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new Error(`${where}: article text is ${thousands(text.length)} characters, over the limit of ${thousands(MAX_ARTICLE_CHARS)} (refused, not cut)`);
  }
}

/** The title, cut at the last space before MAX_TITLE_CHARS and ended with "…" when longer. */
export function boundTitle(title: string | null): string | null {
  if (title === null || title.length <= MAX_TITLE_CHARS) return title;
  const head = title.slice(0, MAX_TITLE_CHARS - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
