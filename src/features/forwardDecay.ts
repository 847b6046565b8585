/**
 * Time-decayed aggregates by forward decay (Cormode et al., 2009): an event at time t adds
 * 2^((t - LANDMARK) / halfLife) to a sum, and the sum's value at `now` is that sum times
 * 2^(-(now - LANDMARK) / halfLife). The result is the usual exponentially decayed count, but a
 * write is a plain addition whatever the order events arrive in, so that SQLite, a Redis
 * script and a batch replay of the log all keep the same sums with no read-modify-write, and
 * the decay is applied lazily, at read time, by this one pure function with `now` passed in.
 *
 * Doubles hold 2^±1000, so sums stay exact-in-ratio for events within about 1000 half-lives of
 * the landmark (7-day half-life: 2006 to 2044); older events underflow to 0, which is their
 * decayed value at any present time anyway.
 */
export const DECAY_LANDMARK_MS = Date.UTC(2025, 0, 1);

const DAY_MS = 86_400_000;

/** Half-lives of the decayed aggregates. Changing one changes stored sums: run recompute:features. */
export const HALF_LIVES = {
  /** Item interaction counts by type: "trending" reacts within days. */
  itemInteractions: 7 * DAY_MS,
  /** A user's category affinity: taste moves over months. */
  userCategories: 180 * DAY_MS,
} as const;

/** What one event at `timestamp` adds to a forward-decayed sum. */
export function decayWeight(timestamp: number, halfLifeMs: number): number {
  return 2 ** ((timestamp - DECAY_LANDMARK_MS) / halfLifeMs);
}

/** The decayed value at `now` of a forward-decayed sum. */
export function decayedValue(sum: number, now: number, halfLifeMs: number): number {
  return sum === 0 ? 0 : sum * 2 ** (-(now - DECAY_LANDMARK_MS) / halfLifeMs);
}

/** Shares of a map of forward-decayed sums (summing to 1); the landmark factor cancels, so no `now` is needed. */
export function shares(sums: Readonly<Record<string, number>>): Record<string, number> {
  let total = 0;
  for (const value of Object.values(sums)) total += value;
  const result: Record<string, number> = {};
  if (total > 0) for (const [key, value] of Object.entries(sums)) result[key] = value / total;
  return result;
}
