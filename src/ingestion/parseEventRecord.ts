import { describeValue } from './describeValue.js';
import { parseIdField } from './parseIdField.js';
import { parseNumberField } from './parseNumberField.js';
import { parseTimestamp } from './parseTimestamp.js';
import type { RawFields } from './sourceRecord.js';
import { unknownFieldProblem } from './unknownFieldProblem.js';
import type { UncheckedEventInput } from './validateEvent.js';
import { invalid, valid, type Validation } from './validation.js';

export const EVENT_FIELDS = ['id', 'type', 'userId', 'itemId', 'timestamp', 'value', 'requestId'] as const;

/**
 * Reads the fields of one event record (a JSON object or a CSV row). The type is matched
 * loosely, as people write it: `RATING`, `add-to-cart` and `Add to cart` all name a known
 * type. Only the shape is checked here; the rules are validateEvent's.
 */
export function parseEventRecord(fields: RawFields): Validation<UncheckedEventInput> {
  const unknown = unknownFieldProblem(fields, EVENT_FIELDS);
  if (unknown !== null) return invalid(unknown);
  if (typeof fields.type !== 'string') return invalid(`type must be a string, got ${describeValue(fields.type)}`);
  const id = parseIdField('id', fields.id);
  if (!id.ok) return id;
  const userId = parseIdField('userId', fields.userId);
  if (!userId.ok) return userId;
  if (userId.value === null) return invalid('userId is required');
  const itemId = parseIdField('itemId', fields.itemId);
  if (!itemId.ok) return itemId;
  if (itemId.value === null) return invalid('itemId is required');
  const timestamp = parseTimestamp('timestamp', fields.timestamp);
  if (!timestamp.ok) return timestamp;
  const value = parseNumberField('value', fields.value);
  if (!value.ok) return value;
  const requestId = parseIdField('requestId', fields.requestId);
  if (!requestId.ok) return requestId;
  return valid({
    id: id.value,
    type: fields.type.trim().toLowerCase().replace(/[\s-]+/g, '_'),
    userId: userId.value,
    itemId: itemId.value,
    timestamp: timestamp.value,
    value: value.value,
    requestId: requestId.value,
  });
}
