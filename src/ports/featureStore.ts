import type { ScoredId } from '../domain/candidate.js';
import type { EventType, InteractionEvent } from '../domain/event.js';
import type { Item } from '../domain/item.js';

/** Aggregates of what people did with one item. */
export interface ItemStats {
  readonly itemId: string;
  readonly counts: Readonly<Record<EventType, number>>;
  /**
   * The same counts, time-decayed: forward-decayed sums (features/forwardDecay.ts) with the
   * `itemInteractions` half-life, read with decayedValue(sum, now, ...).
   */
  readonly decayedCounts: Readonly<Record<EventType, number>>;
  readonly ratingSum: number;
  readonly ratingCount: number;
  /** Distinct users with a positive interaction. */
  readonly positiveUsers: number;
  /** Epoch ms of the latest event, null when none. */
  readonly lastEventAt: number | null;
}

/** One interaction, as kept in a user's history. */
export interface HistoryEntry {
  readonly itemId: string;
  readonly type: EventType;
  readonly value: number | null;
  readonly timestamp: number;
}

/** What is known of one user. */
export interface UserProfile {
  readonly userId: string;
  readonly eventCount: number;
  readonly positiveCount: number;
  readonly ratingSum: number;
  readonly ratingCount: number;
  /** Positive interactions, most recent first, bounded. */
  readonly recentPositives: readonly HistoryEntry[];
  /** Every item the user interacted with (other than impressions). */
  readonly seenItemIds: ReadonlySet<string>;
  /** Weight of each category among the user's positive interactions, summing to 1. */
  readonly categoryAffinity: Readonly<Record<string, number>>;
  /** The same weights time-decayed (`userCategories` half-life), so that recent taste counts most; summing to 1. */
  readonly recentCategoryAffinity: Readonly<Record<string, number>>;
  readonly firstEventAt: number | null;
  readonly lastEventAt: number | null;
}

/** Outcome of applying a batch of events. */
export interface ApplyResult {
  /** Ids of events applied now. */
  readonly applied: readonly string[];
  /** Ids of events already applied earlier with the same content (idempotency by event id). */
  readonly duplicates: readonly string[];
  /**
   * Ids already applied earlier (in an earlier batch or earlier in this one) with other content:
   * not applied, and not a retry either. Content is what happened (eventContent); the timestamp
   * is left out, as a resend without one is stamped anew on arrival.
   */
  readonly conflicts: readonly string[];
}

/** What an event id stands for: a resend of the same id must say the same. */
export function eventContent(event: Pick<InteractionEvent, 'type' | 'userId' | 'itemId' | 'value'>): string {
  return JSON.stringify([event.type, event.userId, event.itemId, event.value]);
}

/**
 * Whether a failed write may have been applied: `not-written` when it was refused before it
 * reached the store (nothing of the batch was recorded), `unknown` when it was sent and no
 * answer came (a batch is atomic, so it was recorded whole or not at all). Carried in the
 * BACKEND_UNAVAILABLE error's details as `writeOutcome`.
 */
export type WriteOutcome = 'not-written' | 'unknown';

/**
 * Online features. Every read method takes a batch and costs one round trip, so a
 * DataLoader batch becomes one call whatever the number of keys.
 */
export interface FeatureStore {
  getItemStats(itemIds: readonly string[]): Promise<(ItemStats | null)[]>;
  getUserProfiles(userIds: readonly string[]): Promise<(UserProfile | null)[]>;
  /** Items by number of positive users, most popular first. */
  popular(limit: number, offset: number): Promise<ScoredId[]>;
  /**
   * Records events (idempotent by event id) and updates every aggregate they touch,
   * atomically. `items` gives the categories of the items the events name. A store that cannot
   * be written throws BACKEND_UNAVAILABLE with a WriteOutcome in its details.
   */
  applyEvents(events: readonly InteractionEvent[], items: ReadonlyMap<string, Item>): Promise<ApplyResult>;
  /** Drops everything known about these items (after they leave the catalog). */
  forgetItems(itemIds: readonly string[]): Promise<void>;
  /** Resolves when the store answers, throws BACKEND_UNAVAILABLE while it cannot (for /health). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
