// A store whose search rows another analyzer version wrote is re-indexed when it is opened: the sample corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Khabar } from '../../src/khabar.js';
import { SEARCH_INDEX_VERSION } from '../../src/search/index.js';
import { repoRoot } from '../helpers/shared.js';

test('a store written by an older analyzer has its search rows rewritten on opening, once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-reindex-'));
  const db = join(dir, 'k.db');
  try {
    let khabar = Khabar.open({ db });
    assert.equal(khabar.reindexed, 0, 'a new store only records the version');
    await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
    // "حكومتها" is not in the corpus; its stem is that of "الحكومة" (rail agreement), found through the stem column.
    const found = khabar.search('حكومتها').map((h) => h.id).sort();
    assert.ok(found.length > 0, 'حكومتها finds الحكومة by its stem');
    const stored = khabar.store.countArticles();
    khabar.close();

    // What a store of the previous analyzer looks like to today's queries: stems that are not today's (here none),
    // and no version recorded (stores before the number had none).
    const raw = new Database(db);
    const rows = raw.prepare('SELECT rowid, title, text FROM article').all() as { rowid: number; title: string | null; text: string }[];
    for (const r of rows) {
      raw.prepare('DELETE FROM article_fts WHERE rowid = ?').run(r.rowid);
      raw.prepare("INSERT INTO article_fts (rowid, title_norm, title_stem, norm, stem) VALUES (?, '', '', '', '')").run(r.rowid);
    }
    raw.prepare("DELETE FROM kv WHERE key = 'search-index-version'").run();
    raw.close();

    const progress: number[] = [];
    khabar = Khabar.open({ db, onReindex: (done, total) => { assert.equal(total, stored); progress.push(done); } });
    assert.equal(khabar.reindexed, stored);
    assert.equal(progress.at(-1), stored);
    assert.equal(khabar.store.searchIndexVersion(), SEARCH_INDEX_VERSION);
    assert.deepEqual(khabar.search('حكومتها').map((h) => h.id).sort(), found);
    khabar.close();

    khabar = Khabar.open({ db });
    assert.equal(khabar.reindexed, 0, 'the second opening finds the version recorded');
    khabar.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
