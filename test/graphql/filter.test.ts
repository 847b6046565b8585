import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../support/graphqlHarness.js';

const SEARCH = 'query ($filter: ItemFilter) { search(query: "toy", filter: $filter) { totalCount } }';

describe('filter arguments', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  async function mapped(filter: unknown) {
    const result = await harness.run(SEARCH, { filter });
    expect(result.errors).toBeUndefined();
    const call = harness.gateway.calls.at(-1);
    return call?.method === 'search' ? call.request.filter : undefined;
  }

  async function refused(filter: unknown) {
    const result = await harness.run(SEARCH, { filter });
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter' });
    return error.message;
  }

  it('maps fields to domain keys, YEAR values to integers and nested filters to { filter }', async () => {
    const filter = {
      must: [
        { field: 'CATEGORY', match: { any: ['Animation', 'Children'] } },
        { field: 'YEAR', range: { gte: 1990, lt: 2000 } },
      ],
      should: [
        { field: 'YEAR', match: { value: '1995' } },
        { nested: { must: [{ field: 'TAG', match: { value: 'pixar' } }, { field: 'YEAR', match: { except: ['1999', ' 2001 '] } }] } },
      ],
      mustNot: [{ field: 'ID', match: { value: '2' } }, { field: 'TAG', isEmpty: true }],
    };
    expect(await mapped(filter)).toEqual({
      must: [
        { key: 'category', match: { any: ['Animation', 'Children'] } },
        { key: 'year', range: { gte: 1990, lt: 2000 } },
      ],
      should: [
        { key: 'year', match: { value: 1995 } },
        { filter: { must: [{ key: 'tag', match: { value: 'pixar' } }, { key: 'year', match: { except: [1999, 2001] } }] } },
      ],
      mustNot: [{ key: 'id', match: { value: '2' } }, { key: 'tag', isEmpty: true }],
    });
  });

  it('maps an absent filter to null and an empty one to an empty filter', async () => {
    expect(await mapped(null)).toBeNull();
    expect(await mapped({})).toEqual({});
  });

  it('requires exactly one test per field condition', async () => {
    expect(await refused({ must: [{ field: 'YEAR', match: { value: '1995' }, range: { gt: 1 } }] })).toBe(
      '`filter.must[0]`: give exactly one of `match`, `range` or `isEmpty` with `field`, got `match` and `range`',
    );
    expect(await refused({ must: [{ field: 'TAG' }] })).toBe(
      '`filter.must[0]`: give exactly one of `match`, `range` or `isEmpty` with `field`, got none',
    );
    expect(await refused({ should: [{ match: { value: 'x' } }] })).toBe(
      '`filter.should[0]`: give `field` with one of `match`, `range` or `isEmpty`, or `nested` alone',
    );
    expect(await refused({ must: [{ field: 'TAG', match: { value: 'a', any: ['b'] } }] })).toBe(
      '`filter.must[0].match`: give exactly one of `value`, `any` or `except`, got value and any',
    );
  });

  it('keeps nested alone', async () => {
    expect(await refused({ must: [{ field: 'TAG', nested: { must: [] } }] })).toBe(
      '`filter.must[0]`: `nested` stands alone: move `field`, `match`, `range` and `isEmpty` into the nested filter',
    );
  });

  it('allows range on YEAR only, with a bound', async () => {
    expect(await refused({ must: [{ field: 'CATEGORY', range: { gt: 1 } }] })).toBe('`filter.must[0].range`: `range` applies only to YEAR, got CATEGORY');
    expect(await refused({ mustNot: [{ field: 'YEAR', range: {} }] })).toBe('`filter.mustNot[0].range`: give at least one of `gt`, `gte`, `lt` or `lte`');
  });

  it('wants YEAR match values as digits', async () => {
    expect(await refused({ must: [{ field: 'YEAR', match: { any: ['1995', 'ninety'] } }] })).toBe(
      '`filter.must[0].match.any[1]`: YEAR values are integers written as digits, got "ninety"',
    );
  });

  it('bounds any/except to 100 values, the tree to 64 conditions and 4 levels', async () => {
    const values = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect(await refused({ must: [{ field: 'CATEGORY', match: { any: values } }] })).toBe('`filter.must[0].match.any`: at most 100 values, got 101');
    expect(await mapped({ must: [{ field: 'CATEGORY', match: { except: values.slice(0, 100) } }] })).toEqual({
      must: [{ key: 'category', match: { except: values.slice(0, 100) } }],
    });

    const many = Array.from({ length: 65 }, () => ({ field: 'TAG', isEmpty: false }));
    expect(await refused({ must: many })).toBe('`filter.must[64]`: a filter has at most 64 conditions in all');
    expect(await mapped({ must: many.slice(0, 64) })).toEqual({ must: many.slice(0, 64).map(() => ({ key: 'tag', isEmpty: false })) });

    const nest = (depth: number): unknown => (depth === 1 ? { must: [{ field: 'TAG', isEmpty: true }] } : { must: [{ nested: nest(depth - 1) }] });
    expect(await refused(nest(5))).toBe('`filter.must[0].nested.must[0].nested.must[0].nested.must[0].nested`: filters nest at most 4 deep');
    expect(await mapped(nest(4))).toEqual({ must: [{ filter: { must: [{ filter: { must: [{ filter: { must: [{ key: 'tag', isEmpty: true }] } }] } }] } }] });
  });

  it('bounds the length of one value, as the domain does', async () => {
    expect(await refused({ must: [{ field: 'TAG', match: { value: 'x'.repeat(257) } }] })).toBe(
      'filter.must[0].match.value is 257 characters long; at most 256 are allowed',
    );
  });

  it('applies to recommendations and similarItems too', async () => {
    await harness.run('{ recommendations(userId: "7", filter: { must: [{ field: YEAR, match: { value: "1994" } }] }) { totalCount } }');
    expect(harness.gateway.calls.at(-1)).toMatchObject({ method: 'recommend', request: { filter: { must: [{ key: 'year', match: { value: 1994 } }] } } });
    const refusedSimilar = await harness.run('{ similarItems(itemId: "1", filter: { must: [{ field: TAG, range: { gt: 1 } }] }) { totalCount } }');
    expect(refusedSimilar.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter' });
  });
});
