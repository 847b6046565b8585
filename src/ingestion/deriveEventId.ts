import { createHash } from 'node:crypto';
import type { InteractionEvent } from '../domain/event.js';

/** Hex digits kept of the SHA-1: 128 bits, far beyond any collision risk of an event log. */
const ID_HEX_LENGTH = 32;

export type EventIdFields = Pick<InteractionEvent, 'type' | 'userId' | 'itemId' | 'timestamp' | 'value'>;

/**
 * The idempotency key of an event sent without one: the same fields give the same id, so a
 * client retrying a batch records each event once. The fields are hashed as a JSON array,
 * which keeps `("a|b", "c")` and `("a", "b|c")` apart where a joined string would not.
 */
export function deriveEventId(fields: EventIdFields): string {
  const canonical = JSON.stringify([fields.type, fields.userId, fields.itemId, fields.timestamp, fields.value]);
  return createHash('sha1').update(canonical).digest('hex').slice(0, ID_HEX_LENGTH);
}
