import { beforeAll, describe, expect, it } from '@jest/globals';
import { pointIdOf } from '../../src/adapters/qdrant/pointId.js';
import { toQdrantFilter } from '../../src/adapters/qdrant/qdrantFilter.js';
import { compileFilter } from '../../src/domain/matchesFilter.js';
import type { ItemFilter } from '../../src/graphql/generated/resolversTypes.js';
import { toFilter } from '../../src/graphql/input/toFilter.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { OpenApiContract } from '../support/qdrant/openApiContract.js';
import { filterHolds } from '../support/qdrant/qdrantFilterHolds.js';
import { item } from './support/catalogFixture.js';
import { seededRandom } from './support/seededRandom.js';

/**
 * Every filter the GraphQL schema offers, from the API's input to Qdrant's JSON: each field
 * (ID, CATEGORY, TAG, YEAR), each match (value, any, except), range with every bound,
 * isEmpty both ways, nesting, and the three clauses.
 */
const CASES: readonly { name: string; input: ItemFilter; qdrant: unknown }[] = [
  { name: 'match value on ID', input: { must: [{ field: 'id', match: { value: 'heat' } }] }, qdrant: { must: [{ key: 'id', match: { value: 'heat' } }] } },
  { name: 'match value on CATEGORY', input: { must: [{ field: 'category', match: { value: 'Drama' } }] }, qdrant: { must: [{ key: 'categories', match: { value: 'Drama' } }] } },
  { name: 'match any on TAG', input: { should: [{ field: 'tag', match: { any: ['pixar', 'sequel'] } }] }, qdrant: { should: [{ key: 'tags', match: { any: ['pixar', 'sequel'] } }] } },
  { name: 'match except on CATEGORY', input: { must: [{ field: 'category', match: { except: ['Horror'] } }] }, qdrant: { must: [{ key: 'categories', match: { except: ['Horror'] } }] } },
  { name: 'match value on YEAR, as an integer', input: { must: [{ field: 'year', match: { value: '1995' } }] }, qdrant: { must: [{ key: 'year', match: { value: 1995 } }] } },
  { name: 'match any on YEAR', input: { must: [{ field: 'year', match: { any: ['1995', '1999'] } }] }, qdrant: { must: [{ key: 'year', match: { any: [1995, 1999] } }] } },
  { name: 'match except on YEAR', input: { mustNot: [{ field: 'year', match: { except: ['2001'] } }] }, qdrant: { must_not: [{ key: 'year', match: { except: [2001] } }] } },
  { name: 'range gt and lte', input: { must: [{ field: 'year', range: { gt: 1990, lte: 1999 } }] }, qdrant: { must: [{ key: 'year', range: { gt: 1990, lte: 1999 } }] } },
  { name: 'range gte and lt', input: { must: [{ field: 'year', range: { gte: 1995.5, lt: 2000 } }] }, qdrant: { must: [{ key: 'year', range: { gte: 1995.5, lt: 2000 } }] } },
  { name: 'isEmpty true', input: { must: [{ field: 'year', isEmpty: true }] }, qdrant: { must: [{ is_empty: { key: 'year' } }] } },
  { name: 'isEmpty false', input: { must: [{ field: 'tag', isEmpty: false }] }, qdrant: { must: [{ must_not: [{ is_empty: { key: 'tags' } }] }] } },
  {
    name: 'nested filters and all three clauses',
    input: {
      must: [{ nested: { should: [{ field: 'category', match: { value: 'Comedy' } }, { field: 'tag', match: { value: 'pixar' } }] } }],
      should: [{ field: 'year', range: { gte: 1995 } }, { nested: { mustNot: [{ field: 'id', match: { any: ['heat'] } }] } }],
      mustNot: [{ nested: { must: [{ field: 'category', isEmpty: true }] } }],
    },
    qdrant: {
      must: [{ should: [{ key: 'categories', match: { value: 'Comedy' } }, { key: 'tags', match: { value: 'pixar' } }] }],
      should: [{ key: 'year', range: { gte: 1995 } }, { must_not: [{ key: 'id', match: { any: ['heat'] } }] }],
      must_not: [{ must: [{ is_empty: { key: 'categories' } }] }],
    },
  },
  { name: 'empty clauses: no constraint', input: { must: [], should: [] }, qdrant: undefined },
];

