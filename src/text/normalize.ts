// The matching form of Arabic text. Display always keeps the original; this form is what is compared.
import { DROP, MULTI, NORM_MAP, NORM_MULTI } from './chars.js';
import { unitsToString } from './units.js';

/**
 * Matching form: harakat, shadda, sukun, superscript alef, Quranic marks and tatweel removed;
 * أ إ آ ٱ → ا; ى ی → ي; ة → ه; ؤ ئ → ء (our choice, see chars.ts); Persian/Urdu letters folded;
 * Arabic-Indic digits → ASCII (٫ → . and ٬ → ,); zero-width and bidi controls removed; odd spaces → ' ';
 * Latin, Greek, Cyrillic upper case → lower case. Length can shrink; never throws; linear time.
 */
export function normalize(s: string): string {
  if (typeof s !== 'string') return '';
  const n = s.length;
  let i = 0;
  // Fast path: most news words need no change at all.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (NORM_MAP[c] !== c) break;
    i++;
  }
  if (i === n) return s;
  return normalizeFrom(s, i, n);
}

function normalizeFrom(s: string, first: number, n: number): string {
  const parts: string[] = [];
  let segStart = 0;
  for (let i = first; i < n; i++) {
    const c = s.charCodeAt(i);
    const m = NORM_MAP[c]!;
    if (m === c) continue;
    if (i > segStart) parts.push(s.slice(segStart, i));
    segStart = i + 1;
    if (m === DROP) continue;
    if (m === MULTI) parts.push(NORM_MULTI.get(c) ?? '');
    else parts.push(String.fromCharCode(m));
  }
  if (segStart < n) parts.push(s.slice(segStart, n));
  return parts.join('');
}

/** normalize() of s.slice(start, end) without the intermediate slice when nothing changes. */
export function normalizeRange(s: string, start: number, end: number): string {
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (NORM_MAP[c] !== c) break;
    i++;
  }
  if (i === end) return s.slice(start, end);
  let out = s.slice(start, i);
  let segStart = i;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    const m = NORM_MAP[c]!;
    if (m === c) continue;
    if (i > segStart) out += s.slice(segStart, i);
    segStart = i + 1;
    if (m === DROP) continue;
    out += m === MULTI ? (NORM_MULTI.get(c) ?? '') : String.fromCharCode(m);
  }
  if (segStart < end) out += s.slice(segStart, end);
  return out;
}

/** normalize() of the code units u[start..end) (see units.ts). */
export function normalizeUnits(u: Uint16Array, start: number, end: number): string {
  let i = start;
  while (i < end && NORM_MAP[u[i]!] === u[i]) i++;
  if (i === end) return unitsToString(u, start, end);
  const parts: string[] = [unitsToString(u, start, i)];
  let segStart = i;
  for (; i < end; i++) {
    const c = u[i]!;
    const m = NORM_MAP[c]!;
    if (m === c) continue;
    if (i > segStart) parts.push(unitsToString(u, segStart, i));
    segStart = i + 1;
    if (m !== DROP) parts.push(m === MULTI ? (NORM_MULTI.get(c) ?? '') : String.fromCharCode(m));
  }
  if (segStart < end) parts.push(unitsToString(u, segStart, end));
  return parts.join('');
}
