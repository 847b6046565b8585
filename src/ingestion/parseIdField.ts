import { describeValue } from './describeValue.js';
import { invalid, valid, type Validation } from './validation.js';

/**
 * An id field as written in a file: a string, or an integer as JSON writes numeric ids.
 * Missing, null and "" all mean "not given" (null); the id rules themselves are the validators'.
 */
export function parseIdField(name: string, value: unknown): Validation<string | null> {
  if (value === undefined || value === null || value === '') return valid(null);
  if (typeof value === 'string') return valid(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return valid(String(value));
  return invalid(`${name} must be a string, got ${describeValue(value)}`);
}
