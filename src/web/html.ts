// The only way the web page builds HTML: the `html` tagged template escapes every interpolated value with
// escapeHtml() unless it is already SafeHtml (built by this same template). There is no "raw" escape hatch
// for dynamic values, so untrusted article text cannot reach the page unescaped.

/** Bidi embedding/override/isolate controls (U+202A–202E, U+2066–2069): untrusted text could use them to
 *  reorder the page's layout (and disguise links), so they are dropped from every escaped value. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values; removes bidi controls. */
export function escapeHtml(value: string): string {
  return value.replace(BIDI_CONTROLS, '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** HTML that was produced by the `html` template (or is a constant of this module). */
export class SafeHtml {
  readonly #value: string;
  /** Only this module makes SafeHtml from a string; everyone else goes through `html`. */
  private constructor(value: string) { this.#value = value; }
  static fromTemplate(value: string): SafeHtml { return new SafeHtml(value); }
  toString(): string { return this.#value; }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are trusted (they are in our source code), every value is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return SafeHtml.fromTemplate(out);
}

/** A site-internal link: a fixed path prefix plus a percent-encoded id (ids never enter URLs otherwise). */
export function pathTo(kind: 'stories' | 'articles' | 'entities', id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}

/** A query string from fixed keys and percent-encoded values (empty values dropped). */
export function query(params: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Untrusted text shown inline: escaped, and isolated so its direction cannot leak into the page. */
export function bdi(text: string | null | undefined): SafeHtml {
  return html`<bdi>${text ?? ''}</bdi>`;
}
