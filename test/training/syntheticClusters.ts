import { uint32Random } from '../../src/training/uint32Random.js';

/**
 * A corpus whose answer is known: `clusters` groups of `size` tokens ("c0t0".."c0t4", ...);
 * every sequence shuffles the tokens of one group, so tokens of a group always co-occur and
 * tokens of different groups never do.
 */
export function syntheticClusters(clusters: number, size: number, sequencesPerCluster: number, seed = 7): string[][] {
  const random = uint32Random(seed);
  const sequences: string[][] = [];
  for (let s = 0; s < sequencesPerCluster; s += 1) {
    for (let c = 0; c < clusters; c += 1) {
      const tokens = Array.from({ length: size }, (_, t) => `c${c}t${t}`);
      for (let i = tokens.length - 1; i > 0; i -= 1) {
        const j = random() % (i + 1);
        [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
      }
      sequences.push(tokens);
    }
  }
  return sequences;
}
