import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { ARMOR_LIMITS } from '../../src/server/armorProtection.js';
import { startHarness, type Harness } from '../support/graphqlHarness.js';

const EDGE_FIELDS = `
  cursor rank score
  node { id title text categories tags year createdAt stats { ratingCount ratingMean positiveUsers eventCount lastEventAt } }
  explanation {
    retrieval { source score rank } fusedScore features { name value weight contribution }
    logit rankerScore modelVersion reranking { step rankBefore rankAfter detail }
  }`;
const CONNECTION = `requestId totalCount modelVersion pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { ${EDGE_FIELDS} }`;

/** What clients are expected to send; every one must pass the limits. */
const EXAMPLES: Record<string, string> = {
  'search with every field, 100 results': `{ search(query: "toy story", first: 100) { ${CONNECTION} } }`,
  'a home page: search and recommendations with every field': `{
    results: search(query: "toy") { ${CONNECTION} }
    forYou: recommendations(userId: "7") { ${CONNECTION} }
  }`,
  'similar items and the user': `{
    similarItems(itemId: "1") { edges { node { id title } score explanation { retrieval { source score } } } }
    user(id: "7") { id eventCount positiveCount ratingMean recentItems(first: 50) { id title stats { ratingMean } } topCategories { category weight } }
  }`,
  'ten items by alias': `{ ${Array.from({ length: 10 }, (_, i) => `i${i}: item(id: "${i}") { id title }`).join(' ')} }`,
  introspection: getIntrospectionQuery(),
};

describe('operation limits (graphql-armor and the parser)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  it.each(Object.entries(EXAMPLES))('lets through: %s', async (_name, query) => {
    expect((await harness.run(query)).errors).toBeUndefined();
  });

  it(`refuses more than ${ARMOR_LIMITS.maxDepth} levels, fragments counting one each`, async () => {
    const nested = (levels: number) =>
      `{ search(query: "toy") { edges { node { ${'... on Item { '.repeat(levels)}id${' }'.repeat(levels)} } } } }`;
    expect((await harness.run(nested(4))).errors).toBeUndefined();
    expect(await harness.run(nested(5))).toEqual({
      errors: [{ message: 'Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('refuses too many aliases with a validation error', async () => {
    const query = `{ ${Array.from({ length: ARMOR_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: item(id: "1") { id }`).join(' ')} }`;
    expect(await harness.run(query)).toEqual({
      errors: [{ message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('refuses an operation that costs too much', async () => {
    const query = `{ a: search(query: "a", first: 100) { ${CONNECTION} } b: search(query: "b", first: 100) { ${CONNECTION} } }`;
    expect(await harness.run(query)).toEqual({
      errors: [{ message: 'Query Cost limit of 20000 exceeded, found 36475.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('costs a page given by a variable at its cap, and an omitted first at its default', async () => {
    const aliased = (count: number, first: string) =>
      `query ${first ? '($n: Int) ' : ''}{ ${Array.from({ length: count }, (_, i) => `r${i}: recommendations(userId: "7"${first}) { ${CONNECTION} }`).join(' ')} }`;
    // A variable first counts as 100 results, whatever the variable holds.
    expect(await harness.run(aliased(2, ', first: $n'), { n: 1 })).toEqual({
      errors: [{ message: 'Query Cost limit of 20000 exceeded, found 36475.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    expect((await harness.run(aliased(1, ', first: $n'), { n: 100 })).errors).toBeUndefined();
    // Omitted, first is 10: ten such lists pass, twelve do not.
    expect((await harness.run(aliased(10, ''))).errors).toBeUndefined();
    expect((await harness.run(aliased(12, ''))).errors?.[0]?.message).toBe('Query Cost limit of 20000 exceeded, found 21885.');
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: ARMOR_LIMITS.maxDirectives + 1 }, () => 'id @include(if: true)').join(' ');
    const result = await harness.run(`{ item(id: "1") { ${fields} } }`);
    expect(result.errors?.[0]).toEqual({ message: 'Directives limit of 20 exceeded, found 21.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('refuses a document of too many tokens at parsing', async () => {
    const ids = Array.from({ length: ARMOR_LIMITS.maxTokens }, (_, i) => `"${i}"`).join(' ');
    expect(await harness.run(`{ items(ids: [${ids}]) { id } }`)).toEqual({
      errors: [
        {
          message: 'Syntax Error: Document contains more that 10000 tokens. Parsing aborted.',
          locations: [{ line: 1, column: 68863 }],
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
  });
});
