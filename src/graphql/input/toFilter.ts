import { badInput } from '../../domain/errors.js';
import type { Condition, FieldCondition, Filter, FilterField, Match, Range } from '../../domain/filter.js';
import { DEFAULT_FILTER_LIMITS, validateFilter } from '../../domain/validateFilter.js';
import type { FilterCondition, ItemFilter, MatchInput, RangeInput } from '../generated/resolversTypes.js';
import { LIMITS } from './limits.js';
import { quote } from '../../domain/quote.js';

/**
 * An `ItemFilter` argument as the domain's Qdrant-style filter, checked against the SDL's
 * rules and bounds. Errors name the argument and the path of the offending condition, such as
 * `filter.must[2].match`, so a client can find it in a large filter.
 */
export function toFilter(input: ItemFilter | null | undefined, argument = 'filter'): Filter | null {
  if (input == null) return null;
  const filter = new FilterWalk(argument).filter(input, argument, 1);
  // The domain's own check as well: what the API cannot express (value lengths) is bounded there.
  validateFilter(filter, { ...DEFAULT_FILTER_LIMITS, maxListSize: LIMITS.matchValues });
  return filter;
}

class FilterWalk {
  private conditions = 0;

  constructor(private readonly argument: string) {}

  filter(input: ItemFilter, path: string, depth: number): Filter {
    if (depth > LIMITS.filterDepth) {
      this.fail(path, `filters nest at most ${LIMITS.filterDepth} deep`);
    }
    const filter: { must?: Condition[]; should?: Condition[]; mustNot?: Condition[] } = {};
    for (const clause of ['must', 'should', 'mustNot'] as const) {
      const conditions = input[clause];
      if (conditions != null) {
        filter[clause] = conditions.map((condition, index) => this.condition(condition, `${path}.${clause}[${index}]`, depth));
      }
    }
    return filter;
  }

  private condition(input: FilterCondition, path: string, depth: number): Condition {
    this.conditions += 1;
    if (this.conditions > LIMITS.filterConditions) {
      this.fail(path, `a filter has at most ${LIMITS.filterConditions} conditions in all`);
    }
    const tests = (['match', 'range', 'isEmpty'] as const).filter((key) => input[key] != null);
    if (input.nested != null) {
      if (input.field != null || tests.length > 0) {
        this.fail(path, '`nested` stands alone: move `field`, `match`, `range` and `isEmpty` into the nested filter');
      }
      return { filter: this.filter(input.nested, `${path}.nested`, depth + 1) };
    }
    if (input.field == null) {
      this.fail(path, 'give `field` with one of `match`, `range` or `isEmpty`, or `nested` alone');
    }
    if (tests.length !== 1) {
      const given = tests.length === 0 ? 'none' : tests.map((key) => `\`${key}\``).join(' and ');
      this.fail(path, `give exactly one of \`match\`, \`range\` or \`isEmpty\` with \`field\`, got ${given}`);
    }
    const key = input.field;
    if (input.match != null) return { key, match: this.match(input.match, key, `${path}.match`) };
    if (input.range != null) return { key, range: this.range(input.range, key, `${path}.range`) };
    return { key, isEmpty: input.isEmpty === true } satisfies FieldCondition;
  }

  private match(input: MatchInput, field: FilterField, path: string): Match {
    const given = (['value', 'any', 'except'] as const).filter((key) => input[key] != null);
    if (given.length !== 1) {
      this.fail(path, `give exactly one of \`value\`, \`any\` or \`except\`, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
    }
    if (input.value != null) return { value: this.matchValue(input.value, field, `${path}.value`) };
    const list = input.any != null ? 'any' : 'except';
    const values = input[list] ?? [];
    if (values.length > LIMITS.matchValues) {
      this.fail(`${path}.${list}`, `at most ${LIMITS.matchValues} values, got ${values.length}`);
    }
    const parsed = values.map((value, index) => this.matchValue(value, field, `${path}.${list}[${index}]`));
    return list === 'any' ? { any: parsed } : { except: parsed };
  }

  /** YEAR is an integer field: its match values come as digits and must compare as numbers. */
  private matchValue(value: string, field: FilterField, path: string): string | number {
    if (field !== 'year') return value;
    if (!/^-?[0-9]{1,9}$/.test(value.trim())) {
      this.fail(path, `YEAR values are integers written as digits, got ${quote(value)}`);
    }
    return Number(value.trim());
  }

  private range(input: RangeInput, field: FilterField, path: string): Range {
    if (field !== 'year') {
      this.fail(path, `\`range\` applies only to YEAR, got ${field.toUpperCase()}`);
    }
    const range: { gt?: number; gte?: number; lt?: number; lte?: number } = {};
    for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
      const value = input[bound];
      if (value != null) range[bound] = value;
    }
    if (Object.keys(range).length === 0) {
      this.fail(path, 'give at least one of `gt`, `gte`, `lt` or `lte`');
    }
    return range;
  }

  private fail(path: string, problem: string): never {
    throw badInput(`\`${path}\`: ${problem}`, this.argument);
  }
}
