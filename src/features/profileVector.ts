/**
 * A user's taste as one vector: the recency-weighted mean of the vectors of items they liked,
 * L2-normalised. `vectors` come most recent first; the i-th has weight decay^i so that the
 * latest interactions steer the profile. Null when no vector is known.
 */
export function profileVector(vectors: readonly (Float32Array | null)[], decay = 0.95): Float32Array | null {
  let sum: Float32Array | null = null;
  let weight = 1;
  for (const vector of vectors) {
    if (vector) {
      sum ??= new Float32Array(vector.length);
      for (let d = 0; d < vector.length; d++) sum[d]! += weight * vector[d]!;
    }
    weight *= decay;
  }
  if (!sum) return null;
  let norm = 0;
  for (let d = 0; d < sum.length; d++) norm += sum[d]! * sum[d]!;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let d = 0; d < sum.length; d++) sum[d]! /= norm;
  return sum;
}
