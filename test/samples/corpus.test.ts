// Guards the sample corpus and its gold against silent edits: the files must stay well-formed, every gold id
// and substring must still point at real text, and the corpus must keep showing the difficulties the gold
// (and the stages tuned on it) rely on. Reads the files directly: no khabar code is under test here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { repoRoot, sharedDir, hasShared, needsShared } from '../helpers/shared.js';

const corpusDir = join(repoRoot, 'samples', 'corpus');
const goldDir = join(repoRoot, 'samples', 'gold');

interface SampleArticle {
  id: string;
  format: 'json' | 'html' | 'txt' | 'rss';
  title: string;
  text: string;
  source: string | null;
  published: string | null;
}

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/;

/** Visible text of an HTML page, one block element per line (inline tags joined), like the gold expects. */
function htmlText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<\/?(a|span|time|b|strong|em)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function metaContent(html: string, property: string): string | null {
  const m = new RegExp(`<meta\\s+property="${property.replace(/[:.]/g, '\\$&')}"\\s+content="([^"]*)"`).exec(html);
  return m ? m[1] : null;
}

interface FeedItem { [field: string]: string }

/** Parses the RSS feed with saxes (throws on malformed XML) and returns the channel title and its items. */
function parseFeed(xml: string): { channel: string; items: FeedItem[] } {
  const parser = new SaxesParser();
  const items: FeedItem[] = [];
  const path: string[] = [];
  let channel = '';
  let current: FeedItem | null = null;
  let buffer = '';
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    if (tag.name === 'item') current = {};
    buffer = '';
  });
  parser.on('text', (t) => { buffer += t; });
  parser.on('cdata', (t) => { buffer += t; });
  parser.on('closetag', (tag) => {
    path.pop();
    if (tag.name === 'item' && current) { items.push(current); current = null; }
    else if (current) current[tag.name] = buffer.trim();
    else if (tag.name === 'title' && path[path.length - 1] === 'channel') channel = buffer.trim();
    buffer = '';
  });
  parser.write(xml).close();
  return { channel, items };
}

function loadSample(): SampleArticle[] {
  const out: SampleArticle[] = [];
  for (const file of readdirSync(corpusDir).sort()) {
    const path = join(corpusDir, file);
    const raw = readFileSync(path, 'utf8');
    const stem = file.replace(/\.[^.]+$/, '');
    if (file.endsWith('.json')) {
      const d = JSON.parse(raw) as Record<string, unknown>;
      out.push({ id: String(d.id), format: 'json', title: String(d.title), text: String(d.text),
        source: d.source as string, published: d.published as string });
    } else if (file.endsWith('.html')) {
      out.push({ id: stem, format: 'html', title: /<h1>([^<]*)<\/h1>/.exec(raw)?.[1] ?? '', text: htmlText(raw),
        source: metaContent(raw, 'og:site_name'), published: metaContent(raw, 'article:published_time') });
    } else if (file.endsWith('.txt')) {
      const lines = raw.split('\n');
      out.push({ id: stem, format: 'txt', title: lines[0], text: raw, source: null, published: null });
    } else if (file === 'feed.xml') {
      const feed = parseFeed(raw);
      for (const item of feed.items) {
        out.push({ id: item.guid, format: 'rss', title: item.title, text: htmlText(item.description),
          source: feed.channel.split(' - ')[0], published: new Date(item.pubDate).toISOString() });
      }
    }
  }
  return out;
}

function readGold<T>(name: string): T {
  return JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as T;
}

const sample = loadSample();
const sampleById = new Map(sample.map((a) => [a.id, a]));

/** Seed texts by id when ../shared is present. */
const seedById = new Map<string, string>();
if (hasShared) {
  for (const f of readdirSync(join(sharedDir, 'seeds')).filter((f) => f.endsWith('.txt'))) {
    seedById.set(f.replace(/\.txt$/, ''), readFileSync(join(sharedDir, 'seeds', f), 'utf8'));
  }
}
const isSeedId = (id: string): boolean => /^\d{3}_[0-9a-f]{16}$/.test(id);

function textOf(id: string): string {
  if (isSeedId(id)) {
    const t = seedById.get(id);
    assert.ok(t !== undefined, `seed ${id} not found in ${sharedDir}/seeds`);
    return t;
  }
  const a = sampleById.get(id);
  assert.ok(a, `gold names article ${id}, which is not in samples/corpus`);
  return a.text;
}

/** Gold about seeds is checked only when ../shared is there; sample gold always. */
const checkable = (id: string): boolean => !isSeedId(id) || hasShared;

