import { daleChall } from 'dale-chall';

/**
 * Deterministic English-looking texts of `minWords` to `maxWords` words, each one different,
 * so that no run is helped by the cache unless it means to be.
 */
export function syntheticTexts(count: number, minWords: number, maxWords: number, seed: number): string[] {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: enough to pick words.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  return Array.from({ length: count }, (_, index) => {
    const length = minWords + Math.floor(next() * (maxWords - minWords + 1));
    const words = Array.from({ length }, () => daleChall[Math.floor(next() * daleChall.length)]);
    return `${index} ${words.join(' ')}`;
  });
}
