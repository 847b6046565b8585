import { seededGaussian } from '../onnx/seededGaussian.js';

/**
 * A token-embedding table whose rows are random directions scaled by the given weights.
 *
 * Mean pooling over a Gather is a weighted bag of words, and independent random directions in
 * a few hundred dimensions are nearly orthogonal, so the cosine of two texts tracks the
 * (weighted) words they share: texts that share words are closer than texts that share none.
 * Rows depend only on (seed, token), never on the row index.
 */
export function randomEmbeddingTable(
  tokens: readonly string[],
  weights: Float32Array,
  dimension: number,
  seed: number,
): Float32Array {
  if (weights.length !== tokens.length) {
    throw new RangeError(`expected one weight per token (${tokens.length}), got ${weights.length}`);
  }
  const table = new Float32Array(tokens.length * dimension);
  const row = new Float64Array(dimension);
  tokens.forEach((token, index) => {
    const weight = weights[index] ?? 0;
    if (weight === 0) return;
    const next = seededGaussian(seed, token);
    let squares = 0;
    for (let i = 0; i < dimension; i += 1) {
      const value = next();
      row[i] = value;
      squares += value * value;
    }
    const scale = weight / Math.sqrt(squares);
    for (let i = 0; i < dimension; i += 1) table[index * dimension + i] = (row[i] ?? 0) * scale;
  });
  return table;
}
