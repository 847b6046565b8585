import type { Rating } from './rating.js';

/**
 * The "now" of a gateway replayed on these ratings (epoch ms): the latest of them, the moment
 * its knowledge stops. Time-decayed and age features read it instead of the wall clock, so they
 * carry what they carried then. One moment for the whole gateway, not each user's own cutoff:
 * the stores hold every user's earlier ratings, and forward decay read at a time before some of
 * them would amplify those events instead of ignoring them.
 */
export function replayClock(ratings: readonly Rating[]): () => number {
  let latest = -Infinity;
  for (const rating of ratings) latest = Math.max(latest, rating.timestamp);
  if (!Number.isFinite(latest)) throw new Error('a replay needs at least one rating to take its time from');
  const now = latest * 1000;
  return () => now;
}
