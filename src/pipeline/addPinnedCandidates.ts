import type { Candidate } from '../domain/candidate.js';
import type { Filter } from '../domain/filter.js';
import { matchesFilter } from '../domain/matchesFilter.js';
import type { Loaders } from '../features/loaders.js';
import type { PinRule, RerankRules } from '../reranking/rerankRules.js';

/** What a request lets into its list: its filter, and the ids it leaves out (seen items, the seed). */
export interface Eligibility {
  readonly filter: Filter | null;
  readonly excludeIds: ReadonlySet<string> | null;
  /**
   * False when the ids to leave out are incomplete: the user's seen items could not be read
   * (feature store down). A pin then adds no candidate, since it could repeat a seen item.
   */
  readonly exclusionsKnown: boolean;
}

/** The request warning for a pin that could not be placed; the explanation cannot say it (the item is not shown). */
export function droppedPinWarning(rule: PinRule, why: string): string {
  return `pin rule ${JSON.stringify(rule.name)} (item ${JSON.stringify(rule.itemId)}) dropped: ${why}`;
}

/**
 * Appends the items that pin rules name and retrieval did not find, so that a pin holds
 * whatever the query; an item the request's filter or exclusions keep out stays out, as the
 * request asked. A pin whose item the catalog does not have, or whose exclusions are unknown,
 * adds nothing and says so in `warnings`. Such a candidate has only the `pinned` hit.
 */
export async function addPinnedCandidates(
  candidates: readonly Candidate[],
  rules: RerankRules,
  eligibility: Eligibility,
  loaders: Loaders,
  warnings: string[],
): Promise<Candidate[]> {
  const present = new Set(candidates.map((candidate) => candidate.itemId));
  const wanted = new Map<string, PinRule>();
  for (const rule of rules.rules) {
    if (rule.kind === 'pin' && !present.has(rule.itemId) && !eligibility.excludeIds?.has(rule.itemId) && !wanted.has(rule.itemId)) wanted.set(rule.itemId, rule);
  }
  if (wanted.size === 0) return [...candidates];
  if (!eligibility.exclusionsKnown) {
    for (const rule of wanted.values()) warnings.push(droppedPinWarning(rule, "the user's seen items are unknown, and the pinned item could be one of them"));
    return [...candidates];
  }
  const ids = [...wanted.keys()];
  const items = await loaders.items.loadMany(ids);
  const added: Candidate[] = [];
  items.forEach((item, i) => {
    const rule = wanted.get(ids[i]!)!;
    if (item instanceof Error) {
      warnings.push(droppedPinWarning(rule, 'the catalog could not be read'));
      return;
    }
    if (!item) {
      warnings.push(droppedPinWarning(rule, 'the catalog has no such item'));
      return;
    }
    if (!matchesFilter(item, eligibility.filter)) return;
    added.push({ itemId: ids[i]!, fusedScore: 0, hits: [{ source: 'pinned', score: 1, rank: added.length + 1 }] });
  });
  return [...candidates, ...added];
}
