/** Sequences re-encoded as dense token indexes, with the counts that sampling needs. */
export interface TrainingCorpus<T> {
  /** The kept tokens; index i of `counts` and of every vector table is tokens[i]. */
  readonly tokens: readonly T[];
  readonly counts: Int32Array;
  /** Only sequences that still hold two tokens: a lone token has no context to learn from. */
  readonly sequences: readonly Int32Array[];
  /** Tokens in the kept sequences (one epoch's worth before subsampling). */
  readonly totalTokens: number;
}

/**
 * Counts tokens, drops those seen fewer than `minCount` times (too rare to place: their vectors
 * would stay near their random start and sit next to anything), and indexes the rest in order
 * of first appearance, so that the same input always gives the same indexes.
 */
export function trainingCorpus<T>(sequences: Iterable<readonly T[]>, minCount: number): TrainingCorpus<T> {
  if (!Number.isInteger(minCount) || minCount < 1) throw new RangeError(`minCount must be a positive integer, got ${minCount}`);
  const all = [...sequences];
  const frequency = new Map<T, number>();
  for (const sequence of all) for (const token of sequence) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const index = new Map<T, number>();
  const tokens: T[] = [];
  for (const [token, count] of frequency) {
    if (count >= minCount) {
      index.set(token, tokens.length);
      tokens.push(token);
    }
  }
  const counts = new Int32Array(tokens.length);
  const encoded: Int32Array[] = [];
  let totalTokens = 0;
  for (const sequence of all) {
    const kept: number[] = [];
    for (const token of sequence) {
      const i = index.get(token);
      if (i !== undefined) kept.push(i);
    }
    if (kept.length < 2) continue;
    for (const i of kept) counts[i]! += 1;
    totalTokens += kept.length;
    encoded.push(Int32Array.from(kept));
  }
  return { tokens, counts, sequences: encoded, totalTokens };
}
