/**
 * Filters follow Qdrant's semantics so that one filter gives the same answer in the embedded
 * index and in Qdrant: every `must` condition holds, at least one `should` holds (when any are
 * given), and no `mustNot` holds. A condition is either a field condition or a nested filter.
 */
export type FilterField = 'id' | 'category' | 'tag' | 'year';

export type Match =
  | { readonly value: string | number }
  | { readonly any: readonly (string | number)[] }
  | { readonly except: readonly (string | number)[] };

export interface Range {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
}

export interface FieldCondition {
  readonly key: FilterField;
  readonly match?: Match;
  readonly range?: Range;
  /** true: the field is missing, null or an empty list; false: it has a value. */
  readonly isEmpty?: boolean;
}

export interface Filter {
  readonly must?: readonly Condition[];
  readonly should?: readonly Condition[];
  readonly mustNot?: readonly Condition[];
}

export type Condition = FieldCondition | { readonly filter: Filter };

export function isNestedFilter(condition: Condition): condition is { readonly filter: Filter } {
  return 'filter' in condition;
}
