import { mapRecords } from '../mapRecords.js';
import { readCsvRecords } from '../readCsvRecords.js';
import type { SourceRecord } from '../sourceRecord.js';
import type { UncheckedEventInput } from '../validateEvent.js';
import { movieLensRating } from './movieLensRating.js';

/** Streams ratings.csv as rating events (see movieLensRating). */
export function readMovieLensRatings(file: string): AsyncGenerator<SourceRecord<UncheckedEventInput>> {
  return mapRecords(readCsvRecords(file), movieLensRating);
}
