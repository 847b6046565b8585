import { QdrantCatalogIndex } from '../adapters/qdrant/qdrantCatalogIndex.js';
import { SqliteCatalogIndex } from '../adapters/sqlite/sqliteCatalogIndex.js';
import { RedisFeatureStore } from '../adapters/redis/redisFeatureStore.js';
import { SqliteFeatureStore } from '../adapters/sqlite/sqliteFeatureStore.js';
import { createEmbedder } from '../adapters/transformers/createEmbedder.js';
import type { Config, EmbeddingConfig } from '../config/config.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { EventLog } from '../ports/eventLog.js';
import type { FeatureStore } from '../ports/featureStore.js';
import type { ImpressionLog } from '../ports/impressionLog.js';

export interface Stores {
  readonly embedder: Embedder;
  readonly catalog: CatalogIndex;
  readonly features: FeatureStore & EventLog & ImpressionLog;
  /** The model the stored vectors were made with, when it differs from the embedder's. */
  readonly storedModelMismatch: string | null;
  close(): Promise<void>;
}

/** The stores without an embedder, for commands that embed nothing (see openDataStores). */
export type DataStores = Omit<Stores, 'embedder' | 'storedModelMismatch'>;

/** Where the stores report what they survive (a Qdrant call retried); stderr unless given. */
export type StoreLog = (line: string) => void;

/**
 * Opens the embedder and the stores, in the order that lets a failure name its cause: the
 * model first (its dimension decides the catalog's), then the stores. The catalog is the
 * embedded SQLite index in the data directory, or, in service mode (QDRANT_URL set), a
 * Qdrant collection. Whatever opened before a failure is closed again.
 */
export async function openStores(config: Config, embedding: Partial<EmbeddingConfig> = {}, log?: StoreLog): Promise<Stores> {
  const embedder = await createEmbedder({ ...config.embedding, ...embedding });
  try {
    const stores = await openCatalogAndFeatures(config, { dimension: embedder.dimension, modelId: embedder.modelId }, log);
    return {
      ...stores,
      embedder,
      storedModelMismatch: stores.storedModelId === embedder.modelId ? null : stores.storedModelId,
      async close() {
        await Promise.allSettled([stores.close(), embedder.close()]);
      },
    };
  } catch (error) {
    await embedder.close();
    throw error;
  }
}

/**
 * The catalog, as its vectors were stored, and the feature store, without loading any embedding
 * model: what training and feature recomputation need, so that they run offline whatever
 * EMBEDDING_MODEL says. Refuses a data directory or Qdrant alias without a catalog.
 */
export async function openDataStores(config: Config, log?: StoreLog): Promise<DataStores> {
  const { storedModelId: _stored, ...stores } = await openCatalogAndFeatures(config, 'stored', log);
  return stores;
}

async function openCatalogAndFeatures(
  config: Config,
  model: { readonly dimension: number; readonly modelId: string } | 'stored',
  log: StoreLog | undefined,
): Promise<DataStores & { readonly storedModelId: string }> {
  let catalog: CatalogIndex | null = null;
  try {
    let storedModelId: string;
    const logOption = log ? { log } : {};
    if (config.qdrant) {
      const qdrant = model === 'stored' ? await QdrantCatalogIndex.openStored(config.qdrant, logOption) : await QdrantCatalogIndex.open(config.qdrant, { ...model, ...logOption });
      [catalog, storedModelId] = [qdrant, qdrant.storedModelId];
    } else {
      const sqlite = model === 'stored' ? SqliteCatalogIndex.openStored(config.data.dir) : SqliteCatalogIndex.open(config.data.dir, model);
      [catalog, storedModelId] = [sqlite, sqlite.meta.modelId];
    }
    const features = await openFeatureStore(config);
    const openCatalog = catalog;
    return {
      catalog: openCatalog,
      features,
      storedModelId,
      async close() {
        await Promise.allSettled([openCatalog.close(), features.close()]);
      },
    };
  } catch (error) {
    await catalog?.close();
    throw error;
  }
}

/**
 * Redis in service mode (REDIS_URL), SQLite in the data directory otherwise; `at` puts the
 * store elsewhere (recompute:features builds a new one beside the live one).
 */
export async function openFeatureStore(config: Config, at: { dir?: string; redisKeyPrefix?: string } = {}): Promise<FeatureStore & EventLog & ImpressionLog> {
  const { features } = config;
  if (features.redisUrl === null) return SqliteFeatureStore.open(at.dir ?? config.data.dir);
  return RedisFeatureStore.connect({
    url: features.redisUrl,
    keyPrefix: at.redisKeyPrefix ?? features.redisKeyPrefix,
    commandTimeoutMs: features.redisCommandTimeoutMs,
    userTtlSeconds: features.userTtlDays * 86_400,
    impressionTtlSeconds: features.impressionTtlDays * 86_400,
  });
}
