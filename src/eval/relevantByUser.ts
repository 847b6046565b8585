import { POSITIVE_RATING } from '../domain/event.js';
import { binaryJudgements, type Judgements } from './metrics/judgements.js';
import type { Rating } from './movieLens/rating.js';

/**
 * The relevant items of each user: their ratings at or above the threshold. Users without
 * one are absent, since no ranking of theirs can be scored.
 */
export function relevantByUser(ratings: readonly Rating[], threshold = POSITIVE_RATING): Map<string, Judgements> {
  const positives = new Map<string, string[]>();
  for (const rating of ratings) {
    if (rating.value < threshold) continue;
    const list = positives.get(rating.userId);
    if (list) list.push(rating.itemId);
    else positives.set(rating.userId, [rating.itemId]);
  }
  return new Map([...positives].map(([user, items]) => [user, binaryJudgements(items)]));
}
