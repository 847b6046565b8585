import { describe, expect, it } from '@jest/globals';
import { userSequences } from '../../src/training/userSequences.js';

const event = (userId: string, itemId: string, timestamp: number, type: 'rating' | 'click' | 'view' = 'rating', value: number | null = 5) => ({
  userId,
  itemId,
  timestamp,
  type,
  value: type === 'rating' ? value : null,
});

describe('userSequences', () => {
  it("orders each user's positive items by time, keeps ties in log order and a repeat at its first place", () => {
    const sequences = userSequences([
      event('u1', 'b', 20),
      event('u2', 'x', 5, 'click'),
      event('u1', 'a', 10),
      event('u1', 'low', 15, 'rating', 2),
      event('u1', 'seen', 16, 'view'),
      event('u1', 'c', 20),
      event('u1', 'a', 30),
      event('u2', 'y', 6, 'click'),
    ]);
    expect(sequences).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
  });
});
