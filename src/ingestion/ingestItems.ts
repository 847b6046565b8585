import { itemText, type Item } from '../domain/item.js';
import type { ItemInput } from '../pipeline/requests.js';
import type { CatalogEntry, CatalogIndex } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { IngestOptions } from './ingestOptions.js';
import { sameItemContent } from './sameItemContent.js';
import type { SourceRecord } from './sourceRecord.js';
import { validBatches, type Located } from './validBatches.js';

export interface ItemStores {
  readonly catalog: CatalogIndex;
  readonly embedder: Embedder;
}

export interface ItemIngestSummary {
  /** Records accepted (an id given twice counts twice; the later one wins). */
  readonly ok: number;
  /** Of those, the ones the catalog already held as they are, left untouched (skipUnchanged). */
  readonly unchanged: number;
  /** Records refused. */
  readonly bad: number;
}

export interface ItemIngestOptions extends IngestOptions {
  /**
   * Leave items the catalog already holds with the same fields as they are, without embedding
   * them again: a run resumed after an interruption then only embeds what is missing. Only
   * right when the catalog's vectors come from the embedder used now; off by default.
   */
  readonly skipUnchanged?: boolean;
  /**
   * When an item the catalog does not hold yet entered it, if the source knows (MovieLens: the
   * movie's first rating); undefined: the clock's time of the ingestion.
   */
  readonly createdAtOf?: (id: string) => number | undefined;
}

export const DEFAULT_ITEM_BATCH_SIZE = 500;

/**
 * Embeds and upserts catalog records in batches, each batch one atomic upsert, so that an
 * interrupted run leaves whole batches and running again converges on the same catalog.
 * Idempotent by id: an item that exists keeps its createdAt and gets the new fields. Each
 * batch costs one getItems, one embed of the items to write and one upsert.
 */
export async function ingestItems(
  records: AsyncIterable<SourceRecord<ItemInput>>,
  stores: ItemStores,
  options: ItemIngestOptions = {},
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
  let unchanged = 0;
  // A first report at 0 starts the clock of rates at the real start, not after one batch.
  options.onProgress?.(0);
  const batches = validBatches(records, options.batchSize ?? DEFAULT_ITEM_BATCH_SIZE, tally, {
    strict: options.strict ?? false,
    onIssue: options.onIssue ?? (() => {}),
  });
  for await (const batch of batches) {
    const inputs = lastById(batch);
    const existing = await catalog.getItems(inputs.map((input) => input.id));
    const changed = inputs.flatMap((input, index) => {
      const stored = existing[index] ?? null;
      return options.skipUnchanged === true && stored !== null && sameItemContent(stored, input) ? [] : [{ input, stored }];
    });
    if (changed.length > 0) {
      const at = now();
      await catalog.upsert(await toEntries(changed, embedder, (id) => options.createdAtOf?.(id) ?? at));
    }
    ok += batch.length;
    unchanged += inputs.length - changed.length;
    options.onProgress?.(tally.processed);
  }
  options.onProgress?.(tally.processed);
  return { ok, unchanged, bad: tally.bad };
}

// One upsert must not name an id twice: which of the two a store keeps would be its choice.
function lastById(batch: readonly Located<ItemInput>[]): ItemInput[] {
  return [...new Map(batch.map(({ value }) => [value.id, value])).values()];
}

async function toEntries(
  inputs: readonly { readonly input: ItemInput; readonly stored: Item | null }[],
  embedder: Embedder,
  createdAt: (id: string) => number,
): Promise<CatalogEntry[]> {
  const items: Item[] = inputs.map(({ input, stored }) => ({
    id: input.id,
    title: input.title,
    text: input.text,
    categories: [...input.categories],
    tags: [...input.tags],
    year: input.year,
    createdAt: stored?.createdAt ?? createdAt(input.id),
  }));
  const vectors = await embedder.embed(items.map(itemText));
  if (vectors.length !== items.length) {
    throw new Error(`the embedder returned ${vectors.length} vectors for ${items.length} texts`);
  }
  return items.map((item, index) => ({ item, vector: vectors[index]! }));
}
