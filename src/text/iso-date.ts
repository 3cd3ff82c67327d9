// Calendar check for the dates a user types (--published, --from, --to, ?from=): a well-formed
// YYYY-MM-DD must also name a real day, so 2018-02-30 or 2019-13-45 is refused rather than stored or
// silently matching nothing.

/** The reason `value` is not a real calendar day written YYYY-MM-DD (with an optional time part), or null. */
export function checkIsoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return 'not a date written YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `day ${m[3]} does not exist in ${m[1]}-${m[2]} (it has ${days} days)`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return 'time of day out of range';
  return null;
}

/**
 * The reason `value` cannot bound a date range (a --from or --to), or null. A year (2017) or a month (2017-01) bounds
 * a whole year or month; anything longer must be a real day (checkIsoDate).
 */
export function checkDateBound(value: string): string | null {
  if (/^\d{4}$/.test(value)) return null;
  const month = /^\d{4}-(\d{2})$/.exec(value);
  if (month) return Number(month[1]) >= 1 && Number(month[1]) <= 12 ? null : `month ${month[1]} does not exist`;
  const reason = checkIsoDate(value);
  return reason === 'not a date written YYYY-MM-DD' ? 'not a date written YYYY, YYYY-MM or YYYY-MM-DD' : reason;
}
