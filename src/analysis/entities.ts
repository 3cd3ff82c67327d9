// Entities of articles and stories: mentions (the trained tagger, src/analysis/ner, with the rule layer of rules.ts as
// its features and its fallback), and the merging of mentions across articles into entities with their variants.
import type { Article, Entity, EntityType } from '../types.js';
import { ADMIN_PLACE_TRIGGERS } from './gazetteer.js';
import { fold, nameTokens, sameKey, sameTokenKey, skeleton, tokenKey } from './names.js';
import {
  pushTo, resolveSurname, ruleEntities, surnameIndex, type ArticleEntities, type Mention, type NameCandidate, type SurnameIndex,
} from './rules.js';
import { entityModel } from './ner/load.js';
import { taggedEntities } from './ner/mentions.js';

export { resolveSurname, surnameIndex, type ArticleEntities, type Mention, type NameCandidate, type SurnameIndex };

const ADMIN_TRIG = new Set(ADMIN_PLACE_TRIGGERS.map(fold));
const OUGLU = tokenKey('أوغلو');

/** Finds entity mentions in one article's text: by the trained tagger, or by the rule layer alone when the model
 * file is absent (entityModel says so once). */
export function extractEntities(article: Pick<Article, 'text'> | string): ArticleEntities {
  const text = typeof article === 'string' ? article : article?.text;
  if (typeof text !== 'string') throw new TypeError('extractEntities: article.text must be a string');
  const model = entityModel();
  return model ? taggedEntities(model, text) : ruleEntities(text);
}

// ---- merging across articles ----

export interface MentionIn { articleId: string; mention: Mention }

/** Groups mentions of several articles into entities: variants merged by sameName, surnames resolved to
 * the one full name they fit, administrative places kept apart from each other. Returns the entities and,
 * for each input mention, the index of its entity. */
