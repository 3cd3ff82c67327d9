// Search finds what a reader means (issue 28): a quoted phrase matches the words adjacent and in order; the press
// spellings of a name find each other (ترمب / ترامب); a name finds the articles of its entity under its other names
// (داعش / تنظيم الدولة الإسلامية; شويرتفيغر / شفيرتفيغر through the store's entity index); the highlight is not « ».
// On development articles of the ANT corpus (none from the held-out 20 January – 5 February 2017), the seeds and the
// sample corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Khabar } from '../../src/khabar.js';
import { analyzeQuery, makeSnippet, markSnippet } from '../../src/search/index.js';
import { otherNames } from '../../src/analysis/index.js';
import { catchUpEntityIndex } from '../../src/analysis/entity-index.js';
import { entityStateFor } from '../../src/store/sqlite-entities.js';
import { normalize } from '../../src/text/index.js';
import { hasShared, loadSeeds, needsShared, repoRoot } from '../helpers/shared.js';
import { antRecords } from '../../eval/ant.js';

interface AntRow { docno: string; title: string | null; text: string; source: string; time: string }

/** ANT development articles that write وقف إطلاق النار (or وقف لإطلاق النار) ... */
const PHRASE = ['JA-internationalNews-114-05012017', 'JA-internationalNews-1212-20170615', 'JA-internationalNews-156-20161209',
  'JA-internationalNews-385-20170228'];
/** ... and ones holding the three words (or words containing them) apart. */
const APART = ['JA-diverse-25-20170110', 'JA-diverse-257-20170414', 'JA-internationalNews-304-20170217', 'JA-internationalNews-362-20151210',
  'JA-internationalNews-384-20161202', 'JA-internationalNews-609-20170329', 'JA-localNews-1550-20161223', 'JA-localNews-1721-20160404',
  'JA-localNews-2102-20160217', 'JA-localNews-2481-20161217', 'JA-localNews-2599-20170310', 'JA-localNews-2677-20170312'];
/** ANT development articles naming Trump ترمب (one) and ترامب (the rest). */
const TRUMP = ['JA-internationalNews-266-20161222', 'JA-diverse-137-20170302', 'JA-diverse-196-20170401', 'JA-diverse-244-20170403'];

/** An ANT date (ISO, or dd/mm/yyyy) as ISO. */
function isoDay(t: string): string {
  const m = /^(\d\d)\/(\d\d)\/(\d{4})/.exec(t);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : t;
}

