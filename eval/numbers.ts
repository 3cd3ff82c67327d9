// eval for "numbers that disagree": the conflicts the analysis lists on ANT stories against the hand-made gold of
// eval/data/numbers-conflicts.json (criteria and selection in that file). A listed conflict is a pair of values (the
// quantity's value and one of its conflicting values); it is right when one gold conflict of the story holds both
// values, each given by one of the articles the pair cites for it. Precision is over listed pairs, recall over gold
// conflicts (found when one right pair falls in it). The dev stories read sentence by sentence, the dev stories whose
// candidate pairs were read (r01-r84: recall over those pairs), the fresh dev stories whose candidate pairs were judged
// before the last change (f01-f09: each story says how many pairs were judged) and the check stories are printed apart;
// the check stories are never diagnosed. KHABAR_NUMBER_ERRORS=1 lists the dev stories' wrong pairs and missed conflicts.
// Run: npm run eval -- analysis
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Quantity } from '../src/types.js';
import { analyzeStory } from '../src/analysis/index.js';
import { cleanArticle } from '../src/ingest/index.js';
import { hasShared, repoRoot } from '../test/helpers/shared.js';
import { antArticles } from './stories.js';

interface GoldValue { value: number; articles: string[] }
interface GoldConflict { about: string; kind: 'revision' | 'disagreement'; values: GoldValue[] }
interface GoldStory {
  id: string; split: 'dev' | 'check'; articles: string[]; conflicts: GoldConflict[];
  /** How many candidate value pairs of the story were judged (the fresh stories: every other pair is no conflict). */
  candidates?: number;
}

/** One listed conflict: two values of one quantity, with the articles that give each. */
export interface ConflictPair { unit: string; a: GoldValue & { text: string }; b: GoldValue & { text: string } }

/** The value pairs a story's number list presents as disagreeing. */
export function conflictPairs(numbers: Quantity[]): ConflictPair[] {
  return numbers.flatMap((q) => (q.conflicts ?? []).map((c) => ({
    unit: q.unit,
    a: { value: q.value, articles: q.articles, text: q.text },
    b: { value: c.value, articles: c.articles, text: c.text },
  })));
}

const holds = (g: GoldConflict, v: GoldValue) => g.values.some((x) => x.value === v.value && x.articles.some((id) => v.articles.includes(id)));

/** The gold conflict a listed pair falls in, or null when the pair is no gold conflict. */
export function goldOf(pair: ConflictPair, gold: GoldConflict[]): GoldConflict | null {
  return gold.find((g) => holds(g, pair.a) && holds(g, pair.b)) ?? null;
}

function loadGold(): GoldStory[] {
  return (JSON.parse(readFileSync(join(repoRoot, 'eval', 'data', 'numbers-conflicts.json'), 'utf8')) as { stories: GoldStory[] }).stories;
}

const pct = (a: number, b: number) => (b ? `${(a / b).toFixed(3)} (${a}/${b})` : 'n/a');

export async function run(): Promise<void> {
  if (!hasShared) { console.log('(numbers: ../shared not found; skipped)'); return; }
  const gold = loadGold();
  const want = new Set(gold.flatMap((s) => s.articles));
  // as `khabar ingest` stores them: the corpus item cleaned (its body, title, date and outlet)
  const raw = antArticles((a) => want.has(a.id));
  if (!raw) { console.log('(numbers: the ANT corpus is not in ../shared; skipped)'); return; }
  const byId = new Map<string, Article>(raw.map((a) => [a.id, cleanArticle({ id: a.id, title: a.title, text: a.text, published: a.published, source: a.source, url: a.url })]));
  const diagnose = process.env.KHABAR_NUMBER_ERRORS === '1';
  const lines: string[] = [];
  const parts = [
    { name: 'dev', split: 'dev', stories: gold.filter((s) => s.split === 'dev' && !/^[rf]/.test(s.id)) },
    { name: 'dev, candidate pairs', split: 'dev', stories: gold.filter((s) => s.split === 'dev' && s.id.startsWith('r')) },
    { name: 'dev, fresh candidate pairs', split: 'dev', stories: gold.filter((s) => s.split === 'dev' && s.id.startsWith('f')) },
    { name: 'check', split: 'check', stories: gold.filter((s) => s.split === 'check') },
  ] as const;
  for (const { name, split, stories: part } of parts) {
    let listed = 0, right = 0, goldCount = 0, found = 0, revisions = 0, revisionsFound = 0, judged = 0;
    for (const story of part) {
      judged += story.candidates ?? 0;
      const arts = story.articles.map((id) => byId.get(id)).filter((a): a is Article => !!a);
      const pairs = conflictPairs(analyzeStory(arts).numbers);
      const hit = new Set<GoldConflict>();
      for (const p of pairs) {
        listed++;
        const g = goldOf(p, story.conflicts);
        if (g) { right++; hit.add(g); } else if (diagnose && split === 'dev') lines.push(`  ${story.id} wrong: ${p.unit}: ${p.a.value} «${p.a.text}» [${p.a.articles.join(' ')}] vs ${p.b.value} «${p.b.text}» [${p.b.articles.join(' ')}]`);
      }
      goldCount += story.conflicts.length;
      found += hit.size;
      for (const g of story.conflicts) {
        if (g.kind === 'revision') { revisions++; if (hit.has(g)) revisionsFound++; }
        if (diagnose && split === 'dev' && !hit.has(g)) lines.push(`  ${story.id} missed: ${g.about}: ${g.values.map((v) => v.value).join(' / ')}`);
      }
    }
    console.log(`  numbers that disagree, ANT ${name} (${part.length} stories, eval/data/numbers-conflicts.json): precision ${pct(right, listed)}, `
      + `recall ${pct(found, goldCount)} (revised tolls ${revisionsFound}/${revisions})`
      + (judged ? `; of ${judged} judged pairs, ${judged - goldCount} no conflict: ${listed - right} listed` : ''));
  }
  if (diagnose) console.log(lines.length ? lines.join('\n') : '  (no errors on the dev stories)');
}
