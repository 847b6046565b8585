import { mapRecords } from './mapRecords.js';
import { parseEventRecord } from './parseEventRecord.js';
import { readRecords } from './readRecords.js';
import type { SourceRecord } from './sourceRecord.js';
import type { UncheckedEventInput } from './validateEvent.js';

/**
 * Streams an event file (.jsonl, .ndjson or .csv) as event inputs, or why a record could not
 * be read. validateEvent runs at ingestion, which knows the time to judge timestamps by.
 */
export function readEventFile(file: string): AsyncGenerator<SourceRecord<UncheckedEventInput>> {
  return mapRecords(readRecords(file), parseEventRecord);
}
