import { describe, expect, it } from '@jest/globals';
import { DenseMatrix } from '../../src/adapters/memory/denseMatrix.js';
import { randomUnitVector, seededRandom } from './support/seededRandom.js';

const payload = (id: string, year: number | null = null) => ({ id, categories: [], tags: [], year });

describe('DenseMatrix', () => {
  it('grows past its initial capacity and keeps every row', () => {
    const matrix = new DenseMatrix(2, 1);
    for (let i = 0; i < 10; i += 1) matrix.set(payload(`r${i}`), [i, 1]);
    expect(matrix.size).toBe(10);
    const hits = matrix.search([9, 1], { limit: 1 });
    expect(hits).toEqual([{ id: 'r9', score: expect.closeTo(1, 6) }]);
  });

  it('moves the last row into a removed one without losing or mixing rows', () => {
    const matrix = new DenseMatrix(2);
    matrix.set(payload('a'), [1, 0]);
    matrix.set(payload('b'), [0, 1]);
    matrix.set(payload('c', 2000), [-1, 0]);
    expect(matrix.remove('a')).toBe(true);
    expect(matrix.remove('a')).toBe(false);
    expect(matrix.size).toBe(2);
    expect(matrix.search([-1, 0], { limit: 2 })).toEqual([
      { id: 'c', score: expect.closeTo(1, 6) },
      { id: 'b', score: expect.closeTo(0, 6) },
    ]);
    expect(matrix.payloadOf('c')).toEqual(payload('c', 2000));
    matrix.set(payload('c'), [0, 1]);
    expect(matrix.search([0, 1], { limit: 2 }).map((hit) => hit.score)).toEqual([expect.closeTo(1, 6), expect.closeTo(1, 6)]);
  });

  it('scores a zero vector 0 instead of NaN', () => {
    const matrix = new DenseMatrix(2);
    matrix.set(payload('zero'), [0, 0]);
    expect(matrix.search([1, 0], { limit: 1 })).toEqual([{ id: 'zero', score: 0 }]);
    expect(matrix.search([0, 0], { limit: 1 })).toEqual([{ id: 'zero', score: 0 }]);
  });

  it('agrees with brute force at 10k × 384 and is fast enough for a request', () => {
    const dimension = 384;
    const random = seededRandom(3);
    const matrix = new DenseMatrix(dimension);
    const vectors: Float32Array[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const vector = randomUnitVector(random, dimension);
      vectors.push(vector);
      matrix.set(payload(`v${i}`, 1900 + (i % 120)), vector);
    }
    const filter = { must: [{ key: 'year' as const, range: { gte: 1990 } }] };
    let elapsed = 0;
    for (let q = 0; q < 5; q += 1) {
      const query = randomUnitVector(random, dimension);
      const started = performance.now();
      const hits = matrix.search(query, { limit: 200 });
      const filtered = matrix.search(query, { limit: 200, filter, excludeIds: new Set(['v0', 'v1']) });
      elapsed += performance.now() - started;
      const scored = vectors.map((vector, i) => {
        let dot = 0;
        for (let j = 0; j < dimension; j += 1) dot += query[j]! * vector[j]!;
        return { id: `v${i}`, year: 1900 + (i % 120), score: dot };
      });
      scored.sort((a, b) => b.score - a.score);
      expect(hits.map((hit) => hit.id)).toEqual(scored.slice(0, 200).map((hit) => hit.id));
      const expectedFiltered = scored.filter((hit) => hit.year >= 1990 && hit.id !== 'v0' && hit.id !== 'v1').slice(0, 200);
      expect(filtered.map((hit) => hit.id)).toEqual(expectedFiltered.map((hit) => hit.id));
      hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(scored[i]!.score, 5));
    }
    // Ten searches (five plain, five filtered); a generous bound for two shared cores.
    expect(elapsed / 10).toBeLessThan(100);
  });
});