export function mergeEntities(mentions: MentionIn[]): { entities: Entity[]; entityOf: number[] } {
  // distinct (type, key) forms first: the comparisons are over forms, not mentions
  // a lone surname refers to the person its own article names in full, when exactly one fits there (وقال النجار
  // after العقيد ماهر النجار, though the story also has a mayor ماجد النجار): such a mention gets a form of its own,
  // tied to that full name
  const fullByArticle = new Map<string, string[]>();
  for (const { articleId, mention: m } of mentions) if (m.type === 'person' && m.key.includes(' ')) pushTo(fullByArticle, articleId, m.key);
  const articleIndex = new Map<string, SurnameIndex>();
  const resolvedCache = new Map<string, string | null>();
  const resolvedIn = (articleId: string, key: string): string | null => {
    if (!fullByArticle.has(articleId)) return null;
    const ck = `${articleId}\u0000${key}`;
    let hit = resolvedCache.get(ck);
    if (hit === undefined) { hit = resolveIn(articleId, key); resolvedCache.set(ck, hit); }
    return hit;
  };
  const resolveIn = (articleId: string, key: string): string | null => {
    const fulls = fullByArticle.get(articleId)!;
    let index = articleIndex.get(articleId);
    if (!index) { index = surnameIndex(fulls); articleIndex.set(articleId, index); }
    const toks = key.split(' ');
    const hit = toks.length === 1 ? resolveSurname(index, { key: toks[0], prevKey: null })
      : toks.length === 2 && sameTokenKey(toks[1], OUGLU) ? resolveSurname(index, { key: toks[1], prevKey: toks[0] }) : null;
    return hit && hit.full !== key ? hit.full : null;
  };
  const formIndex = new Map<string, number>();
  const forms: { key: string; type: EntityType; partial: boolean; surfaces: Map<string, number>; canonical?: string; resolvedTo?: string }[] = [];
  const formOf: number[] = [];
  for (const { articleId, mention: m } of mentions) {
    const to = m.type === 'person' && (!m.key.includes(' ') || m.partial) ? resolvedIn(articleId, m.key) : null;
    const id = to ? `${m.type}|${m.key}|@${to}` : `${m.type}|${m.key}`;
    let f = formIndex.get(id);
    if (f === undefined) {
      f = forms.length;
      formIndex.set(id, f);
      forms.push({ key: m.key, type: m.type, partial: !!m.partial, surfaces: new Map(), canonical: m.canonical, resolvedTo: to ?? undefined });
    }
    if (!m.partial) forms[f].partial = false;
    forms[f].surfaces.set(m.surface, (forms[f].surfaces.get(m.surface) ?? 0) + 1);
    formOf.push(f);
  }
  const parent = forms.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const union = (a: number, b: number) => { const ra = find(a), rb = find(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); };

  // block by type + token count + skeleton of the last token, then compare within blocks
  const blocks = new Map<string, number[]>();
  // (and, for multi-token names, also by the first token: شفيرتفيغر / شويرتفيغر differ early, كلاوس does not)
  forms.forEach((f, i) => {
    if (f.resolvedTo) return; // joins its full name below, not the other forms of its spelling
    const toks = f.key.split(' ');
    pushTo(blocks, `${f.type}|${toks.length}|${skeleton(toks[toks.length - 1]).slice(0, 3)}`, i);
    if (toks.length > 1) pushTo(blocks, `${f.type}|${toks.length}|^${skeleton(toks[0]).slice(0, 3)}`, i);
  });
  for (const ids of blocks.values()) {
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) {
      if (find(ids[x]) === find(ids[y])) continue;
      if (sameKey(forms[ids[x]].key, forms[ids[y]].key)) union(ids[x], ids[y]);
    }
  }
  // lone surnames (and one-word names) → the single full name they fit
  const fullPersons = forms.map((f, i) => ({ f, i })).filter(({ f }) => f.type === 'person' && f.key.includes(' '));
  const index = surnameIndex(fullPersons.map(({ f }) => f.key));
  const byKey = new Map(fullPersons.map(({ f, i }) => [f.key, i]));
  forms.forEach((f, i) => {
    if (f.type !== 'person') return;
    if (f.resolvedTo) { if (byKey.has(f.resolvedTo)) union(i, byKey.get(f.resolvedTo)!); return; }
    const toks = f.key.split(' ');
    let hit: { full: string } | null = null;
    if (toks.length === 1) hit = resolveSurname(index, { key: toks[0], prevKey: null });
    else if (toks.length === 2 && sameTokenKey(toks[1], OUGLU)) hit = resolveSurname(index, { key: toks[1], prevKey: toks[0] });
    if (hit && byKey.has(hit.full) && hit.full !== f.key) union(i, byKey.get(hit.full)!);
  });
  // a bare place joins its administrative form when there is exactly one ("الحسكة" → "محافظة الحسكة")
  const adminByName = new Map<string, number[]>();
  forms.forEach((f, i) => {
    if (f.type !== 'place') return;
    const toks = f.key.split(' ');
    if (toks.length >= 2 && ADMIN_TRIG.has(fold(nameTokens([...f.surfaces.keys()][0])[0]))) {
      const rest = toks.slice(1).join(' ');
      pushTo(adminByName, rest, i);
    }
  });
  forms.forEach((f, i) => {
    if (f.type !== 'place') return;
    const admins = adminByName.get(f.key);
    if (admins && admins.length === 1) union(i, admins[0]);
  });

  // build entities
  const groups = new Map<number, number[]>();
  forms.forEach((_, i) => { const r = find(i); pushTo(groups, r, i); });
  const entityOfRoot = new Map<number, number>();
  const entities: Entity[] = [];
  const articleSets: Set<string>[] = [];
  for (const [root, ids] of groups) {
    const surfaceCounts = new Map<string, number>();
    let canonical: string | undefined;
    for (const i of ids) {
      for (const [s, c] of forms[i].surfaces) surfaceCounts.set(s, (surfaceCounts.get(s) ?? 0) + c);
      canonical ??= forms[i].canonical;
    }
    // the name: a gazetteer canonical, else the most frequent among the longest full forms
    const full = [...surfaceCounts.entries()].sort((a, b) =>
      nameTokens(b[0]).length - nameTokens(a[0]).length || b[1] - a[1] || a[0].localeCompare(b[0]));
    const name = canonical ?? full[0][0];
    entityOfRoot.set(root, entities.length);
    entities.push({ name, type: forms[ids[0]].type, variants: [...surfaceCounts.keys()].sort(), articles: [], mentions: 0 });
    articleSets.push(new Set());
  }
  const entityOf = formOf.map((f) => entityOfRoot.get(find(f))!);
  mentions.forEach(({ articleId }, n) => {
    const e = entityOf[n];
    entities[e].mentions++;
    articleSets[e].add(articleId);
  });
  entities.forEach((e, i) => { e.articles = [...articleSets[i]].sort(); });
  return { entities, entityOf };
}

