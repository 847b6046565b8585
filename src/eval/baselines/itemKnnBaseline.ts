import type { Ranking } from '../metrics/ranking.js';
import { row, type InteractionMatrix } from './interactionMatrix.js';
import type { Recommender } from './recommender.js';
import { topKWithTies } from './topKWithTies.js';

export interface ItemKnnOptions {
  /** Neighbours kept per item (more when the last place ties); 100 by default. */
  readonly neighbours?: number;
}

interface Neighbourhood {
  readonly items: Int32Array;
  readonly similarities: Float64Array;
}

/**
 * Item-based k-nearest neighbours (Deshpande and Karypis, 2004) on the binary matrix of
 * training positives: cosine similarity |U_i ∩ U_j| / √(|U_i| |U_j|), each item's
 * `neighbours` most similar items kept, and a user's score for j the sum of the similarities
 * of j to the items they liked. Co-occurrences are counted through the sparse rows, so the
 * cost is Σ over users of (positives)², about 11 million steps on MovieLens small.
 */
export function itemKnnBaseline(matrix: InteractionMatrix, options: ItemKnnOptions = {}): Recommender {
  const neighbours = options.neighbours ?? 100;
  const itemCount = matrix.itemIds.length;
  const support = new Int32Array(itemCount);
  for (let item = 0; item < itemCount; item += 1) support[item] = row(matrix.itemPositives, item).length;

  const co = new Int32Array(itemCount);
  const hoods: (Neighbourhood | null)[] = new Array(itemCount).fill(null);
  for (let i = 0; i < itemCount; i += 1) {
    if (support[i] === 0) continue;
    const touched: number[] = [];
    for (const user of row(matrix.itemPositives, i)) {
      for (const j of row(matrix.userPositives, user)) {
        if (j === i) continue;
        if (co[j] === 0) touched.push(j);
        co[j]! += 1;
      }
    }
    const similarities = new Float64Array(touched.length);
    touched.forEach((j, n) => {
      similarities[n] = co[j]! / Math.sqrt(support[i]! * support[j]!);
      co[j] = 0;
    });
    hoods[i] = strongest(Int32Array.from(touched), similarities, neighbours);
  }

  const scores = new Float64Array(itemCount);
  return {
    name: 'item-kNN',
    recommend(userId: string, k: number): Ranking {
      const user = matrix.userIndex.get(userId);
      if (user === undefined) return [];
      const touched = new Set<number>();
      for (const liked of row(matrix.userPositives, user)) {
        const hood = hoods[liked];
        if (!hood) continue;
        hood.items.forEach((j, n) => {
          scores[j]! += hood.similarities[n]!;
          touched.add(j);
        });
      }
      for (const seen of row(matrix.userSeen, user)) touched.delete(seen);
      const ranking = topKWithTies(touched, (item) => scores[item]!, k, matrix.itemIds);
      scores.fill(0);
      return ranking;
    },
  };
}

/** The `limit` highest similarities, and any that tie with the last of them. */
function strongest(items: Int32Array, similarities: Float64Array, limit: number): Neighbourhood {
  if (items.length <= limit) return { items, similarities };
  const threshold = Float64Array.from(similarities).sort()[similarities.length - limit]!;
  const keep: number[] = [];
  similarities.forEach((s, n) => {
    if (s >= threshold) keep.push(n);
  });
  return { items: Int32Array.from(keep, (n) => items[n]!), similarities: Float64Array.from(keep, (n) => similarities[n]!) };
}