// ---------- the corpus itself ----------

test('every JSON article parses with the required fields, its file stem as id and an ISO date with offset', () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 5);
  for (const file of files) {
    const d = JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as Record<string, unknown>;
    for (const field of ['id', 'title', 'text', 'source', 'url', 'published', 'lang']) {
      assert.equal(typeof d[field], 'string', `${file}: ${field}`);
      assert.ok((d[field] as string).trim().length > 0, `${file}: empty ${field}`);
    }
    assert.equal(d.id, file.replace(/\.json$/, ''), `${file}: id must equal the file stem`);
    assert.equal(d.lang, 'ar');
    assert.match(d.published as string, isoWithOffset, `${file}: published`);
    assert.ok(!Number.isNaN(Date.parse(d.published as string)), `${file}: published is not a date`);
    assert.match(d.url as string, /^https:\/\/[a-z0-9.-]+\.example\//, `${file}: url must be on an invented .example domain`);
  }
});

test('HTML pages carry og:site_name, article:published_time, a JSON-LD NewsArticle date and a figcaption', () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.html'));
  assert.ok(files.length >= 2 && files.length <= 3, `${files.length} HTML pages`);
  for (const file of files) {
    const html = readFileSync(join(corpusDir, file), 'utf8');
    assert.ok(metaContent(html, 'og:site_name'), `${file}: og:site_name`);
    const published = metaContent(html, 'article:published_time');
    assert.match(published ?? '', isoWithOffset, `${file}: article:published_time`);
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    assert.ok(ld, `${file}: JSON-LD`);
    const data = JSON.parse(ld[1]) as Record<string, string>;
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.datePublished, published, `${file}: JSON-LD date and meta date differ`);
    assert.match(html, /<figure[\s\S]*<figcaption>[^<]+<\/figcaption>/, `${file}: figcaption`);
    assert.match(html, /<nav/, `${file}: nav`);
  }
});

test('the plain-text article has its title first and ends with a source line', () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
  assert.equal(files.length, 1);
  const lines = readFileSync(join(corpusDir, files[0]), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  assert.ok(lines[0].length > 10 && !lines[0].endsWith('.'), 'first line is a headline');
  assert.match(lines[lines.length - 1], /^المصدر\s*:/);
});

test('the RSS feed is well-formed XML with two complete items', () => {
  const feed = parseFeed(readFileSync(join(corpusDir, 'feed.xml'), 'utf8'));
  assert.equal(feed.items.length, 2);
  for (const item of feed.items) {
    for (const field of ['title', 'link', 'guid', 'pubDate', 'description']) assert.ok(item[field], `item ${field}`);
    assert.equal(item.guid, item.link);
    assert.ok(!Number.isNaN(Date.parse(item.pubDate)), `pubDate ${item.pubDate}`);
    assert.ok(item.description.split(/\s+/).length >= 80, 'description holds the article text');
  }
  assert.throws(() => parseFeed('<rss><channel><item></channel></rss>'), 'malformed XML must be rejected');
});

test('13 articles of 120–300 words from four outlets, unique ids', () => {
  assert.ok(sample.length >= 12 && sample.length <= 14, `${sample.length} articles`);
  assert.equal(new Set(sample.map((a) => a.id)).size, sample.length);
  const outlets = readGold<{ outlets: Record<string, string | null> }>('outlets.json').outlets;
  assert.equal(new Set(sample.map((a) => outlets[a.id])).size, 4);
  for (const a of sample) {
    const words = a.text.split(/\s+/).filter((w) => /[\u0600-\u06FF]/.test(w)).length;
    assert.ok(words >= 100 && words <= 330, `${a.id}: ${words} Arabic words`);
  }
});

// ---------- the gold points at real text ----------

interface StoriesGold { sample: string[][]; seeds: string[][]; followups: Record<string, number[][]> }

test('stories gold: every sample article in exactly one story, seed ids exist, follow-ups in range', () => {
  const gold = readGold<StoriesGold>('stories.json');
  const grouped = gold.sample.flat();
  assert.deepEqual([...grouped].sort(), sample.map((a) => a.id).sort());
  assert.deepEqual(gold.seeds, [
    ['000_ca7d45fa2c23f7ee', '001_0dd356eb74ecdd09', '002_561760d52f1d5973', '003_67dae176a7148a89'],
    ['004_884cef6131e53f02'],
  ]);
  for (const [set, pairs] of Object.entries(gold.followups)) {
    const stories = (gold as unknown as Record<string, string[][]>)[set];
    assert.ok(stories, `followups for unknown set ${set}`);
    for (const [a, b] of pairs) assert.ok(a >= 0 && b < stories.length && a !== b, `${set}: ${a}→${b}`);
  }
  // A follow-up is published after the story it follows.
  const first = (ids: string[]): string => ids.map((id) => sampleById.get(id)?.published ?? '9999').sort()[0];
  for (const [a, b] of gold.followups.sample) assert.ok(first(gold.sample[a]) < first(gold.sample[b]));
});

