// A real khabar store for the API and web tests: the sample corpus and (when present) the seeds ingested by
// the library, then hostile articles posted through the API itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Khabar } from '../../src/khabar.js';
import { buildServer } from '../../src/api/index.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { hasShared, loadSeeds, repoRoot } from '../helpers/shared.js';

export const TOKEN = 'test-token-ض';

/** Articles whose text tries to run script, inject markup, or flip the page's direction. */
export const HOSTILE = [
  {
    id: 'hostile-script',
    title: 'بيان <script>window.__xss = "title"</script> عاجل',
    source: '<img src=x onerror="window.__xss=\'source\'">',
    url: 'javascript:window.__xss="url"',
    published: '2019-01-24',
    text: [
      'قال المتحدث باسم الحكومة إن الاجتماع <script>window.__xss = "body"</script> سيعقد غدا في العاصمة لبحث ملف الحدود.',
      'وأضاف أن <img src=x onerror="window.__xss=\'img\'"> الوفد سيضم خبراء من وزارة الخارجية ووزارة الدفاع.',
      'وللاطلاع على التفاصيل <a href="javascript:window.__xss=\'link\'">اضغط هنا</a> حسب البيان الرسمي.',
      'وأكد أن \u202Eالنص المعكوس\u202C لن يغير \u2066شيئا\u2069 في الترتيب الذي أعلنته الحكومة للاجتماع.',
    ].join('\n'),
  },
];

export interface Fixture {
  app: FastifyInstance;
  khabar: Khabar;
  source: KhabarLibrarySource;
  close(): Promise<void>;
}

export async function openFixture(opts: { token?: string } = { token: TOKEN }): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-web-'));
  const khabar = Khabar.open({ db: join(dir, 'k.db') });
  await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
  // The seed .txt files carry no date; they are added with their publication dates (../shared/README.md), as a
  // feed would give them, so the 29 December talks and the 23 January summit are two linked stories.
  if (hasShared) for (const s of loadSeeds()) khabar.addArticle({ id: basename(s.file, '.txt'), text: s.text, published: s.published, origin: s.file });
  const source = new KhabarLibrarySource(khabar);
  const app = await buildServer({ source, token: opts.token });
  const posted = await app.inject({ method: 'POST', url: '/api/articles', headers: { authorization: `Bearer ${TOKEN}` }, payload: HOSTILE });
  if (opts.token === TOKEN && posted.statusCode !== 200) throw new Error(`fixture ingest failed: ${posted.body}`);
  return {
    app, khabar, source,
    async close() { await app.close(); khabar.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
