import type { Condition, FieldCondition, Filter, FilterField } from '../../domain/filter.js';
import { isNestedFilter } from '../../domain/filter.js';
import { pointIdOf } from './pointId.js';

/** Qdrant's filter JSON, as much of it as the gateway's filters produce. */
export interface QdrantFilter {
  must?: QdrantCondition[];
  should?: QdrantCondition[];
  must_not?: QdrantCondition[];
}

export type QdrantCondition =
  | { key: string; match: { value: string | number } | { any: string[] | number[] } | { except: string[] | number[] } }
  | { key: string; range: { gt?: number; gte?: number; lt?: number; lte?: number } }
  | { is_empty: { key: string } }
  | { has_id: string[] }
  | QdrantFilter;

/** Payload keys of the filter fields: the payload keeps Item's own field names. */
export const PAYLOAD_KEYS: Readonly<Record<FilterField, string>> = {
  id: 'id',
  category: 'categories',
  tag: 'tags',
  year: 'year',
};

/**
 * Translates a gateway filter (already validated) into Qdrant's filter JSON. The semantics
 * are the same by design, so this is mostly naming: mustNot becomes must_not, isEmpty
 * is_empty, field names become payload keys. Two gaps are bridged: `isEmpty: false` is
 * must_not is_empty, and a condition with several parts (match and range) becomes a nested
 * filter whose parts must all hold, as compileFilter decides it. Excluded ids become a
 * must_not has_id on their point ids. Returns undefined when nothing constrains.
 */
export function toQdrantFilter(filter: Filter | null | undefined, excludeIds?: ReadonlySet<string>): QdrantFilter | undefined {
  const translated = filter ? translateFilter(filter) : {};
  if (excludeIds && excludeIds.size > 0) {
    translated.must_not = [...(translated.must_not ?? []), { has_id: [...excludeIds].map(pointIdOf) }];
  }
  return Object.keys(translated).length === 0 ? undefined : translated;
}

function translateFilter(filter: Filter): QdrantFilter {
  const out: QdrantFilter = {};
  if (filter.must && filter.must.length > 0) out.must = filter.must.map(translateCondition);
  // An empty `should` is no constraint in both; Qdrant's empty list means the same, but it is left out.
  if (filter.should && filter.should.length > 0) out.should = filter.should.map(translateCondition);
  if (filter.mustNot && filter.mustNot.length > 0) out.must_not = filter.mustNot.map(translateCondition);
  return out;
}

function translateCondition(condition: Condition): QdrantCondition {
  if (isNestedFilter(condition) && condition.filter != null) return translateFilter(condition.filter);
  const field = condition as FieldCondition;
  const key = PAYLOAD_KEYS[field.key];
  const parts: QdrantCondition[] = [];
  if (field.match != null) parts.push({ key, match: translateMatch(field.match) });
  if (field.range != null) parts.push({ key, range: definedBounds(field.range) });
  if (field.isEmpty === true) parts.push({ is_empty: { key } });
  if (field.isEmpty === false) parts.push({ must_not: [{ is_empty: { key } }] });
  // A condition with no part matches nothing (compileFilter's reading): a must_not of everything.
  if (parts.length === 0) return { must_not: [{ must: [] }] };
  return parts.length === 1 ? parts[0]! : { must: parts };
}

function translateMatch(match: NonNullable<FieldCondition['match']>) {
  if ('value' in match && match.value != null) return { value: match.value };
  if ('any' in match && match.any != null) return { any: [...match.any] as string[] | number[] };
  if ('except' in match && match.except != null) return { except: [...match.except] as string[] | number[] };
  throw new TypeError('a match needs value, any or except');
}

function definedBounds(range: NonNullable<FieldCondition['range']>) {
  const bounds: { gt?: number; gte?: number; lt?: number; lte?: number } = {};
  for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
    const value = range[bound];
    if (value != null) bounds[bound] = value;
  }
  return bounds;
}
