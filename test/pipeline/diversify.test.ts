import { describe, expect, it } from '@jest/globals';
import { diversify } from '../../src/reranking/diversify.js';
import { maximalMarginalRelevance } from '../../src/reranking/maximalMarginalRelevance.js';
import type { RankedItem } from '../../src/domain/scoredItem.js';

describe('maximalMarginalRelevance', () => {
  // a and b are near duplicates; c is different and a little less relevant.
  const relevance = [0.9, 0.85, 0.7];
  const sim = [
    [1, 0.95, 0.1],
    [0.95, 1, 0.1],
    [0.1, 0.1, 1],
  ];
  const similarity = (i: number, j: number) => sim[i]![j]!;

  it('keeps the relevance order at lambda 0', () => {
    expect(maximalMarginalRelevance(relevance, similarity, 0, 3).map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('lifts the different item above the near duplicate at lambda 0.5', () => {
    const choices = maximalMarginalRelevance(relevance, similarity, 0.5, 3);
    expect(choices.map((c) => c.index)).toEqual([0, 2, 1]);
    // step 2: c = 0.5·0.7 − 0.5·0.1 = 0.30 beats b = 0.5·0.85 − 0.5·0.95 = −0.05
    expect(choices[1]!.objective).toBeCloseTo(0.3, 12);
    expect(choices[1]!.maxSimilarity).toBeCloseTo(0.1, 12);
  });

  it('chooses the same first places whatever the limit', () => {
    expect(maximalMarginalRelevance(relevance, similarity, 0.5, 2).map((c) => c.index)).toEqual([0, 2]);
  });
});

describe('diversify', () => {
  const scored = (itemId: string, score: number): RankedItem => ({
    itemId,
    fusedScore: 0,
    hits: [],
    score,
    logit: 0,
    bias: 0,
    contributions: [],
    modelVersion: 'm',
    finalScore: score,
    rerank: [],
  });

  it('notes every item that moved and appends the rest in ranker order', () => {
    const out = diversify(
      [scored('a', 0.9), scored('b', 0.85), scored('c', 0.7), scored('d', 0.1)],
      [
        { vector: null, categories: ['Comedy'] },
        { vector: null, categories: ['Comedy'] },
        { vector: null, categories: ['Horror'] },
        { vector: null, categories: ['Comedy'] },
      ],
      0.5,
      2,
    );
    expect(out.map((r) => r.itemId)).toEqual(['a', 'c', 'b', 'd']);
    expect(out[1]!.rerank).toEqual([
      { step: 'mmr', rankBefore: 3, rankAfter: 2, detail: 'diversity 0.5: score 0.7000, highest similarity to a result above 0.000' },
    ]);
    expect(out[0]!.rerank).toEqual([]);
    expect(out[2]!.finalScore).toBeCloseTo(0.425, 12);
  });

  it('reads the score that business rules left, and keeps their notes', () => {
    const boosted = { ...scored('c', 0.7), finalScore: 0.95, rerank: [{ step: 'boost', rankBefore: 3, rankAfter: 1, detail: 'rule' }] };
    const out = diversify(
      [boosted, scored('a', 0.9), scored('b', 0.85)],
      [
        { vector: null, categories: ['Horror'] },
        { vector: null, categories: ['Comedy'] },
        { vector: null, categories: ['Comedy'] },
      ],
      0.5,
      3,
    );
    expect(out.map((r) => r.itemId)).toEqual(['c', 'a', 'b']);
    expect(out[0]!.finalScore).toBeCloseTo(0.475, 12);
    expect(out[0]!.rerank).toEqual(boosted.rerank);
  });

  it('passes the ranker order through at lambda 0', () => {
    const out = diversify([scored('a', 0.9), scored('b', 0.8)], [{ vector: null, categories: [] }, { vector: null, categories: [] }], 0, 2);
    expect(out.map((r) => [r.itemId, r.finalScore])).toEqual([
      ['a', 0.9],
      ['b', 0.8],
    ]);
  });
});
