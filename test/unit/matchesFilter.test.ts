import { describe, expect, it } from '@jest/globals';
import type { Filter } from '../../src/domain/filter.js';
import { compileFilter, matchesFilter, type FilterablePayload } from '../../src/domain/matchesFilter.js';

const toyStory: FilterablePayload = { id: '1', categories: ['Animation', 'Children', 'Comedy'], tags: ['pixar'], year: 1995 };
const heat: FilterablePayload = { id: '6', categories: ['Action', 'Crime', 'Thriller'], tags: [], year: 1995 };
const matrix: FilterablePayload = { id: '2571', categories: ['Action', 'Sci-Fi'], tags: ['cyberpunk', 'philosophy'], year: 1999 };
const unknown: FilterablePayload = { id: 'x', categories: [], tags: [], year: null };
const all = [toyStory, heat, matrix, unknown];

function passing(filter: Filter): string[] {
  const holds = compileFilter(filter);
  return all.filter((item) => holds(item)).map((item) => item.id);
}

describe('matchesFilter', () => {
  it('passes everything through an empty filter, or none at all', () => {
    expect(passing({})).toEqual(['1', '6', '2571', 'x']);
    expect(passing({ must: [], should: [], mustNot: [] })).toEqual(['1', '6', '2571', 'x']);
    expect(compileFilter(undefined)(unknown)).toBe(true);
    expect(matchesFilter(heat, null)).toBe(true);
  });

  it('matches a keyword value against any element of a list field', () => {
    expect(passing({ must: [{ key: 'category', match: { value: 'Action' } }] })).toEqual(['6', '2571']);
    expect(passing({ must: [{ key: 'tag', match: { value: 'pixar' } }] })).toEqual(['1']);
    expect(passing({ must: [{ key: 'id', match: { value: '2571' } }] })).toEqual(['2571']);
  });

  it('compares keywords exactly, case included, as Qdrant does', () => {
    expect(passing({ must: [{ key: 'category', match: { value: 'action' } }] })).toEqual([]);
  });

  it('matches year as an integer and never a string that looks like one', () => {
    expect(passing({ must: [{ key: 'year', match: { value: 1995 } }] })).toEqual(['1', '6']);
    expect(passing({ must: [{ key: 'year', match: { value: '1995' } }] })).toEqual([]);
  });

  it('matches any of several values', () => {
    expect(passing({ must: [{ key: 'category', match: { any: ['Comedy', 'Sci-Fi'] } }] })).toEqual(['1', '2571']);
    expect(passing({ must: [{ key: 'year', match: { any: [1999, 2001] } }] })).toEqual(['2571']);
    expect(passing({ must: [{ key: 'tag', match: { any: [] } }] })).toEqual([]);
  });

  it('holds except when at least one value is outside the list, and never for a field without values', () => {
    // Heat has only categories in the list; The Matrix keeps Sci-Fi; Toy Story keeps all three.
    expect(passing({ must: [{ key: 'category', match: { except: ['Action', 'Crime', 'Thriller'] } }] })).toEqual(['1', '2571']);
    expect(passing({ must: [{ key: 'category', match: { except: ['Action'] } }] })).toEqual(['1', '6', '2571']);
    expect(passing({ must: [{ key: 'year', match: { except: [1995] } }] })).toEqual(['2571']);
    expect(passing({ must: [{ key: 'tag', match: { except: [] } }] })).toEqual(['1', '2571']);
  });

  it('excludes every item having a value with mustNot and any', () => {
    expect(passing({ mustNot: [{ key: 'category', match: { any: ['Action'] } }] })).toEqual(['1', 'x']);
  });

  it('applies each range bound, inclusive and exclusive', () => {
    expect(passing({ must: [{ key: 'year', range: { gt: 1995 } }] })).toEqual(['2571']);
    expect(passing({ must: [{ key: 'year', range: { gte: 1995 } }] })).toEqual(['1', '6', '2571']);
    expect(passing({ must: [{ key: 'year', range: { lt: 1999 } }] })).toEqual(['1', '6']);
    expect(passing({ must: [{ key: 'year', range: { lte: 1999 } }] })).toEqual(['1', '6', '2571']);
    expect(passing({ must: [{ key: 'year', range: { gt: 1995, lte: 1999 } }] })).toEqual(['2571']);
    expect(passing({ must: [{ key: 'year', range: { gt: 1995, lt: 1999 } }] })).toEqual([]);
  });

  it('never puts a missing year or a keyword inside a range', () => {
    expect(passing({ must: [{ key: 'year', range: { gte: -1e9 } }] })).toEqual(['1', '6', '2571']);
    expect(passing({ must: [{ key: 'id', range: { gte: 0 } }] })).toEqual([]);
  });

  it('treats null and empty lists as empty', () => {
    expect(passing({ must: [{ key: 'year', isEmpty: true }] })).toEqual(['x']);
    expect(passing({ must: [{ key: 'tag', isEmpty: true }] })).toEqual(['6', 'x']);
    expect(passing({ must: [{ key: 'tag', isEmpty: false }] })).toEqual(['1', '2571']);
    expect(passing({ must: [{ key: 'id', isEmpty: true }] })).toEqual([]);
  });

  it('requires all of must, one of should and none of mustNot', () => {
    expect(passing({ must: [{ key: 'year', match: { value: 1995 } }, { key: 'category', match: { value: 'Crime' } }] })).toEqual(['6']);
    expect(passing({ should: [{ key: 'tag', match: { value: 'pixar' } }, { key: 'year', range: { gte: 1999 } }] })).toEqual(['1', '2571']);
    expect(passing({ mustNot: [{ key: 'year', match: { value: 1995 } }, { key: 'tag', isEmpty: true }] })).toEqual(['2571']);
    expect(
      passing({
        must: [{ key: 'year', isEmpty: false }],
        should: [{ key: 'category', match: { value: 'Action' } }],
        mustNot: [{ key: 'tag', match: { value: 'philosophy' } }],
      }),
    ).toEqual(['6']);
  });

  it('evaluates nested filters as conditions at any clause', () => {
    // (Action AND 1999) OR pixar
    expect(
      passing({
        should: [
          { filter: { must: [{ key: 'category', match: { value: 'Action' } }, { key: 'year', match: { value: 1999 } }] } },
          { key: 'tag', match: { value: 'pixar' } },
        ],
      }),
    ).toEqual(['1', '2571']);
    // NOT (Action AND 1995): Qdrant's own nesting example, applied to this catalog.
    expect(
      passing({
        mustNot: [{ filter: { must: [{ key: 'category', match: { value: 'Action' } }, { key: 'year', match: { value: 1995 } }] } }],
      }),
    ).toEqual(['1', '2571', 'x']);
    // Three levels: must ( should ( mustNot Comedy ) ).
    expect(passing({ must: [{ filter: { should: [{ filter: { mustNot: [{ key: 'category', match: { value: 'Comedy' } }] } }] } }] })).toEqual([
      '6',
      '2571',
      'x',
    ]);
  });

  it('reads explicit nulls, as GraphQL input sends them, as absent', () => {
    const fromGraphql = {
      must: [{ key: 'year', match: { value: 1999, any: null, except: null }, range: null, isEmpty: null, filter: null }],
      should: null,
      mustNot: null,
    } as unknown as Filter;
    expect(passing(fromGraphql)).toEqual(['2571']);
  });

  it('refuses a condition that names no test, rather than passing everything', () => {
    expect(passing({ must: [{ key: 'year' }] })).toEqual([]);
  });
});