let dir = '';
let khabar: Khabar;
const withIndex = (name: string) => otherNames(name, entityStateFor(khabar.store));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'khabar-phrase-'));
  khabar = Khabar.open({ db: join(dir, 'k.db') });
  await khabar.ingest([join(repoRoot, 'samples', 'corpus')]);
  if (!hasShared) return;
  for (const s of loadSeeds()) khabar.addArticle({ id: basename(s.file, '.txt'), text: s.text, published: s.published, origin: s.file });
  const wanted = new Set([...PHRASE, ...APART, ...TRUMP]);
  const ant = antRecords().map((r) => r as AntRow).filter((r) => wanted.has(r.docno));
  for (const r of ant) {
    const day = isoDay(r.time).slice(0, 10);
    assert.ok(day < '2017-01-20' || day > '2017-02-05', `${r.docno} is not held out`);
    khabar.addArticle({ id: r.docno, title: r.title ?? undefined, text: r.text, source: r.source, published: isoDay(r.time) });
  }
});
after(() => {
  khabar.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (hits: { id: string }[]) => new Set(hits.map((h) => h.id));

test('a quoted phrase matches its words adjacent and in order; the same words unquoted match anywhere', needsShared, () => {
  const phrase = khabar.search('"وقف إطلاق النار"', { limit: 100 });
  const words = khabar.search('وقف إطلاق النار', { limit: 100 });
  const found = ids(phrase);
  for (const id of PHRASE) assert.ok(found.has(id), `${id} writes the phrase`);
  for (const id of APART) assert.ok(!found.has(id), `${id} does not write the phrase`);
  const apart = APART.filter((id) => ids(words).has(id));
  assert.ok(apart.length >= 1, `the words unquoted match articles that hold them apart (${apart.join(', ')})`);
  // every hit writes the phrase (in its title or text), with لـ on إطلاق or not; the highlight is the whole phrase
  for (const h of phrase) {
    const a = khabar.article(h.id)!;
    assert.match(normalize(`${a.title ?? ''} ${a.text}`), /وقف (ل|لـ)?اطلاق النار/, h.id);
    for (const [s, e] of h.passage.highlights) assert.match(normalize(h.passage.text.slice(s, e)), /^وقف (ل|لـ)?اطلاق النار$/, h.id);
  }
  // «…» quotes a phrase as well
  assert.deepEqual(ids(khabar.search('«وقف إطلاق النار»', { limit: 100 })), found);
  // the sample corpus: وقف لإطلاق النار, the phrase with its ل, in the Vienna story
  assert.ok(khabar.search('"وقف إطلاق النار"').some((h) => h.id.includes('vienna-ceasefire')));
});

test('a phrase highlight spans the phrase; a word of the phrase alone is not marked', () => {
  const text = 'أعلن الجيش وقف إطلاق النار في المدينة، بينما أطلق النار مسلحون على دورية قرب الحدود.';
  const s = makeSnippet(text, analyzeQuery('"وقف إطلاق النار"'));
  assert.deepEqual(s.highlights.map(([a, b]) => s.text.slice(a, b)), ['وقف إطلاق النار']);
  assert.equal(markSnippet(s, text).includes('[وقف إطلاق النار]'), true);
});

test('ترمب and ترامب find each other', needsShared, () => {
  const short = ids(khabar.search('ترمب', { limit: 100 }));
  const long = ids(khabar.search('ترامب', { limit: 100 }));
  assert.deepEqual(short, long);
  for (const id of [...TRUMP, '000_ca7d45fa2c23f7ee']) assert.ok(short.has(id), id);
});

test('داعش finds the articles that write تنظيم الدولة الإسلامية, and the reverse', needsShared, () => {
  const seeds = loadSeeds();
  assert.ok(!seeds[0].text.includes('داعش') && seeds[0].text.includes('تنظيم الدولة الإسلامية'));
  assert.ok(!seeds[4].text.includes('تنظيم الدولة') && seeds[4].text.includes('داعش'));
  assert.deepEqual([...ids(khabar.search('داعش'))].map((i) => i.slice(0, 3)), ['004'], 'without names, the word alone');
  const isis = [...ids(khabar.search('داعش', { variants: withIndex }))].map((i) => i.slice(0, 3)).sort();
  assert.deepEqual(isis, ['000', '001', '004']);
  const full = [...ids(khabar.search('تنظيم الدولة الإسلامية', { variants: withIndex }))].map((i) => i.slice(0, 3)).sort();
  assert.deepEqual(full, ['000', '001', '004']);
  const hit = khabar.search('داعش', { variants: withIndex }).find((h) => h.id.startsWith('000'))!;
  assert.ok(hit.snippet.includes('[تنظيم الدولة الإسلامية]'), hit.snippet);
});

test('a name finds its entity\'s other spellings through the store\'s entity index', () => {
  // the sample corpus writes the EU envoy شفيرتفيغر, شويرتفيغر and شفيرتفيجر; only the index knows they are one man
  const before = ids(khabar.search('شويرتفيغر', { variants: withIndex }));
  catchUpEntityIndex(khabar.store, entityStateFor(khabar.store));
  assert.ok(withIndex('شويرتفيغر').some((n) => n.includes('شفيرتفيغر')));
  const after = ids(khabar.search('شويرتفيغر', { variants: withIndex }));
  assert.ok(after.size > before.size, `${before.size} → ${after.size}`);
  const spelt = khabar.search('شفيرتفيغر', { limit: 100 });
  for (const h of spelt) assert.ok(after.has(h.id), `${h.id} writes شفيرتفيغر`);
});

test('the plain-text highlight is a bracket, not the « » Arabic quotes with', () => {
  const hits = khabar.search('سلفان');
  assert.ok(hits.length > 0);
  for (const h of hits) {
    assert.ok(h.snippet.includes('['), h.snippet);
    assert.ok(!/«[^»]*سلفان[^«]*»/.test(h.snippet) || h.passage.text.includes('«'), 'no « » of ours');
  }
});
