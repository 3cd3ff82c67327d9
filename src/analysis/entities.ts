// Entities of articles and stories: mentions (the trained tagger, src/analysis/ner, with the rule layer of rules.ts as
// its features and its fallback), and the merging of mentions across articles into entities with their variants.
import type { Article, Entity, EntityType } from '../types.js';
import { normalize } from '../text/index.js';
import { ADMIN_PLACE_TRIGGERS } from './gazetteer.js';
import { fold, nameKey, nameTokens, sameKey, sameTokenKey, skeleton, tokenDistance, tokenKey } from './names.js';
import {
  pushTo, resolveSurname, ruleEntities, surnameIndex, type ArticleEntities, type Mention, type NameCandidate, type SurnameIndex,
} from './rules.js';
import { entityModel } from './ner/load.js';
import { taggedEntities } from './ner/mentions.js';

export { resolveSurname, surnameIndex, type ArticleEntities, type Mention, type NameCandidate, type SurnameIndex };

// مقاطعة is also "boycott": مقاطعة قطر is no province of قطر, and قطر does not join it
const ADMIN_TRIG = new Set(ADMIN_PLACE_TRIGGERS.map(fold).filter((t) => t !== fold('مقاطعة')));
const OUGLU = tokenKey('أوغلو');

/** One mention of an entity in an article, with the entity it belongs to among the articles read together. */
export interface EntityMention {
  article: string;
  /** UTF-16 offsets into the article's text: text === article.text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The entity's key (entityKey of its name): the same for every variant of it (جاويش أوغلو, تشاووش أوغلو). */
  entity: string;
  /** The entity's name as shown (its most frequent full form, or a listed canonical name). */
  name: string;
  /** The title a person's name follows in this mention (وزير الخارجية التركي). */
  title?: string;
}

/** A stable, URL-safe key for an entity name: its matching form (normalize), spaces as '_'. */
export function entityKey(name: string): string {
  return normalize(name).trim().replace(/\s+/g, '_');
}

/** Every entity mention of the given articles, each with the entity the articles' mentions merge into (variants of
 * one name across the articles are one entity), and those entities. */
export function entityMentions(articles: Pick<Article, 'id' | 'text'>[]): { mentions: EntityMention[]; entities: Entity[] } {
  const all: MentionIn[] = [];
  const texts: string[] = [];
  const found = articles.map((a) => extractEntities(a));
  const extra = surnamesAcrossArticles(found);
  articles.forEach((a, i) => {
    const ms = [...found[i].mentions, ...extra[i]].sort((x, y) => x.start - y.start);
    for (const m of ms) { all.push({ articleId: a.id, mention: m }); texts.push(a.text); }
  });
  const { entities, entityOf } = mergeEntities(all);
  const mentions = all.map(({ articleId, mention: m }, i): EntityMention => {
    const e = entities[entityOf[i]];
    const text = texts[i].slice(m.start, m.end);
    const out: EntityMention = { article: articleId, start: m.start, end: m.end, text, type: m.type, entity: entityKey(e.name), name: e.name };
    if (m.title) out.title = m.title;
    return out;
  });
  return { mentions, entities };
}

/**
 * Lone surnames of people named in full in another of the articles read together (a story's, or the inputs of khabar
 * entities): one article says سيرغي لافروف, the next only لافروف. Per article, the mentions to add.
 */
export function surnamesAcrossArticles(articles: { mentions: Mention[]; candidates: NameCandidate[] }[]): Mention[][] {
  const fullPersons = articles.flatMap((x) => x.mentions.filter((m) => m.type === 'person' && m.key.includes(' ')).map((m) => m.key));
  const index = surnameIndex(fullPersons);
  // candidates repeat across articles (the same words): resolve each distinct one once
  const resolved = new Map<string, ReturnType<typeof resolveSurname>>();
  return articles.map((x) => {
    const extra: Mention[] = [];
    let lastEnd = -1;
    for (const c of x.candidates) {
      if (c.start < lastEnd) continue;
      // most candidates are ordinary words: no full name of the story ends like them (resolveSurname would say null)
      if (!index.last.has(skeleton(c.key)) && !(c.prevKey && index.ouglu.has(skeleton(c.prevKey)))) continue;
      const ck = `${c.key}|${c.prevKey ?? ''}|${c.definite ? 1 : 0}`;
      let hit = resolved.get(ck);
      if (hit === undefined) { hit = resolveSurname(index, c); resolved.set(ck, hit); }
      if (!hit || hit.twoWords) continue; // two-word tails are found per article already
      extra.push({ surface: c.surface, type: 'person', start: c.start, end: c.end, key: c.key.length ? nameKey(c.surface) : c.key, partial: true });
      lastEnd = c.end;
    }
    return extra;
  });
}

/** Two full names that differ in one word by one letter, the other words variants (sameTokenKey); never two listed
 * Arabic names (their keys lead with '#') nor numbers. For names the story gives the same title. */
function sameInContext(a: string, b: string): boolean {
  const ka = a.split(' '), kb = b.split(' ');
  if (ka.length !== kb.length) return false;
  let loose = 0;
  for (let i = 0; i < ka.length; i++) {
    if (sameTokenKey(ka[i], kb[i])) continue;
    if (loose++ || ka[i][0] === '#' || kb[i][0] === '#' || /[0-9]/.test(ka[i] + kb[i]) || Math.min(ka[i].length, kb[i].length) < 4) return false;
    if (tokenDistance(ka[i], kb[i]) > 1) return false;
  }
  return true;
}

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
  const forms: { key: string; type: EntityType; partial: boolean; surfaces: Map<string, number>; canonical?: string; resolvedTo?: string; titles: Set<string> }[] = [];
  const formOf: number[] = [];
  for (const { articleId, mention: m } of mentions) {
    const to = m.type === 'person' && (!m.key.includes(' ') || m.partial) ? resolvedIn(articleId, m.key) : null;
    const id = to ? `${m.type}|${m.key}|@${to}` : `${m.type}|${m.key}`;
    let f = formIndex.get(id);
    if (f === undefined) {
      f = forms.length;
      formIndex.set(id, f);
      forms.push({ key: m.key, type: m.type, partial: !!m.partial, surfaces: new Map(), canonical: m.canonical, resolvedTo: to ?? undefined, titles: new Set() });
    }
    if (m.title) forms[f].titles.add(fold(m.title));
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
  // by context: two full names of one story given the same title (وزير الخارجية التركي) are one person when all their
  // words but one are variants and that one is a single letter off (a consonant the strict match keeps apart)
  const titled = new Map<string, number[]>();
  forms.forEach((f, i) => { if (f.type === 'person' && f.key.includes(' ')) for (const t of f.titles) pushTo(titled, t, i); });
  for (const ids of titled.values()) {
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) {
      if (find(ids[x]) !== find(ids[y]) && sameInContext(forms[ids[x]].key, forms[ids[y]].key)) union(ids[x], ids[y]);
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
    // (each surface's token count once, not twice a comparison: nameTokens normalizes and splits the whole name)
    const full = [...surfaceCounts.entries()].map(([s, c]) => ({ s, c, n: nameTokens(s).length }))
      .sort((a, b) => b.n - a.n || b.c - a.c || a.s.localeCompare(b.s));
    const name = canonical ?? full[0].s;
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

