import type { Judgements } from './judgements.js';
import { relevantCount } from './judgements.js';
import { spansWithin, type Ranking } from './ranking.js';

/**
 * 1 / position of the first relevant item in the top `k`, 0 when none is there; the mean
 * over users is MRR@k. In the tie group holding the first relevant items, the first of them
 * lands on the group's j-th place with probability C(g−j, r−1) / C(g, r) (g items, r
 * relevant). Null when nothing is relevant.
 */
export function reciprocalRankAtK(ranking: Ranking, judgements: Judgements, k: number): number | null {
  if (relevantCount(judgements) === 0) return null;
  for (const { ids, start } of spansWithin(ranking, k)) {
    const g = ids.length;
    const r = ids.filter((id) => (judgements.get(id) ?? 0) > 0).length;
    if (r === 0) continue;
    let expected = 0;
    let probability = r / g;
    for (let j = 1; j <= g - r + 1 && start + j <= k; j += 1) {
      expected += probability / (start + j);
      probability *= (g - j - r + 1) / (g - j);
    }
    return expected;
  }
  return 0;
}
