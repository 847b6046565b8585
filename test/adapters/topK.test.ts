import { describe, expect, it } from '@jest/globals';
import { TopK } from '../../src/adapters/memory/topK.js';
import { seededRandom } from './support/seededRandom.js';

describe('TopK', () => {
  it('keeps the k best pairs, best first', () => {
    const top = new TopK(3);
    [0.2, 0.9, 0.1, 0.5, 0.7, 0.3].forEach((score, index) => top.push(score, index));
    expect(top.sorted()).toEqual([
      { score: 0.9, index: 1 },
      { score: 0.7, index: 4 },
      { score: 0.5, index: 3 },
    ]);
    expect(top.length).toBe(3);
    expect(top.threshold).toBe(0.5);
  });

  it('breaks ties by the lower index, whatever the order of arrival', () => {
    const top = new TopK(2);
    for (const index of [5, 3, 9, 1]) top.push(1, index);
    expect(top.sorted()).toEqual([
      { score: 1, index: 1 },
      { score: 1, index: 3 },
    ]);
  });

  it('holds fewer than k when fewer arrive, and nothing for k = 0 or NaN scores', () => {
    const two = new TopK(5);
    two.push(-1, 0);
    two.push(Number.NaN, 1);
    two.push(2, 2);
    expect(two.sorted()).toEqual([
      { score: 2, index: 2 },
      { score: -1, index: 0 },
    ]);
    expect(two.threshold).toBe(Number.NEGATIVE_INFINITY);
    const none = new TopK(0);
    none.push(1, 0);
    expect(none.sorted()).toEqual([]);
    expect(() => new TopK(-1)).toThrow('TopK needs a non-negative integer k, got -1');
  });

  it('agrees with a full sort on random scores', () => {
    const random = seededRandom(42);
    const scores = Array.from({ length: 5000 }, () => Math.round(random() * 1000) / 1000);
    const top = new TopK(50);
    scores.forEach((score, index) => top.push(score, index));
    const expected = scores
      .map((score, index) => ({ score, index }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, 50);
    expect(top.sorted()).toEqual(expected);
  });
});
