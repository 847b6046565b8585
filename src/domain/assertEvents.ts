import { EVENT_TYPES, type EventType, type InteractionEvent } from './event.js';

const TYPES = new Set<string>(EVENT_TYPES);

/**
 * A feature store's own invariants on the events it is given, checked before anything is
 * written so that a bad event in a batch changes nothing. The API and file ingestion validate
 * first (validateEvent); this guards the stores against a caller that skipped it.
 */
export function assertEvents(events: readonly InteractionEvent[]): void {
  events.forEach((event, index) => {
    const problem = eventProblem(event);
    if (problem !== null) throw new TypeError(`events[${index}] (${JSON.stringify(event.id)}): ${problem}`);
  });
}

function eventProblem(event: InteractionEvent): string | null {
  if (typeof event.id !== 'string' || event.id.length === 0) return 'id must be a non-empty string';
  if (!TYPES.has(event.type as EventType)) return `type must be one of ${EVENT_TYPES.join(', ')}`;
  if (typeof event.userId !== 'string' || event.userId.length === 0) return 'userId must be a non-empty string';
  if (typeof event.itemId !== 'string' || event.itemId.length === 0) return 'itemId must be a non-empty string';
  if (!Number.isSafeInteger(event.timestamp)) return 'timestamp must be an integer number of epoch milliseconds';
  if (event.value !== null && !Number.isFinite(event.value)) return 'value must be a finite number or null';
  return null;
}
