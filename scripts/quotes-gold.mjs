// Builds quote gold records from compact hand annotations:
//   @ARTICLE-ID [ant|seed|sample]
//   cue | speaker | speaker_short | d|i (i< / d< : content before the cue) | START ... END   (or the exact content)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
const [annFile, textsDir, out] = process.argv.slice(2);
const lines = readFileSync(annFile, 'utf8').split('\n');
const recs = []; let cur = null; let cursor = 0; let errors = 0;
const isL = (c) => /[\u0621-\u064A\u0671-\u06D3A-Za-z0-9]/.test(c ?? '');
function findWord(text, s, from) {
  for (let i = text.indexOf(s, from); i >= 0; i = text.indexOf(s, i + 1)) if (!isL(text[i - 1]) && !isL(text[i + s.length])) return i;
  return -1;
}
for (const [ln, raw] of lines.entries()) {
  const line = raw.trim(); if (!line || line.startsWith('#')) continue;
  if (line.startsWith('@')) { const [id, origin] = line.slice(1).trim().split(/\s+/); const text = readFileSync(`${textsDir}/${encodeURIComponent(id)}.txt`, 'utf8'); cur = { article: id, origin: origin ?? 'ant', textSha1: createHash('sha1').update(text).digest('hex').slice(0, 16), quotes: [], text }; recs.push(cur); cursor = 0; continue; }
  const [cueRaw, speaker, short, kindRaw, spec] = line.split('|').map((x) => x.trim());
  const [cue, anchor] = cueRaw.split(' ~ ');
  const fail = (m) => { console.error(`line ${ln + 1} (${cur.article}): ${m}: ${line}`); errors++; };
  const text = cur.text;
  let ci = findWord(text, cue, cursor);
  while (anchor && ci >= 0 && !text.slice(ci, ci + cue.length + 60).includes(anchor)) ci = findWord(text, cue, ci + 1);
  if (ci < 0) { fail('cue not found'); continue; }
  const before = kindRaw.endsWith('<'); const kind = kindRaw[0] === 'd' ? 'direct' : 'indirect';
  const [a, b] = spec.includes(' ... ') ? spec.split(' ... ') : [spec, null];
  let start;
  if (before) { start = text.lastIndexOf(a, ci); } else { start = text.indexOf(a, ci + cue.length); }
  if (start < 0) { fail('start not found'); continue; }
  let end;
  if (b === null) end = start + a.length; else { const j = text.indexOf(b, start + a.length - Math.min(a.length, b.length)); if (j < 0) { fail('end not found'); continue; } end = j + b.length; }
  if (!before && start - (ci + cue.length) > 260) fail(`content starts ${start - ci} chars after its cue`);
  if (end - start > 2000) fail('content over 2000 chars');
  const content = text.slice(start, end);
  // fragment: the first 4–8-token window of the content that occurs once in the article
  const toks = [...content.matchAll(/\S+/g)];
  let fragment = null;
  for (let n = Math.min(8, toks.length); n >= Math.min(4, toks.length) && !fragment; n--)
    for (let k = 0; k + n <= toks.length; k++) {
      const f = content.slice(toks[k].index, toks[k + n - 1].index + toks[k + n - 1][0].length);
      if (text.indexOf(f) === text.lastIndexOf(f)) { fragment = f; break; }
    }
  if (toks.length < 4) fail('content under 4 words');
  cur.quotes.push({ cue, cueStart: ci, speaker: speaker === 'null' ? null : speaker, speaker_short: short === 'null' ? null : short, kind, start, end, content, fragment });
  cursor = ci + 1;
}
if (errors) { console.error(`${errors} errors`); process.exitCode = 1; }
writeFileSync(out, recs.map(({ text, ...r }) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${recs.length} articles, ${recs.reduce((s, r) => s + r.quotes.length, 0)} quotes -> ${out}`);
