/**
 * A seeded 32-bit generator (mulberry32). The trainer draws millions of numbers, so it returns
 * raw unsigned integers: callers take a modulo or scale once, without a division per draw.
 */
export function uint32Random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