test('seed ids in the gold exist in ../shared/seeds', needsShared, () => {
  const gold = readGold<StoriesGold>('stories.json');
  for (const id of gold.seeds.flat()) assert.ok(existsSync(join(sharedDir, 'seeds', `${id}.txt`)), id);
});

type Reason = 'related-link' | 'comment-prompt' | 'source-line' | 'caption' | 'section-label' | 'share-prompt' | 'title-repeat' | 'other';
const reasons: Reason[] = ['related-link', 'comment-prompt', 'source-line', 'caption', 'section-label', 'share-prompt', 'title-repeat', 'other'];

test('boilerplate gold: each line is a whole line of its article, every kind occurs in the sample', () => {
  const gold = readGold<Record<string, { line: string; reason: Reason }[]>>('boilerplate.json');
  for (const a of sample) assert.ok(a.id in gold, `no boilerplate entry for ${a.id}`);
  const seen = new Set<Reason>();
  for (const [id, lines] of Object.entries(gold)) {
    if (!checkable(id)) continue;
    const whole = new Set(textOf(id).split('\n').map((l) => l.trim()));
    for (const { line, reason } of lines) {
      assert.ok(reasons.includes(reason), `${id}: reason ${reason}`);
      assert.ok(whole.has(line), `${id}: «${line}» is not a line of the article`);
      if (!isSeedId(id)) seen.add(reason);
    }
  }
  for (const r of reasons.filter((r) => r !== 'other')) assert.ok(seen.has(r), `no ${r} line in the sample corpus`);
});

test('outlets gold names every article; sample outlets match the metadata', () => {
  const gold = readGold<{ outlets: Record<string, string | null>; heldout: string[] }>('outlets.json');
  for (const a of sample) {
    assert.ok(gold.outlets[a.id], `${a.id}: outlet`);
    if (a.source) assert.equal(gold.outlets[a.id], a.source, a.id);
  }
  assert.equal(gold.outlets['001_0dd356eb74ecdd09'], 'الجزيرة');
  assert.equal(gold.outlets['003_67dae176a7148a89'], null, 'a cited agency is not the outlet');
  for (const id of gold.heldout) assert.ok(id in gold.outlets);
});

interface Entity { name: string; type: string; variants: string[]; heldout?: boolean }
interface StoryAnalysis {
  articles: string[];
  references: Record<string, string>;
  entities: Entity[];
  apart: string[][];
  quotes: { article: string; speaker: string; text: string; kind: string; heldout?: boolean }[];
  facts: { about: string; mentions: { article: string; text: string }[]; heldout?: boolean }[];
  numbers: { about: string; mentions: { article: string; text: string; value: number }[]; conflict: boolean; heldout?: boolean }[];
  timeline: { article: string; text: string; date: string; heldout?: boolean }[];
}

const analysis = readGold<Record<string, StoryAnalysis>>('analysis.json');

