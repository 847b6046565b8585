import { describe, expect, it } from '@jest/globals';
import type { RankerModel } from '../../src/ranking/rankerModel.js';
import type { ExampleGroup, ExampleSet } from '../../src/training/ranker/exampleSet.js';
import { fitLogisticRegression } from '../../src/training/ranker/fitLogisticRegression.js';
import { areaUnderRoc, logLoss, rankerMetrics } from '../../src/training/ranker/rankerMetrics.js';
import { fitStandardisation } from '../../src/training/ranker/standardisation.js';
import { TRAIN_RANKER_DEFAULTS, trainRanker, type TrainRankerOptions } from '../../src/training/ranker/trainRanker.js';
import { uint32Random } from '../../src/training/uint32Random.js';

/** Standard normal draws from the seeded generator (Box–Muller). */
function gaussian(seed: number): () => number {
  const random = uint32Random(seed);
  const uniform = () => (random() + 0.5) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

const NAMES = ['rrf', 'a', 'b', 'c'];
/** Per feature: mean, std, and the true weight on the standardised value. */
const MEANS = [0.02, 5, -1, 0];
const STDS = [0.01, 2, 0.5, 3];
const TRUE_WEIGHTS = [0.5, 1.5, -1, 0];
const TRUE_BIAS = -1.2;

/** Groups of candidates whose labels are drawn from the logistic model with the true weights. */
function syntheticSet(groups: number, perGroup: number, seed: number): ExampleSet {
  const normal = gaussian(seed);
  const random = uint32Random(seed + 1);
  const result: ExampleGroup[] = [];
  for (let g = 0; g < groups; g++) {
    const rows: Float64Array[] = [];
    const labels = new Uint8Array(perGroup);
    for (let i = 0; i < perGroup; i++) {
      const z = NAMES.map(() => normal());
      rows.push(Float64Array.from(z.map((value, j) => MEANS[j]! + STDS[j]! * value)));
      const logit = TRUE_BIAS + z.reduce((sum, value, j) => sum + TRUE_WEIGHTS[j]! * value, 0);
      labels[i] = random() / 2 ** 32 < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    result.push({ id: `u${g}`, itemIds: rows.map((_, i) => `i${i}`), rows, labels });
  }
  return { featureNames: NAMES, groups: result };
}

const FLAT_REFERENCE: RankerModel = {
  version: 'flat',
  featureNames: NAMES,
  mean: [0, 0, 0, 0],
  std: [1, 1, 1, 1],
  weights: [0, 0, 0, 0],
  bias: 0,
  training: null,
};

/** One pooled fit over every example, as the generating model is. */
const POOLED: TrainRankerOptions = { ...TRAIN_RANKER_DEFAULTS, tolerance: 1e-9, withinGroup: false };

describe('fitLogisticRegression', () => {
  it('recovers the weights that generated the labels, and says that it converged', () => {
    const train = syntheticSet(200, 100, 11);
    const run = trainRanker(train, syntheticSet(50, 100, 12), FLAT_REFERENCE, { ...POOLED, l2: 1e-6, classWeighting: 'none' });
    expect(run.fit.converged).toBe(true);
    expect(run.fit.gradientNorm).toBeLessThan(1e-9);
    expect(run.fit.iterations).toBeGreaterThanOrEqual(3);
    expect(run.fit.iterations).toBeLessThanOrEqual(10);
    // 20,000 examples: the standard error of each weight is about 0.02.
    run.fit.weights.forEach((weight, j) => expect(Math.abs(weight - TRUE_WEIGHTS[j]!)).toBeLessThan(0.07));
    expect(Math.abs(run.fit.bias - TRUE_BIAS)).toBeLessThan(0.07);
    run.standardisation.mean.forEach((mean, j) => expect(Math.abs(mean - MEANS[j]!)).toBeLessThan(0.05 * STDS[j]!));
    // On held-out data the fitted model beats a flat scorer, which is at chance.
    expect(run.validation.learned.auc).toBeGreaterThan(0.8);
    expect(run.validation.reference.auc).toBe(0.5);
    expect(run.validation.learned.ndcgAt10).toBeGreaterThan(run.validation.reference.ndcgAt10);
  });

  it('balanced class weighting moves the bias toward even odds and keeps the weights\' direction', () => {
    const train = syntheticSet(100, 100, 21);
    const balanced = trainRanker(train, train, FLAT_REFERENCE, { ...POOLED, l2: 1e-6, classWeighting: 'balanced' });
    const plain = trainRanker(train, train, FLAT_REFERENCE, { ...POOLED, l2: 1e-6, classWeighting: 'none' });
    expect(balanced.fit.converged).toBe(true);
    expect(balanced.fit.bias).toBeGreaterThan(plain.fit.bias);
    expect(Math.sign(balanced.fit.weights[1]!)).toBe(1);
    expect(Math.sign(balanced.fit.weights[2]!)).toBe(-1);
  });

  it('a strong L2 penalty shrinks the weights toward 0', () => {
    const train = syntheticSet(50, 100, 31);
    const weak = trainRanker(train, train, FLAT_REFERENCE, { ...POOLED, l2: 1e-6, classWeighting: 'none' });
    const strong = trainRanker(train, train, FLAT_REFERENCE, { ...POOLED, l2: 10, classWeighting: 'none' });
    expect(Math.abs(strong.fit.weights[1]!)).toBeLessThan(Math.abs(weak.fit.weights[1]!) / 5);
  });

  it('reports when it stops before the tolerance', () => {
    const set = syntheticSet(20, 50, 41);
    const rows = set.groups.flatMap((g) => g.rows.map((row) => Float64Array.from(row, (x, j) => (x - MEANS[j]!) / STDS[j]!)));
    const labels = Uint8Array.from(set.groups.flatMap((g) => [...g.labels]));
    const fit = fitLogisticRegression(rows, labels, new Float64Array(rows.length).fill(1), { l2: 1e-6, tolerance: 1e-12, maxIterations: 1 });
    expect(fit.iterations).toBe(1);
    expect(fit.converged).toBe(false);
    expect(fit.gradientNorm).toBeGreaterThan(1e-12);
  });

  it('the within-group fit ignores what is the same for a whole group, and orders each group as the centred fit does', () => {
    // Feature c is constant within each group and high where the group has many positives:
    // a pooled fit gives it weight, a ranker gains nothing from it.
    const base = syntheticSet(200, 50, 51);
    const groups = base.groups.map((group) => {
      const rate = group.labels.reduce((sum, label) => sum + label, 0) / group.labels.length;
      return { ...group, rows: group.rows.map((row) => Float64Array.of(row[0]!, row[1]!, row[2]!, 10 * rate)) };
    });
    const set: ExampleSet = { featureNames: NAMES, groups };
    const pooled = trainRanker(set, set, FLAT_REFERENCE, { ...POOLED, classWeighting: 'none' });
    const within = trainRanker(set, set, FLAT_REFERENCE, { ...POOLED, classWeighting: 'none', withinGroup: true });
    expect(Math.abs(pooled.fit.weights[3]!)).toBeGreaterThan(0.1);
    expect(within.fit.weights[3]).toBe(0);
    expect(within.fit.converged).toBe(true);
    // The weights stay near the generating ones, stated on the pooled standardisation.
    expect(Math.abs(within.fit.weights[1]! - TRUE_WEIGHTS[1]!)).toBeLessThan(0.15);
    expect(Math.abs(within.fit.weights[2]! - TRUE_WEIGHTS[2]!)).toBeLessThan(0.15);
  });

  it('a feature constant over the training rows gets std 0 and reads as 0', () => {
    const set: ExampleSet = {
      featureNames: ['rrf', 'k'],
      groups: [{ id: 'g', itemIds: ['x', 'y'], rows: [Float64Array.of(1, 7), Float64Array.of(3, 7)], labels: Uint8Array.of(1, 0) }],
    };
    expect(fitStandardisation(set)).toEqual({ mean: [2, 7], std: [1, 0] });
  });
});

describe('ranker metrics', () => {
  it('AUC counts ties as half; log loss is the mean negative log likelihood', () => {
    expect(areaUnderRoc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0])).toBe(0.75);
    expect(areaUnderRoc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(logLoss([0.8, 0.25], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.75)) / 2, 12);
  });

  it('NDCG@10 per group over its candidates, groups without a positive left out', () => {
    const set: ExampleSet = {
      featureNames: ['rrf'],
      groups: [
        { id: 'a', itemIds: ['x', 'y', 'z'], rows: [Float64Array.of(3), Float64Array.of(2), Float64Array.of(1)], labels: Uint8Array.of(0, 1, 0) },
        { id: 'b', itemIds: ['x', 'y'], rows: [Float64Array.of(2), Float64Array.of(1)], labels: Uint8Array.of(1, 0) },
        { id: 'c', itemIds: ['x'], rows: [Float64Array.of(2)], labels: Uint8Array.of(0) },
      ],
    };
    const metrics = rankerMetrics(set, { probability: false, score: (row) => row[0]! });
    // Group a: the positive at rank 2 → 1/log2(3); group b: at rank 1 → 1.
    expect(metrics.ndcgAt10).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12);
    expect(metrics.logLoss).toBeNull();
    // Positives score 2 and 2; negatives 3, 1, 1, 2: (0 + 1 + 1 + ½) × 2 of 8 pairs.
    expect(metrics.auc).toBe(5 / 8);
  });
});
