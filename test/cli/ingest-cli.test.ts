// khabar ingest / search / show / report as a user runs them (spawned), on the seeds and the sample corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasShared, needsShared, repoRoot, sharedDir } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const corpus = join(repoRoot, 'samples', 'corpus');
const seeds = join(sharedDir, 'seeds');
let dir = '';
let db = '';
const khabar = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KHABAR_DB: db } });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'khabar-cli-'));
  db = join(dir, 'k.db');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('ingest stores everything once, reports failing inputs, exit codes 0/1/2', needsShared, () => {
  const first = khabar('ingest', corpus, seeds, join(dir, 'missing.txt'));
  assert.equal(first.status, 1, first.stderr);
  assert.match(first.stderr, /^khabar: .*missing\.txt: .+$/m);
  const stored = Number(/(\d+) stored/.exec(first.stderr)![1]);
  assert.ok(stored >= 17, first.stderr);
  const again = khabar('ingest', corpus, seeds);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /0 stored, (\d+) duplicates, 0 failed/);
  assert.equal(Number(/(\d+) duplicates/.exec(again.stderr)![1]), stored);
  assert.equal(khabar('ingest').status, 2);
  assert.equal(khabar('ingest', corpus, '--max-bytes', 'lots').status, 2);
});

test('search prints marked snippets, --json gives offsets, odd queries do not fail', needsShared, () => {
  const r = khabar('search', 'السوريين', '--limit', '3');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\[[^\]]*سوري[^\]]*\]/, 'matches marked with brackets, not the « » Arabic quotes with');
  const j = khabar('search', 'أمريكية', '--json');
  const parsed = JSON.parse(j.stdout) as { hits: { id: string; published: string; passage: { text: string; highlights: [number, number][] } }[] };
  assert.ok(parsed.hits.length >= 2);
  for (const h of parsed.hits) {
    const [s, e] = h.passage.highlights[0];
    assert.match(h.passage.text.slice(s, e), /م(ي)?ر(ي)?ك/);
  }
  // The seeds (.txt) carry no date, so the date filter is checked on the dated sample corpus.
  const dated = JSON.parse(khabar('search', 'فيينا', '--json', '--to', '2026-03-14').stdout) as { hits: { published: string | null }[] };
  assert.ok(dated.hits.length >= 1);
  for (const h of dated.hits) assert.ok(h.published !== null && h.published.slice(0, 10) <= '2026-03-14', String(h.published));
  for (const q of ['"سوريا* OR', '(', 'NOT']) assert.equal(khabar('search', q).status, 0, q);
  assert.equal(khabar('search', 'x', '--from', 'yesterday').status, 2);
});

test('show --removed lists the source line cleaning removed from seed 001', needsShared, () => {
  const r = khabar('show', '001_0dd356eb74ecdd09', '--removed');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /اتفاق تركي روسي على التنسيق العسكري بسوريا/);
  assert.match(r.stdout, /\[source-line\] المصدر/);
  const j = JSON.parse(khabar('show', '001_0dd356eb74ecdd09', '--json').stdout) as { removed: { reason: string }[] };
  assert.ok(j.removed.some((x) => x.reason === 'source-line'));
  assert.equal(khabar('show', 'no-such-id').status, 1);
});

// A hand-written validator for the subset of JSON Schema that schema/report.schema.json uses.
type Schema = { type?: string | string[]; required?: string[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string;
  enum?: unknown[]; additionalProperties?: boolean; minLength?: number; minimum?: number; pattern?: string };
function validate(value: unknown, schema: Schema, root: { $defs: Record<string, Schema> }, path: string, errors: string[]): void {
  if (schema.$ref) return validate(value, root.$defs[schema.$ref.replace('#/$defs/', '')], root, path, errors);
  const typeOf = (v: unknown) => v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) { errors.push(`${path}: ${t} is not ${types.join('|')}`); return; }
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: too short`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below minimum`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => validate(v, schema.items!, root, `${path}[${i}]`, errors));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in o)) errors.push(`${path}: missing ${k}`);
    for (const [k, v] of Object.entries(o)) {
      const p = schema.properties?.[k];
      if (p) validate(v, p, root, `${path}.${k}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected ${k}`);
    }
  }
}

test('report --json on the samples validates against schema/report.schema.json', () => {
  const r = spawnSync(process.execPath, [bin, 'report', corpus, ...(hasShared ? [seeds] : []), '--json'], { encoding: 'utf8', env: { ...process.env, KHABAR_DB: '' } });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { articles: { id: string; text: string }[]; stories: unknown[] };
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'report.schema.json'), 'utf8')) as Schema & { $defs: Record<string, Schema> };
  const errors: string[] = [];
  validate(report, schema, schema, '$', errors);
  assert.deepEqual(errors, []);
  assert.ok(report.articles.length >= 12);
  assert.ok(report.articles.every((a) => a.text.length > 0));
  // The validator can fail: a broken document is rejected.
  const broken: string[] = [];
  validate({ articles: [{ id: '', source: 1 }], stories: [{ id: 's' }] }, schema, schema, '$', broken);
  assert.ok(broken.length >= 4, broken.join('; '));
  // without --json, the readable report: every story as khabar story prints one
  const readable = khabar('report', corpus);
  assert.equal(readable.status, 0, readable.stderr);
  assert.match(readable.stdout, /الخلاصة:/);
  assert.match(readable.stdout, /تارانيا وكوروفيا/);
});

test('a reader that stops early (| head) ends the output quietly, without an EPIPE trace', needsShared, () => {
  // `khabar stories --json | true`: the reader exits at once (as head does after its lines), so the write fails with EPIPE.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" stories --json | true`], {
    encoding: 'utf8', env: { ...process.env, KHABAR_DB: db },
  });
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at .*\.js:\d+/, r.stderr);
  const list = khabar('stories', '--json');
  assert.equal(list.status, 0, list.stderr);
  assert.ok((JSON.parse(list.stdout) as unknown[]).length >= 4, 'the stories are there');
});