test('analysis gold: every substring occurs in its article', () => {
  for (const [key, st] of Object.entries(analysis)) {
    if (!st.articles.every(checkable)) continue;
    const all = st.articles.map(textOf).join('\n');
    for (const e of st.entities) {
      assert.ok(['PERS', 'LOC', 'ORG'].includes(e.type), `${key}: ${e.name} type`);
      for (const v of e.variants) assert.ok(all.includes(v), `${key}: variant «${v}» of ${e.name} occurs nowhere`);
    }
    for (const pair of st.apart) for (const v of pair) assert.ok(all.includes(v), `${key}: apart «${v}»`);
    for (const q of st.quotes) {
      assert.ok(st.articles.includes(q.article), `${key}: quote from ${q.article}`);
      assert.ok(textOf(q.article).includes(q.text), `${key}: quote «${q.text}» not in ${q.article}`);
      assert.ok(['direct', 'colon', 'unmarked', 'continuation', 'fragment'].includes(q.kind));
    }
    for (const f of st.facts) {
      assert.ok(new Set(f.mentions.map((m) => m.article)).size >= 2, `${key}: fact ${f.about} needs two articles`);
      for (const m of f.mentions) assert.ok(textOf(m.article).includes(m.text), `${key}: fact «${m.text}» not in ${m.article}`);
    }
    for (const n of st.numbers) {
      for (const m of n.mentions) assert.ok(textOf(m.article).includes(m.text), `${key}: number «${m.text}» not in ${m.article}`);
      if (n.conflict) assert.ok(new Set(n.mentions.map((m) => m.value)).size > 1, `${key}: ${n.about} marked as conflict`);
    }
    for (const t of st.timeline) {
      assert.match(t.date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
      assert.ok(t.article in st.references, `${key}: no reference date for ${t.article}`);
      assert.ok(textOf(t.article).includes(t.text), `${key}: date «${t.text}» not in ${t.article}`);
    }
  }
});

test('analysis gold covers the seeds names the project promises to merge and keep apart', () => {
  const seeds = analysis.seeds;
  const variantsOf = (name: string): string[] => seeds.entities.find((e) => e.name === name)?.variants ?? [];
  for (const v of ['تشاووش أوغلو', 'جاويش أوغلو', 'تشاوش أوغلو', 'تشاوش اوغلو', 'أوغلو']) assert.ok(variantsOf('مولود تشاووش أوغلو').includes(v), v);
  for (const v of ['أستانة', 'أستانا', 'آستانا']) assert.ok(variantsOf('أستانة').includes(v), v);
  assert.deepEqual([...variantsOf('خلوصي آكار')].sort(), ['خلوصي آكار', 'خلوصي أكار'].sort());
  assert.ok(seeds.apart.some(([a, b]) => a === 'لافروف' && b === 'لافرينتييف'));
});

test('the sample shows the difficulties: spellings, look-alikes, number conflicts, quote styles', () => {
  const storyKeys = Object.keys(analysis).filter((k) => k !== 'seeds');
  assert.equal(storyKeys.length, readGold<StoriesGold>('stories.json').sample.length);
  // One person spelled at least three ways, the spellings in at least two different articles.
  const spelled = storyKeys.flatMap((k) => analysis[k].entities.map((e) => ({ k, e }))).filter(({ k, e }) => {
    const inArticles = analysis[k].articles.filter((id) => e.variants.some((v) => textOf(id).includes(v)));
    return e.variants.length >= 3 && inArticles.length >= 2;
  });
  assert.ok(spelled.length >= 2, 'at least two names with three or more spellings across articles');
  // Look-alikes that must stay apart are both present in the same story.
  assert.ok(storyKeys.some((k) => analysis[k].apart.length > 0));
  // At least one real number conflict, and the flood toll conflict in particular.
  const conflicts = storyKeys.flatMap((k) => analysis[k].numbers.filter((n) => n.conflict));
  assert.ok(conflicts.length >= 1);
  assert.ok(conflicts.some((n) => n.mentions.some((m) => m.value === 12) && n.mentions.some((m) => m.value === 15)));
  const all = sample.map((a) => a.text).join('\n');
  assert.match(all, /اثنا عشر/);
  // Quote styles and continuations, indirect speech.
  for (const mark of [/«[^»]+»/, /“[^”]+”/, /"[^"]+"/, /وأضاف/, /وتابع/, /مضيفا/, /قال[^.]{0,80} إن /]) assert.match(all, mark);
  // Relative and explicit dates.
  for (const d of [/أمس/, /اليوم السبت/, /السبت الماضي/, /مطلع الشهر المقبل/, /في 3 شباط\/فبراير/, /\b2025\b/, /\b2026\b/]) assert.match(all, d);
});

test('about a third of the gold entries are held out', () => {
  let total = 0, held = 0;
  for (const st of Object.values(analysis)) {
    for (const list of [st.entities, st.quotes, st.facts, st.numbers, st.timeline] as { heldout?: boolean }[][]) {
      total += list.length;
      held += list.filter((x) => x.heldout).length;
    }
  }
  const share = held / total;
  assert.ok(share > 0.25 && share < 0.4, `held out ${held}/${total}`);
});

test('one reference summary of at most 100 words per sample story', () => {
  const summaries = readGold<Record<string, { articles: string[]; summary: string }>>('summaries.json');
  const stories = readGold<StoriesGold>('stories.json').sample;
  assert.equal(Object.keys(summaries).length, stories.length);
  for (const [key, s] of Object.entries(summaries)) {
    assert.ok(stories.some((ids) => ids.join() === s.articles.join()), `${key}: articles are not a gold story`);
    const words = s.summary.split(/\s+/).filter(Boolean).length;
    assert.ok(words <= 100 && words >= 40, `${key}: ${words} words`);
  }
});
