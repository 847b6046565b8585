import type { QdrantConfig } from '../../config/config.js';
import { itemText } from '../../domain/item.js';
import type { CatalogIndex, CollaborativeEntry } from '../../ports/catalogIndex.js';
import type { Embedder } from '../../ports/embedder.js';
import { callQdrant } from './callQdrant.js';
import { connectQdrant } from './connectQdrant.js';
import { aliasTarget, checkServerVersion, createCollection } from './ensureCollection.js';
import { QdrantCatalogIndex, WRITE_BATCH } from './qdrantCatalogIndex.js';
import { QdrantSetupError } from './qdrantSetupError.js';

export interface ReindexOptions {
  /** Where the items come from: the embedded catalog, or the collection behind the alias itself. */
  readonly source: CatalogIndex;
  /** The model id recorded with the new collection when vectors are copied. */
  readonly sourceModelId: string;
  /** Embeds every item again with this model instead of copying the stored text vectors. */
  readonly reembed?: Embedder;
  /** Keep the collection the alias pointed to (default: delete it once the alias has moved). */
  readonly keepPrevious?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  readonly log?: (line: string) => void;
}

export interface ReindexResult {
  /** The collection the alias points to now. */
  readonly collection: string;
  /** The collection it pointed to before, null on a first index; deleted unless kept. */
  readonly previous: string | null;
  readonly items: number;
  readonly collaborativeVectors: number;
}

/**
 * Rebuilds the catalog behind the configured alias with no downtime: a new collection
 * `<alias>-<time>` is created with the current configuration (HNSW, on-disk, quantization),
 * filled from the source in batches (BM25 vectors recomputed, text vectors copied or
 * re-embedded, collaborative vectors copied), and only then does the alias switch to it, in
 * one atomic alias operation; readers see the old collection until that moment. On failure
 * before the switch the new collection is dropped and the alias is untouched.
 */
export async function reindexQdrant(config: QdrantConfig, options: ReindexOptions): Promise<ReindexResult> {
  const connection = connectQdrant(config, options.log);
  const { client, policy } = connection;
  await checkServerVersion(client, policy, config.url);
  const alias = config.collection;
  const previous = await aliasTarget(client, policy, alias);
  if (previous === null) {
    const { exists } = await callQdrant('collection exists', 'read', policy, () => client.collectionExists(alias));
    if (exists) throw new QdrantSetupError(`"${alias}" is a collection, not an alias; reindexing needs QDRANT_COLLECTION to name an alias (or nothing yet)`);
  }
  const dimension = options.reembed?.dimension ?? options.source.dimension;
  const modelId = options.reembed?.modelId ?? options.sourceModelId;
  const name = await createCollection(client, policy, `${alias}-${Date.now()}`, dimension, modelId, config);
  try {
    const target = QdrantCatalogIndex.forCollection(connection, name, { name, dimension, modelId, collaborativeDimension: null });
    const total = await options.source.count();
    const collaborative: CollaborativeEntry[] = [];
    let done = 0;
    for await (const batch of options.source.scan(WRITE_BATCH)) {
      const vectors = options.reembed ? await options.reembed.embed(batch.map((entry) => itemText(entry.item))) : batch.map((entry) => entry.vector);
      await target.upsert(batch.map((entry, i) => ({ item: entry.item, vector: vectors[i]! })));
      for (const entry of batch) if (entry.collaborative) collaborative.push({ id: entry.item.id, vector: entry.collaborative });
      done += batch.length;
      options.onProgress?.(done, total);
    }
    const collaborativeVectors = collaborative.length > 0 ? await target.replaceCollaborativeVectors(collaborative) : 0;
    await callQdrant('switch alias', 'write', policy, () =>
      client.updateCollectionAliases({
        actions: [...(previous ? [{ delete_alias: { alias_name: alias } }] : []), { create_alias: { alias_name: alias, collection_name: name } }],
      }),
    );
    if (previous && !options.keepPrevious) await callQdrant('delete previous collection', 'write', policy, () => client.deleteCollection(previous));
    return { collection: name, previous, items: done, collaborativeVectors };
  } catch (error) {
    await client.deleteCollection(name).catch(() => undefined);
    throw error;
  }
}
