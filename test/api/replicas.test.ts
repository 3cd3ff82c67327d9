// `khabar serve` as stateless replicas over one PostgreSQL database (issue 26): two server processes on the sample
// corpus answer the story list, a story page and a search alike, and an article posted to one is served by the other
// and joins the same story in both.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';
import { dropTestSchemas, needsPostgres, pgSchemaUrl } from '../helpers/postgres.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const corpus = join(repoRoot, 'samples', 'corpus');
const servers: ChildProcess[] = [];

after(async () => {
  for (const s of servers) if (s.exitCode === null) { s.kill('SIGTERM'); await once(s, 'exit'); }
  dropTestSchemas();
});

async function serve(db: string): Promise<string> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', db], {
    env: { ...process.env, KHABAR_TOKEN: 'replica-test' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  servers.push(child);
  let err = '';
  child.stderr!.setEncoding('utf8');
  return await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: string) => {
      err += d;
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

async function json(base: string, path: string, init?: RequestInit): Promise<unknown> {
  const r = await fetch(base + path, init);
  assert.ok(r.ok, `${base}${path}: ${r.status} ${await r.clone().text()}`);
  return r.json();
}

test('two serve processes over one PostgreSQL database give the same answers, and see each other\'s ingests', needsPostgres, async () => {
  const db = pgSchemaUrl('replicas');
  const ingest = spawnSync(process.execPath, [bin, 'ingest', corpus, '--db', db], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, ingest.stderr);
  const [a, b] = await Promise.all([serve(db), serve(db)]);

  const storiesA = await json(a, '/api/stories') as { items: { id: string; articles?: string[] }[] };
  assert.ok(storiesA.items.length >= 4);
  assert.deepEqual(await json(b, '/api/stories'), storiesA);
  const first = storiesA.items[0]!.id;
  assert.deepEqual(await json(b, `/api/stories/${first}`), await json(a, `/api/stories/${first}`));
  const q = `/api/search?q=${encodeURIComponent('وقف إطلاق النار')}`;
  const hits = await json(a, q) as { items?: unknown[] };
  assert.deepEqual(await json(b, q), hits);

  // A follow-up of the Vienna ceasefire (a sample article with a new paragraph), posted to one replica only.
  const file = readdirSync(corpus).find((f) => f.includes('vienna'))!;
  const original = readFileSync(join(corpus, file), 'utf8');
  const text = original.replace(/<\/p>/, '</p><p>وأكد مراقبون دوليون صباح الأحد أن الهدوء ساد خطوط التماس في إقليم سلفان لليوم الثاني.</p>');
  assert.notEqual(text, original);
  const posted = await json(a, '/api/articles', {
    method: 'POST', headers: { authorization: 'Bearer replica-test', 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'replica-followup', html: text, source: 'replica-test', published: '2026-03-15T12:00:00Z' }),
  });
  assert.ok(posted);
  const article = await json(b, '/api/articles/replica-followup') as { id: string };
  assert.equal(article.id, 'replica-followup');
  const after = await json(a, '/api/stories') as { items: { id: string }[] };
  assert.deepEqual(await json(b, '/api/stories'), after);
  assert.notDeepEqual(after, storiesA, 'the posted article changed a story');
});
