import type { Judgements } from './judgements.js';
import { relevantCount } from './judgements.js';
import { spansWithin, type Ranking } from './ranking.js';

/**
 * Average precision over the top `k`: the sum of precision at each relevant item's position,
 * divided by the number of relevant items (trec_eval's convention, so MAP@100 matches
 * `trec_eval -M100 map`). The mean over queries is MAP@k. In a tie group of g items with r
 * relevant, after c relevant items above it, the group's j-th place is relevant with
 * probability r/g and then has c + 1 + (j−1)(r−1)/(g−1) relevant items at or above it
 * on average. Null when nothing is relevant.
 */
export function averagePrecisionAtK(ranking: Ranking, judgements: Judgements, k: number): number | null {
  const total = relevantCount(judgements);
  if (total === 0) return null;
  let sum = 0;
  let above = 0;
  for (const { ids, start } of spansWithin(ranking, k)) {
    const g = ids.length;
    const r = ids.filter((id) => (judgements.get(id) ?? 0) > 0).length;
    if (r > 0) {
      for (let j = 1; j <= g && start + j <= k; j += 1) {
        const peersAbove = g === 1 ? 0 : ((j - 1) * (r - 1)) / (g - 1);
        sum += ((r / g) * (above + 1 + peersAbove)) / (start + j);
      }
    }
    above += r;
  }
  return sum / total;
}
