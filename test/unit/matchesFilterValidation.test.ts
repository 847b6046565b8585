import { describe, expect, it } from '@jest/globals';
import { GatewayError } from '../../src/domain/errors.js';
import { DEFAULT_FILTER_LIMITS, validateFilter } from '../../src/domain/validateFilter.js';

function errorOf(filter: unknown, limits = DEFAULT_FILTER_LIMITS): GatewayError {
  try {
    validateFilter(filter, limits);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected validateFilter to throw');
}

function nested(levels: number): unknown {
  let filter: unknown = { must: [{ key: 'year', match: { value: 1995 } }] };
  for (let level = 1; level < levels; level += 1) filter = { must: [{ filter }] };
  return filter;
}

describe('validateFilter', () => {
  it('accepts well-formed filters of every kind', () => {
    expect(() =>
      validateFilter({
        must: [{ key: 'category', match: { any: ['Comedy', 'Drama'] } }, { key: 'year', range: { gte: 1990, lt: 2000 } }],
        should: [{ key: 'tag', match: { value: 'pixar' } }, { filter: { mustNot: [{ key: 'id', match: { except: ['1'] } }] } }],
        mustNot: [{ key: 'year', isEmpty: true }],
      }),
    ).not.toThrow();
    expect(() => validateFilter({})).not.toThrow();
    expect(() => validateFilter(nested(4))).not.toThrow();
  });

  it('gives BAD_USER_INPUT naming the argument', () => {
    const error = errorOf({ must: [{ key: 'genre', match: { value: 'Comedy' } }] });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ argument: 'filter' });
    expect(error.message).toBe('filter.must[0].key must be one of id, category, tag, year, got "genre"');
  });

  it('bounds the nesting depth', () => {
    expect(errorOf(nested(5)).message).toBe(
      'filter.must[0].filter.must[0].filter.must[0].filter.must[0].filter: filters may be nested at most 4 levels deep, this one is 5',
    );
  });

  it('bounds the number of conditions over the whole tree', () => {
    const condition = { key: 'tag', match: { value: 'a' } };
    const sixtyFour = { must: Array.from({ length: 63 }, () => condition), should: [{ filter: {} }] };
    expect(() => validateFilter(sixtyFour)).not.toThrow();
    const sixtyFive = { must: Array.from({ length: 63 }, () => condition), should: [{ filter: { must: [condition] } }] };
    expect(errorOf(sixtyFive).message).toBe('filter has more than 64 conditions (counting nested ones); simplify it');
  });

  it('bounds list sizes and value lengths', () => {
    const any = Array.from({ length: 257 }, (_, index) => `c${index}`);
    expect(errorOf({ must: [{ key: 'category', match: { any } }] }).message).toBe(
      'filter.must[0].match.any has 257 values; at most 256 are allowed',
    );
    expect(errorOf({ should: [{ key: 'tag', match: { value: 'x'.repeat(300) } }] }).message).toBe(
      'filter.should[0].match.value is 300 characters long; at most 256 are allowed',
    );
    const tight = { ...DEFAULT_FILTER_LIMITS, maxListSize: 2 };
    expect(errorOf({ mustNot: [{ key: 'year', match: { except: [1, 2, 3] } }] }, tight).message).toBe(
      'filter.mustNot[0].match.except has 3 values; at most 2 are allowed',
    );
  });

  it('checks value types against the field', () => {
    expect(errorOf({ must: [{ key: 'year', match: { value: '1995' } }] }).message).toBe(
      'filter.must[0].match.value: year takes integers, got "1995"',
    );
    expect(errorOf({ must: [{ key: 'year', match: { any: [1995, 1995.5] } }] }).message).toBe(
      'filter.must[0].match.any[1]: year takes integers, got 1995.5',
    );
    expect(errorOf({ must: [{ key: 'category', match: { except: ['Comedy', 3] } }] }).message).toBe(
      'filter.must[0].match.except[1]: category takes strings, got 3',
    );
  });

  it('wants exactly one test per condition and per match', () => {
    expect(errorOf({ must: [{ key: 'year' }] }).message).toBe('filter.must[0] needs exactly one of match, range or isEmpty, got none');
    expect(errorOf({ must: [{ key: 'year', isEmpty: true, range: { gt: 1 } }] }).message).toBe(
      'filter.must[0] needs exactly one of match, range or isEmpty, got range and isEmpty',
    );
    expect(errorOf({ must: [{ key: 'tag', match: { value: 'a', any: ['b'] } }] }).message).toBe(
      'filter.must[0].match needs exactly one of value, any or except, got value and any',
    );
    expect(errorOf({ must: [{ key: 'tag', isEmpty: 'yes' }] }).message).toBe('filter.must[0].isEmpty must be true or false, got "yes"');
  });

  it('allows ranges on year only, with finite bounds', () => {
    expect(errorOf({ must: [{ key: 'tag', range: { gt: 1 } }] }).message).toBe('filter.must[0].range: range applies to year only, not to tag');
    expect(errorOf({ must: [{ key: 'year', range: {} }] }).message).toBe('filter.must[0].range needs at least one of gt, gte, lt or lte');
    expect(errorOf({ must: [{ key: 'year', range: { gt: Number.NaN } }] }).message).toBe('filter.must[0].range.gt must be a finite number, got NaN');
    expect(errorOf({ must: [{ key: 'year', range: { from: 1 } }] }).message).toBe(
      'filter.must[0].range.from is not a range bound; use gt, gte, lt or lte',
    );
  });

  it('refuses malformed shapes with the path', () => {
    expect(errorOf('year > 1990').message).toBe('filter must be an object with must, should or mustNot, got "year > 1990"');
    expect(errorOf({ must_not: [] }).message).toBe('filter.must_not is not a filter clause; use must, should or mustNot');
    expect(errorOf({ should: { key: 'year', isEmpty: true } }).message).toBe('filter.should must be a list of conditions, got an object');
    expect(errorOf({ must: [{ filter: {}, key: 'year' }] }).message).toBe(
      'filter.must[0] has a nested filter and key; a condition is one or the other',
    );
  });

  it('reads explicit nulls as absent members', () => {
    expect(() =>
      validateFilter({
        must: [{ key: 'year', match: { value: 1999, any: null, except: null }, range: null, isEmpty: null, filter: null }],
        should: null,
        mustNot: null,
      }),
    ).not.toThrow();
  });
});
