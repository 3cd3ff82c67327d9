// Deterministic articles recombined from the sample corpus's sentences (mulberry32), as JSON lines: enough real
// Arabic for a job to take a while, each article distinct.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

export function generateArticles(path: string, count: number): void {
  const corpus = join(repoRoot, 'samples', 'corpus');
  const sentences = readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(corpus, f), 'utf8')) as { text: string }).text.split(/(?<=[.!؟])\s+|\n+/))
    .map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 6);
  let seed = 26;
  const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 8 }, () => sentences[Math.floor(rand() * sentences.length)]).join(' ') + ` رقم ${i}.`;
    lines.push(JSON.stringify({ id: `gen-${i}`, title: `خبر رقم ${i}`, text: body, source: 'مولد', published: '2026-03-01' }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}
