/**
 * Maximal marginal relevance (Carbonell & Goldstein 1998), greedy: each step takes the item
 * maximising (1 − λ)·relevance − λ·(max similarity to the items already taken). λ = 0 keeps
 * the relevance order. Only the first `limit` places are chosen, since only they are shown;
 * greedy choice makes the first k places the same whatever the limit, so pages agree.
 */
export interface MmrChoice {
  /** Index into the input list. */
  readonly index: number;
  readonly objective: number;
  /** The highest similarity to an item placed before it. */
  readonly maxSimilarity: number;
}

export function maximalMarginalRelevance(
  relevance: readonly number[],
  similarity: (a: number, b: number) => number,
  lambda: number,
  limit: number,
): MmrChoice[] {
  const n = relevance.length;
  const taken = new Uint8Array(n);
  const maxSim = new Float64Array(n);
  const chosen: MmrChoice[] = [];
  for (let step = 0; step < Math.min(limit, n); step++) {
    let best = -1;
    let bestObjective = -Infinity;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const objective = (1 - lambda) * relevance[i]! - lambda * maxSim[i]!;
      if (objective > bestObjective) {
        bestObjective = objective;
        best = i;
      }
    }
    taken[best] = 1;
    chosen.push({ index: best, objective: bestObjective, maxSimilarity: maxSim[best]! });
    if (lambda > 0) {
      for (let i = 0; i < n; i++) {
        if (!taken[i]) maxSim[i] = Math.max(maxSim[i]!, similarity(best, i));
      }
    }
  }
  return chosen;
}
