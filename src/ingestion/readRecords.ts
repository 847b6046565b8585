import { fileFormat } from './fileFormat.js';
import { readCsvRecords } from './readCsvRecords.js';
import { readJsonLines } from './readJsonLines.js';
import type { RawFields, SourceRecord } from './sourceRecord.js';

/**
 * Streams the raw records of a JSON Lines or CSV file, chosen by its extension. An unknown
 * extension rejects the first read, like a missing file does, not the call.
 */
export async function* readRecords(file: string): AsyncGenerator<SourceRecord<RawFields>> {
  yield* fileFormat(file) === 'csv' ? readCsvRecords(file) : readJsonLines(file);
}
