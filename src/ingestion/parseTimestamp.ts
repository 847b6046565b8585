import { describeValue } from './describeValue.js';
import { parseNumberField } from './parseNumberField.js';
import { invalid, valid, type Validation } from './validation.js';

/**
 * Epoch numbers below this are seconds, from it up milliseconds. 1e11 seconds is the year
 * 5138; 1e11 ms is 1973-03-03. So a millisecond timestamp from before March 1973 would be
 * read as seconds, land thousands of years ahead and be refused as a future event: the
 * ambiguity fails loudly, never silently.
 */
export const SECONDS_BELOW = 1e11;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A time needs a zone: without one, Date.parse reads local time and the same file would give
// different events on machines in different zones.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A timestamp field as epoch milliseconds: an ISO 8601 date-time with a zone
 * (`2018-09-24T10:00:00Z`, `…+02:00`), a date (`2018-09-24`, midnight UTC), or an epoch number
 * in seconds or milliseconds (see SECONDS_BELOW), as a number or a decimal string. Fractions of
 * a millisecond are rounded. Missing, null and "" give null (the event happens now).
 */
export function parseTimestamp(name: string, value: unknown): Validation<number | null> {
  const numeric = parseNumberField(name, value);
  if (numeric.ok) {
    const number = numeric.value;
    if (number === null) return valid(null);
    return valid(Math.round(Math.abs(number) < SECONDS_BELOW ? number * 1000 : number));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (ISO_DATE.test(text) || ISO_DATE_TIME.test(text)) {
      const epoch = Date.parse(text.replace(' ', 'T'));
      if (!Number.isNaN(epoch)) return valid(epoch);
    }
  }
  return invalid(
    `${name} must be an ISO 8601 date-time with a zone (2018-09-24T10:00:00Z) or epoch seconds or milliseconds, got ${describeValue(value)}`,
  );
}
