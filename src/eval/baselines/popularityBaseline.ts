import { rankingFromScores, type Ranking } from '../metrics/ranking.js';
import { row, type InteractionMatrix } from './interactionMatrix.js';
import type { Recommender } from './recommender.js';

/**
 * Most popular first, by the number of users who rated the item positively in training (the
 * gateway's own popularity signal), leaving out what the user already rated.
 */
export function popularityBaseline(matrix: InteractionMatrix): Recommender {
  const itemCount = matrix.itemIds.length;
  const popularity = new Int32Array(itemCount);
  for (let item = 0; item < itemCount; item += 1) popularity[item] = row(matrix.itemPositives, item).length;
  const order = Array.from({ length: itemCount }, (_, item) => item)
    .filter((item) => popularity[item]! > 0)
    .sort((a, b) => popularity[b]! - popularity[a]! || a - b);

  return {
    name: 'most popular',
    recommend(userId: string, k: number): Ranking {
      const user = matrix.userIndex.get(userId);
      const seen = new Set(user === undefined ? [] : row(matrix.userSeen, user));
      const picked: { id: string; score: number }[] = [];
      for (const item of order) {
        if (seen.has(item)) continue;
        const score = popularity[item]!;
        if (picked.length >= k && score !== picked[picked.length - 1]!.score) break;
        picked.push({ id: matrix.itemIds[item]!, score });
      }
      return rankingFromScores(picked);
    },
  };
}
