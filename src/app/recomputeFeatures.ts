import type { InteractionEvent } from '../domain/event.js';
import type { Item } from '../domain/item.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { EventLog } from '../ports/eventLog.js';
import type { FeatureStore } from '../ports/featureStore.js';

export interface RecomputeDeps {
  /** The log to read, in the order its events were recorded. */
  readonly log: EventLog;
  /** An empty store (or one this recompute filled before: events already in it count once). */
  readonly target: FeatureStore;
  /** Categories of the items, as the online path looked them up. */
  readonly catalog: CatalogIndex;
}

export interface RecomputeSummary {
  readonly events: number;
  readonly applied: number;
  /** Events the target already held (a second run catching up after the first). */
  readonly duplicates: number;
  /** Items the log names that are no longer in the catalog: forgotten, as deleteItems did online. */
  readonly forgottenItems: number;
}

/**
 * Rebuilds every feature from the event log: the log's events go through the target store's
 * applyEvents in log order and in batches, the very path recordEvents took online, so the
 * result equals what the online path produced (the recompute test asserts it). Items deleted
 * since are forgotten afterwards, as deleteItems forgot them online.
 */
export async function recomputeFeatures(
  deps: RecomputeDeps,
  options: { batchSize?: number; onProgress?: (processed: number) => void } = {},
): Promise<RecomputeSummary> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const missing = new Set<string>();
  let events = 0;
  let applied = 0;
  let duplicates = 0;
  let batch: InteractionEvent[] = [];
  const flush = async () => {
    const ids = [...new Set(batch.map((event) => event.itemId))];
    const items = new Map<string, Item>();
    (await deps.catalog.getItems(ids)).forEach((item, i) => (item ? items.set(item.id, item) : missing.add(ids[i]!)));
    const result = await deps.target.applyEvents(batch, items);
    applied += result.applied.length;
    duplicates += result.duplicates.length;
    events += batch.length;
    batch = [];
    options.onProgress?.(events);
  };
  for await (const event of deps.log.scan()) {
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await deps.target.forgetItems([...missing]);
  return { events, applied, duplicates, forgottenItems: missing.size };
}
