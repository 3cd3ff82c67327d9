// Rendered responses kept beside the objects they render. A story report is cached (src/report.ts) until its
// story changes, and then replaced by a new object, so a response rendered from a report can be kept with
// it: JSON.stringify of a large report, or its HTML page, costs milliseconds that every visit would pay again.
// Keyed weakly: a report dropped from the report cache takes its rendered forms with it.
// Kept as UTF-8 bytes: a response string is encoded again at every send (an Arabic story page is some 300 KB).
const rendered = new WeakMap<object, Map<string, Buffer>>();

/**
 * The rendering of `of` under `variant` (e.g. 'json', or 'html' plus whatever else the page shows), made once
 * by `make`, as UTF-8 bytes, and then reused for as long as `of` is alive.
 */
export function renderedOnce(of: object, variant: string, make: () => string): Buffer {
  let forms = rendered.get(of);
  if (!forms) rendered.set(of, forms = new Map());
  let bytes = forms.get(variant);
  if (bytes === undefined) {
    bytes = Buffer.from(make(), 'utf8');
    // Only the latest few variants of one object (an HTML page keyed by its related stories' titles).
    if (forms.size >= 4) forms.delete(forms.keys().next().value!);
    forms.set(variant, bytes);
  }
  return bytes;
}
