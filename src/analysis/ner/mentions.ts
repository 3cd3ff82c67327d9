// From the tagger's spans to khabar's mentions: the surface without the proclitics glued to the first word
// (وسوريا → سوريا, لبيروت → بيروت, للبرلمان → البرلمان), its offsets, its matching key, a listed place's or
// organisation's canonical name and type (السعودية and المملكة العربية السعودية are one place, الكرملين is an
// organisation in every context), and the title a person's name follows, which the rule layer reads (وزير الخارجية
// التركي). Then a reviewed post-pass of the rule layer: an administrative trigger before a place stays part of its
// name (محافظة الحسكة, ولاية كليس: قضاء عكار and محافظة عكار are two places), a listed place or organisation the
// tagger left untagged is added (داعش), and a lone surname of a person the article names in full elsewhere is that
// person (لافروف after سيرغي لافروف), as the rule layer resolves it.
import { normalize } from '../../text/index.js';
import { ADMIN_PLACE_TRIGGERS, ORGS, PLACE_SYNONYMS, PLACES } from '../gazetteer.js';
import { ARABIC_GIVEN_NAMES } from '../name-lists.js';
import { fold, nameKey } from '../names.js';
import { resolveSurname, surnameIndex, type ArticleEntities, type Mention, type NameCandidate } from '../rules.js';
import type { EntityType } from '../../types.js';
import { splitClitics } from './features.js';
import type { NerModel } from './model.js';
import { tagSegmented } from './recognize.js';
import { ruleRowsOf, sentenceRules } from './rule-features.js';
import { segment } from './segment.js';
import { spansOf } from './tagger.js';

const TYPE: Record<string, EntityType | undefined> = { PERS: 'person', LOC: 'place', ORG: 'org' };

/** Folded name → its canonical name and type, for listed places and organisations. */
const CANONICAL = new Map<string, { name: string; type: EntityType }>();
for (const group of PLACE_SYNONYMS) for (const n of group) CANONICAL.set(fold(n), { name: group[0], type: 'place' });
for (const group of ORGS) for (const n of group) CANONICAL.set(fold(n), { name: group[0], type: 'org' });
for (const p of PLACES) if (!CANONICAL.has(fold(p))) CANONICAL.set(fold(p), { name: p, type: 'place' });
/** Words an organisation's name may be led by without changing which it is (تنظيم ي ب ك is ي ب ك). */
const ORG_LEADS = new Set(['تنظيم', 'حركه', 'حزب', 'جماعه', 'ميليشيا', 'مليشيا', 'وكاله', 'قناه', 'صحيفه'].map(fold));
/** The listed name a surface is, also after a generic organisation word. */
function listed(surface: string): { name: string; type: EntityType } | undefined {
  const f = fold(surface);
  const hit = CANONICAL.get(f);
  if (hit) return hit;
  const sp = f.indexOf(' ');
  return sp > 0 && ORG_LEADS.has(f.slice(0, sp)) ? CANONICAL.get(f.slice(sp + 1)) : undefined;
}
/** Listed one-word names that are also common words: فتح "opened", مالي "financial", حماس "zeal", طالبان "two
 * students", مساكن "dwellings", تاس "cup"; and every one-word name with the article (القاعدة "the base", الجزيرة
 * "the island", الباب "the door"). The post-pass adds a listed name the tagger missed only when it is none of these. */
const COMMON_WORDS = new Set(['فتح', 'مالي', 'حماس', 'طالبان', 'مساكن', 'تاس'].map(fold));
function ambiguous(surface: string): boolean {
  const f = fold(surface);
  return !f.includes(' ') && (f.startsWith('ال') || COMMON_WORDS.has(f));
}

/** Administrative triggers kept with the place they lead; مقاطعة is left out, as it is also "boycott" (مقاطعة قطر). */
const ADMIN = new Set(ADMIN_PLACE_TRIGGERS.map((t) => normalize(t)).filter((t) => t !== normalize('مقاطعة')));
const LISTED = new Set([...CANONICAL.keys()].map((k) => normalize(k)));
for (const n of ARABIC_GIVEN_NAMES) LISTED.add(normalize(n));

