// Builtins read once: inside Jest's vm context every global lookup is slow, and these run
// millions of times when building test matrices.
const { imul, log, cos, sqrt, PI } = Math;

/** mulberry32: a tiny deterministic generator, so that "random" tests fail the same way twice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A unit-length vector with Gaussian components (Box–Muller), as an embedder would give. */
export function randomUnitVector(random: () => number, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  let squares = 0;
  for (let j = 0; j < dimension; j += 1) {
    const value = sqrt(-2 * log(1 - random())) * cos(2 * PI * random());
    vector[j] = value;
    squares += value * value;
  }
  const norm = sqrt(squares);
  for (let j = 0; j < dimension; j += 1) vector[j] = vector[j]! / norm;
  return vector;
}
