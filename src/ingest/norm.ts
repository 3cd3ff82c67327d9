// The matching form of text for hashing and shingling. Delegates to the text stage's normalize().
import { normalize } from '../text/index.js';

let lastText: string | null = null;
let lastWords: string[] = [];

/**
 * Normalized words of a text (matching form, punctuation dropped). The last answer is kept: ingest asks
 * for the words of the same body three times in a row (content hash, shingles, single-line bodies' keys).
 * Callers must not modify the returned array.
 */
export function normalizedWords(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  const words = normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
  lastText = text;
  lastWords = words;
  return words;
}

/** Normalized content: the words joined by single spaces, so any whitespace or punctuation spacing hashes alike. */
export function normalizedContent(text: string): string {
  return normalizedWords(text).join(' ');
}

/** Key for table lookups: normalized, lower-cased, punctuation turned into single spaces. */
export function normalizeKey(s: string): string {
  return normalizedWords(s).join(' ');
}
