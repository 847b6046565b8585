import { describe, expect, it, jest } from '@jest/globals';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { QDRANT_SPEC_PATH } from '../support/qdrant/openApiContract.js';

describe('describeWithQdrantSpec', () => {
  it('skips loudly, naming the missing file and what goes untested, when the spec is absent', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(describeWithQdrantSpec('the contract tests need it', '/nonexistent/openapi.json')).toBe(describe.skip);
      expect(warn.mock.calls).toEqual([["SKIPPED: Qdrant's OpenAPI spec not found at /nonexistent/openapi.json; the contract tests need it"]]);
    } finally {
      warn.mockRestore();
    }
  });

  it('runs the suite where the file exists', () => {
    expect(describeWithQdrantSpec('unused', thisFile())).toBe(describe);
    expect(QDRANT_SPEC_PATH).toMatch(/\/shared\/reference\/qdrant\/openapi\.json$/);
  });
});

function thisFile(): string {
  return new URL(import.meta.url).pathname;
}
