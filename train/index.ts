// `npm run train -- NAME`: rebuilds one shipped model file under data/ from ../shared, deterministically (the same
// data gives the same bytes). Each model is a module train/NAME.ts exporting `train(): Promise<void>`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const models = ['entities', 'stories', 'quotes'].filter((m) => existsSync(join(here, `${m}.js`)));
const wanted = process.argv.slice(2);
if (!wanted.length || wanted.some((w) => !models.includes(w))) {
  const bad = wanted.filter((w) => !models.includes(w));
  console.error(`${bad.length ? `train: no model named ${bad.map((b) => JSON.stringify(b)).join(', ')}\n` : ''}usage: npm run train -- NAME...  (models: ${models.join(', ') || 'none yet'})`);
  process.exit(2);
}
for (const name of wanted) {
  console.log(`=== train ${name} ===`);
  const mod = (await import(`./${name}.js`)) as { train: () => Promise<void> };
  await mod.train();
}
