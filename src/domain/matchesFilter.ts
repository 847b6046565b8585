import type { Condition, FieldCondition, Filter, FilterField, Match, Range } from './filter.js';
import { isNestedFilter } from './filter.js';
import type { Item } from './item.js';

/** The part of an item that filters read: what an index must keep at hand to filter. */
export type FilterablePayload = Pick<Item, 'id' | 'categories' | 'tags' | 'year'>;

/** A compiled filter: decides one item in a few set look-ups, without re-reading the filter. */
export type FilterPredicate = (payload: FilterablePayload) => boolean;

type Value = string | number;

/**
 * Qdrant's filter semantics, exactly, so that the embedded index and Qdrant agree:
 *
 * - `must`: every condition holds; `should`: at least one holds, when the list is not empty
 *   (an empty `should` is no constraint); `mustNot`: no condition holds.
 * - A field holds a list of values: `id` and `year` one (year none when null), `category` and
 *   `tag` as many as the item has. A match or range holds when at least one value satisfies it.
 * - `except` therefore holds when at least one value is outside the list (Qdrant: "should have
 *   at least one value not matching any of the given values"): categories [Drama, Comedy]
 *   pass `except: [Drama]`. To exclude every item having a category, use `mustNot` with
 *   `match.any`. A field without values (null, empty list) satisfies no match and no range,
 *   `except` included.
 * - Values compare with their type: keyword fields hold strings, `year` integers; a value of
 *   the other type never equals (and so always passes `except`, as in Qdrant).
 * - `isEmpty: true` holds for a null or an empty list; `isEmpty: false` for one with a value.
 *
 * Filters that validateFilter refuses (no or several of match/range/isEmpty in one
 * condition) are still decided, conservatively: every given part must hold.
 */
export function compileFilter(filter: Filter | null | undefined): FilterPredicate {
  if (!filter) return () => true;
  const must = (filter.must ?? []).map(compileCondition);
  const should = (filter.should ?? []).map(compileCondition);
  const mustNot = (filter.mustNot ?? []).map(compileCondition);
  if (must.length === 0 && should.length === 0 && mustNot.length === 0) return () => true;
  return (payload) =>
    must.every((holds) => holds(payload)) &&
    (should.length === 0 || should.some((holds) => holds(payload))) &&
    !mustNot.some((holds) => holds(payload));
}

/** Whether an item passes a filter; compile once with `compileFilter` when testing many items. */
export function matchesFilter(item: FilterablePayload, filter: Filter | null | undefined): boolean {
  return compileFilter(filter)(item);
}

function compileCondition(condition: Condition): FilterPredicate {
  // `filter: null` beside a field condition is an absent filter (GraphQL sends explicit nulls).
  if (isNestedFilter(condition) && condition.filter != null) return compileFilter(condition.filter);
  return compileFieldCondition(condition as FieldCondition);
}

function compileFieldCondition(condition: FieldCondition): FilterPredicate {
  const read = fieldReader(condition.key);
  const parts: ((values: readonly Value[]) => boolean)[] = [];
  if (condition.match != null) parts.push(compileMatch(condition.match));
  if (condition.range != null) parts.push(compileRange(condition.range));
  if (condition.isEmpty != null) {
    const wanted = condition.isEmpty;
    parts.push((values) => (values.length === 0) === wanted);
  }
  if (parts.length === 0) return () => false;
  return (payload) => {
    const values = read(payload);
    return parts.every((part) => part(values));
  };
}

const NO_VALUES: readonly Value[] = [];

function fieldReader(key: FilterField): (payload: FilterablePayload) => readonly Value[] {
  switch (key) {
    case 'id':
      return (payload) => [payload.id];
    case 'category':
      return (payload) => payload.categories;
    case 'tag':
      return (payload) => payload.tags;
    case 'year':
      return (payload) => (payload.year == null ? NO_VALUES : [payload.year]);
    default:
      // A key outside the schema names a field no item has: nothing matches, all is empty.
      return () => NO_VALUES;
  }
}

function compileMatch(match: Match): (values: readonly Value[]) => boolean {
  if ('value' in match && match.value != null) {
    const wanted = match.value;
    return (values) => values.some((value) => value === wanted);
  }
  if ('any' in match && match.any != null) {
    const set = new Set<Value>(match.any);
    return (values) => values.some((value) => set.has(value));
  }
  if ('except' in match && match.except != null) {
    const set = new Set<Value>(match.except);
    return (values) => values.some((value) => !set.has(value));
  }
  return () => false;
}

function compileRange(range: Range): (values: readonly Value[]) => boolean {
  const { gt, gte, lt, lte } = range;
  return (values) =>
    values.some(
      (value) =>
        typeof value === 'number' &&
        (gt == null || value > gt) &&
        (gte == null || value >= gte) &&
        (lt == null || value < lt) &&
        (lte == null || value <= lte),
    );
}
