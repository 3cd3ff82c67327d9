// Deterministic articles recombined from the sample corpus's sentences (the benches' seeded generator), as JSON lines: enough real
// Arabic for a job to take a while, each article distinct.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';
import { prng } from '../../bench/common.js';

export function generateArticles(path: string, count: number): void {
  const corpus = join(repoRoot, 'samples', 'corpus');
  const sentences = readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(corpus, f), 'utf8')) as { text: string }).text.split(/(?<=[.!؟])\s+|\n+/))
    .map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 6);
  const rand = prng(26);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 8 }, () => sentences[Math.floor(rand() * sentences.length)]).join(' ') + ` رقم ${i}.`;
    lines.push(JSON.stringify({ id: `gen-${i}`, title: `خبر رقم ${i}`, text: body, source: 'مولد', published: '2026-03-01' }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}
