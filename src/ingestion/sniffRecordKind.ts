import { readRecords } from './readRecords.js';

/**
 * Whether a file holds catalog items or events, from the fields of its first readable record
 * (the header of a CSV): events name a user and an item, items have a title. Null when the
 * file says neither, and the caller has to be told with --items or --events.
 */
export async function sniffRecordKind(file: string): Promise<'items' | 'events' | null> {
  for await (const record of readRecords(file)) {
    if (!record.result.ok) continue;
    const fields = Object.keys(record.result.value);
    if (fields.includes('userId') && fields.includes('itemId')) return 'events';
    if (fields.includes('title')) return 'items';
    return null;
  }
  return null;
}
