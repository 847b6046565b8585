import { EVENT_TYPES, type EventType } from '../../domain/event.js';
import { shares } from '../../features/forwardDecay.js';
import type { HistoryEntry, ItemStats, UserProfile } from '../../ports/featureStore.js';

// Hashes of the Redis feature store as HGETALL returns them (an empty object for a missing
// key), and their domain values: the same shapes as the SQLite rows in featureRows.ts.

type Hash = Readonly<Record<string, string>>;

const num = (hash: Hash, field: string): number => Number(hash[field] ?? 0);
const numbers = (hash: Hash): Record<string, number> => Object.fromEntries(Object.entries(hash).map(([key, value]) => [key, Number(value)]));
const numOrNull = (hash: Hash, field: string): number | null => (hash[field] === undefined ? null : Number(hash[field]));

export function toItemStats(itemId: string, hash: Hash): ItemStats | null {
  if (Object.keys(hash).length === 0) return null;
  const byType = (prefix: string) => Object.fromEntries(EVENT_TYPES.map((type) => [type, num(hash, prefix + type)])) as Record<EventType, number>;
  return {
    itemId,
    counts: byType(''),
    decayedCounts: byType('decayed_'),
    ratingSum: num(hash, 'rating_sum'),
    ratingCount: num(hash, 'rating_count'),
    positiveUsers: num(hash, 'positive_users'),
    lastEventAt: numOrNull(hash, 'last_event_at'),
  };
}

/** `positives` are the members of the user's history set, latest first: a 15-digit log position, then the entry's JSON. */
export function toUserProfile(
  userId: string,
  user: Hash,
  positives: readonly string[],
  seen: readonly string[],
  categories: Hash,
  decayedCategories: Hash,
): UserProfile | null {
  if (Object.keys(user).length === 0) return null;
  return {
    userId,
    eventCount: num(user, 'event_count'),
    positiveCount: num(user, 'positive_count'),
    ratingSum: num(user, 'rating_sum'),
    ratingCount: num(user, 'rating_count'),
    recentPositives: positives.map((member): HistoryEntry => {
      const [itemId, type, value, timestamp] = JSON.parse(member.slice(15)) as [string, EventType, number | null, number];
      return { itemId, type, value, timestamp };
    }),
    seenItemIds: new Set(seen),
    categoryAffinity: shares(numbers(categories)),
    recentCategoryAffinity: shares(numbers(decayedCategories)),
    firstEventAt: numOrNull(user, 'first_event_at'),
    lastEventAt: numOrNull(user, 'last_event_at'),
  };
}
