// Draws the fresh development articles of 2026-12-06 (quotes-fresh.jsonl) from ANT: a seeded shuffle of the articles
// of 500–1,800 characters with at least 5 speech-cue words, at most one per section and month, none already in the
// quote gold, none of the held-out days (eval/ant.ts leaves them out; nor 19 January and 6 February 2017, a day's margin) nor of 8–10 March 2017 (the stories stage's
// held-out window). Writes each article's text as khabar stores it to DIR (one encodeURIComponent(id).txt each).
//   node eval/data/quotes-annotations/pick-fresh.mjs N DIR   (run from the repo root after the build)
// The second fresh batch (quotes-fresh2.jsonl) was drawn with a new seed, leaving out the articles of every gold set
// and preferring sections and months the gold has not covered (at most N/4 per section, no section-month already in it):
//   node eval/data/quotes-annotations/pick-fresh.mjs 30 DIR 20261207 fresh
// and the third (quotes-fresh3.jsonl) the same way, leaving out fresh2 as well:
//   node eval/data/quotes-annotations/pick-fresh.mjs 30 DIR 20261208 fresh,fresh2
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { antRecords } from '../../../dist/eval/ant.js';
import { goldTexts } from '../../../dist/eval/quotes.js';
const [n = '36', dir = '/tmp/quotes-fresh', seedArg, extra] = process.argv.slice(2);
const sets = ['dev', 'check', ...(extra ? extra.split(',') : [])];
const taken = new Set(sets.flatMap((s) => readFileSync(`eval/data/quotes-${s}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).article)));
const CUES = /(^|\s)[وف]?(قال|قالت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|أشار|أشارت|صرح|صرحت|اعتبر|شدد|دعا|طالب|أعلن|أعلنت|نفى|كشف|أفاد|ذكر|ذكرت|حذر|مضيفا|مؤكدا|مشيرا|قائلا|موضحا|وفق|حسب|بحسب)(\s|$)/g;
let seed = Number(seedArg ?? 20261206);
const keyOf = (docno) => `${docno.split('-')[1]}-${docno.slice(-8, -2)}`;
// a new seed: no section-month already in the gold (docnos end with yyyymmdd or ddmmyyyy; both keys are left out)
const usedKeys = new Set(seedArg ? [...taken].filter((d) => d.startsWith('JA-')).flatMap((d) => [keyOf(d), `${d.split('-')[1]}-${d.slice(-4)}${d.slice(-6, -4)}`]) : []);
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pool = antRecords().filter((r) => {
  const t = r.text ?? '';
  if (t.length < 500 || t.length > 1800 || taken.has(r.docno)) return false;
  // the held-out days with a day's margin (19 January, 6 February), and 8–10 March 2017
  if (/(2017011[9]|2017020[6]|1901201[7]|0602201[7]|2017031[0]|2017030[89]|(08|09|10)032017)$/.test(r.docno) || /^2017-03-(08|09|10)/.test(r.time ?? '')) return false;
  return (t.match(CUES) ?? []).length >= 5;
});
for (let i = pool.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [pool[i], pool[j]] = [pool[j], pool[i]]; }
const seen = new Set(); const picked = []; const perSection = new Map();
for (const r of pool) {
  const key = keyOf(r.docno), section = r.docno.split('-')[1];
  if (seen.has(key) || usedKeys.has(key)) continue;
  if (seedArg && (perSection.get(section) ?? 0) >= Math.ceil(Number(n) / 4)) continue;
  seen.add(key); picked.push(r.docno); perSection.set(section, (perSection.get(section) ?? 0) + 1);
  if (picked.length >= Number(n)) break;
}
const texts = await goldTexts(picked.map((article) => ({ article, origin: 'ant', textSha1: '', quotes: [] })));
mkdirSync(dir, { recursive: true });
for (const id of picked) writeFileSync(`${dir}/${encodeURIComponent(id)}.txt`, texts.get(id));
console.log(picked.join('\n'));
