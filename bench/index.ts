// `npm run bench`: prints throughput, latency and memory (medians over several runs). `npm run bench -- text` runs one stage.
import { run as text } from './text.js';
import { run as ingest } from './ingest.js';
import { run as stories } from './stories.js';
import { run as analysis } from './analysis.js';
import { run as entities } from './entities.js';
import { run as summary } from './summary.js';
import { run as api } from './api.js';
import { run as cli } from './cli.js';
import { run as quotes } from './quotes.js';

const stages: Record<string, () => Promise<void>> = { text, ingest, stories, analysis, entities, summary, api, cli, quotes };
const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(stages)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
