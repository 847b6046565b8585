/** The nearest-rank percentile (0 < p ≤ 100) of values sorted ascending; null when empty. */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new Error(`percentile: p must be in (0, 100], got ${p}`);
  if (sortedAscending.length === 0) return null;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[rank - 1]!;
}
