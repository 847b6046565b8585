import type { Judgements } from './judgements.js';
import { relevantCount } from './judgements.js';
import { spansWithin, type Ranking } from './ranking.js';

/**
 * Share of the relevant items found in the top `k`; null when nothing is relevant (the query
 * or user cannot be scored and is left out of the mean). A tie group cut by the cutoff
 * contributes its relevant items in proportion to the share of its places above the cutoff.
 */
export function recallAtK(ranking: Ranking, judgements: Judgements, k: number): number | null {
  const total = relevantCount(judgements);
  if (total === 0) return null;
  let found = 0;
  for (const { ids, start } of spansWithin(ranking, k)) {
    const inside = Math.min(ids.length, k - start);
    const relevant = ids.filter((id) => (judgements.get(id) ?? 0) > 0).length;
    found += (relevant * inside) / ids.length;
  }
  return found / total;
}
