// A story's title is a function of its members alone (issue 26): whatever order its articles were grouped in, one at a
// time or as a batch, the same members give the same title. (Chosen as the headline nearest the centroid the grouper
// built article by article, the sample corpus's floods story took another of its headlines in another arrival order.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsShared } from '../helpers/shared.js';
import { antWindow, sampleSet, shuffled, splitSet } from '../../eval/stories.js';
import { StoryGrouper, extractFeatures, storyTitle } from '../../src/stories/index.js';
import type { Article } from '../../src/types.js';

/** Each story of several articles as its sorted member ids → its title, grouped one article at a time in this order. */
function titles(articles: Article[], batch: boolean): Map<string, string> {
  const g = new StoryGrouper();
  if (batch) g.addBatch(articles); else for (const a of articles) g.add(a);
  return new Map(g.stories().filter((s) => s.articles.length > 1).map((s) => [[...s.articles].sort().join(' '), s.title]));
}

/** Compares the titles of the stories (as member sets) that two groupings both have; returns how many it compared. */
function sameTitles(a: Map<string, string>, b: Map<string, string>, label: string): number {
  let compared = 0;
  for (const [members, title] of a) {
    const other = b.get(members);
    if (other === undefined) continue;
    assert.equal(other, title, `${label}: story ${members}`);
    compared++;
  }
  return compared;
}

test('the sample corpus: the same stories get the same titles whatever order their articles arrive in', async () => {
  const sample = await sampleSet();
  assert.ok(sample);
  const expected = titles(sample.articles, false);
  assert.ok(expected.size >= 3, `${expected.size} stories of several articles`);
  for (const seed of [1, 2, 3, 4, 5]) {
    const order: Article[] = shuffled(sample.articles, seed);
    assert.equal(sameTitles(expected, titles(order, false), `order ${seed}`), expected.size, `order ${seed}: the same stories`);
    assert.equal(sameTitles(expected, titles(order, true), `order ${seed}, batch`), expected.size, `order ${seed}, batch: the same stories`);
  }
  // Every story here has headlines: its title is one of them.
  for (const [members, title] of expected) {
    const own = sample.articles.filter((a) => members.split(' ').includes(a.id));
    assert.ok(own.some((a) => a.title === title), `"${title}" is the headline of a member`);
  }
});

test('two days of ANT news: stories with the same members have the same title in any arrival order', needsShared, () => {
  const ant = antWindow('ant-dev');
  assert.ok(ant, 'ANT dev set found');
  const days = splitSet(ant, (a) => (a.published ?? '') < '2017-05-04', 'ant 2–3 May');
  const expected = titles(days.articles, false);
  let compared = 0;
  for (const seed of [1, 2, 3]) compared += sameTitles(expected, titles(shuffled(days.articles, seed), false), `order ${seed}`);
  assert.ok(compared >= 3 * 5, `${compared} stories compared`);
});

test('storyTitle: a headline beats a lead sentence; the member set, not its order, decides', async () => {
  const sample = await sampleSet();
  assert.ok(sample);
  const feats = sample.articles.map((a) => extractFeatures(a));
  const first = storyTitle(feats, null)!;
  assert.ok(first.title, 'a member with a headline');
  assert.equal(storyTitle([...feats].reverse(), null)!.id, first.id);
  assert.equal(storyTitle(shuffled(feats, 7), null)!.id, first.id);
  // Without its headline the member is no longer a candidate: another member's headline is taken.
  const untitled = feats.map((f) => (f.id === first.id ? { ...f, title: null, terms: { ...f.terms } } : f));
  const other = storyTitle(untitled, null)!;
  assert.notEqual(other.id, first.id);
  assert.ok(other.title);
  assert.equal(storyTitle([], null), null);
});
