import { createHash } from 'node:crypto';

/**
 * A deterministic stream of standard normal numbers for one (seed, key) pair. Keying by the
 * token text rather than its row index keeps a word's vector the same across vocabularies
 * built from different corpora with the same seed.
 */
export function seededGaussian(seed: number, key: string): () => number {
  const digest = createHash('sha256').update(`${seed}\u0000${key}`).digest();
  let state = [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
  if (state.every((word) => word === 0)) state = [1, 2, 3, 4];
  let [a, b, c, d] = state as [number, number, number, number];

  // xoshiro128**: small, fast, good enough statistically for random projections.
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => (nextUint32() + 0.5) / 4294967296;

  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // Box-Muller: two normals per pair of uniforms.
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

function rotl(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift));
}
