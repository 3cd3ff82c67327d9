// What every bench shares: where the repository and ../shared are, a fixed PRNG for reproducible
// recombined articles, and the median the figures are reported as.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { packageRoot } from '../src/package-root.js';

export const repoRoot: string = packageRoot();
export const sharedDir = process.env.KHABAR_SHARED ?? resolve(repoRoot, '..', 'shared');

/** mulberry32: a small seeded PRNG, so generated articles are the same at every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

let referenceData: Buffer | null = null; // allocated on first use: evals import this module too
/**
 * Seconds this machine takes, right now, to sha256 32 MB (native code, no allocation). CPU speed on a shared
 * machine drifts by several times from minute to minute; printing this next to a figure says how fast
 * the machine was when the figure was taken (measured here: 0.05 s when the machine runs at full speed, up to 0.9 s when it does not).
 */
export function machineReference(): number {
  referenceData ??= Buffer.alloc(32 * 1024 * 1024, 0x61);
  const t0 = process.hrtime.bigint();
  createHash('sha256').update(referenceData).digest();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
