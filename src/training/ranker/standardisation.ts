import type { ExampleSet } from './exampleSet.js';

export interface Standardisation {
  readonly mean: number[];
  /** 0 for a feature constant over the training rows: the model reads it as 0 (see scoreCandidate). */
  readonly std: number[];
}

/** Per-feature mean and population standard deviation over every training row. */
export function fitStandardisation(set: ExampleSet): Standardisation {
  const n = set.featureNames.length;
  const sum = new Float64Array(n);
  const sumSquares = new Float64Array(n);
  let count = 0;
  for (const group of set.groups) {
    for (const row of group.rows) {
      for (let j = 0; j < n; j++) {
        sum[j]! += row[j]!;
        sumSquares[j]! += row[j]! * row[j]!;
      }
      count += 1;
    }
  }
  if (count === 0) throw new Error('fitStandardisation: no training rows');
  const mean = [...sum].map((s) => s / count);
  const std = [...sumSquares].map((s, j) => {
    const variance = s / count - mean[j]! ** 2;
    // Below this the feature is constant up to rounding: a weight on it would only fit noise.
    return variance > 1e-12 ? Math.sqrt(variance) : 0;
  });
  return { mean, std };
}

/** One row as the model reads it; a constant feature reads as 0, as it does at serving. */
export function standardise(row: Float64Array, standardisation: Standardisation): Float64Array {
  const z = new Float64Array(row.length);
  for (let j = 0; j < row.length; j++) {
    const std = standardisation.std[j]!;
    z[j] = std > 0 ? (row[j]! - standardisation.mean[j]!) / std : 0;
  }
  return z;
}
