// From the tagger's spans to khabar's mentions: the surface without the proclitics glued to the first word
// (وسوريا → سوريا, لبيروت → بيروت, للبرلمان → البرلمان), its offsets, its matching key, a listed place's or
// organisation's canonical name and type (السعودية and المملكة العربية السعودية are one place, الكرملين is an
// organisation in every context), and the title a person's name follows (وزير الخارجية التركي).
//
// Then the rule layer (rules.ts) as a reviewed post-pass, each step measured on the development tenth and kept
// because it fixes what news today needs at little or no cost there (docs/entities.md):
//   - an administrative trigger before a place stays part of its name (محافظة الحسكة; قضاء عكار and محافظة عكار are
//     two places);
//   - a titled name the tagger took only the end of is read in full (وزير خارجية تارانيا تشتين ياووز أوغلو);
//   - a listed place or organisation the tagger left untagged is added (داعش), unless the listed word is also a
//     common word (فتح "opened", مالي "financial", القاعدة "the base");
//   - a lone surname of a person the article names in full is that person (لافروف after سيرغي لافروف).
// The rule layer as features of the model instead measured no better and halved the tagging rate.
import { memoized, normalize } from '../../text/index.js';
import { ADMIN_PLACE_TRIGGERS, FIRST_NAMES, ORGS, PLACE_GROUPS, PLACES } from '../gazetteer.js';
import { ARABIC_GIVEN_NAMES } from '../name-lists.js';
import { fold, nameKey } from '../names.js';
import { resolveSurname, surnameIndex, surnameReadings, titleBefore, type ArticleEntities, type Mention, type NameCandidate } from '../rules.js';
import type { EntityType } from '../../types.js';
import { surfaceWithoutClitics } from '../tokens.js';
import { splitClitics } from './features.js';
import type { NerModel } from './model.js';
import { tagSegmented } from './recognize.js';
import { segment, type Segmented } from './segment.js';
import { spansOf } from './tagger.js';

const TYPE: Record<string, EntityType | undefined> = { PERS: 'person', LOC: 'place', ORG: 'org' };
const OUGLU = normalize('أوغلو');

