import type { EventType, InteractionEvent } from '../../domain/event.js';
import { shares } from '../../features/forwardDecay.js';
import type { HistoryEntry, ItemStats, UserProfile } from '../../ports/featureStore.js';

// Rows of features.db as the statements of featureStatements.ts return them, and their
// domain values. A LEFT JOIN on an unknown id gives a row of nulls: the value is null.

export interface ItemStatsRow {
  readonly item_id: string | null;
  readonly view: number;
  readonly click: number;
  readonly add_to_cart: number;
  readonly purchase: number;
  readonly rating: number;
  readonly impression: number;
  readonly decayed_view: number;
  readonly decayed_click: number;
  readonly decayed_add_to_cart: number;
  readonly decayed_purchase: number;
  readonly decayed_rating: number;
  readonly decayed_impression: number;
  readonly rating_sum: number;
  readonly rating_count: number;
  readonly positive_users: number;
  readonly last_event_at: number | null;
}

export interface UserRow {
  readonly user_id: string | null;
  readonly event_count: number;
  readonly positive_count: number;
  readonly rating_sum: number;
  readonly rating_count: number;
  readonly first_event_at: number | null;
  readonly last_event_at: number | null;
  /** JSON: [[itemId, type, value, ts], ...], most recent first. */
  readonly recent: string;
  /** JSON: [itemId, ...]. */
  readonly seen: string;
  /** JSON: {category: weight, ...}. */
  readonly categories: string;
  /** JSON: {category: forward-decayed weight, ...}. */
  readonly decayed_categories: string;
}

export interface EventRow {
  readonly seq: number;
  readonly id: string;
  readonly type: EventType;
  readonly user_id: string;
  readonly item_id: string;
  readonly ts: number;
  readonly value: number | null;
  readonly request_id: string | null;
}

export function toItemStats(row: ItemStatsRow): ItemStats | null {
  if (row.item_id === null) return null;
  return {
    itemId: row.item_id,
    counts: {
      view: row.view,
      click: row.click,
      add_to_cart: row.add_to_cart,
      purchase: row.purchase,
      rating: row.rating,
      impression: row.impression,
    },
    decayedCounts: {
      view: row.decayed_view,
      click: row.decayed_click,
      add_to_cart: row.decayed_add_to_cart,
      purchase: row.decayed_purchase,
      rating: row.decayed_rating,
      impression: row.decayed_impression,
    },
    ratingSum: row.rating_sum,
    ratingCount: row.rating_count,
    positiveUsers: row.positive_users,
    lastEventAt: row.last_event_at,
  };
}

export function toUserProfile(row: UserRow): UserProfile | null {
  if (row.user_id === null) return null;
  const recent = JSON.parse(row.recent) as [string, EventType, number | null, number][];
  return {
    userId: row.user_id,
    eventCount: row.event_count,
    positiveCount: row.positive_count,
    ratingSum: row.rating_sum,
    ratingCount: row.rating_count,
    recentPositives: recent.map(([itemId, type, value, timestamp]): HistoryEntry => ({ itemId, type, value, timestamp })),
    seenItemIds: new Set(JSON.parse(row.seen) as string[]),
    categoryAffinity: shares(JSON.parse(row.categories) as Record<string, number>),
    recentCategoryAffinity: shares(JSON.parse(row.decayed_categories) as Record<string, number>),
    firstEventAt: row.first_event_at,
    lastEventAt: row.last_event_at,
  };
}

export function toEvent(row: EventRow): InteractionEvent {
  return {
    id: row.id,
    type: row.type,
    userId: row.user_id,
    itemId: row.item_id,
    timestamp: row.ts,
    value: row.value,
    requestId: row.request_id,
  };
}
