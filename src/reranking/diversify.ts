import type { RankedItem } from '../domain/scoredItem.js';
import { cosine } from '../features/cosine.js';
import { maximalMarginalRelevance } from './maximalMarginalRelevance.js';

/** What diversity compares: an item's vector, or its categories when it has no vector. */
export interface DiversityKey {
  readonly vector: Float32Array | null;
  readonly categories: readonly string[];
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((x) => set.has(x)).length;
  return shared / (a.length + b.length - shared);
}

function similarity(a: DiversityKey, b: DiversityKey): number {
  return a.vector && b.vector ? cosine(a.vector, b.vector) : jaccard(a.categories, b.categories);
}

/**
 * Re-orders the first `limit` items by MMR with trade-off `lambda`, reading each item's current
 * `finalScore` (the ranker's, or as business rules left it) as its relevance; the rest keep
 * their order. Every item that moved says so in its notes. Pure.
 */
export function diversify(
  ranked: readonly RankedItem[],
  keys: readonly DiversityKey[],
  lambda: number,
  limit: number,
): RankedItem[] {
  if (lambda <= 0) return [...ranked];
  const choices = maximalMarginalRelevance(
    ranked.map((item) => item.finalScore),
    (a, b) => similarity(keys[a]!, keys[b]!),
    lambda,
    limit,
  );
  const placed = new Set<number>();
  const result: RankedItem[] = choices.map((choice, position) => {
    placed.add(choice.index);
    const item = ranked[choice.index]!;
    const moved = choice.index !== position;
    return {
      ...item,
      finalScore: choice.objective,
      rerank: moved
        ? [
            ...item.rerank,
            {
              step: 'mmr',
              rankBefore: choice.index + 1,
              rankAfter: position + 1,
              detail: `diversity ${lambda}: score ${item.finalScore.toFixed(4)}, highest similarity to a result above ${choice.maxSimilarity.toFixed(3)}`,
            },
          ]
        : item.rerank,
    };
  });
  ranked.forEach((item, index) => {
    if (!placed.has(index)) result.push({ ...item, finalScore: (1 - lambda) * item.finalScore });
  });
  return result;
}
