import { parseEventRecord } from './parseEventRecord.js';
import { readRecords } from './readRecords.js';
import type { SourceRecord } from './sourceRecord.js';
import type { UncheckedEventInput } from './validateEvent.js';

/**
 * Streams an event file (.jsonl, .ndjson or .csv) as event inputs, or why a record could not
 * be read. validateEvent runs at ingestion, which knows the time to judge timestamps by.
 */
export async function* readEventFile(file: string): AsyncGenerator<SourceRecord<UncheckedEventInput>> {
  for await (const record of readRecords(file)) {
    yield { file, line: record.line, result: record.result.ok ? parseEventRecord(record.result.value) : record.result };
  }
}
