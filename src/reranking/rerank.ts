import type { RankedItem, ScoredCandidate } from '../domain/scoredItem.js';
import { capCategories, excludeByRules, pinItems, presentPins, shiftByRules, type PayloadOf } from './applyRerankRules.js';
import { diversify, type DiversityKey } from './diversify.js';
import type { ExcludeRule, PinRule, RerankRules, ShiftRule } from './rerankRules.js';

export interface RerankSettings {
  /** The rules of this surface (rulesFor). */
  readonly rules: RerankRules;
  /** MMR trade-off: 0 keeps the order. */
  readonly lambda: number;
  /** Places MMR chooses: the end of the page asked for. */
  readonly limit: number;
}

/**
 * Re-ranking after the ranker, in a fixed order: exclude rules, boost and bury rules, MMR
 * diversity, category caps, pins. Each later step sees what the earlier ones left, so a pin
 * holds whatever diversity does, and every step that moved an item notes it. Pinned items
 * count against the caps first, so the caps fill the other places around them. Pure.
 */
export function rerank(
  ranked: readonly ScoredCandidate[],
  payloadOf: PayloadOf,
  keyOf: (itemId: string) => DiversityKey,
  settings: RerankSettings,
): RankedItem[] {
  const { rules } = settings.rules;
  const start: RankedItem[] = ranked.map((item) => ({ ...item, finalScore: item.score, rerank: [] }));
  const kept = excludeByRules(start, rules.filter((rule): rule is ExcludeRule => rule.kind === 'exclude'), payloadOf);
  const shifted = shiftByRules(kept, rules.filter((rule): rule is ShiftRule => rule.kind === 'boost' || rule.kind === 'bury'), payloadOf);
  // MMR chooses only the places shown, and greedy choice keeps the first k places the same
  // whatever the limit; a cap can fill a shown place from beyond the limit, so with caps MMR
  // orders the whole list, or page 2 could disagree with page 1.
  const caps = settings.rules.categoryCaps;
  const hasCaps = caps.default !== null || Object.keys(caps.perCategory).length > 0;
  const diverse = diversify(shifted, shifted.map((item) => keyOf(item.itemId)), settings.lambda, hasCaps ? shifted.length : settings.limit);
  const pins = presentPins(diverse, rules.filter((rule): rule is PinRule => rule.kind === 'pin'));
  const capped = capCategories(diverse, settings.rules.categoryCaps, payloadOf, new Set(pins.map((pin) => pin.itemId)));
  return pinItems(capped, pins);
}
