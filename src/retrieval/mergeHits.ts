import type { ScoredId } from '../domain/candidate.js';

/** Several lists of the same source as one: best score per id, best first, at most `limit`. */
export function mergeHits(lists: readonly (readonly ScoredId[])[], limit: number): ScoredId[] {
  const best = new Map<string, number>();
  for (const list of lists) {
    for (const hit of list) best.set(hit.id, Math.max(best.get(hit.id) ?? -Infinity, hit.score));
  }
  return [...best.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
