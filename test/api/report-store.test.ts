// Story reports persisted beside the database: the server's background thread builds and stores every story's
// report, a restarted server reads them at first visit, and a report whose article changed while no server ran is
// not reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { KhabarLibrarySource } from '../../src/api/khabar-source.js';
import { Background } from '../../src/api/background.js';
import { ReportStore } from '../../src/api/report-store.js';
import { buildStoryReport, storyGrouperFor } from '../../src/report.js';
import { repoRoot } from '../helpers/shared.js';

test('every story\'s report is persisted in the background, read after a restart, and forgotten when its article changed meanwhile', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-reports-'));
  const db = join(dir, 'k.db');
  try {
    let khabar = Khabar.open({ db });
    await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
    storyGrouperFor(khabar);
    const background = Background.start(db)!;
    assert.ok(background, 'the background thread is built (dist/)');
    let persisted = ReportStore.open(db)!;
    let source = new KhabarLibrarySource(khabar, { background, persisted });
    const stories = source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items;
    assert.equal(await source.persistReports(), stories.length, 'one report built per story');
    assert.ok(stories.every((s) => persisted.has(s)));
    assert.equal(await source.persistReports(), 0, 'nothing left to build');
    await background.stop();
    // What the thread stored is the report the library builds.
    const first = stories[0]!;
    assert.deepEqual(persisted.read(first), buildStoryReport(first, khabar.store.getArticles(first.articles)));
    persisted.close();
    khabar.close();

    // While no server runs, an outlet corrects an article of one story (its text replaced).
    khabar = Khabar.open({ db });
    const [changedStory, kept] = stories.filter((s) => s.articles.length > 1);
    assert.ok(changedStory && kept, 'the sample corpus has two stories of several articles');
    const member = khabar.article(changedStory.articles[0]!)!;
    const r = khabar.addArticle({ id: member.id, source: member.source, title: member.title, published: member.published, url: member.url, text: `${member.text}\n\nوأضاف المراسل في تصحيح لاحق أن عدد المشاركين بلغ ثلاثين وفدا.` });
    assert.equal(r.status, 'updated');
    storyGrouperFor(khabar);
    persisted = ReportStore.open(db)!;
    source = new KhabarLibrarySource(khabar, { persisted });
    const now = new Map(source.listStories({ page: 1, pageSize: 100, sort: 'newest' }).items.map((s) => [s.id, s]));
    const changedNow = now.get(source.article(member.id)!.story!.id)!;
    assert.equal(persisted.has(changedNow), false, 'the report built from the old copy is forgotten at start');
    assert.ok(persisted.has(now.get(kept!.id)!), 'the other stories\' reports are kept');
    // A restarted server reads a persisted report instead of building it: a record marked in the file is what it serves.
    const other = now.get(kept!.id)!;
    persisted.write(other, { ...persisted.read(other)!, title: 'من الملف' });
    assert.equal((await source.story(other.id))!.title, 'من الملف');
    persisted.close();
    khabar.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
