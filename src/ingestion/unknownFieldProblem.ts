import type { RawFields } from './sourceRecord.js';

/**
 * Names the first field that is not one of `known`. A misspelt column ("categores") would
 * otherwise be dropped without a word and every item would lose its categories.
 */
export function unknownFieldProblem(fields: RawFields, known: readonly string[]): string | null {
  const unknown = Object.keys(fields).find((name) => !known.includes(name));
  return unknown === undefined ? null : `unknown field "${unknown}" (expected ${known.join(', ')})`;
}
