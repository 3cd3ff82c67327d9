// `khabar serve` as a process: reports and the catch-up grouping of another process's ingest run in background
// threads, so requests are answered meanwhile, and SIGTERM ends the server at once, whatever it is building.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { storyGrouperFor } from '../../src/report.js';
import { SqliteStore } from '../../src/store/index.js';
import { cleanArticle, lshBands, minhash } from '../../src/ingest/index.js';
import { indexText } from '../../src/search/index.js';
import { repoRoot } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const corpus = join(repoRoot, 'samples', 'corpus');

interface Served { child: ChildProcess; base: string; stderr: () => string; exited: Promise<{ code: number | null; signal: string | null }> }

/** Starts `khabar serve` on a free port; resolves once it listens. */
function serve(db: string): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, KHABAR_TOKEN: '' } });
  let err = '';
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      err += d;
      const m = /serving (http:\/\/\S+?)[ (]/.exec(err);
      if (m) resolve({ child, base: m[1]!, stderr: () => err, exited });
    });
    void exited.then(() => reject(new Error(`khabar serve exited before listening: ${err}`)));
  });
}

/** Stops the server with SIGTERM; SIGKILL after a generous delay so a hung server fails the test instead of hanging it. */
async function stop(s: Served): Promise<{ code: number | null; signal: string | null }> {
  s.child.kill('SIGTERM');
  const killer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  try { return await s.exited; } finally { clearTimeout(killer); }
}

/** The sample corpus's texts, one paragraph a line: a long single-line article when repeated. */
function sampleText(): string {
  return readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(corpus, f), 'utf8')).join(' ').replace(/\s+/g, ' ');
}

test('a store holding a huge article: the server answers while the warm-up builds its report, and SIGTERM ends it mid-build', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-serve-huge-'));
  try {
    const db = join(dir, 'k.db');
    const khabar = Khabar.open({ db });
    await khabar.ingest([corpus]);
    // 1.5 million characters on one line: its story's report takes a minute or more to build (a 50 MB one, hours).
    let text = '';
    const piece = sampleText();
    while (text.length < 1_500_000) text += piece + ' ';
    // Ingest now refuses an article past MAX_ARTICLE_CHARS: this one is written to the store as a store filled
    // before that bound holds it.
    khabar.close();
    const store = SqliteStore.open(db);
    const article = { ...cleanArticle({ id: 'huge', text: text.slice(0, 10_000), source: 'مصدر كبير', published: '2026-03-20T10:00:00+03:00' }), text };
    const signature = minhash(article.text);
    const r = store.putArticle(article, { index: indexText(article), signature, bands: lshBands(signature) });
    store.close();
    assert.equal(r.status, 'stored');
    const reopened = Khabar.open({ db });
    storyGrouperFor(reopened); // grouped now, so the server starts at once
    reopened.close();

    const s = await serve(db);
    // Newest first: the huge article's story is the first report the warm-up builds.
    // (A server that builds the report in its request thread answers only after it: the fetch gives up first.)
    const health = await fetch(`${s.base}/api/health`, { signal: AbortSignal.timeout(20_000) });
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const list = await (await fetch(`${s.base}/api/stories?pageSize=100`)).json() as { total: number; items: { articles: string[] }[] };
    assert.ok(list.items[0]!.articles.includes('huge'), 'the huge article\'s story is the newest');
    assert.ok(!/warmed/.test(s.stderr()), 'answered while the warm-up was still building the huge story\'s report');
    const { code, signal } = await stop(s);
    assert.equal(signal, null, `exited by itself on SIGTERM, not killed: ${s.stderr()}`);
    assert.equal(code, 0, s.stderr());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another process\'s ingest is grouped in the background; a story it merges away redirects to the story it joined', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-serve-merge-'));
  try {
    const db = join(dir, 'k.db');
    // Two halves of one report, from two outlets, are two stories; the whole report, arriving later, joins the first
    // and the re-check merges the second into it.
    const whole = JSON.parse(readFileSync(join(corpus, 'rafid-20260314-vienna-ceasefire.json'), 'utf8')) as { text: string; published: string };
    const paras = whole.text.split(/\n+/).filter(Boolean);
    const half = Math.floor(paras.length / 2);
    const khabar = Khabar.open({ db });
    khabar.addArticle({ id: 'first-half', title: 'الجزء الأول', source: 'مصدر أول', published: whole.published, text: paras.slice(0, half).join('\n\n') });
    khabar.addArticle({ id: 'second-half', title: 'الجزء الثاني', source: 'مصدر ثان', published: whole.published, text: paras.slice(half).join('\n\n') });
    const grouper = storyGrouperFor(khabar);
    const [kept, merged] = [grouper.state.storyOfArticle('first-half')!, grouper.state.storyOfArticle('second-half')!];
    khabar.close();
    assert.notEqual(kept, merged, 'the halves start as two stories');

    const s = await serve(db);
    try {
      assert.equal((await fetch(`${s.base}/api/stories/${merged}`)).status, 200);
      const input = join(dir, 'whole.json');
      writeFileSync(input, JSON.stringify({ id: 'whole', title: 'التقرير كاملا', source: 'مصدر ثالث', published: whole.published, text: whole.text }));
      const ingest = spawnSync(process.execPath, [bin, 'ingest', input, '--db', db], { encoding: 'utf8' });
      assert.equal(ingest.status, 0, ingest.stderr);
      // The server groups it in its background thread: requests are answered meanwhile from the stories as they were.
      let api: Response | null = null;
      for (let i = 0; i < 600; i++) {
        api = await fetch(`${s.base}/api/stories/${merged}`, { redirect: 'manual' });
        if (api.status !== 200) break;
        await api.arrayBuffer();
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(api!.status, 308, 'the merged-away id redirects');
      assert.equal(api!.headers.get('location'), `/api/stories/${kept}`);
      assert.deepEqual(await api!.json(), { id: merged, movedTo: kept });
      const followed = await (await fetch(`${s.base}/api/stories/${merged}`)).json() as { id: string; articles: string[] };
      assert.equal(followed.id, kept);
      assert.deepEqual([...followed.articles].sort(), ['first-half', 'second-half', 'whole']);
      const page = await fetch(`${s.base}/stories/${merged}`, { redirect: 'manual' });
      assert.equal(page.status, 301);
      assert.equal(page.headers.get('location'), `/stories/${kept}`);
      assert.equal((await fetch(`${s.base}/stories/nosuchstory`)).status, 404, 'an id never given is still not found');
    } finally {
      const { code } = await stop(s);
      assert.equal(code, 0, s.stderr());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
