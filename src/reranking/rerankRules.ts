import type { Filter } from '../domain/filter.js';

/** The result lists a rule applies to. */
export type RankingSurface = 'search' | 'recommend' | 'similar';

export const RANKING_SURFACES: readonly RankingSurface[] = ['search', 'recommend', 'similar'];

interface RuleBase {
  /** Shown in the explanation of every item the rule moved. */
  readonly name: string;
  readonly surfaces: readonly RankingSurface[];
}

/** Adds `by` to the logit of matching items (boost) or subtracts it (bury). */
export interface ShiftRule extends RuleBase {
  readonly kind: 'boost' | 'bury';
  readonly filter: Filter;
  readonly by: number;
}

/** Removes matching items from the list. */
export interface ExcludeRule extends RuleBase {
  readonly kind: 'exclude';
  readonly filter: Filter;
}

/** Puts one item at a 1-based position when it is among the candidates. */
export interface PinRule extends RuleBase {
  readonly kind: 'pin';
  readonly itemId: string;
  readonly position: number;
}

export type RerankRule = ShiftRule | ExcludeRule | PinRule;

/** Business rules and category caps, from the file that RERANK_RULES names. */
export interface RerankRules {
  readonly rules: readonly RerankRule[];
  /**
   * At most this many results of one category before every other result: `default` for any
   * category, or a number per category; none: no cap.
   */
  readonly categoryCaps: { readonly default: number | null; readonly perCategory: Readonly<Record<string, number>> };
}

export const NO_RERANK_RULES: RerankRules = { rules: [], categoryCaps: { default: null, perCategory: {} } };

/** The rules that apply to one surface, caps included. */
export function rulesFor(rules: RerankRules, surface: RankingSurface): RerankRules {
  return { ...rules, rules: rules.rules.filter((rule) => rule.surfaces.includes(surface)) };
}
