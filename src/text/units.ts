// Code-unit buffers for the scanners. Tokenizer and analyzer read characters from a Uint16Array so that
// one set of scanning rules serves both JS strings and raw UTF-8 bytes (decoded here, without building a
// string: V8's UTF-8 → string conversion of Arabic text costs more than analyzing it).
const KEEP_AT_MOST = 1 << 23; // buffers larger than 16 MB are not kept between calls

let spare: Uint16Array | null = new Uint16Array(1 << 12);

/** A buffer of at least n units, reused between calls; give it back with releaseUnits when done. */
export function borrowUnits(n: number): Uint16Array {
  const u = spare !== null && spare.length >= n ? spare : new Uint16Array(Math.max(n, 1 << 12));
  if (u === spare) spare = null; // a nested call (a callback that analyzes again) gets its own buffer
  return u;
}

export function releaseUnits(u: Uint16Array): void {
  if (u.length <= KEEP_AT_MOST && (spare === null || spare.length < u.length)) spare = u;
}

/** The UTF-16 units of s in a borrowed buffer. */
export function unitsOfString(s: string): Uint16Array {
  const n = s.length;
  const u = borrowUnits(n);
  for (let i = 0; i < n; i++) u[i] = s.charCodeAt(i);
  return u;
}

/**
 * The UTF-16 units of well-formed UTF-8 bytes in a borrowed buffer, and how many; null when the bytes are
 * not well-formed UTF-8 (overlong forms, surrogates, truncated or stray sequences), so that the caller can
 * fall back to the standard decoder and its U+FFFD replacement rules.
 */
export function unitsOfUtf8(b: Uint8Array): { units: Uint16Array; length: number } | null {
  const end = b.length;
  const u = borrowUnits(end);
  let n = 0;
  let i = 0;
  while (i < end) {
    const x = b[i]!;
    if (x < 0x80) { u[n++] = x; i++; continue; }
    if (x >= 0xc2 && x <= 0xdf) {
      const y = b[i + 1]!;
      if (i + 1 >= end || (y & 0xc0) !== 0x80) break;
      u[n++] = ((x & 0x1f) << 6) | (y & 0x3f);
      i += 2;
      continue;
    }
    if (x >= 0xe0 && x <= 0xef) {
      const y = b[i + 1]!, z = b[i + 2]!;
      if (i + 2 >= end || (y & 0xc0) !== 0x80 || (z & 0xc0) !== 0x80) break;
      const c = ((x & 0x0f) << 12) | ((y & 0x3f) << 6) | (z & 0x3f);
      if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) break;
      u[n++] = c;
      i += 3;
      continue;
    }
    if (x >= 0xf0 && x <= 0xf4) {
      const y = b[i + 1]!, z = b[i + 2]!, w = b[i + 3]!;
      if (i + 3 >= end || (y & 0xc0) !== 0x80 || (z & 0xc0) !== 0x80 || (w & 0xc0) !== 0x80) break;
      const c = ((x & 0x07) << 18) | ((y & 0x3f) << 12) | ((z & 0x3f) << 6) | (w & 0x3f);
      if (c < 0x10000 || c > 0x10ffff) break;
      u[n++] = 0xd800 + ((c - 0x10000) >> 10);
      u[n++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
      i += 4;
      continue;
    }
    break;
  }
  if (i < end) { releaseUnits(u); return null; }
  return { units: u, length: n };
}

/** The string of units u[start..end) (in pieces: fromCharCode takes its units as call arguments). */
export function unitsToString(u: Uint16Array, start: number, end: number): string {
  if (end - start <= 4096) return String.fromCharCode.apply(null, u.subarray(start, end) as unknown as number[]);
  const parts: string[] = [];
  for (let p = start; p < end; p += 4096) parts.push(String.fromCharCode.apply(null, u.subarray(p, Math.min(end, p + 4096)) as unknown as number[]));
  return parts.join('');
}
