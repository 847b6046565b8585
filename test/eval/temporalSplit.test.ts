import { describe, expect, it } from '@jest/globals';
import type { Rating } from '../../src/eval/movieLens/rating.js';
import { relevantByUser } from '../../src/eval/relevantByUser.js';
import { temporalSplit } from '../../src/eval/temporalSplit.js';

const r = (userId: string, itemId: string, value: number, timestamp: number): Rating => ({ userId, itemId, value, timestamp });

// u1: 10 ratings → 2 held out; u2: 5 ratings whose last two share a timestamp → 1 held out,
// chosen by item id; u3: 4 ratings → ⌊0.8⌋ = 0 held out.
const ratings: Rating[] = [
  ...Array.from({ length: 10 }, (_, i) => r('u1', `m${i}`, i % 2 === 0 ? 4.5 : 3, 100 + i)),
  r('u2', 'b', 5, 50),
  r('u2', 'a', 2, 10),
  r('u2', 'z', 4, 90),
  r('u2', 'y', 1, 90),
  r('u2', 'c', 3, 20),
  r('u3', 'a', 5, 1),
  r('u3', 'b', 5, 2),
  r('u3', 'c', 5, 3),
  r('u3', 'd', 5, 4),
];

describe('temporalSplit', () => {
  it('holds out the last 20% of each user by time, ties broken by item id', () => {
    const { train, test } = temporalSplit(ratings);
    expect(train).toHaveLength(16);
    expect(test.map((x) => `${x.userId}:${x.itemId}`)).toEqual(['u1:m8', 'u1:m9', 'u2:z']);
    expect(train.filter((x) => x.userId === 'u2').map((x) => x.itemId)).toEqual(['a', 'c', 'b', 'y']);
  });

  it('leaks no test rating into training', () => {
    const { train, test } = temporalSplit(ratings);
    const trainPairs = new Set(train.map((x) => `${x.userId}:${x.itemId}`));
    for (const held of test) {
      expect(trainPairs.has(`${held.userId}:${held.itemId}`)).toBe(false);
      const latestTrain = Math.max(...train.filter((x) => x.userId === held.userId).map((x) => x.timestamp));
      expect(held.timestamp).toBeGreaterThanOrEqual(latestTrain);
    }
    expect(train.length + test.length).toBe(ratings.length);
  });

  it('does not depend on the order of the file', () => {
    const forward = temporalSplit(ratings);
    const backward = temporalSplit([...ratings].reverse());
    const key = (x: Rating) => `${x.userId}:${x.itemId}`;
    expect(new Set(backward.test.map(key))).toEqual(new Set(forward.test.map(key)));
  });

  it('refuses a fraction outside [0, 1)', () => {
    expect(() => temporalSplit(ratings, { testFraction: 1 })).toThrow('testFraction must be in [0, 1), got 1');
  });
});

describe('relevantByUser', () => {
  it('keeps ratings of 4 and above, and only users with one', () => {
    const relevant = relevantByUser(temporalSplit(ratings).test);
    expect([...relevant.keys()]).toEqual(['u1', 'u2']);
    expect([...relevant.get('u1')!]).toEqual([['m8', 1]]);
    expect([...relevant.get('u2')!]).toEqual([['z', 1]]);
  });
});
