// What a command loads before it does anything: `khabar --help` and `khabar CMD --help` load no stage of the library
// (each module graph costs tens of ms to load, and a person waits for it), and `khabar summarize` on text files loads
// the stages it uses and not the web server, the store, the queue or the grouping. Modules are recorded by a module
// resolve hook in the child process, so these are the modules Node really loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commands } from '../../src/cli/main.js';
import { needsShared, repoRoot, sharedDir } from '../helpers/shared.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const src = pathToFileURL(join(repoRoot, 'dist', 'src')).href + '/';

/** The modules (file URLs under dist/src relative to it, and package names) a run of the CLI loads. */
function loaded(args: string[]): { status: number | null; stderr: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-startup-'));
  try {
    const out = join(dir, 'modules.txt');
    writeFileSync(out, '');
    writeFileSync(join(dir, 'hooks.mjs'), [
      "import { appendFileSync } from 'node:fs';",
      'let out;',
      'export function initialize(data) { out = data.out; }',
      'export async function resolve(specifier, context, next) {',
      '  const r = await next(specifier, context);',
      "  appendFileSync(out, r.url + '\\n');",
      '  return r;',
      '}',
    ].join('\n'));
    writeFileSync(join(dir, 'register.mjs'), [
      "import { register } from 'node:module';",
      `register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, { data: { out: ${JSON.stringify(out)} } });`,
    ].join('\n'));
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, bin, ...args], { encoding: 'utf8' });
    const modules = [...new Set(readFileSync(out, 'utf8').split('\n').filter(Boolean))]
      .filter((u) => !u.startsWith('node:'))
      .map((u) => (u.startsWith(src) ? u.slice(src.length) : u.replace(/^.*\/node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1')));
    return { status: r.status, stderr: r.stderr, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Modules outside src/cli a help text may load: single files with no imports of their own. */
const LEAVES = new Set(['text/safe-text.js', 'text/iso-date.js', 'package-root.js']);

test('khabar --help loads the command line alone', () => {
  const r = loaded(['--help']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.modules.includes('cli/main.js'), `the hook saw the CLI load: ${r.modules.join(' ')}`);
  assert.deepEqual(r.modules.filter((m) => !m.startsWith('cli/') && !LEAVES.has(m)), []);
  assert.deepEqual(r.modules.filter((m) => m.startsWith('cli/commands/')), [], 'no command module');
});

test('khabar CMD --help loads no stage of the library, for every command', () => {
  for (const { name } of commands) {
    const r = loaded([name, '--help']);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.ok(r.modules.includes(`cli/commands/${name}.js`), `${name}: the hook saw the command load`);
    assert.deepEqual(r.modules.filter((m) => !m.startsWith('cli/') && !LEAVES.has(m)), [], `${name} --help loads a stage`);
  }
});

test('khabar summarize on text files loads its stages and not the server, store, queue, grouping, fetcher or HTML parser', needsShared, () => {
  const r = loaded(['summarize', '--words', '40', join(sharedDir, 'seeds', '001_0dd356eb74ecdd09.txt')]);
  assert.equal(r.status, 0, r.stderr);
  for (const used of ['ingest/clean.js', 'analysis/index.js', 'summary/index.js', 'analysis/ner/model.js']) assert.ok(r.modules.includes(used), `loads ${used}`);
  const unused = r.modules.filter((m) => /^(api|store|queue|stories|watch|web|search)\/|^(khabar|report|prepare)\.js$|^ingest\/(index|fetch|extract-pool|minhash)\.js$|^(fastify|better-sqlite3|bullmq|ioredis|pg|linkedom|htmlparser2)$/.test(m));
  assert.deepEqual(unused, []);
});

/** How many functions V8 marks for TurboFan while a process normalizes the same Arabic sentence 3,000 times, after
 * tuneForCommand(command) (none: V8's defaults). */
function optimizedFunctions(command: string | null): number {
  const script = [
    `import { tuneForCommand } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'src', 'cli', 'tiering.js')).href)};`,
    command ? `await tuneForCommand(${JSON.stringify(command)});` : '',
    `const { normalize } = await import(${JSON.stringify(src + 'text/index.js')});`,
    "const words = 'قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات في أستانة ستبدأ يوم الاثنين'.split(' ');",
    'let n = 0;',
    'for (let i = 0; i < 3000; i++) for (const w of words) n += normalize(w + i).length;',
    'console.log(`letters ${n}`);',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--trace-opt', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'the flag is one this Node knows (an unknown one prints an error)');
  assert.match(r.stdout, /letters \d+/);
  return r.stdout.split('\n').filter((l) => l.startsWith('[marking ')).length;
}

test('a command a person waits for leaves cold code to the baseline compiler; a server keeps V8\'s defaults', () => {
  const defaults = optimizedFunctions(null);
  const summarize = optimizedFunctions('summarize');
  const serve = optimizedFunctions('serve');
  assert.ok(defaults >= 3, `V8's defaults optimize the normalizer's functions (${defaults} marked)`);
  assert.ok(summarize < defaults, `summarize: ${summarize} marked, defaults ${defaults}`);
  assert.ok(serve > summarize, `serve: ${serve} marked, summarize ${summarize}`);
});
