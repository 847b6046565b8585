import { badInput } from './errors.js';
import type { Filter, FilterField } from './filter.js';

/** Bounds on the size of a filter, so that one request cannot make retrieval arbitrarily slow. */
export interface FilterLimits {
  /** Field conditions and nested filters, counted over the whole tree. */
  readonly maxConditions: number;
  /** Levels of filters: a filter without nested filters is 1 level deep. */
  readonly maxDepth: number;
  /** Values in one `match.any` or `match.except`. */
  readonly maxListSize: number;
  /** Characters in one keyword value. */
  readonly maxValueLength: number;
}

export const DEFAULT_FILTER_LIMITS: FilterLimits = Object.freeze({
  maxConditions: 64,
  maxDepth: 4,
  maxListSize: 256,
  maxValueLength: 256,
});

const KEYWORD_FIELDS: readonly FilterField[] = ['id', 'category', 'tag'];
const FIELDS: readonly FilterField[] = [...KEYWORD_FIELDS, 'year'];
const CLAUSES = ['must', 'should', 'mustNot'] as const;
const RANGE_BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;

/**
 * Checks a filter from a caller before it reaches an index: known fields, values of the
 * field's type (strings for id/category/tag, integers for year), exactly one of match, range
 * or isEmpty per condition, ranges on year only, and the size limits. Throws BAD_USER_INPUT
 * naming the offending path (`filter.must[1].match.any`) and what was expected.
 */
export function validateFilter(filter: unknown, limits: FilterLimits = DEFAULT_FILTER_LIMITS): asserts filter is Filter {
  const budget = { conditions: 0 };
  checkFilter(filter, 'filter', 1, limits, budget);
}

interface Budget {
  conditions: number;
}

function fail(message: string): never {
  throw badInput(message, 'filter');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function checkFilter(filter: unknown, path: string, depth: number, limits: FilterLimits, budget: Budget): void {
  if (depth > limits.maxDepth) {
    fail(`${path}: filters may be nested at most ${limits.maxDepth} levels deep, this one is ${depth}`);
  }
  if (!isObject(filter)) fail(`${path} must be an object with must, should or mustNot, got ${describe(filter)}`);
  for (const key of Object.keys(filter)) {
    if (filter[key] != null && !(CLAUSES as readonly string[]).includes(key)) fail(`${path}.${key} is not a filter clause; use must, should or mustNot`);
  }
  for (const clause of CLAUSES) {
    const conditions = filter[clause];
    if (conditions == null) continue;
    if (!Array.isArray(conditions)) fail(`${path}.${clause} must be a list of conditions, got ${describe(conditions)}`);
    // Counted before descending, so that a huge list is refused without walking it.
    budget.conditions += conditions.length;
    if (budget.conditions > limits.maxConditions) {
      fail(`filter has more than ${limits.maxConditions} conditions (counting nested ones); simplify it`);
    }
    conditions.forEach((condition: unknown, index) => {
      checkCondition(condition, `${path}.${clause}[${index}]`, depth, limits, budget);
    });
  }
}

function checkCondition(condition: unknown, path: string, depth: number, limits: FilterLimits, budget: Budget): void {
  if (!isObject(condition)) fail(`${path} must be a field condition or { filter }, got ${describe(condition)}`);
  // Null members are absent ones: GraphQL input objects send explicit nulls.
  if (condition.filter != null) {
    const extra = Object.keys(condition).filter((key) => key !== 'filter' && condition[key] != null);
    if (extra.length > 0) fail(`${path} has a nested filter and ${extra.join(', ')}; a condition is one or the other`);
    checkFilter(condition.filter, `${path}.filter`, depth + 1, limits, budget);
    return;
  }
  const key = condition.key;
  if (typeof key !== 'string' || !(FIELDS as readonly string[]).includes(key)) {
    fail(`${path}.key must be one of ${FIELDS.join(', ')}, got ${describe(key)}`);
  }
  const field = key as FilterField;
  const given = (['match', 'range', 'isEmpty'] as const).filter((part) => condition[part] != null);
  if (given.length !== 1) {
    fail(`${path} needs exactly one of match, range or isEmpty, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
  }
  switch (given[0]) {
    case 'match':
      checkMatch(condition.match, `${path}.match`, field, limits);
      break;
    case 'range':
      checkRange(condition.range, `${path}.range`, field);
      break;
    case 'isEmpty':
      if (typeof condition.isEmpty !== 'boolean') fail(`${path}.isEmpty must be true or false, got ${describe(condition.isEmpty)}`);
      break;
  }
}

function checkMatch(match: unknown, path: string, field: FilterField, limits: FilterLimits): void {
  if (!isObject(match)) fail(`${path} must be an object with value, any or except, got ${describe(match)}`);
  const given = (['value', 'any', 'except'] as const).filter((part) => match[part] != null);
  if (given.length !== 1) {
    fail(`${path} needs exactly one of value, any or except, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
  }
  const part = given[0]!;
  if (part === 'value') {
    checkValue(match.value, `${path}.value`, field, limits);
    return;
  }
  const list = match[part];
  if (!Array.isArray(list)) fail(`${path}.${part} must be a list of values, got ${describe(list)}`);
  if (list.length > limits.maxListSize) {
    fail(`${path}.${part} has ${list.length} values; at most ${limits.maxListSize} are allowed`);
  }
  list.forEach((value: unknown, index) => checkValue(value, `${path}.${part}[${index}]`, field, limits));
}

function checkValue(value: unknown, path: string, field: FilterField, limits: FilterLimits): void {
  if (field === 'year') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(`${path}: year takes integers, got ${describe(value)}`);
    return;
  }
  if (typeof value !== 'string') fail(`${path}: ${field} takes strings, got ${describe(value)}`);
  if (value.length > limits.maxValueLength) {
    fail(`${path} is ${value.length} characters long; at most ${limits.maxValueLength} are allowed`);
  }
}

function checkRange(range: unknown, path: string, field: FilterField): void {
  if (field !== 'year') fail(`${path}: range applies to year only, not to ${field}`);
  if (!isObject(range)) fail(`${path} must be an object with gt, gte, lt or lte, got ${describe(range)}`);
  let bounds = 0;
  for (const key of Object.keys(range)) {
    if (range[key] != null && !(RANGE_BOUNDS as readonly string[]).includes(key)) fail(`${path}.${key} is not a range bound; use gt, gte, lt or lte`);
  }
  for (const bound of RANGE_BOUNDS) {
    const value = range[bound];
    if (value == null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${path}.${bound} must be a finite number, got ${describe(value)}`);
    bounds += 1;
  }
  if (bounds === 0) fail(`${path} needs at least one of gt, gte, lt or lte`);
}
