// Public surface of the web stage: the escaping HTML template and the server-rendered pages.
export { html, escapeHtml, SafeHtml, bdi, pathTo, type HtmlValue } from './html.js';
export { registerWeb } from './routes.js';