describe('toQdrantFilter: every filter of the schema as Qdrant filter JSON', () => {
  it.each(CASES)('$name', ({ input, qdrant }) => {
    expect(toQdrantFilter(toFilter(input))).toEqual(qdrant);
  });

  it('adds excluded ids as must_not has_id on their point ids', () => {
    const filter = toFilter({ must: [{ field: 'category', match: { value: 'Drama' } }] });
    expect(toQdrantFilter(filter, new Set(['a', 'b']))).toEqual({
      must: [{ key: 'categories', match: { value: 'Drama' } }],
      must_not: [{ has_id: [pointIdOf('a'), pointIdOf('b')] }],
    });
    expect(toQdrantFilter(null, new Set(['a']))).toEqual({ must_not: [{ has_id: [pointIdOf('a')] }] });
    expect(toQdrantFilter(null, new Set())).toBeUndefined();
  });

  it('maps item ids to fixed UUID v5 point ids', () => {
    expect(pointIdOf('toy-story')).toBe('371a58c6-4976-5dc9-8ad2-1afb231a78f0');
    expect(pointIdOf('toy-story')).toBe(pointIdOf('toy-story'));
    expect(pointIdOf('1')).not.toBe(pointIdOf('01'));
  });
});

const withSpec = describeWithQdrantSpec('filter JSON is not validated against it');

withSpec("toQdrantFilter against Qdrant's spec and semantics", () => {
  let contract: OpenApiContract;
  beforeAll(() => {
    contract = OpenApiContract.load();
  });

  it.each(CASES.filter((c) => c.qdrant !== undefined))('$name: valid against the spec\'s Filter schema', ({ input }) => {
    const filter = toQdrantFilter(toFilter(input), new Set(['heat']));
    expect(contract.schemaProblems('Filter', filter)).toEqual([]);
    expect(contract.requestProblems('query_points', { query: [1, 0], using: 'text', limit: 3, filter })).toEqual([]);
  });

  it('catches a misspelt field that the spec, read as plain JSON Schema, would let through', () => {
    expect(contract.schemaProblems('Filter', { must_nt: [] })).toContain('/ must NOT have additional properties (must_nt)');
    expect(contract.schemaProblems('Filter', { must: [{ key: 'year', rnage: { gt: 1 } }] })).toEqual(
      expect.arrayContaining(['/must/0 must NOT have additional properties (rnage)']),
    );
    expect(contract.requestProblems('query_points', { query: [1], using: 'text', limt: 3 })).toContain('/ must NOT have additional properties (limt)');
    expect(contract.requestProblems('upsert_points', { points: [{ id: pointIdOf('x'), vectors: { text: [1] } }] })).not.toEqual([]);
    // Open objects stay open: payloads and named-vector maps take any key.
    expect(contract.requestProblems('upsert_points', { points: [{ id: pointIdOf('x'), vector: { anyName: [1] }, payload: { anything: [1, 'a'] } }] })).toEqual([]);
    // And a point id must be an unsigned integer or a UUID.
    expect(contract.requestProblems('get_points', { ids: ['toy-story'] })).not.toEqual([]);
  });

  it('decides like the embedded index: Qdrant semantics on the translated filter agree with compileFilter', () => {
    const random = seededRandom(11);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const categories = ['Action', 'Comedy', 'Drama', 'Horror'];
    const items = Array.from({ length: 200 }, (_, i) =>
      item(`i${i}`, {
        categories: categories.filter(() => random() < 0.4),
        tags: random() < 0.5 ? [pick(['pixar', 'sequel', 'noir'])] : [],
        year: random() < 0.2 ? null : 1980 + Math.floor(random() * 40),
      }),
    );
    for (const { input } of CASES) {
      const filter = toFilter(input);
      const qdrant = toQdrantFilter(filter);
      const embedded = compileFilter(filter);
      for (const it of items) {
        expect([it.id, filterHolds(qdrant, pointIdOf(it.id), { ...it })]).toEqual([it.id, embedded(it)]);
      }
    }
  });
});
