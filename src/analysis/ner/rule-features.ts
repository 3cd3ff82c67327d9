// The rule layer's reading of a sentence (rules.ts: a title and the name after it, a listed first name and what
// follows, a gazetteer place or organisation, a trigger phrase) as positional features of the tagger: each token
// inside a rule mention gets "R=B-type" or "R=I-type", and the tokens beside it see that too. The model learns how
// far to trust each reading (the rules are precise on places, loose on persons). The rules read one sentence at a
// time, at training and at run time alike.
import { ruleEntities, type ArticleEntities, type Mention } from '../rules.js';
import type { Segmented } from './segment.js';
import type { FeatureIds } from './tagger.js';

/** The rule layer's mentions and name candidates in sentence [from, to), with offsets in the whole text. */
export function sentenceRules(seg: Segmented, from: number, to: number): ArticleEntities {
  if (to <= from) return { mentions: [], candidates: [] };
  const base = seg.tokens[from].start;
  const r = ruleEntities(seg.text.slice(base, seg.tokens[to - 1].end));
  for (const m of r.mentions) { m.start += base; m.end += base; }
  for (const c of r.candidates) { c.start += base; c.end += base; }
  return r;
}

/** Feature rows of the rule mentions of sentence [from, to). */
export function ruleRowsOf(mentions: Mention[], seg: Segmented, from: number, to: number, ids: FeatureIds): (number[] | undefined)[] | undefined {
  if (!mentions.length) return undefined;
  const n = to - from;
  const label: (string | undefined)[] = new Array(n);
  let k = 0;
  for (const m of mentions) {
    while (k < n && seg.tokens[from + k].end <= m.start) k++;
    let first = true;
    for (let j = k; j < n && seg.tokens[from + j].start < m.end; j++) {
      label[j] = `${first ? 'B' : 'I'}-${m.partial ? 'surname' : m.type}`;
      first = false;
    }
  }
  const out: (number[] | undefined)[] = new Array(n);
  const add = (i: number, f: string) => {
    const id = ids.id(f);
    if (id >= 0) (out[i] ??= []).push(id);
  };
  for (let i = 0; i < n; i++) {
    const l = label[i];
    if (!l) continue;
    add(i, `R=${l}`);
    if (i > 0) add(i - 1, `R+1=${l}`);
    if (i + 1 < n) add(i + 1, `R-1=${l}`);
  }
  return out;
}

/** The rule features of sentence [from, to) (the rules run on it here). */
export function ruleRows(seg: Segmented, from: number, to: number, ids: FeatureIds): (number[] | undefined)[] | undefined {
  return ruleRowsOf(sentenceRules(seg, from, to).mentions, seg, from, to, ids);
}
