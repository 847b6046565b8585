import { GatewayError } from '../domain/errors.js';
import { validateFilter } from '../domain/validateFilter.js';
import { RANKING_SURFACES, type RankingSurface, type RerankRule, type RerankRules } from './rerankRules.js';

/** A logit shift of 50 already moves a score from 1e-22 to 0.5; more can only overflow. */
export const MAX_SHIFT = 50;

export class RerankRulesError extends Error {
  override name = 'RerankRulesError';
}

function fail(where: string, expected: string, got: unknown): never {
  throw new RerankRulesError(`${where} must be ${expected}, got ${JSON.stringify(got)}`);
}

function positiveInteger(value: unknown, where: string): number {
  return Number.isInteger(value) && (value as number) >= 1 ? (value as number) : fail(where, 'a positive integer', value);
}

function filterAt(value: unknown, where: string) {
  try {
    validateFilter(value);
    return value;
  } catch (error) {
    // validateFilter speaks of the API's `filter` argument; here it is a place in the file.
    throw new RerankRulesError(`${where}: ${error instanceof GatewayError ? error.message : String(error)}`);
  }
}

function parseRule(value: unknown, where: string): RerankRule {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(where, 'an object', value);
  const rule = value as Record<string, unknown>;
  const name = typeof rule.name === 'string' && rule.name.trim() !== '' ? rule.name : fail(`${where}.name`, 'a non-empty string', rule.name);
  const surfaces = rule.surfaces === undefined ? RANKING_SURFACES : rule.surfaces;
  if (!Array.isArray(surfaces) || surfaces.length === 0 || !surfaces.every((s) => RANKING_SURFACES.includes(s as RankingSurface))) {
    fail(`${where}.surfaces`, `a non-empty list of ${RANKING_SURFACES.join(', ')}`, surfaces);
  }
  const base = { name, surfaces: surfaces as RankingSurface[] };
  switch (rule.kind) {
    case 'boost':
    case 'bury': {
      const by =
        typeof rule.by === 'number' && Number.isFinite(rule.by) && rule.by > 0 && rule.by <= MAX_SHIFT
          ? rule.by
          : fail(`${where}.by`, `a positive number of at most ${MAX_SHIFT} (added to or taken from the logit)`, rule.by);
      return { ...base, kind: rule.kind, filter: filterAt(rule.filter, `${where}.filter`), by };
    }
    case 'exclude':
      return { ...base, kind: 'exclude', filter: filterAt(rule.filter, `${where}.filter`) };
    case 'pin': {
      const itemId = typeof rule.itemId === 'string' && rule.itemId !== '' ? rule.itemId : fail(`${where}.itemId`, 'a non-empty string', rule.itemId);
      return { ...base, kind: 'pin', itemId, position: positiveInteger(rule.position, `${where}.position`) };
    }
    default:
      return fail(`${where}.kind`, 'boost, bury, exclude or pin', rule.kind);
  }
}

/**
 * Validates a rules file: `{ "rules": [...], "categoryCaps": { "default": 3, "Horror": 1 } }`.
 * Every problem names its place in the file (`rules[2].filter.must[0].key`).
 */
export function parseRerankRules(json: unknown): RerankRules {
  if (!json || typeof json !== 'object' || Array.isArray(json)) fail('the rules file', 'a JSON object', json);
  const file = json as Record<string, unknown>;
  const unknown = Object.keys(file).filter((key) => key !== 'rules' && key !== 'categoryCaps');
  if (unknown.length > 0) throw new RerankRulesError(`unknown keys ${unknown.join(', ')}: a rules file holds rules and categoryCaps`);
  const rawRules = file.rules ?? [];
  if (!Array.isArray(rawRules)) fail('rules', 'a list', rawRules);
  const rules = rawRules.map((rule, i) => parseRule(rule, `rules[${i}]`));
  const names = new Set<string>();
  for (const rule of rules) {
    if (names.has(rule.name)) throw new RerankRulesError(`two rules are named ${JSON.stringify(rule.name)}: names say in explanations which rule moved an item`);
    names.add(rule.name);
  }
  const rawCaps = file.categoryCaps ?? {};
  if (!rawCaps || typeof rawCaps !== 'object' || Array.isArray(rawCaps)) fail('categoryCaps', 'an object of category → positive integer', rawCaps);
  let defaultCap: number | null = null;
  const perCategory: Record<string, number> = {};
  for (const [category, cap] of Object.entries(rawCaps)) {
    const value = positiveInteger(cap, `categoryCaps.${category}`);
    if (category === 'default') defaultCap = value;
    else perCategory[category] = value;
  }
  return { rules, categoryCaps: { default: defaultCap, perCategory } };
}
