import { EVENT_TYPES, type EventType, type InteractionEvent } from '../domain/event.js';
import type { EventInput } from '../pipeline/requests.js';
import { deriveEventId } from './deriveEventId.js';
import { describeValue } from './describeValue.js';
import { idProblem } from './idProblem.js';
import { invalid, valid, type Validation } from './validation.js';

/** An event as it arrives from a file or the API, before its type is known to be one of ours. */
export type UncheckedEventInput = Omit<EventInput, 'type'> & { readonly type: string };

/** Clocks drift; an event from further ahead than this is a client bug, not skew. */
export const MAX_FUTURE_MS = 5 * 60 * 1000;
export const MIN_RATING = 0.5;
export const MAX_RATING = 5;

/**
 * Turns an event input into the event that is recorded, or says why it cannot be. Shared by
 * the recordEvents mutation and file ingestion so that both accept exactly the same events.
 * Pure: `now` (epoch ms) stands in for a missing timestamp and bounds future ones. An event
 * without an id gets `deriveEventId` of its fields, with the timestamp as resolved here.
 */
export function validateEvent(input: UncheckedEventInput, now: number): Validation<InteractionEvent> {
  if (!isEventType(input.type)) {
    return invalid(`type must be one of ${EVENT_TYPES.join(', ')}, got ${describeValue(input.type)}`);
  }
  const idsProblem =
    (input.id === null ? null : idProblem('id', input.id)) ??
    idProblem('userId', input.userId) ??
    idProblem('itemId', input.itemId) ??
    (input.requestId === null ? null : idProblem('requestId', input.requestId));
  if (idsProblem !== null) return invalid(idsProblem);

  const timestamp = input.timestamp ?? now;
  if (!Number.isInteger(timestamp)) {
    return invalid(`timestamp must be an integer number of epoch milliseconds, got ${describeValue(timestamp)}`);
  }
  if (timestamp < 0) return invalid(`timestamp must not be before 1970, got ${showTimestamp(timestamp)}`);
  if (timestamp > now + MAX_FUTURE_MS) {
    return invalid(`timestamp must be at most 5 minutes in the future, got ${showTimestamp(timestamp)}`);
  }

  const valueProblem = ratingProblem(input.type, input.value);
  if (valueProblem !== null) return invalid(valueProblem);

  const fields = { type: input.type, userId: input.userId, itemId: input.itemId, timestamp, value: input.value };
  return valid({ id: input.id ?? deriveEventId(fields), ...fields, requestId: input.requestId });
}

// Date's range ends at ±8.64e15 ms; beyond it toISOString throws instead of printing.
function showTimestamp(timestamp: number): string {
  return Math.abs(timestamp) <= 8.64e15 ? new Date(timestamp).toISOString() : String(timestamp);
}

function isEventType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

function ratingProblem(type: EventType, value: number | null): string | null {
  if (type !== 'rating') {
    return value === null ? null : `value is only allowed on rating events, got ${describeValue(value)} on ${type}`;
  }
  if (value === null) return 'value is required on rating events';
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_RATING || value > MAX_RATING) {
    return `value of a rating must be from ${MIN_RATING} to ${MAX_RATING}, got ${describeValue(value)}`;
  }
  return null;
}
