// eval for the ingest stage: boilerplate removal precision/recall at line level against samples/gold/boilerplate.json,
// outlet recognition accuracy against samples/gold/outlets.json (seeds + sample corpus), and near-duplicate
// figures on the seeds. Held-out gold entries are excluded from the figures (they are for independent evaluation).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CleaningContext, cleanArticle, containment, estimateSimilarity, isProblem, minhash, readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/types.js';
import { normalizeKey } from '../src/ingest/norm.js';
import { hasShared, repoRoot, sharedDir } from '../test/helpers/shared.js';

interface GoldLine { line: string; reason: string; heldout?: boolean }

function same(a: string, b: string): boolean {
  const x = normalizeKey(a);
  const y = normalizeKey(b);
  return x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)));
}

async function cleanAll(inputs: string[]): Promise<Map<string, Article>> {
  const ctx = new CleaningContext();
  const out = new Map<string, Article>();
  for await (const x of readInputs(inputs)) {
    if (isProblem(x)) { console.log(`  problem: ${x.input}: ${x.reason}`); continue; }
    try {
      const a = cleanArticle(x, ctx);
      out.set(a.id, a);
    } catch (e) {
      console.log(`  error: ${(e as Error).message}`);
    }
  }
  return out;
}

export async function run(): Promise<void> {
  const inputs = [join(repoRoot, 'samples', 'corpus')];
  if (hasShared) inputs.unshift(join(sharedDir, 'seeds'));
  const articles = await cleanAll(inputs);

  const bpPath = join(repoRoot, 'samples', 'gold', 'boilerplate.json');
  if (!existsSync(bpPath)) console.log('(no samples/gold/boilerplate.json: boilerplate figures skipped)');
  else {
    const gold = JSON.parse(readFileSync(bpPath, 'utf8')) as Record<string, GoldLine[]>;
    let tp = 0, fn = 0, predicted = 0, correct = 0, leaked = 0, reasonOk = 0, docs = 0;
    const misses: string[] = [];
    for (const [id, lines] of Object.entries(gold)) {
      const a = articles.get(id);
      if (!a) { if (!id.startsWith('_')) console.log(`  (gold article ${id} not ingested)`); continue; }
      docs++;
      const dev = lines.filter((l) => !l.heldout);
      const held = lines.filter((l) => l.heldout);
      for (const g of dev) {
        const hit = a.removed.find((r) => same(r.text, g.line));
        if (hit) { tp++; if (hit.reason === g.reason) reasonOk++; } else { fn++; misses.push(`${id}: missed [${g.reason}] ${g.line.slice(0, 60)}`); }
        if (a.text.split('\n').some((t) => normalizeKey(t).includes(normalizeKey(g.line)))) leaked++;
      }
      for (const r of a.removed) {
        if (held.some((g) => same(r.text, g.line))) continue;
        predicted++;
        if (dev.some((g) => same(r.text, g.line))) correct++;
        else misses.push(`${id}: extra [${r.reason}] ${r.text.slice(0, 60)}`);
      }
    }
    const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
    console.log(`boilerplate lines (dev gold, ${docs} articles): precision ${pct(correct, predicted)} (${correct}/${predicted}), recall ${pct(tp, tp + fn)} (${tp}/${tp + fn}), reason agrees ${pct(reasonOk, tp)}, gold lines left in body ${leaked}`);
    for (const m of misses) console.log(`  ${m}`);
  }

  const outPath = join(repoRoot, 'samples', 'gold', 'outlets.json');
  if (!existsSync(outPath)) console.log('(no samples/gold/outlets.json: outlet figures skipped)');
  else {
    const gold = JSON.parse(readFileSync(outPath, 'utf8')) as { outlets: Record<string, string | null>; heldout?: string[] };
    const held = new Set(gold.heldout ?? []);
    let n = 0, exact = 0;
    for (const [id, want] of Object.entries(gold.outlets)) {
      if (held.has(id)) continue;
      const a = articles.get(id);
      if (!a) { console.log(`  (gold article ${id} not ingested)`); continue; }
      n++;
      const ok = want === null ? a.source === null : a.source !== null && normalizeKey(a.source) === normalizeKey(want);
      if (ok) exact++; else console.log(`  outlet ${id}: got ${a.source ?? 'null'}, gold ${want ?? 'null'}`);
    }
    console.log(`outlet recognition (dev gold): ${exact}/${n} exact (${n ? ((100 * exact) / n).toFixed(1) : 'n/a'}%)`);
  }

  const seeds = [...articles.values()].filter((a) => /^\d{3}_/.test(a.id));
  if (seeds.length) {
    console.log('near-duplicates on the seeds (estimated Jaccard of 3-word shingles / containment):');
    const sig = new Map(seeds.map((a) => [a.id, minhash(a.text)]));
    for (let i = 0; i < seeds.length; i++) for (let j = i + 1; j < seeds.length; j++) {
      const [a, b] = [seeds[i], seeds[j]];
      console.log(`  ${a.id.slice(0, 3)}-${b.id.slice(0, 3)}: ${estimateSimilarity(sig.get(a.id)!, sig.get(b.id)!).toFixed(3)} / ${containment(a.text, b.text).toFixed(3)}`);
    }
  }
}
