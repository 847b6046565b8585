import { describeValue } from '../describeValue.js';
import type { RawFields } from '../sourceRecord.js';
import type { UncheckedEventInput } from '../validateEvent.js';
import { invalid, valid, type Validation } from '../validation.js';

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * One row of ratings.csv (userId,movieId,rating,timestamp in Unix seconds) as a rating event
 * at its real time. The id, `ml:<userId>:<movieId>:<timestamp seconds>`, names the row, so
 * importing the file again records nothing twice and an id can be found in the file by eye.
 */
export function movieLensRating(row: RawFields): Validation<UncheckedEventInput> {
  const { userId, movieId, rating, timestamp } = row;
  if (typeof userId !== 'string' || !INTEGER.test(userId)) return invalid(`userId must be a number, got ${describeValue(userId)}`);
  if (typeof movieId !== 'string' || !INTEGER.test(movieId)) {
    return invalid(`movieId must be a number, got ${describeValue(movieId)}`);
  }
  if (typeof rating !== 'string' || !DECIMAL.test(rating)) return invalid(`rating must be a number, got ${describeValue(rating)}`);
  if (typeof timestamp !== 'string' || !INTEGER.test(timestamp)) {
    return invalid(`timestamp must be Unix seconds, got ${describeValue(timestamp)}`);
  }
  return valid({
    id: `ml:${userId}:${movieId}:${timestamp}`,
    type: 'rating',
    userId,
    itemId: movieId,
    timestamp: Number(timestamp) * 1000,
    value: Number(rating),
    requestId: null,
  });
}
