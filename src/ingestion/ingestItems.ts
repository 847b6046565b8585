import { itemText, type Item } from '../domain/item.js';
import type { ItemInput } from '../pipeline/requests.js';
import type { CatalogEntry, CatalogIndex } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { IngestOptions } from './ingestOptions.js';
import type { SourceRecord } from './sourceRecord.js';
import { validBatches, type Located } from './validBatches.js';

export interface ItemStores {
  readonly catalog: CatalogIndex;
  readonly embedder: Embedder;
}

export interface ItemIngestSummary {
  /** Records written (an id given twice counts twice; the later one wins). */
  readonly ok: number;
  /** Records refused. */
  readonly bad: number;
}

export const DEFAULT_ITEM_BATCH_SIZE = 500;

/**
 * Embeds and upserts catalog records in batches, each batch one atomic upsert, so that an
 * interrupted run leaves whole batches and running again converges on the same catalog.
 * Idempotent by id: an item that exists keeps its createdAt and gets the new fields.
 */
export async function ingestItems(
  records: AsyncIterable<SourceRecord<ItemInput>>,
  stores: ItemStores,
  options: IngestOptions = {},
): Promise<ItemIngestSummary> {
  const { catalog, embedder } = stores;
  if (embedder.dimension !== catalog.dimension) {
    throw new Error(
      `the embedder ${embedder.modelId} makes ${embedder.dimension}-dimensional vectors but the catalog holds ${catalog.dimension}; ` +
        'ingest with the model the catalog was built with, or start from an empty data directory',
    );
  }
  const now = options.now ?? Date.now;
  const tally = { processed: 0, bad: 0 };
  let ok = 0;
  const batches = validBatches(records, options.batchSize ?? DEFAULT_ITEM_BATCH_SIZE, tally, {
    strict: options.strict ?? false,
    onIssue: options.onIssue ?? (() => {}),
  });
  for await (const batch of batches) {
    await catalog.upsert(await toEntries(lastById(batch), stores, now()));
    ok += batch.length;
    options.onProgress?.(tally.processed);
  }
  options.onProgress?.(tally.processed);
  return { ok, bad: tally.bad };
}

// One upsert must not name an id twice: which of the two a store keeps would be its choice.
function lastById(batch: readonly Located<ItemInput>[]): ItemInput[] {
  return [...new Map(batch.map(({ value }) => [value.id, value])).values()];
}

async function toEntries(inputs: readonly ItemInput[], stores: ItemStores, now: number): Promise<CatalogEntry[]> {
  const existing = await stores.catalog.getItems(inputs.map((input) => input.id));
  const items: Item[] = inputs.map((input, index) => ({
    id: input.id,
    title: input.title,
    text: input.text,
    categories: [...input.categories],
    tags: [...input.tags],
    year: input.year,
    createdAt: existing[index]?.createdAt ?? now,
  }));
  const vectors = await stores.embedder.embed(items.map(itemText));
  if (vectors.length !== items.length) {
    throw new Error(`the embedder returned ${vectors.length} vectors for ${items.length} texts`);
  }
  return items.map((item, index) => ({ item, vector: vectors[index]! }));
}
