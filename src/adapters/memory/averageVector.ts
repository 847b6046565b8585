/**
 * The query vector of Qdrant's `average_vector` recommend strategy from the examples' vectors:
 * each L2-normalised first (Qdrant keeps cosine vectors normalised), then `avg(positive)`, or
 * `avg(positive) + avg(positive) − avg(negative)` when there are negatives.
 */
export function averageVector(positive: readonly Float32Array[], negative: readonly Float32Array[]): Float32Array {
  const dimension = positive[0]!.length;
  const mean = (vectors: readonly Float32Array[]): Float64Array => {
    const sum = new Float64Array(dimension);
    for (const vector of vectors) {
      const norm = Math.hypot(...vector) || 1;
      for (let d = 0; d < dimension; d += 1) sum[d]! += vector[d]! / norm / vectors.length;
    }
    return sum;
  };
  const positives = mean(positive);
  if (negative.length === 0) return Float32Array.from(positives);
  const negatives = mean(negative);
  return Float32Array.from(positives, (value, d) => value + value - negatives[d]!);
}
