import type { InteractionEvent } from '../domain/event.js';
import type { Item } from '../domain/item.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { FeatureStore } from '../ports/featureStore.js';
import type { IngestOptions } from './ingestOptions.js';
import type { SourceRecord } from './sourceRecord.js';
import { validateEvent, type UncheckedEventInput } from './validateEvent.js';
import { validBatches, type Located } from './validBatches.js';

export interface EventStores {
  readonly catalog: CatalogIndex;
  readonly features: FeatureStore;
}

export interface EventIngestSummary {
  /** Events recorded by this run. */
  readonly accepted: number;
  /** Events whose id was already recorded (by an earlier run, or earlier in this one). */
  readonly duplicate: number;
  /** Records refused: unreadable or failing validateEvent. */
  readonly rejected: number;
  /** Valid events naming an item the catalog does not have; skipped and reported. */
  readonly unknownItem: number;
}

export const DEFAULT_EVENT_BATCH_SIZE = 5000;

/**
 * Validates events (validateEvent, as the recordEvents mutation does) and applies them to
 * the feature store in batches, each one atomic call of applyEvents with the catalog items
 * the batch names (fetched with one getItems per batch). Idempotent by event id.
 */
export async function ingestEvents(
  records: AsyncIterable<SourceRecord<UncheckedEventInput>>,
  stores: EventStores,
  options: IngestOptions = {},
): Promise<EventIngestSummary> {
  const now = options.now ?? Date.now;
  const onIssue = options.onIssue ?? (() => {});
  const tally = { processed: 0, bad: 0 };
  let accepted = 0;
  let duplicate = 0;
  let unknownItem = 0;
  // A first report at 0 starts the clock of rates at the real start, not after one batch.
  options.onProgress?.(0);
  const batches = validBatches(validated(records, now), options.batchSize ?? DEFAULT_EVENT_BATCH_SIZE, tally, {
    strict: options.strict ?? false,
    onIssue,
  });
  for await (const batch of batches) {
    const { unique, repeated } = firstById(batch);
    const items = await catalogItems(stores.catalog, unique);
    const known: InteractionEvent[] = [];
    for (const event of unique) {
      if (items.has(event.value.itemId)) {
        known.push(event.value);
      } else {
        unknownItem += 1;
        onIssue({ file: event.file, line: event.line, message: `unknown item "${event.value.itemId}": event skipped` });
      }
    }
    if (known.length > 0) {
      const result = await stores.features.applyEvents(known, items);
      accepted += result.applied.length;
      duplicate += result.duplicates.length;
    }
    duplicate += repeated;
    options.onProgress?.(tally.processed);
  }
  options.onProgress?.(tally.processed);
  return { accepted, duplicate, rejected: tally.bad, unknownItem };
}

async function* validated(
  records: AsyncIterable<SourceRecord<UncheckedEventInput>>,
  now: () => number,
): AsyncGenerator<SourceRecord<InteractionEvent>> {
  for await (const record of records) {
    const result = record.result.ok ? validateEvent(record.result.value, now()) : record.result;
    yield { file: record.file, line: record.line, result };
  }
}

// The first of two events with one id is the one recorded, as it would be across batches.
function firstById(batch: readonly Located<InteractionEvent>[]): { unique: Located<InteractionEvent>[]; repeated: number } {
  const seen = new Set<string>();
  const unique = batch.filter((event) => {
    if (seen.has(event.value.id)) return false;
    seen.add(event.value.id);
    return true;
  });
  return { unique, repeated: batch.length - unique.length };
}

async function catalogItems(catalog: CatalogIndex, events: readonly Located<InteractionEvent>[]): Promise<Map<string, Item>> {
  const ids = [...new Set(events.map((event) => event.value.itemId))];
  const found = await catalog.getItems(ids);
  const items = new Map<string, Item>();
  found.forEach((item) => {
    if (item !== null) items.set(item.id, item);
  });
  return items;
}
