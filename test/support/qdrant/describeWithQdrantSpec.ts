import { describe } from '@jest/globals';
import { QDRANT_SPEC_PATH, qdrantSpecAvailable } from './openApiContract.js';

/**
 * `describe` where Qdrant's spec is at hand, else `describe.skip` after printing why and
 * what goes untested: a clone without ../shared skips these suites loudly, never passes them.
 */
export function describeWithQdrantSpec(untested: string): typeof describe | typeof describe.skip {
  if (qdrantSpecAvailable()) return describe;
  console.warn(`SKIPPED: Qdrant's OpenAPI spec not found at ${QDRANT_SPEC_PATH}; ${untested}`);
  return describe.skip;
}
