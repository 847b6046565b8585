import type { Ranking } from '../metrics/ranking.js';

/**
 * The best `k` of the scored item indexes, plus the rest of the tie group the k-th place
 * falls in, as tie groups of ids. Items with a score of 0 or less are not recommended: a
 * baseline has no opinion of them. Within a group, catalog order, so output is stable.
 */
export function topKWithTies(candidates: Iterable<number>, score: (item: number) => number, k: number, itemIds: readonly string[]): Ranking {
  const scored: number[] = [];
  for (const item of candidates) if (score(item) > 0) scored.push(item);
  scored.sort((a, b) => score(b) - score(a) || a - b);
  const groups: string[][] = [];
  let placed = 0;
  let last = Number.NaN;
  for (const item of scored) {
    const value = score(item);
    if (value !== last) {
      if (placed >= k) break;
      groups.push([]);
      last = value;
    }
    groups[groups.length - 1]!.push(itemIds[item]!);
    placed += 1;
  }
  return groups;
}
