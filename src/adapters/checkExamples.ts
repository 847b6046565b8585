import { badInput } from '../domain/errors.js';
import type { Examples } from '../ports/catalogIndex.js';

/**
 * What every catalog adapter checks of a recommend query's examples before searching: at least
 * one positive (Qdrant's average_vector strategy refuses a query without one). Returns every
 * example id, which the results must not contain.
 */
export function checkExamples(examples: Examples): Set<string> {
  if (examples.positive.length === 0) throw badInput('a recommend query needs at least one positive example');
  return new Set([...examples.positive, ...(examples.negative ?? [])]);
}
