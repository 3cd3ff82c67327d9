// One citation set per sentence, everywhere: a summary sentence cites exactly what the same sentence cites in the facts,
// `khabar summarize` cites as `khabar story` does ([1][2]), and a story's leads that report its event in other words
// are one fact, not facts of one outlet each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildStoryReport } from '../../src/report.js';
import { normalize } from '../../src/text/index.js';
import type { Article, Story } from '../../src/types.js';
import { goldAnalysis, sampleArticles, seedArticles } from '../analysis/load.js';
import { hasShared, needsShared, repoRoot } from '../helpers/shared.js';

const bare = (s: string) => normalize(s).replace(/^و/, '').replace(/[^\u0621-\u064A0-9]+/g, ' ').trim();

function reportOf(articles: Article[]) {
  const story: Story = { id: 's', title: 't', articles: articles.map((a) => a.id), related: [], sources: [], first: null, last: null };
  return buildStoryReport(story, articles);
}

test('every summary sentence of the sample stories cites what its fact cites', async () => {
  const byId = new Map((await sampleArticles()).map((a) => [a.id, a]));
  let compared = 0;
  for (const [name, g] of Object.entries(goldAnalysis())) {
    if (name === 'seeds') continue;
    const r = reportOf(g.articles.map((id) => byId.get(id)!));
    for (const s of r.summary ?? []) {
      // the summary prints a fact's words, opened without و and with a dangling speaker named
      const fact = r.facts!.find((f) => bare(f.text).includes(bare(s.text).slice(-60)) || bare(s.text).includes(bare(f.text).slice(-60)));
      if (!fact) continue;
      compared++;
      assert.deepEqual([...s.articles].sort(), [...fact.articles].sort(), `${name}: «${s.text.slice(0, 60)}…»`);
    }
  }
  assert.ok(compared >= 8, `${compared} summary sentences compared`);
});

test('khabar summarize cites [1][2], as khabar story does', () => {
  const dir = join(repoRoot, 'samples', 'corpus');
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'summarize',
    join(dir, 'rafid-20260314-vienna-ceasefire.json'), join(dir, 'alminaa-20260314-vienna-ceasefire.html')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const cited = r.stdout.split('\n').filter((l) => /\[\d/.test(l) && !/^\[\d+\]/.test(l));
  assert.ok(cited.length >= 2, r.stdout);
  for (const l of cited) assert.match(l, /(\[\d+\])+$/, l);
  assert.ok(cited.some((l) => l.endsWith('[1][2]')), r.stdout);
  assert.doesNotMatch(r.stdout, /\[\d+,\d/, 'no [1,2]');
});

test('seeds: the AFP lead of 002 reports the talks as 003 does, in other words: one fact, not two of one outlet each', needsShared, () => {
  if (!hasShared) return;
  const r = reportOf(seedArticles().filter((a) => a.id < '004'));
  const lead = r.facts!.find((f) => f.text.includes('كشفت محادثات بين تركيا وروسيا'));
  assert.ok(lead, 'the lead of 002 is a fact');
  assert.equal(lead.unique, false, `cites ${lead.articles.join(' ')}`);
  assert.ok(lead.articles.some((id) => id.startsWith('003')), lead.articles.join(' '));
});

test('sample story A: shurfa\'s «واتفق الوزيران أمس السبت» says in other words what the three other outlets lead with: it cites all four, in the facts and the summary', async () => {
  const byId = new Map((await sampleArticles()).map((a) => [a.id, a]));
  const r = reportOf(goldAnalysis().A.articles.map((id) => byId.get(id)!));
  const fact = r.facts!.find((f) => f.text.includes('واتفق الوزيران أمس السبت'));
  assert.ok(fact, 'the sentence is a fact');
  assert.equal(fact.unique, false);
  assert.deepEqual(fact.articles, [...goldAnalysis().A.articles].sort());
  for (const s of r.summary ?? []) if (s.text.includes('اتفق الوزيران أمس السبت')) assert.deepEqual(s.articles, fact.articles);
});

test('seeds: the sentence on Trump\'s withdrawal cites 002, whose «بعيد إعلان الرئيس الأميركي ... قراره بسحب القوات» carries it inside another fact', needsShared, () => {
  if (!hasShared) return;
  const r = reportOf(seedArticles().filter((a) => a.id < '004'));
  const trump = r.facts!.find((f) => f.text.includes('دونالد ترامب بشكل مفاجئ'));
  assert.ok(trump, 'the sentence is a fact');
  assert.ok(trump.articles.some((id) => id.startsWith('002')), trump.articles.join(' '));
  // and not the article it is about: 004 is no part of this story
  assert.ok(trump.articles.every((id) => id < '004'), trump.articles.join(' '));
});
