// The escaping template: the only way pages are built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, pathTo } from '../../src/web/html.js';

test('every interpolated value is escaped, nested templates are kept', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=\'y\'>`';
  const out = html`<p title="${hostile}">${hostile} ${html`<b>${'وزير الخارجية'}</b>`} ${[hostile, 3]}</p>`.toString();
  assert.doesNotMatch(out, /<script|<img/);
  assert.equal(out.split('&lt;script&gt;').length - 1, 3);
  assert.match(out, /<b>وزير الخارجية<\/b>/);
  assert.doesNotMatch(out, /"x"|'y'|`/);
});

test('bidi override and isolate controls are removed, Arabic kept as is', () => {
  assert.equal(escapeHtml('\u202Eلافروف\u202C و\u2066أستانة\u2069 وَزِيرُ'), 'لافروف وأستانة وَزِيرُ');
});

test('ids only enter URLs percent-encoded', () => {
  assert.equal(pathTo('articles', '../x?y=<z>'), '/articles/..%2Fx%3Fy%3D%3Cz%3E');
  assert.equal(html`<a href="${pathTo('stories', 'javascript:alert(1)')}">`.toString(), '<a href="/stories/javascript%3Aalert(1)">');
});

test('null, undefined and false render as nothing', () => {
  assert.equal(html`[${null}${undefined}${false}${0}]`.toString(), '[0]');
});
