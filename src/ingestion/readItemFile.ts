import type { ItemInput } from '../pipeline/requests.js';
import { parseItemRecord } from './parseItemRecord.js';
import { readRecords } from './readRecords.js';
import type { SourceRecord } from './sourceRecord.js';
import { validateItem } from './validateItem.js';

/** Streams a catalog file (.jsonl, .ndjson or .csv) as items that passed validateItem, or why not. */
export async function* readItemFile(file: string): AsyncGenerator<SourceRecord<ItemInput>> {
  for await (const record of readRecords(file)) {
    const parsed = record.result.ok ? parseItemRecord(record.result.value) : record.result;
    yield { file, line: record.line, result: parsed.ok ? validateItem(parsed.value) : parsed };
  }
}
