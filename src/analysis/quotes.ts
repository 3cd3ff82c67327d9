// Quotes of one article for story analysis: the quotes findQuotes (quotes/extract.ts) finds, each with the entity
// mention that names its speaker (so that تشاووش أوغلو's words in four outlets are one speaker of the story), or the
// speaker as the article words it when no entity mention names it (an unnamed source, a body, a surname alone).
import type { Article, EntityType } from '../types.js';
import { extractEntities, type ArticleEntities, type Mention } from './entities.js';
import { findQuotes } from './quotes/index.js';

export interface RawQuote {
  /** Index of the speaker's mention in the article's mentions, or -1. */
  speakerMention: number;
  /** The speaker as the article names it (its fullest form), when no mention names it; else null. */
  speakerText: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  /** The cue as written (وقال، مضيفا، وفق ما أفاد به). */
  cue: string;
  /** Offsets of the content in the article text. */
  start: number;
  end: number;
}

const SPEAKER_TYPES: EntityType[] = ['person', 'org'];

export function extractQuotes(article: Pick<Article, 'text'> | string, entities?: ArticleEntities): RawQuote[] {
  const text = typeof article === 'string' ? article : article?.text;
  if (typeof text !== 'string') throw new TypeError('extractQuotes: article.text must be a string');
  const ents = entities ?? extractEntities(text);
  const mentions = ents.mentions;
  // the mention each speaker string was first named by: a continuation or an anaphor (الوزير، المصدر ذاته) resolved to
  // that speaker is the same mention
  const mentionOf = new Map<string, number>();
  const inSpan = (a: number, b: number) => {
    let person = -1, org = -1;
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.start > b) break;
      if (m.start < a || m.end > b || !SPEAKER_TYPES.includes(m.type)) continue;
      if (m.type === 'person') person = i; else if (org < 0) org = i;
    }
    return person >= 0 ? person : org;
  };
  const sorted = mentions.every((m, i) => i === 0 || mentions[i - 1].start <= m.start);
  return findQuotes(text).map((q) => {
    let m = -1;
    if (q.speaker) {
      if (q.speakerStart >= 0 && sorted) m = inSpan(q.speakerStart, q.speakerEnd);
      if (m >= 0 && !mentionOf.has(q.speaker)) mentionOf.set(q.speaker, m);
      if (m < 0) m = mentionOf.get(q.speaker) ?? -1;
    }
    return { speakerMention: m, speakerText: m >= 0 ? null : q.speaker, text: q.text, kind: q.kind, cue: q.cue, start: q.start, end: q.end };
  });
}

export type { Mention };
