// Values of the options reading commands share. Date bounds (--from, --to): a year, a month or a real day; an
// impossible day (2019-13-45, 2018-02-30) is refused with the value named, instead of matching nothing.
import { checkDateBound } from '../text/iso-date.js';
import { terminalSafe } from '../text/safe-text.js';
import { UsageError } from './command.js';

export function checkDate(flag: string, value: string | undefined): void {
  if (value === undefined) return;
  const reason = checkDateBound(value);
  if (reason) throw new UsageError(`${flag} "${terminalSafe(value)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${reason}`);
}

/** The value of a flag that takes a positive whole number, or undefined when it is not given. */
export function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, not "${terminalSafe(value)}"`);
  return n;
}
