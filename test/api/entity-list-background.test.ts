// With the server's background thread, the entity index is caught up and listed there (src/api/khabar-source.ts):
// the entity pages a request gets are the pages the index read in the request's own thread gives, and an article
// ingested afterwards is counted once the thread has listed the index again (only the entities it names re-read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { Background } from '../../src/api/background.js';
import { storyGrouperFor } from '../../src/report.js';
import { hasShared, loadSeeds, repoRoot } from '../helpers/shared.js';

test('entity pages listed by the background thread are those read in-thread, and a new article is counted after', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-entity-list-'));
  const db = join(dir, 'k.db');
  try {
    const khabar = Khabar.open({ db });
    await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
    if (hasShared) for (const s of loadSeeds()) khabar.addArticle({ id: basename(s.file, '.txt'), text: s.text, published: s.published, origin: s.file });
    const grouper = storyGrouperFor(khabar);
    const background = Background.start(db);
    assert.ok(background, 'the background thread is built (dist/)');
    try {
      const source = new KhabarLibrarySource(khabar, { grouper, background });
      await source.entitiesListed();
      const listed = [source.entities({ offset: 0, limit: 20 }), source.entities({ offset: 20, limit: 20 })];
      // Read in this thread from the index the background thread made.
      const inThread = new KhabarLibrarySource(khabar, { grouper });
      assert.deepEqual(listed, [inThread.entities({ offset: 0, limit: 20 }), inThread.entities({ offset: 20, limit: 20 })]);
      // Two pages, the second not empty: the sample corpus alone names 33 entities, with the seeds over 40.
      assert.ok(listed[0]!.items.length === 20 && listed[1]!.items.length > 0, `the sample corpus names ${listed[0]!.total} entities`);
      // The JSON a request is sent, put together from each entity's JSON kept between pages, is the page's own.
      for (const q of [{ offset: 0, limit: 20 }, { offset: 20, limit: 20 }, { offset: 5, limit: 7 }, { offset: 0 }, { offset: 10_000, limit: 5 }]) {
        assert.equal(source.entitiesJson(q), JSON.stringify(source.entities(q)), `page ${JSON.stringify(q)}`);
      }
      const top = listed[0]!.items[0]!;
      assert.deepEqual(source.entity(top.id), inThread.entity(top.id));

      // An article naming the top entity, stored through this server: counted once the thread has listed again.
      const name = top.variants.find((v) => v === top.name) ?? top.name;
      khabar.addArticle({ id: 'entity-list-new', source: 'وكالة الاختبار', published: '2019-02-01', text: `أعلنت ${name} اليوم في بيان رسمي عن برنامج جديد لدعم الشباب في المناطق الداخلية.` });
      await source.entitiesListed();
      assert.equal(source.entity(top.id)!.articles, top.articles + 1, `${name} is counted in the new article`);
      // The list as updated (only the entities of the new article read again) is the list read afresh.
      const fresh = new KhabarLibrarySource(khabar, { grouper });
      assert.deepEqual(source.entities({ offset: 0, limit: 40 }), fresh.entities({ offset: 0, limit: 40 }));
      assert.equal(source.entitiesJson({ offset: 0, limit: 40 }), JSON.stringify(fresh.entities({ offset: 0, limit: 40 })), 'no entity JSON kept from before the article');
    } finally {
      await background.stop();
      khabar.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
