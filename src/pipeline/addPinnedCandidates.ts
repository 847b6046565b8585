import type { Candidate } from '../domain/candidate.js';
import type { Filter } from '../domain/filter.js';
import { matchesFilter } from '../domain/matchesFilter.js';
import type { Loaders } from '../features/loaders.js';
import type { RerankRules } from '../reranking/rerankRules.js';

/** What a request lets into its list: its filter, and the ids it leaves out (seen items, the seed). */
export interface Eligibility {
  readonly filter: Filter | null;
  readonly excludeIds: ReadonlySet<string> | null;
}

/**
 * Appends the items that pin rules name and retrieval did not find, so that a pin holds
 * whatever the query; an item the request's filter or exclusions keep out, or that the catalog
 * no longer has, stays out. Such a candidate has only the `pinned` hit.
 */
export async function addPinnedCandidates(
  candidates: readonly Candidate[],
  rules: RerankRules,
  eligibility: Eligibility,
  loaders: Loaders,
): Promise<Candidate[]> {
  const present = new Set(candidates.map((candidate) => candidate.itemId));
  const ids = [
    ...new Set(rules.rules.flatMap((rule) => (rule.kind === 'pin' && !present.has(rule.itemId) && !eligibility.excludeIds?.has(rule.itemId) ? [rule.itemId] : []))),
  ];
  if (ids.length === 0) return [...candidates];
  const items = await loaders.items.loadMany(ids);
  const added: Candidate[] = [];
  items.forEach((item, i) => {
    if (!item || item instanceof Error || !matchesFilter(item, eligibility.filter)) return;
    added.push({ itemId: ids[i]!, fusedScore: 0, hits: [{ source: 'pinned', score: 1, rank: added.length + 1 }] });
  });
  return [...candidates, ...added];
}
