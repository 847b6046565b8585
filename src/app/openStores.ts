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

export interface OpenStoresOptions {
  /** Overrides of the configured embedding settings (ingest turns the query cache off). */
  readonly embedding?: Partial<EmbeddingConfig>;
  readonly log?: StoreLog;
  /**
   * The gateway (true) starts while Redis is down and degrades until it answers; a command-line
   * tool (false, the default) fails at once, naming the URL.
   */
  readonly startWithoutRedis?: boolean;
}

/**
 * Opens the embedder and the stores, in the order that lets a failure name its cause: the
 * model first (its dimension decides the catalog's), then the stores. The catalog is the
 * embedded SQLite index in the data directory, or, in service mode (QDRANT_URL set), a
 * Qdrant collection. Whatever opened before a failure is closed again.
 */
export async function openStores(config: Config, options: OpenStoresOptions = {}): Promise<Stores> {
  const embedder = await createEmbedder({ ...config.embedding, ...options.embedding });
  try {
    const stores = await openCatalogAndFeatures(config, { dimension: embedder.dimension, modelId: embedder.modelId }, options);
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
export async function openDataStores(config: Config): Promise<DataStores> {
  const { storedModelId: _stored, ...stores } = await openCatalogAndFeatures(config, 'stored', {});
  return stores;
}

async function openCatalogAndFeatures(
  config: Config,
  model: { readonly dimension: number; readonly modelId: string } | 'stored',
  options: Pick<OpenStoresOptions, 'log' | 'startWithoutRedis'>,
): Promise<DataStores & { readonly storedModelId: string }> {
  let catalog: CatalogIndex | null = null;
  try {
    let storedModelId: string;
    const logOption = options.log ? { log: options.log } : {};
    if (config.qdrant) {
      const qdrant = model === 'stored' ? await QdrantCatalogIndex.openStored(config.qdrant, logOption) : await QdrantCatalogIndex.open(config.qdrant, { ...model, ...logOption });
      [catalog, storedModelId] = [qdrant, qdrant.storedModelId];
    } else {
      const sqlite = model === 'stored' ? SqliteCatalogIndex.openStored(config.data.dir) : SqliteCatalogIndex.open(config.data.dir, model);
      [catalog, storedModelId] = [sqlite, sqlite.meta.modelId];
    }
    const features = await openFeatureStore(config, {}, { waitForServer: !options.startWithoutRedis, ...logOption });
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
export async function openFeatureStore(
  config: Config,
  at: { dir?: string; redisKeyPrefix?: string } = {},
  redis: { waitForServer?: boolean; log?: StoreLog } = {},
): Promise<FeatureStore & EventLog & ImpressionLog> {
  const { features } = config;
  if (features.redisUrl === null) return SqliteFeatureStore.open(at.dir ?? config.data.dir);
  return RedisFeatureStore.connect({
    ...redis,
    url: features.redisUrl,
    keyPrefix: at.redisKeyPrefix ?? features.redisKeyPrefix,
    commandTimeoutMs: features.redisCommandTimeoutMs,
    userTtlSeconds: features.userTtlDays * 86_400,
    impressionTtlSeconds: features.impressionTtlDays * 86_400,
  });
}