/** The form of a name's first word to show: without its proclitics when the shorter form is a word the model or the
 * lists know and the whole word is not itself a listed name (لبنان stays, فلاديمير stays, وبوتين → بوتين). */
function firstWordForm(model: NerModel, n: string): string {
  if (LISTED.has(n)) return n;
  const known = (x: string) => LISTED.has(x) || model.id(`w=${x}`) >= 0;
  const sp = splitClitics(n);
  for (const form of [sp.noPrep, sp.noConj]) if (form !== n && form.length >= 3 && known(form)) return form;
  return n;
}

/** The surface from the first letter after `cut` leading letters (harakat and tatweel are not letters). */
function dropLetters(surface: string, cut: number): number {
  let i = 0, letters = 0;
  while (i < surface.length && letters < cut) {
    const c = surface.charCodeAt(i);
    if (!((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640)) letters++;
    i++;
  }
  return i;
}

/** Mentions and name candidates of a text, by the tagger (with the rule layer as its features). */
export function taggedEntities(model: NerModel, text: string): ArticleEntities {
  const seg = segment(text);
  const rules: Mention[] = [];
  const candidates: NameCandidate[] = [];
  const tags = tagSegmented(model, seg, (s, from, to, ids) => {
    const r = sentenceRules(s, from, to);
    rules.push(...r.mentions);
    candidates.push(...r.candidates);
    return ruleRowsOf(r.mentions, s, from, to, ids);
  }, latinSentence);
  const mentions: Mention[] = [];
  for (const span of spansOf(tags)) {
    let type = TYPE[span.type];
    if (!type) continue;
    const prev = span.start > 0 ? seg.tokens[span.start - 1] : null;
    const admin = type === 'place' && prev?.kind === 'word' && ADMIN.has(splitClitics(prev.norm).noPrep) && sameSentence(seg, span.start - 1, span.start);
    const first = seg.tokens[admin ? span.start - 1 : span.start], last = seg.tokens[span.end - 1];
    const firstIndex = admin ? span.start - 1 : span.start;
    let start = first.start;
    let lead = '';
    if (first.kind === 'word') {
      const form = firstWordForm(model, first.norm);
      if (form !== first.norm) {
        // للبرلمان → البرلمان: the article's ل is written once after the preposition ل, so the form is no suffix
        const article = !first.norm.endsWith(form);
        start = first.start + dropLetters(seg.surfaces[firstIndex], first.norm.length - form.length + (article ? 2 : 0));
        if (article) lead = 'ال';
      }
    }
    const surface = lead + text.slice(start, last.end);
    const list = listed(surface);
    if (list) type = list.type;
    const rule = rules.find((r) => r.end === last.end && r.start >= first.start && r.type === type);
    const m: Mention = { surface, type, start, end: last.end, key: nameKey(list?.name ?? surface) };
    if (list) m.canonical = list.name;
    if (rule?.title) m.title = rule.title;
    mentions.push(m);
  }
  // listed places and organisations the tagger left untagged, unless the listed word is also a common word
  for (const r of rules) if (r.canonical && !ambiguous(r.surface) && !mentions.some((m) => m.start < r.end && r.start < m.end)) mentions.push(r);
  // a titled name the rule layer read in full, of which the tagger took only the last words (تشتين ياووز أوغلو)
  for (const r of rules) {
    if (r.type !== 'person' || !r.title) continue;
    const over = mentions.filter((m) => m.start < r.end && r.start < m.end);
    if (over.length === 1 && over[0].type === 'person' && over[0].end === r.end && over[0].start > r.start) mentions.splice(mentions.indexOf(over[0]), 1, r);
  }
  mentions.sort((a, b) => a.start - b.start);
  resolveLoneSurnames(mentions, candidates);
  // a word taken as a name is not a candidate surname
  let k = 0;
  const free = candidates.filter((c) => {
    while (k < mentions.length && mentions[k].end <= c.start) k++;
    return !(k < mentions.length && mentions[k].start < c.end);
  });
  return { mentions, candidates: free };
}

/** Whether two tokens are in one sentence. */
function sameSentence(seg: ReturnType<typeof segment>, a: number, b: number): boolean {
  return !seg.sentences.some(([from]) => from > a && from <= b);
}

/** Sentences mostly in Latin script (an English photo caption, a French quotation) are not tagged: the model knows
 * Arabic sentences, and read a caption as one long organisation. */
function latinSentence(seg: ReturnType<typeof segment>, from: number, to: number): boolean {
  let latin = 0, arabic = 0;
  for (let i = from; i < to; i++) {
    const k = seg.tokens[i].kind;
    if (k === 'latin') latin++;
    else if (k === 'word') arabic++;
  }
  return latin > arabic;
}

/** A lone surname (or "X أوغلو") of a person named in full in the same article is a mention of that person: added
 * where the tagger saw nothing, widened to both words of "X أوغلو" (وجاويش أوغلو → جاويش أوغلو), and made a person
 * where the tagger read the one word as a place or an organisation not on the lists (إردوغان after رجب طيب إردوغان).
 * Two such surnames the tagger ran together (لقائه بوتين إردوغان) are two mentions. */
function resolveLoneSurnames(mentions: Mention[], candidates: NameCandidate[]): void {
  let full = [...new Set(mentions.filter((m) => m.type === 'person' && m.key.includes(' ')).map((m) => m.key))];
  // a "name" whose every word is the surname of another named person is two surnames run together (بوتين إردوغان)
  const surnames = (keys: string[]) => new Set(keys.map((k) => k.split(' ').at(-1)!));
  full = full.filter((k) => !k.split(' ').every((t) => surnames(full.filter((o) => o !== k && o.endsWith(` ${t}`))).has(t)));
  if (!full.length) return;
  const index = surnameIndex(full);
  const fullKeys = new Set(full);
  const resolved: Mention[] = [];
  candidates.forEach((c, i) => {
    const hit = resolveSurname(index, c);
    if (!hit) return;
    let b = i - 1;
    while (b >= 0 && candidates[b].end >= c.start) b--; // the word before (a word may have several candidate forms)
    const before = candidates[b];
    const two = hit.twoWords && before !== undefined;
    const start = two ? before.start : c.start;
    const surface = two ? `${before.surface} ${c.surface}` : c.surface;
    resolved.push({ surface, type: 'person', start, end: c.end, key: nameKey(surface), partial: true });
  });
  for (const r of resolved) {
    const over = mentions.filter((m) => m.start < r.end && r.start < m.end);
    if (over.length > 1) continue;
    const m = over[0];
    if (m) {
      const inside = m.start >= r.start && m.end <= r.end;
      const personInside = m.type === 'person' && inside;
      const misread = m.type !== 'person' && !m.canonical && inside;
      // a person span made of surnames alone, each resolved: split into them
      const runTogether = m.type === 'person' && !fullKeys.has(m.key) && m.start <= r.start && m.end >= r.end
        && resolved.filter((x) => x.start >= m.start && x.end <= m.end).reduce((n, x) => n + x.end - x.start, 0) >= m.end - m.start - resolved.length;
      if (!personInside && !misread && !runTogether) continue;
      if (runTogether) {
        const parts = resolved.filter((x) => x.start >= m.start && x.end <= m.end);
        if (parts.length < 2) continue;
        mentions.splice(mentions.indexOf(m), 1, ...parts);
        continue;
      }
      mentions.splice(mentions.indexOf(m), 1);
    }
    mentions.push(r);
  }
  mentions.sort((a, b) => a.start - b.start);
  // a split may have pushed one part twice (once as the split, once on its own)
  for (let i = mentions.length - 1; i > 0; i--) if (mentions[i].start === mentions[i - 1].start && mentions[i].end === mentions[i - 1].end) mentions.splice(i, 1);
}
