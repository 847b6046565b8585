import type { EventType, InteractionEvent } from '../../../src/domain/event.js';
import type { Item } from '../../../src/domain/item.js';
import { item } from './catalogFixture.js';

export function event(id: string, userId: string, itemId: string, type: EventType, timestamp: number, value: number | null = null): InteractionEvent {
  return { id, type, userId, itemId, timestamp, value, requestId: type === 'impression' ? `req-${id}` : null };
}

/** i4 is deliberately missing: events may name an item the caller has no payload for. */
export const ITEMS: ReadonlyMap<string, Item> = new Map([
  ['i1', item('i1', { categories: ['Comedy'] })],
  ['i2', item('i2', { categories: ['Action', 'Crime'] })],
  ['i3', item('i3', { categories: ['Comedy', 'Drama'] })],
]);

/**
 * Ten events whose aggregates are worked out by hand in the behaviour suite. Timestamps are
 * out of order on purpose (e7, e9): "latest" means by timestamp, not by arrival.
 */
export const EVENTS: readonly InteractionEvent[] = [
  event('e1', 'u1', 'i1', 'rating', 1000, 5),
  event('e2', 'u1', 'i2', 'rating', 2000, 2),
  event('e3', 'u1', 'i2', 'click', 3000),
  event('e4', 'u2', 'i1', 'view', 1500),
  event('e5', 'u2', 'i1', 'impression', 1600),
  event('e6', 'u2', 'i3', 'purchase', 2500),
  event('e7', 'u1', 'i1', 'add_to_cart', 500),
  event('e8', 'u3', 'i4', 'rating', 4000, 4),
  event('e9', 'u2', 'i2', 'impression', 100),
  event('e10', 'u3', 'i3', 'click', 4500),
];
