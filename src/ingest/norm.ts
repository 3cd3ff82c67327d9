// The matching form of text for hashing and shingling. Delegates to the text stage's normalize().
import { normalize, splitWords } from '../text/index.js';

let lastText: string | null = null;
let lastWords: string[] = [];

/**
 * Normalized words of a text (matching form, punctuation dropped). The last answer is kept: ingest asks
 * for the words of the same body three times in a row (content hash, shingles, single-line bodies' keys).
 * Callers must not modify the returned array.
 */
export function normalizedWords(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  const words = splitWords(normalize(text));
  // normalize() already lower-cases Latin, Greek and Cyrillic; toLowerCase covers every other script.
  for (let i = 0; i < words.length; i++) if (mayHaveUpperCase(words[i]!)) words[i] = words[i]!.toLowerCase();
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

/** False when w is only ASCII lower case, digits and Arabic script: then toLowerCase() cannot change it. */
function mayHaveUpperCase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x80 && (c < 0x0600 || c > 0x06ff))) return true;
  }
  return false;
}
