// Durations on the command line: "10m", "30s", "1h", "500ms", or a bare number of seconds.
import { UsageError } from './command.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** Milliseconds of a duration option; a UsageError names the option and the value. */
export function parseDuration(value: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h)?\s*$/.exec(value);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] ?? 's']! : NaN;
  if (!Number.isFinite(ms) || ms <= 0) throw new UsageError(`${option} must be a duration such as 30s, 10m or 1h, not "${value}"`);
  return ms;
}
