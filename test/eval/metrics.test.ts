import { describe, expect, it } from '@jest/globals';
import { averagePrecisionAtK } from '../../src/eval/metrics/averagePrecisionAtK.js';
import { catalogCoverage } from '../../src/eval/metrics/catalogCoverage.js';
import { intraListDiversity } from '../../src/eval/metrics/intraListDiversity.js';
import { binaryJudgements, type Judgements } from '../../src/eval/metrics/judgements.js';
import { ndcgAtK } from '../../src/eval/metrics/ndcgAtK.js';
import { rankingFromOrder, rankingFromScores, topIds, type Ranking } from '../../src/eval/metrics/ranking.js';
import { recallAtK } from '../../src/eval/metrics/recallAtK.js';
import { reciprocalRankAtK } from '../../src/eval/metrics/reciprocalRankAtK.js';

type Metric = (ranking: Ranking, judgements: Judgements, k: number) => number | null;

function permutations(ids: readonly string[]): string[][] {
  if (ids.length <= 1) return [[...ids]];
  return ids.flatMap((id, i) => permutations([...ids.slice(0, i), ...ids.slice(i + 1)]).map((rest) => [id, ...rest]));
}

/** The tie-aware value must equal the mean of the strict metric over every order of the ties. */
function meanOverOrders(metric: Metric, groups: readonly (readonly string[])[], judgements: Judgements, k: number): number {
  let orders: string[][] = [[]];
  for (const group of groups) orders = orders.flatMap((prefix) => permutations(group).map((p) => [...prefix, ...p]));
  const values = orders.map((order) => metric(rankingFromOrder(order), judgements, k)!);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('rankingFromScores', () => {
  it('groups equal scores and refuses unsorted input', () => {
    expect(rankingFromScores([{ id: 'a', score: 3 }, { id: 'b', score: 2 }, { id: 'c', score: 2 }, { id: 'd', score: 1 }])).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(() => rankingFromScores([{ id: 'a', score: 1 }, { id: 'b', score: 2 }])).toThrow('sorted best first; got 2 after 1');
    expect(topIds([['a'], ['b', 'c'], ['d']], 2)).toEqual(['a', 'b']);
  });
});

describe('recallAtK', () => {
  const relevant = binaryJudgements(['c', 'e', 'x']);

  it('counts relevant items in the top k over all relevant items', () => {
    const ranking = rankingFromOrder(['a', 'c', 'b', 'e']);
    expect(recallAtK(ranking, relevant, 1)).toBe(0);
    expect(recallAtK(ranking, relevant, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(ranking, relevant, 10)).toBeCloseTo(2 / 3, 12);
  });

  it('gives a tie group cut by the cutoff its relevant items pro rata', () => {
    const ranking: Ranking = [['a'], ['b', 'c', 'd'], ['e']];
    // One of the three tied places is above k = 2, and one of the three tied items is relevant.
    expect(recallAtK(ranking, relevant, 2)).toBeCloseTo(1 / 9, 12);
    expect(recallAtK(ranking, relevant, 3)).toBeCloseTo(2 / 9, 12);
    expect(recallAtK(ranking, relevant, 4)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(ranking, relevant, 5)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(ranking, relevant, 2)).toBeCloseTo(meanOverOrders(recallAtK, ranking, relevant, 2), 12);
  });

  it('is null when nothing is relevant', () => {
    expect(recallAtK(rankingFromOrder(['a']), new Map(), 5)).toBeNull();
  });
});

describe('ndcgAtK', () => {
  it('uses gain 2^grade − 1, a log2 discount and the ideal order of every judged item', () => {
    const judgements = new Map([['d1', 3], ['d3', 2], ['d4', 1]]);
    // DCG = 7/log2(2) + 0 + 3/log2(4) = 8.5; IDCG = 7 + 3/log2(3) + 1/log2(4) = 9.392789…
    expect(ndcgAtK(rankingFromOrder(['d1', 'd2', 'd3']), judgements, 3)).toBeCloseTo(0.9049495058460971, 12);
    expect(ndcgAtK(rankingFromOrder(['d1', 'd3', 'd4']), judgements, 3)).toBeCloseTo(1, 12);
    expect(ndcgAtK(rankingFromOrder(['d2', 'd5']), judgements, 3)).toBe(0);
  });

  it('gives tied items the mean discount of their places', () => {
    const judgements = new Map([['a', 1]]);
    expect(ndcgAtK([['a', 'b']], judgements, 1)).toBeCloseTo(0.5, 12);
    const graded = new Map([['a', 2], ['c', 1], ['e', 3]]);
    const ranking: Ranking = [['x'], ['a', 'b', 'c'], ['e', 'f']];
    for (const k of [2, 3, 5]) {
      expect(ndcgAtK(ranking, graded, k)).toBeCloseTo(meanOverOrders(ndcgAtK, ranking, graded, k), 12);
    }
  });

  it('is null when nothing is relevant', () => {
    expect(ndcgAtK(rankingFromOrder(['a']), new Map([['a', 0]]), 5)).toBeNull();
  });
});

describe('reciprocalRankAtK', () => {
  const relevant = binaryJudgements(['a', 'b']);

  it('is one over the position of the first relevant item within k', () => {
    expect(reciprocalRankAtK(rankingFromOrder(['x', 'y', 'a', 'b']), relevant, 10)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRankAtK(rankingFromOrder(['x', 'y', 'a', 'b']), relevant, 2)).toBe(0);
    expect(reciprocalRankAtK(rankingFromOrder(['b']), relevant, 1)).toBe(1);
  });

  it('takes the expectation over the orders of the tie group that holds the first relevant item', () => {
    // y, a, b tied: a relevant lands 1st, 2nd or 3rd of the group with probability 1/3 each.
    expect(reciprocalRankAtK([['x'], ['y', 'a', 'z']], relevant, 10)).toBeCloseTo(13 / 36, 12);
    expect(reciprocalRankAtK([['x'], ['y', 'a', 'b']], relevant, 10)).toBeCloseTo(4 / 9, 12);
    expect(reciprocalRankAtK([['x'], ['y', 'a', 'z']], relevant, 2)).toBeCloseTo(1 / 6, 12);
    const ranking: Ranking = [['x', 'y'], ['c', 'a', 'b', 'd']];
    expect(reciprocalRankAtK(ranking, relevant, 4)).toBeCloseTo(meanOverOrders(reciprocalRankAtK, ranking, relevant, 4), 12);
  });
});

describe('averagePrecisionAtK', () => {
  it('averages precision at each relevant hit over all relevant items', () => {
    const relevant = binaryJudgements(['a', 'b', 'c', 'z']);
    const ranking = rankingFromOrder(['a', 'x', 'b', 'y', 'c']);
    expect(averagePrecisionAtK(ranking, relevant, 5)).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 4, 12);
    expect(averagePrecisionAtK(ranking, relevant, 3)).toBeCloseTo((1 + 2 / 3) / 4, 12);
  });

  it('takes the expectation over tie orders', () => {
    expect(averagePrecisionAtK([['a', 'x']], binaryJudgements(['a']), 2)).toBeCloseTo(0.75, 12);
    expect(averagePrecisionAtK([['a', 'b']], binaryJudgements(['a', 'b']), 2)).toBeCloseTo(1, 12);
    const relevant = binaryJudgements(['a', 'b', 'e']);
    const ranking: Ranking = [['x'], ['a', 'y', 'b'], ['c', 'e']];
    for (const k of [2, 4, 6]) {
      expect(averagePrecisionAtK(ranking, relevant, k)).toBeCloseTo(meanOverOrders(averagePrecisionAtK, ranking, relevant, k), 12);
    }
  });
});

describe('catalogCoverage', () => {
  it('is the share of catalog items shown in any list', () => {
    expect(catalogCoverage([['a', 'b'], ['b', 'c', 'q']], new Set(['a', 'b', 'c', 'd']))).toBe(0.75);
    expect(() => catalogCoverage([], new Set())).toThrow('non-empty catalog');
  });
});

describe('intraListDiversity', () => {
  const genres: Record<string, string[]> = { a: ['Action', 'Comedy'], b: ['Comedy'], c: ['Drama'], e: [], f: [] };
  const lookup = (id: string) => genres[id];

  it('is the mean pairwise 1 − Jaccard of the genre sets', () => {
    // a–b: 1 − 1/2; a–c: 1; b–c: 1.
    expect(intraListDiversity(['a', 'b', 'c'], lookup)).toBeCloseTo(2.5 / 3, 12);
    expect(intraListDiversity(['a', 'a'], lookup)).toBe(0);
    expect(intraListDiversity(['e', 'f'], lookup)).toBe(0);
    expect(intraListDiversity(['a'], lookup)).toBeNull();
  });
});
