// bench for entity recognition: the time to load the tagger's model file (median of 5 loads, each reading and
// decoding the file afresh), and tagging rate over the whole ANT corpus on one thread: the tagger alone (tokenise,
// sentences, features, Viterbi) and extractEntities (the tagger and the rule layer's post-pass), a first pass with
// cold per-word caches and the median of three more. The machine's CPU speed drifts several times over from minute to
// minute: the reference time (sha256 of 32 MB) is printed next to the figures. Run: npm run bench -- entities
import { readFileSync } from 'node:fs';
import { extractEntities } from '../src/analysis/index.js';
import { decodeModel } from '../src/analysis/ner/model.js';
import { modelPath } from '../src/analysis/ner/load.js';
import { tagSegmented } from '../src/analysis/ner/recognize.js';
import { segment } from '../src/analysis/ner/segment.js';
import { hasShared } from '../test/helpers/shared.js';
import { machineReference, median } from './common.js';
import { antRecords } from '../eval/ant.js';

export async function run(): Promise<void> {
  const loads: number[] = [];
  let model = null;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    model = decodeModel(readFileSync(modelPath()));
    loads.push(performance.now() - t0);
  }
  console.log(`  model load (${modelPath()}, ${model!.header.features} features): median ${median(loads).toFixed(0)} ms (runs ${loads.map((x) => x.toFixed(0)).join(', ')}); machine reference ${machineReference().toFixed(2)} s (0.05 s at full speed)`);
  if (!hasShared) { console.log('  (../shared not found: the ANT corpus rate is skipped)'); return; }
  const texts = antRecords().map((r) => `${r.title ?? ''}\n${r.text ?? ''}`);
  const segs = texts.map(segment);
  const tokens = segs.reduce((n, s) => n + s.tokens.length, 0);
  const rate = (ms: number) => `${Math.round(tokens / (ms / 1000)).toLocaleString('en')} tokens/s`;
  const passes = (f: () => void) => {
    const ms: number[] = [];
    for (let p = 0; p < 4; p++) { const t0 = performance.now(); f(); ms.push(performance.now() - t0); }
    return `first pass ${rate(ms[0])}, then median ${rate(median(ms.slice(1)))} (passes ${ms.map((x) => (x / 1000).toFixed(1)).join(', ')} s)`;
  };
  console.log(`  ANT corpus: ${texts.length} articles, ${tokens.toLocaleString('en')} tokens (khabar's tokens), one thread:`);
  console.log(`    tagger alone (sentences, features, Viterbi): ${passes(() => { for (const s of segs) tagSegmented(model!, s); })}`);
  console.log(`    extractEntities (tokenise, tag, post-pass): ${passes(() => { for (const t of texts) extractEntities(t); })}`);
  console.log(`  machine reference ${machineReference().toFixed(2)} s; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
