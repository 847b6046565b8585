import { describeValue } from './describeValue.js';
import { invalid, valid, type Validation } from './validation.js';

/** What separates the values of a list inside one CSV field: `Action|Comedy`. */
export const LIST_SEPARATOR = '|';

/**
 * A list field: a JSON list of strings, or one string of `|`-separated values (the only way a
 * CSV field can hold a list; JSON may use it too). Separated values are trimmed and empty ones
 * dropped, so `a||b ` gives ["a", "b"]. Missing, null and "" give [].
 */
export function parseListField(name: string, value: unknown): Validation<string[]> {
  if (value === undefined || value === null || value === '') return valid([]);
  if (typeof value === 'string') {
    return valid(
      value
        .split(LIST_SEPARATOR)
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    );
  }
  if (Array.isArray(value) && value.every((entry): entry is string => typeof entry === 'string')) {
    return valid([...value]);
  }
  return invalid(`${name} must be a list of strings or one "${LIST_SEPARATOR}"-separated string, got ${describeValue(value)}`);
}
