import { fileFormat } from './fileFormat.js';
import { readCsvRecords } from './readCsvRecords.js';
import { readJsonLines } from './readJsonLines.js';
import type { RawFields, SourceRecord } from './sourceRecord.js';

/** Streams the raw records of a JSON Lines or CSV file, chosen by its extension. */
export function readRecords(file: string): AsyncGenerator<SourceRecord<RawFields>> {
  return fileFormat(file) === 'csv' ? readCsvRecords(file) : readJsonLines(file);
}
