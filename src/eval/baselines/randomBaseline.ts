import { rankingFromOrder, type Ranking } from '../metrics/ranking.js';
import { row, type InteractionMatrix } from './interactionMatrix.js';
import type { Recommender } from './recommender.js';
import { seededRandom } from './seededRandom.js';

/** `k` catalog items drawn uniformly without replacement among those the user has not rated. */
export function randomBaseline(matrix: InteractionMatrix, seed: number): Recommender {
  const itemCount = matrix.itemIds.length;
  return {
    name: 'random',
    recommend(userId: string, k: number): Ranking {
      const user = matrix.userIndex.get(userId);
      const seen = new Set(user === undefined ? [] : row(matrix.userSeen, user));
      const pool: number[] = [];
      for (let item = 0; item < itemCount; item += 1) if (!seen.has(item)) pool.push(item);
      const random = seededRandom(`${seed}:${userId}`);
      // A partial Fisher–Yates shuffle: the first k places are a uniform sample in random order.
      const take = Math.min(k, pool.length);
      for (let i = 0; i < take; i += 1) {
        const j = i + Math.floor(random() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return rankingFromOrder(pool.slice(0, take).map((item) => matrix.itemIds[item]!));
    },
  };
}
