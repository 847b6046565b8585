import type { EventInput as DomainEventInput } from '../../pipeline/requests.js';
import type { EventInput } from '../generated/resolversTypes.js';
import { checkCount } from './checkCount.js';
import { LIMITS } from './limits.js';

/**
 * The `events` of `recordEvents` for the gateway. Only the batch size is checked here: a bad
 * single event (a rating without value, a timestamp far in the future) is rejected by the
 * gateway with a reason in its own result, so the rest of the batch still counts.
 */
export function toEventInputs(events: readonly EventInput[]): DomainEventInput[] {
  checkCount(events, LIMITS.events, 'events', 'events');
  return events.map((event) => ({
    id: event.id ?? null,
    type: event.type,
    userId: event.userId,
    itemId: event.itemId,
    timestamp: event.timestamp ?? null,
    value: event.value ?? null,
    requestId: event.requestId ?? null,
  }));
}
