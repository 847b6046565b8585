import { describeValue } from './describeValue.js';
import { invalid, valid, type Validation } from './validation.js';

// A plain decimal number, so that "0x10", "1_000" and "Infinity", which Number() accepts, are not.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A numeric field: a JSON number or a decimal string (CSV). Missing, null and "" give null. */
export function parseNumberField(name: string, value: unknown): Validation<number | null> {
  if (value === undefined || value === null) return valid(null);
  if (typeof value === 'number' && Number.isFinite(value)) return valid(value);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return valid(null);
    if (DECIMAL.test(trimmed)) return valid(Number(trimmed));
  }
  return invalid(`${name} must be a number, got ${describeValue(value)}`);
}
