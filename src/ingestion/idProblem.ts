import { describeValue } from './describeValue.js';

/** Longest id accepted for items, users, events and request ids. */
export const MAX_ID_LENGTH = 128;

// C0 and C1 control characters: invisible in logs and in the API, and a newline inside an id
// would break every line-oriented export.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `value` cannot be an id, or null when it can. `name` is the field, for the message. */
export function idProblem(name: string, value: unknown): string | null {
  if (typeof value !== 'string') return `${name} must be a string, got ${describeValue(value)}`;
  if (value.length === 0) return `${name} must not be empty`;
  if (value.length > MAX_ID_LENGTH) return `${name} must be at most ${MAX_ID_LENGTH} characters, got ${value.length}`;
  if (CONTROL.test(value)) return `${name} must not contain control characters, got ${JSON.stringify(value)}`;
  return null;
}
