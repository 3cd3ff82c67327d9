// The date bounds of a search (/api/search, the web search page): a year, a month or a real day. An impossible day
// (2019-13-45, 2018-02-30) is a 400 naming the value, not an empty list.
import { checkDateBound } from '../text/index.js';
import { ApiError } from './errors.js';

export function checkSearchDates(from: string | undefined, to: string | undefined): void {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!value) continue; // an empty date field of a form means no bound
    const reason = checkDateBound(value);
    if (reason) throw new ApiError('invalid_request', `querystring/${name} "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY): ${reason}`);
  }
}
