import { describe, expect, it } from '@jest/globals';
import { cosine } from '../../src/features/cosine.js';
import { skipGramOptions } from '../../src/training/skipGramOptions.js';
import { trainingCorpus } from '../../src/training/trainingCorpus.js';
import { trainWord2Vec, type Word2VecModel } from '../../src/training/trainWord2Vec.js';
import { syntheticClusters } from './syntheticClusters.js';

const OPTIONS = { dimension: 16, window: 4, negatives: 5, epochs: 5, minCount: 1, subsample: 0, learningRate: 0.025, seed: 1 };

function vectorOf<T>(model: Word2VecModel<T>, token: T): Float32Array {
  const row = model.tokens.indexOf(token);
  if (row < 0) throw new Error(`no vector for ${String(token)}`);
  return model.vectors.subarray(row * model.dimension, (row + 1) * model.dimension);
}

function nearest<T>(model: Word2VecModel<T>, token: T, k: number): T[] {
  const query = vectorOf(model, token);
  return model.tokens
    .filter((other) => other !== token)
    .map((other) => ({ other, score: cosine(query, vectorOf(model, other)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map(({ other }) => other);
}

describe('trainWord2Vec (skip-gram with negative sampling)', () => {
  const corpus = syntheticClusters(4, 5, 100);
  const model = trainWord2Vec(corpus, OPTIONS);

  it('puts tokens that always co-occur nearest to each other, and unrelated ones far apart', () => {
    expect(model.tokens).toHaveLength(20);
    for (const token of model.tokens) {
      const cluster = token.slice(0, 2);
      const mates = model.tokens.filter((other) => other !== token && other.startsWith(cluster));
      expect(new Set(nearest(model, token, 4))).toEqual(new Set(mates));
    }
    // Every pair within a group is closer than any pair across groups, by a wide margin.
    let closestAcross = -1;
    let farthestWithin = 1;
    for (const a of model.tokens) {
      for (const b of model.tokens) {
        if (a >= b) continue;
        const score = cosine(vectorOf(model, a), vectorOf(model, b));
        if (a.slice(0, 2) === b.slice(0, 2)) farthestWithin = Math.min(farthestWithin, score);
        else closestAcross = Math.max(closestAcross, score);
      }
    }
    expect(farthestWithin).toBeGreaterThan(0.8);
    expect(closestAcross).toBeLessThan(0.5);
  });

  it('gives the same vectors for the same seed, and others for another seed', () => {
    const again = trainWord2Vec(corpus, OPTIONS);
    expect(again.tokens).toEqual(model.tokens);
    expect(Buffer.from(again.vectors.buffer).equals(Buffer.from(model.vectors.buffer))).toBe(true);
    const other = trainWord2Vec(corpus, { ...OPTIONS, seed: 2 });
    expect(Buffer.from(other.vectors.buffer).equals(Buffer.from(model.vectors.buffer))).toBe(false);
  });

  it('counts what it trained on: every token of every epoch without subsampling', () => {
    expect(model.sequences).toBe(400);
    expect(model.tokensTrained).toBe(400 * 5 * 5);
    expect(model.inputVocabulary).toBe(20);
  });

  it('subsampling drops some occurrences of tokens that fill the corpus', () => {
    const sampled = trainWord2Vec(corpus, { ...OPTIONS, subsample: 1e-3 });
    expect(sampled.tokensTrained).toBeLessThan(model.tokensTrained);
    expect(sampled.tokensTrained).toBeGreaterThan(0);
  });

  it('gives no vector to tokens under minCount, nor to tokens that never have a neighbour', () => {
    const rare = trainWord2Vec([...corpus, ['lonely'], ['rare', 'c0t0']], { ...OPTIONS, minCount: 2 });
    expect(rare.tokens).not.toContain('rare');
    expect(rare.tokens).not.toContain('lonely');
    expect(rare.inputVocabulary).toBe(22);
    const once = trainWord2Vec([...corpus, ['lonely'], ['lonely'], ['rare', 'c0t0']], { ...OPTIONS, minCount: 1 });
    expect(once.tokens).toContain('rare');
    expect(once.tokens).not.toContain('lonely');
  });
});

describe('trainingCorpus', () => {
  it('indexes tokens by first appearance and drops those under minCount and sequences left with one token', () => {
    const corpus = trainingCorpus([['a', 'b', 'c'], ['b', 'a'], ['c', 'd'], ['a']], 2);
    expect(corpus.tokens).toEqual(['a', 'b', 'c']);
    expect(corpus.sequences.map((s) => Array.from(s))).toEqual([[0, 1, 2], [1, 0]]);
    expect(Array.from(corpus.counts)).toEqual([2, 2, 1]);
    expect(corpus.totalTokens).toBe(5);
  });
});

describe('skipGramOptions', () => {
  it('fills defaults and names the option and the value it refuses', () => {
    expect(skipGramOptions({ dimension: 8 })).toMatchObject({ dimension: 8, window: 5, negatives: 5 });
    expect(() => skipGramOptions({ window: 0 })).toThrow('window must be a positive integer, got 0');
    expect(() => skipGramOptions({ subsample: 1 })).toThrow('subsample must be from 0 to below 1, got 1');
    expect(() => skipGramOptions({ learningRate: 0 })).toThrow('learningRate must be above 0 and at most 1, got 0');
  });
});
