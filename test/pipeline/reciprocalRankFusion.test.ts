import { describe, expect, it } from '@jest/globals';
import { reciprocalRankFusion } from '../../src/retrieval/reciprocalRankFusion.js';
import { mergeHits } from '../../src/retrieval/mergeHits.js';

describe('reciprocalRankFusion', () => {
  it('adds weight / (k + rank) per source and keeps each source hit', () => {
    const fused = reciprocalRankFusion(
      [
        { source: 'lexical', hits: [{ id: 'a', score: 9 }, { id: 'b', score: 5 }] },
        { source: 'dense', hits: [{ id: 'b', score: 0.9 }, { id: 'c', score: 0.8 }], weight: 2 },
      ],
      60,
    );
    expect(fused.map((c) => c.itemId)).toEqual(['b', 'c', 'a']);
    expect(fused[0]!.fusedScore).toBeCloseTo(1 / 62 + 2 / 61, 12);
    expect(fused[1]!.fusedScore).toBeCloseTo(2 / 62, 12);
    expect(fused[2]!.fusedScore).toBeCloseTo(1 / 61, 12);
    expect(fused[0]!.hits).toEqual([
      { source: 'lexical', score: 5, rank: 2 },
      { source: 'dense', score: 0.9, rank: 1 },
    ]);
  });

  it('breaks ties by id and counts a repeated id once per source', () => {
    const fused = reciprocalRankFusion([
      { source: 'lexical', hits: [{ id: 'y', score: 1 }, { id: 'y', score: 1 }] },
      { source: 'dense', hits: [{ id: 'x', score: 1 }] },
    ]);
    expect(fused.map((c) => [c.itemId, c.hits.length])).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
  });
});

describe('mergeHits', () => {
  it('keeps the best score of each id, best first, up to the limit', () => {
    expect(
      mergeHits(
        [
          [{ id: 'a', score: 0.5 }, { id: 'b', score: 0.4 }],
          [{ id: 'b', score: 0.9 }, { id: 'c', score: 0.1 }],
        ],
        2,
      ),
    ).toEqual([
      { id: 'b', score: 0.9 },
      { id: 'a', score: 0.5 },
    ]);
  });
});
