import type { Rating } from './movieLens/rating.js';

export interface TemporalSplit {
  readonly train: readonly Rating[];
  readonly test: readonly Rating[];
}

export interface TemporalSplitOptions {
  /** Share of each user's ratings, latest first, held out for testing: 0.2 by default. */
  readonly testFraction?: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per user, the last ⌊n × testFraction⌋ of their n ratings by time are the test set and the
 * rest is training, so every test rating is later than the same user's training ratings and
 * a user with too few ratings keeps them all for training. Ratings with the same timestamp
 * are ordered by item id, so the split does not depend on the file's order.
 */
export function temporalSplit(ratings: readonly Rating[], options: TemporalSplitOptions = {}): TemporalSplit {
  const testFraction = options.testFraction ?? 0.2;
  if (!(testFraction >= 0 && testFraction < 1)) {
    throw new Error(`temporalSplit: testFraction must be in [0, 1), got ${testFraction}`);
  }
  const byUser = new Map<string, Rating[]>();
  for (const rating of ratings) {
    const list = byUser.get(rating.userId);
    if (list) list.push(rating);
    else byUser.set(rating.userId, [rating]);
  }
  const train: Rating[] = [];
  const test: Rating[] = [];
  for (const list of byUser.values()) {
    list.sort((a, b) => a.timestamp - b.timestamp || compareIds(a.itemId, b.itemId));
    // The epsilon keeps 0.2 × 15 = 3.0000000000000004 from counting as more than 3.
    const held = Math.floor(list.length * testFraction + 1e-9);
    const cut = list.length - held;
    for (let i = 0; i < list.length; i += 1) (i < cut ? train : test).push(list[i]!);
  }
  return { train, test };
}
