// The matching form of text for hashing and shingling. Delegates to the text stage's normalize().
import { normalize } from '../text/index.js';

/** Normalized words of a text (matching form, punctuation dropped). */
export function normalizedWords(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Normalized content: the words joined by single spaces, so any whitespace or punctuation spacing hashes alike. */
export function normalizedContent(text: string): string {
  return normalizedWords(text).join(' ');
}

/** Key for table lookups: normalized, lower-cased, punctuation turned into single spaces. */
export function normalizeKey(s: string): string {
  return normalizedWords(s).join(' ');
}
