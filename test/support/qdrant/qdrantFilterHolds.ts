/**
 * Qdrant's filter semantics for the fake server, written from Qdrant's documentation rather
 * than from the gateway's compileFilter, so that the two can disagree when the translation
 * is wrong: a field holds a list of values (a scalar is a list of one, null or missing is
 * none); match and range hold when some value satisfies them (`except`: some value outside
 * the list); is_empty holds for none; has_id on the point id; must / should / must_not,
 * each a condition or a list. Anything else is refused, so a test never passes on a
 * condition the fake does not understand.
 */
type Payload = Record<string, unknown>;
type Json = Record<string, unknown>;

export class UnsupportedFilterError extends Error {}

export function filterHolds(filter: unknown, pointId: string, payload: Payload): boolean {
  if (filter == null) return true;
  const f = filter as Json;
  for (const key of Object.keys(f)) {
    if (!['must', 'should', 'must_not'].includes(key)) throw new UnsupportedFilterError(`the fake does not implement filter clause "${key}"`);
  }
  const list = (clause: unknown): unknown[] => (clause == null ? [] : Array.isArray(clause) ? clause : [clause]);
  const holds = (condition: unknown) => conditionHolds(condition as Json, pointId, payload);
  const must = list(f.must);
  const should = list(f.should);
  const mustNot = list(f.must_not);
  return must.every(holds) && (should.length === 0 || should.some(holds)) && !mustNot.some(holds);
}

function conditionHolds(condition: Json, pointId: string, payload: Payload): boolean {
  if ('has_id' in condition) return (condition.has_id as unknown[]).includes(pointId);
  if ('is_empty' in condition) return valuesAt(payload, (condition.is_empty as Json).key as string).length === 0;
  if ('key' in condition) {
    const values = valuesAt(payload, condition.key as string);
    const parts = Object.keys(condition).filter((key) => key !== 'key');
    if (parts.length !== 1) throw new UnsupportedFilterError(`the fake expects one of match or range per field condition, got ${parts.join(', ')}`);
    if ('match' in condition) return matchHolds(condition.match as Json, values);
    if ('range' in condition) return rangeHolds(condition.range as Json, values);
    throw new UnsupportedFilterError(`the fake does not implement field condition "${parts[0]}"`);
  }
  if ('must' in condition || 'should' in condition || 'must_not' in condition) return filterHolds(condition, pointId, payload);
  throw new UnsupportedFilterError(`the fake does not implement condition ${JSON.stringify(condition)}`);
}

function valuesAt(payload: Payload, key: string): unknown[] {
  const value = payload[key];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.filter((inner) => inner !== null) : [value];
}

function matchHolds(match: Json, values: unknown[]): boolean {
  if ('value' in match) return values.some((value) => value === match.value);
  if ('any' in match) return values.some((value) => (match.any as unknown[]).includes(value));
  if ('except' in match) return values.some((value) => !(match.except as unknown[]).includes(value));
  throw new UnsupportedFilterError(`the fake does not implement match ${JSON.stringify(match)}`);
}

function rangeHolds(range: Json, values: unknown[]): boolean {
  const bound = (name: string) => (typeof range[name] === 'number' ? (range[name] as number) : null);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return values.some(
    (value) =>
      typeof value === 'number' &&
      (gt === null || value > gt) &&
      (gte === null || value >= gte) &&
      (lt === null || value < lt) &&
      (lte === null || value <= lte),
  );
}
