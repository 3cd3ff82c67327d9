// Bytes → text. Decides the encoding (BOM, declared charset, UTF-8, Windows-1256) and refuses binary data.
//
// Decision on invalid UTF-8: when bytes are not valid UTF-8, not in a declared charset, and do not look like
// Windows-1256 Arabic, the input is refused with a problem naming the byte offset, rather than decoded with
// replacement characters: mojibake would silently poison search and story grouping.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Magic numbers of common binary formats (from each format's specification), checked at offset 0 unless noted. */
const MAGIC: { name: string; bytes: number[]; offset?: number }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'MP4 video', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

function startsWith(buf: Uint8Array, bytes: number[], offset = 0): boolean {
  if (buf.length < offset + bytes.length) return false;
  return bytes.every((b, i) => buf[offset + i] === b);
}

/** Names a binary format, or null when the bytes may be text. */
export function binaryKind(buf: Uint8Array): string | null {
  for (const m of MAGIC) if (startsWith(buf, m.bytes, m.offset)) return m.name;
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return 'contains NUL bytes';
  return null;
}

/** The charset declared in an HTML <meta> or an XML prolog within the first 2 KB, lower-cased. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 2048));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  return null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

function tryDecoder(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the whole buffer is valid UTF-8. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= buf.length) return i; // truncated sequence at the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True when the bytes, read as Windows-1256, are mostly Arabic among the non-ASCII characters. */
export function looksLikeWindows1256(buf: Uint8Array): boolean {
  const text = new TextDecoder('windows-1256').decode(buf);
  let nonAscii = 0;
  let arabic = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    // Arabic letters, harakat, Arabic comma/semicolon/question mark, tatweel: what cp1256 Arabic text is made of.
    if ((c >= 0x0621 && c <= 0x0652) || c === 0x060c || c === 0x061b || c === 0x061f || c === 0x0640) arabic++;
  }
  return nonAscii >= 3 && arabic / nonAscii >= 0.7;
}

/**
 * Decodes an input's bytes. `declared` is a charset from outside (an HTTP Content-Type); a charset declared
 * inside the document (HTML meta, XML prolog) is honoured when the bytes are not valid UTF-8.
 */
export function decodeBytes(buf: Uint8Array, declared?: string | null): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'empty file' };
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return finishUtf8(buf.subarray(3), 'utf-8 (BOM)');
  if (startsWith(buf, [0xff, 0xfe])) return finishUtf16(buf.subarray(2), 'utf-16le');
  if (startsWith(buf, [0xfe, 0xff])) return finishUtf16(buf.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(buf);
  if (utf16) {
    const r = finishUtf16(buf, utf16);
    return r.ok ? { ...r, encoding: `${utf16} (no BOM)` } : { ok: false, reason: `${r.reason} (UTF-16 without BOM)` };
  }
  const binary = binaryKind(buf);
  if (binary) return { ok: false, reason: `binary file (${binary}), not text` };
  const bad = firstInvalidUtf8(buf);
  if (bad < 0) return finishUtf8(buf, 'utf-8');
  const charset = declared ?? declaredCharset(buf);
  if (charset && !/^utf-?8$/.test(charset)) {
    const dec = tryDecoder(charset);
    if (dec) return { ok: true, text: dec.decode(buf), encoding: charset };
  }
  if (looksLikeWindows1256(buf)) return { ok: true, text: new TextDecoder('windows-1256').decode(buf), encoding: 'windows-1256' };
  return { ok: false, reason: `not valid UTF-8 (first invalid byte 0x${buf[bad].toString(16).padStart(2, '0')} at offset ${bad}) and not recognisable as Windows-1256 Arabic` };
}

/**
 * The byte order of UTF-16 text without a byte-order mark, or null. In the first 8 KB, nine in ten 16-bit units
 * have a high byte of 0x00 (ASCII: spaces, digits, line breaks), 0x06 (Arabic) or 0x20 (punctuation), and some of
 * them are ASCII (so a NUL byte is there): what such a file is, and what binary data almost never is.
 */
export function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 8192) & ~1;
  if (n < 4) return null;
  const score = (hiAt: number): boolean => {
    let text = 0;
    let ascii = 0;
    for (let i = 0; i < n; i += 2) {
      const hi = buf[i + hiAt];
      const lo = buf[i + 1 - hiAt];
      if (hi === 0x00 && lo !== 0) { text++; ascii++; } else if (hi === 0x06 || hi === 0x20) text++;
    }
    return ascii > 0 && text >= 0.9 * (n / 2);
  };
  return score(1) ? 'utf-16le' : score(0) ? 'utf-16be' : null;
}

/** UTF-16 after its byte-order mark: broken (an odd byte count, a lone surrogate) is said so, as broken UTF-8 is,
 * instead of decoding to replacement characters that cleaning then reported as "no article text left". */
function finishUtf16(buf: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (buf.length % 2 !== 0) return { ok: false, reason: `not valid ${encoding.toUpperCase()} (a byte-order mark, then an odd number of bytes: ${buf.length})` };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch {
    return { ok: false, reason: `not valid ${encoding.toUpperCase()} (a lone surrogate)` };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text, encoding };
}

function finishUtf8(buf: Uint8Array, encoding: string): Decoded {
  const text = new TextDecoder('utf-8').decode(buf);
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text, encoding };
}
