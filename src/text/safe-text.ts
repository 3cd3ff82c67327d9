// Untrusted text (file names, ids, titles, article text) on a terminal or in a log: a control character is shown
// as a visible escape instead of acting. An ESC starts terminal commands (clear the screen, move the cursor,
// retitle the window), a C1 CSI (U+009B) does on some terminals, CR and LF forge lines that seem to come from
// khabar, and the bidi embedding/override/isolate controls reorder what a reader sees (Trojan Source,
// CVE-2021-42574). The marks Arabic text uses legitimately (ALM U+061C, LRM/RLM U+200E/U+200F, ZWJ/ZWNJ) stay.

/** Characters escaped on one line: C0 (tab and newline included), DEL, C1, LS/PS, bidi embeddings, overrides, isolates. */
const ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** The same but tab and newline, for multi-line text printed as it is (an article body, a rendered story). */
const MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  // DEL, C1 and the rest as JSON writes them: JSON.stringify leaves these raw inside strings, so printing JSON
  // through this keeps it valid and equal.
  const code = c.charCodeAt(0);
  return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `s` made safe for one line of a terminal or a log: every control character is written as a visible escape
 * (`\n`, `\e`, `\x07`, `\u009b`, `\u202e`), so a name cannot break the line, colour or clear the screen, or reorder text.
 * Backslashes are left as they are: the escapes are for a reader, not to be parsed back.
 */
export function terminalSafe(s: string): string {
  return s.replace(ONE_LINE, escapeOne);
}

/** Like terminalSafe, but line breaks and tabs are kept: for text printed over several lines. */
export function terminalSafeLines(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(MULTI_LINE, escapeOne);
}
