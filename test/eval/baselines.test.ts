import { describe, expect, it } from '@jest/globals';
import { interactionMatrix, row } from '../../src/eval/baselines/interactionMatrix.js';
import { itemKnnBaseline } from '../../src/eval/baselines/itemKnnBaseline.js';
import { popularityBaseline } from '../../src/eval/baselines/popularityBaseline.js';
import { randomBaseline } from '../../src/eval/baselines/randomBaseline.js';
import type { Rating } from '../../src/eval/movieLens/rating.js';

const catalog = ['A', 'B', 'C', 'D', 'E'];
const like = (userId: string, itemId: string): Rating => ({ userId, itemId, value: 4.5, timestamp: 0 });

// Positive users per item: A {u1,u2,u4}, B {u1,u2,u3}, C {u2,u6}, D {u3}, E none.
// Cosine: A–B 2/√9, A–C 1/√6, B–C 1/√6, B–D 1/√3; every other pair 0.
const train: Rating[] = [
  like('u1', 'A'),
  like('u1', 'B'),
  { userId: 'u1', itemId: 'C', value: 2, timestamp: 0 },
  like('u2', 'A'),
  like('u2', 'B'),
  like('u2', 'C'),
  like('u3', 'B'),
  like('u3', 'D'),
  like('u4', 'A'),
  like('u6', 'C'),
  like('u6', 'Z'),
];
const matrix = interactionMatrix(catalog, train);

describe('interactionMatrix', () => {
  it('keeps positives and seen items per user, ignoring items outside the catalog', () => {
    const u1 = matrix.userIndex.get('u1')!;
    expect([...row(matrix.userPositives, u1)]).toEqual([0, 1]);
    expect([...row(matrix.userSeen, u1)]).toEqual([0, 1, 2]);
    expect([...row(matrix.itemPositives, 2)].map((u) => [...matrix.userIndex].find(([, i]) => i === u)![0])).toEqual(['u2', 'u6']);
    expect(row(matrix.itemPositives, 4)).toHaveLength(0);
  });
});

describe('popularityBaseline', () => {
  const popular = popularityBaseline(matrix);

  it('ranks by positive users, leaves out rated items and completes the last tie group', () => {
    expect(popular.recommend('u4', 2)).toEqual([['B'], ['C']]);
    expect(popular.recommend('stranger', 1)).toEqual([['A', 'B']]);
    expect(popular.recommend('stranger', 3)).toEqual([['A', 'B'], ['C']]);
  });

  it('does not offer items nobody liked', () => {
    expect(popular.recommend('u1', 5)).toEqual([['D']]);
  });
});

describe('itemKnnBaseline', () => {
  const knn = itemKnnBaseline(matrix);

  it('sums cosine similarities to the liked items, without rated items', () => {
    expect(knn.recommend('u4', 5)).toEqual([['B'], ['C']]);
    expect(knn.recommend('u3', 5)).toEqual([['A'], ['C']]);
    expect(knn.recommend('u1', 5)).toEqual([['D']]);
    expect(knn.recommend('u2', 5)).toEqual([['D']]);
  });

  it('keeps equal scores together as one tie group', () => {
    expect(knn.recommend('u6', 1)).toEqual([['A', 'B']]);
  });

  it('keeps only the strongest neighbours, and all of a tie at the last place', () => {
    const narrow = itemKnnBaseline(matrix, { neighbours: 1 });
    // A's one neighbour is B; C's two neighbours tie at 1/√6, so both stay.
    expect(narrow.recommend('u4', 5)).toEqual([['B']]);
    expect(narrow.recommend('u6', 5)).toEqual([['A', 'B']]);
  });

  it('has nothing for a user without training positives', () => {
    expect(knn.recommend('stranger', 5)).toEqual([]);
  });
});

describe('randomBaseline', () => {
  it('draws distinct unrated items, the same for a seed and user whatever else is asked', () => {
    const random = randomBaseline(matrix, 7);
    const first = random.recommend('u4', 3).flat();
    expect(first).toEqual(['E', 'D', 'C']);
    random.recommend('u1', 3);
    expect(random.recommend('u4', 3).flat()).toEqual(first);
    expect(new Set(randomBaseline(matrix, 7).recommend('u1', 5).flat())).toEqual(new Set(['D', 'E']));
  });

  it('changes with the seed', () => {
    const draws = new Set([1, 2, 3, 4, 5, 6].map((seed) => randomBaseline(matrix, seed).recommend('stranger', 5).flat().join()));
    expect(draws.size).toBeGreaterThan(1);
  });
});