/** Folded name → its canonical name and type, for listed places and organisations. */
const CANONICAL = new Map<string, { name: string; type: EntityType }>();
for (const group of PLACE_GROUPS) for (const n of group) CANONICAL.set(fold(n), { name: group[0], type: 'place' });
for (const group of ORGS) for (const n of group) CANONICAL.set(fold(n), { name: group[0], type: 'org' });
for (const p of PLACES) if (!CANONICAL.has(fold(p))) CANONICAL.set(fold(p), { name: p, type: 'place' });
/** Listed names by their first word (normalized), longest first, for the post-pass. */
const BY_FIRST = new Map<string, { words: string[]; name: string; type: EntityType }[]>();
for (const [f, v] of CANONICAL) {
  const words = normalize(f).split(' ');
  const list = BY_FIRST.get(words[0]) ?? [];
  list.push({ words, ...v });
  BY_FIRST.set(words[0], list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

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
 * students", مساكن "dwellings", تاس "cup"; and every listed one-word name with the article (القاعدة "the base",
 * الجزيرة "the island", الباب "the door"). The post-pass adds a listed name the tagger missed only when it is none. */
const COMMON_WORDS = new Set(['فتح', 'مالي', 'حماس', 'طالبان', 'مساكن', 'تاس'].map((w) => normalize(w)));
const ambiguous = (words: string[]) => words.length === 1 && (words[0].startsWith('ال') || COMMON_WORDS.has(words[0]));

/** Where a listed name that is also a common word is the name: مالي after a preposition or a place word (في مالي,
 * دولة مالي) or with one attached (بمالي), not after a noun it qualifies (دعم مالي); فتح and حماس after حركة or near
 * each other, not as a verb or a noun (فتح الطريق, مع فتح حركة المرور, بحماس). */
const QUOTE = new Set(['"', '«', '»', '“', '”', "'"]);
const MOVEMENT = new Set(['حركه', 'حركتا', 'حركتي'].map((w) => normalize(w)));
const NAME_CONTEXT: Record<string, { before?: Set<string>; near?: Set<string>; clitic?: boolean }> = {
  [normalize('مالي')]: { before: new Set(['في', 'الي', 'من', 'عن', 'دوله', 'جمهوريه', 'شمال', 'جنوب', 'وسط', 'شرق', 'غرب', 'حكومه', 'رءيس', 'و'].map((w) => normalize(w))), clitic: true },
  [normalize('فتح')]: { before: MOVEMENT, near: new Set(['حماس', 'الفصاءل', 'الفلسطينيه'].map((w) => normalize(w))) },
  [normalize('حماس')]: { before: MOVEMENT, near: new Set(['فتح', 'الفصاءل', 'غزه', 'الفلسطينيه', 'اسرايل'].map((w) => normalize(w))) },
};
function commonWordHere(seg: Segmented, i: number): boolean {
  const t = seg.tokens[i];
  if (t.kind !== 'word') return false;
  const sp = splitClitics(t.norm);
  const ctx = NAME_CONTEXT[sp.noPrep];
  if (!ctx) return false;
  if (ctx.clitic && sp.noPrep !== sp.noConj) return false; // بمالي, لمالي: a preposition on the name
  const word = (j: number) => (j >= 0 && j < seg.tokens.length && sameSentence(seg, Math.min(i, j), Math.max(i, j)) ? splitClitics(seg.tokens[j].norm) : null);
  let p = i - 1;
  while (p >= 0 && QUOTE.has(seg.tokens[p].norm)) p--; // حركة "فتح"
  const prev = word(p);
  if (ctx.before && prev && (ctx.before.has(prev.noConj) || ctx.before.has(prev.noPrep))) return false;
  if (ctx.near) for (const j of [i - 2, i - 1, i + 1, i + 2]) { const w = word(j); if (w && (ctx.near.has(w.noConj) || ctx.near.has(w.noPrep))) return false; }
  return true;
}

/** Administrative triggers kept with the place they lead; مقاطعة is left out, as it is also "boycott" (مقاطعة قطر). */
const ADMIN = new Set(ADMIN_PLACE_TRIGGERS.map((t) => normalize(t)).filter((t) => t !== normalize('مقاطعة')));

const LISTED = new Set([...CANONICAL.keys()].map((k) => normalize(k)));
for (const n of [...ARABIC_GIVEN_NAMES, ...FIRST_NAMES]) LISTED.add(normalize(n));

/** The form of a name's first word to show: without its proclitics when the shorter form is a word the model or the
 * lists know and the whole word is not itself a listed name (لبنان stays, فلاديمير stays, وبوتين → بوتين). */
function firstWordForm(model: NerModel, n: string): string {
  if (LISTED.has(n)) return n;
  const known = (x: string) => LISTED.has(x) || model.id(`w=${x}`) >= 0;
  const sp = splitClitics(n);
  for (const form of [sp.noPrep, sp.noConj]) if (form !== n && form.length >= 3 && known(form)) return form;
  return n;
}

/** The offset in `surface` after `cut` leading letters (harakat and tatweel are not letters). */
function dropLetters(surface: string, cut: number): number {
  let i = 0, letters = 0;
  while (i < surface.length && letters < cut) {
    const c = surface.charCodeAt(i);
    if (!((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640)) letters++;
    i++;
  }
  return i;
}

/** Mentions and name candidates of a text, by the tagger and the rule layer's post-pass. */
export function taggedEntities(model: NerModel, text: string): ArticleEntities {
  const seg = segment(text);
  const tags = tagSegmented(model, seg, latinSentence);
  const mentions: Mention[] = [];
  for (const span of spansOf(tags)) {
    if (span.end - span.start === 1 && commonWordHere(seg, span.start)) continue;
    const m = toMention(model, seg, span.start, span.end, TYPE[span.type]);
    if (m) mentions.push(m);
  }
  addOugluNames(model, seg, mentions);
  for (const m of mentions) if (m.type === 'person') readTitle(text, m, mentions);

  addListedNames(seg, mentions);
  mentions.sort((a, b) => a.start - b.start);
  const full = fullNames(mentions);
  const candidates = nameCandidates(seg, mentions, full);
  resolveLoneSurnames(mentions, candidates, full);
  // a word taken as a name is not a candidate surname
  let k = 0;
  const free = candidates.filter((c) => {
    while (k < mentions.length && mentions[k].end <= c.start) k++;
    return !(k < mentions.length && mentions[k].start < c.end);
  });
  return { mentions, candidates: free };
}

function toMention(model: NerModel, seg: Segmented, from: number, to: number, tagged: EntityType | undefined): Mention | null {
  if (!tagged) return null;
  let type = tagged;
  const prev = from > 0 ? seg.tokens[from - 1] : null;
  const admin = type === 'place' && prev?.kind === 'word' && ADMIN.has(splitClitics(prev.norm).noPrep) && sameSentence(seg, from - 1, from);
  const firstIndex = admin ? from - 1 : from;
  // a preposition written apart with a tatweel (جوكوفسكي لـ"شرفة الخبر") belongs to the next word, not to the name
  while (to - 1 > firstIndex && seg.tokens[to - 1].norm.length === 1 && seg.surfaces[to - 1].endsWith('ـ')) to--;
  // أوغلو ends the Turkish name it is written apart from (مولود جاويش أوغلو), whether or not the tagger took it
  if (type === 'person' && to < seg.tokens.length && seg.tokens[to].norm === OUGLU && sameSentence(seg, to - 1, to)) to++;
  const first = seg.tokens[firstIndex], last = seg.tokens[to - 1];
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
  // a nationality adjective the tagger ran into a person's name (الكوروفي غريغوري فاسيلينكو): a definite nisba is
  // an adjective before a name, never its first word
  if (type === 'person' && to - firstIndex >= 3 && /^(و|ف)?ال..+ي$/.test(first.norm) && !lead) {
    start = seg.tokens[firstIndex + 1].start;
  }
  const surface = lead + seg.text.slice(start, last.end);
  const list = listed(surface.replace(/["«»“”]/g, ''));
  if (list) type = list.type;
  // letters spelt apart (أف أم of an outlet's name, ب ك) are no name unless listed (ي ب ك)
  if (!list && seg.tokens.slice(firstIndex, to).every((t) => t.norm.length <= 2)) return null;
  const m: Mention = { surface, type, start, end: last.end, key: nameKey(list?.name ?? surface) };
  if (list) m.canonical = list.name;
  return m;
}

/** أوغلو is always the end of a Turkish name (تشاووش أوغلو, داود أوغلو): one the tagger left untagged is a person's
 * name with the word before it (and, through readTitle, the words a title leads to). */
function addOugluNames(model: NerModel, seg: Segmented, mentions: Mention[]): void {
  let added = false;
  for (let i = 1; i < seg.tokens.length; i++) {
    const t = seg.tokens[i], prev = seg.tokens[i - 1];
    if (t.norm !== OUGLU || prev.kind !== 'word' || !sameSentence(seg, i - 1, i)) continue;
    // the word before must be able to be a name (not قال, أكد: "أكد أوغلو" is the surname alone)
    if (!readingsOf(seg.surfaces[i - 1]).forms.length) continue;
    if (mentions.some((m) => m.start < t.end && prev.start < m.end)) continue;
    const m = toMention(model, seg, i - 1, i + 1, 'person');
    if (!m) continue;
    // a conjunction on a name the model does not know (لافروف وجاويش أوغلو)
    if (m.start === prev.start && /^[وف]/.test(prev.norm) && prev.norm.length > 4) {
      m.start += dropLetters(seg.surfaces[i - 1], 1);
      m.surface = seg.text.slice(m.start, m.end);
      m.key = nameKey(m.surface);
    }
    mentions.push(m);
    added = true;
  }
  if (added) mentions.sort((a, b) => a.start - b.start);
}

/** A person's title, and the start of a titled name the tagger took only the end of. */
function readTitle(text: string, m: Mention, mentions: Mention[]): void {
  const t = titleBefore(text, m.start);
  if (!t) return;
  m.title = t.title;
  if (t.nameStart < m.start && !mentions.some((o) => o !== m && o.start < m.start && o.end > t.nameStart)) {
    m.start = t.nameStart;
    m.surface = text.slice(m.start, m.end);
    m.key = nameKey(m.surface);
  }
}

/** Listed places and organisations the tagger left untagged (داعش), unless the listed word is also a common word. */
/** The forms of a word that open a listed name (most words: none), per distinct word. */
const listHeads = memoized((norm: string): string[] => {
  const sp = splitClitics(norm);
  return (sp.noPrep === norm ? [norm] : [norm, sp.noPrep]).filter((h) => BY_FIRST.has(h));
});

function addListedNames(seg: Segmented, mentions: Mention[]): void {
  const taken = new Uint8Array(seg.tokens.length);
  let k = 0;
  for (let i = 0; i < seg.tokens.length; i++) {
    const t = seg.tokens[i];
    while (k < mentions.length && mentions[k].end <= t.start) k++;
    if (k < mentions.length && mentions[k].start < t.end) taken[i] = 1;
  }
  for (let i = 0; i < seg.tokens.length; i++) {
    const t = seg.tokens[i];
    if (taken[i] || t.kind !== 'word') continue;
    for (const head of listHeads(t.norm)) {
      const entry = BY_FIRST.get(head)?.find((e) => e.words.every((w, j) => j === 0 || (i + j < seg.tokens.length && !taken[i + j]
        && seg.tokens[i + j].norm === w && sameSentence(seg, i + j - 1, i + j))));
      if (!entry) continue;
      if (ambiguous(entry.words) && !(NAME_CONTEXT[entry.words[0]] && !commonWordHere(seg, i))) continue;
      const end = seg.tokens[i + entry.words.length - 1].end;
      // the head without its clitics (بداعش → داعش; للأمم المتحدة → الأمم المتحدة, the article's ل written once)
      const article = !t.norm.endsWith(head);
      const start = article ? t.start + dropLetters(seg.surfaces[i], t.norm.length - head.length + 2)
        : t.end - dropLetters([...seg.surfaces[i]].reverse().join(''), head.length);
      const surface = (article ? 'ال' : '') + seg.text.slice(start, end);
      mentions.push({ surface, type: entry.type, start, end, key: nameKey(entry.name), canonical: entry.name });
      for (let j = i; j < i + entry.words.length; j++) taken[j] = 1;
      break;
    }
  }
}

/** surnameReadings of a word as written, per distinct word. */
const readingsOf = memoized((surface: string) => surnameReadings(fold(surface), surface.endsWith('ه')));

/** Words that may be a surname of a person named elsewhere (the rule layer's name candidates), outside the names
 * that are settled: persons of more than one word and listed places and organisations. A word inside another
 * mention stays a candidate: the tagger may have read a lone surname as a place (resolveLoneSurnames). */
function nameCandidates(seg: Segmented, mentions: Mention[], full: Set<string>): NameCandidate[] {
  const out: NameCandidate[] = [];
  let k = 0;
  let prevKey: string | null = null;
  for (let i = 0; i < seg.tokens.length; i++) {
    const t = seg.tokens[i];
    while (k < mentions.length && mentions[k].end <= t.start) k++;
    const m = k < mentions.length && mentions[k].start < t.end ? mentions[k] : null;
    const settled = m !== null && (m.canonical !== undefined || full.has(m.key));
    const gap = i > 0 ? seg.text.slice(seg.tokens[i - 1].end, t.start).trim() : '.';
    const prev = gap === '' || gap === '"' || gap === '«' || gap === '»' ? prevKey : null;
    prevKey = null;
    if (settled || t.kind !== 'word') continue;
    const surface = seg.surfaces[i];
    const r = readingsOf(surface);
    prevKey = r.prevKey;
    for (const { bare, key } of r.forms) {
      const c: NameCandidate = { start: t.start, end: t.end, surface: surfaceWithoutClitics(surface, bare), key, prevKey: prev };
      if (bare.startsWith('ال')) c.definite = true;
      out.push(c);
    }
  }
  return out;
}

/** Each token's sentence, per segmented text (the post-pass asks of many pairs of tokens). */
const sentenceIndex = new WeakMap<Segmented, Int32Array>();

/** Whether two tokens (a ≤ b) are in one sentence. */
function sameSentence(seg: Segmented, a: number, b: number): boolean {
  let of = sentenceIndex.get(seg);
  if (!of) {
    const index = (of = new Int32Array(seg.tokens.length));
    seg.sentences.forEach(([from, to], k) => index.fill(k, from, to));
    sentenceIndex.set(seg, of);
  }
  return of[a] === of[b];
}

/** Sentences mostly in Latin script (an English photo caption, a French quotation) are not tagged: the model knows
 * Arabic sentences, and read a caption as one long organisation. */
function latinSentence(seg: Segmented, from: number, to: number): boolean {
  let latin = 0, arabic = 0;
  for (let i = from; i < to; i++) {
    const k = seg.tokens[i].kind;
    if (k === 'latin') latin++;
    else if (k === 'word') arabic++;
  }
  return latin > arabic;
}

/** The keys of the persons an article names in full (two words or more), but for a "name" whose every word is the
 * surname of another named person: that is two surnames run together (قمة بوتين إردوغان). */
function fullNames(mentions: Mention[]): Set<string> {
  const full = [...new Set(mentions.filter((m) => m.type === 'person' && m.key.includes(' ')).map((m) => m.key))];
  const lastWords = new Map<string, number>();
  for (const k of full) { const l = k.slice(k.lastIndexOf(' ') + 1); lastWords.set(l, (lastWords.get(l) ?? 0) + 1); }
  return new Set(full.filter((k) => !k.split(' ').every((t, i, all) => (lastWords.get(t) ?? 0) > (i === all.length - 1 ? 1 : 0))));
}

/** A lone surname (or "X أوغلو") of a person named in full in the same article is a mention of that person: added
 * where the tagger saw nothing, widened to both words of "X أوغلو" (وجاويش أوغلو → جاويش أوغلو), and made a person
 * where the tagger read the one word as a place or an organisation not on the lists (إردوغان after رجب طيب إردوغان).
 * Two such surnames the tagger ran together (لقائه بوتين إردوغان) are two mentions. */
function resolveLoneSurnames(mentions: Mention[], candidates: NameCandidate[], fullKeys: Set<string>): void {
  if (!fullKeys.size) return;
  const index = surnameIndex([...fullKeys]);
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
      if (m.canonical || fullKeys.has(m.key)) continue;
      if (m.start < r.start || m.end > r.end) {
        // a mention made of resolved surnames alone (لافروف وجاويش أوغلو): split into them
        const parts = resolved.filter((x) => x.start >= m.start && x.end <= m.end);
        if (parts.length >= 2 && coveredBy(m, parts)) mentions.splice(mentions.indexOf(m), 1, ...parts);
        continue;
      }
      mentions.splice(mentions.indexOf(m), 1);
    }
    mentions.push(r);
  }
  mentions.sort((a, b) => a.start - b.start);
  for (let i = mentions.length - 1; i > 0; i--) if (mentions[i].start === mentions[i - 1].start && mentions[i].end === mentions[i - 1].end) mentions.splice(i, 1);
}

/** Whether `parts` cover span `m` but for the spaces and conjunctions between them. */
function coveredBy(m: Mention, parts: Mention[]): boolean {
  let covered = 0;
  for (const p of parts) covered += p.end - p.start;
  return covered >= m.end - m.start - 3 * parts.length;
}
