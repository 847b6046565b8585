import { existsSync } from 'node:fs';
import { describe } from '@jest/globals';
import { QDRANT_SPEC_PATH } from './openApiContract.js';

/**
 * `describe` where Qdrant's spec is at hand, else `describe.skip` after printing why and
 * what goes untested: a clone without ../shared skips these suites loudly, never passes them.
 */
export function describeWithQdrantSpec(untested: string, specPath = QDRANT_SPEC_PATH): typeof describe | typeof describe.skip {
  if (existsSync(specPath)) return describe;
  console.warn(`SKIPPED: Qdrant's OpenAPI spec not found at ${specPath}; ${untested}`);
  return describe.skip;
}
