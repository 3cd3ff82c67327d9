// The matching form of text for hashing and shingling. Delegates to the text stage's normalize().
// Until src/text lands, a local stand-in (same rules as the brief's normalize()); replaced by the text stage's.
function normalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0));
}

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
