/**
 * A ranked list as a sequence of tie groups: the items of one group share a score, so their
 * order among themselves says nothing. A strict ranking has groups of one. Metrics take the
 * expected value over the orders a tie group could have been served in (McSherry and Najork,
 * ECIR 2008), so a baseline that ties is neither flattered nor punished by how a sort broke
 * its ties.
 */
export type Ranking = readonly (readonly string[])[];

/** A list served in a definite order (the gateway's pages). */
export function rankingFromOrder(ids: readonly string[]): Ranking {
  return ids.map((id) => [id]);
}

/**
 * Groups scored ids, already sorted best first, into tie groups of equal score. Throws when
 * the input is not sorted, since a group boundary would otherwise be silently wrong.
 */
export function rankingFromScores(scored: readonly { readonly id: string; readonly score: number }[]): Ranking {
  const groups: string[][] = [];
  let previous = Number.POSITIVE_INFINITY;
  for (const { id, score } of scored) {
    if (score > previous) {
      throw new Error(`rankingFromScores expects scores sorted best first; got ${score} after ${previous} (id ${JSON.stringify(id)})`);
    }
    if (score === previous) groups[groups.length - 1]!.push(id);
    else groups.push([id]);
    previous = score;
  }
  return groups;
}

/** One tie group with the 0-based position of its first item. */
export interface GroupSpan {
  readonly ids: readonly string[];
  readonly start: number;
}

/** The groups of a ranking with their positions, stopping at the first group past `k`. */
export function spansWithin(ranking: Ranking, k: number): GroupSpan[] {
  const spans: GroupSpan[] = [];
  let start = 0;
  for (const ids of ranking) {
    if (start >= k) break;
    spans.push({ ids, start });
    start += ids.length;
  }
  return spans;
}

/** The first `k` ids in served order (ties in their given order): what a person would see. */
export function topIds(ranking: Ranking, k: number): string[] {
  return ranking.flat().slice(0, k);
}
