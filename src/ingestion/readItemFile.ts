import type { ItemInput } from '../pipeline/requests.js';
import { mapRecords } from './mapRecords.js';
import { parseItemRecord } from './parseItemRecord.js';
import { readRecords } from './readRecords.js';
import type { SourceRecord } from './sourceRecord.js';
import { validateItem } from './validateItem.js';

/** Streams a catalog file (.jsonl, .ndjson or .csv) as items that passed validateItem, or why not. */
export function readItemFile(file: string): AsyncGenerator<SourceRecord<ItemInput>> {
  return mapRecords(readRecords(file), (fields) => {
    const parsed = parseItemRecord(fields);
    return parsed.ok ? validateItem(parsed.value) : parsed;
  });
}
