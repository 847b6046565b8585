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

/**
 * Opens the embedder and the stores, in the order that lets a failure name its cause: the
 * model first (its dimension decides the catalog's), then the stores. The catalog is the
 * embedded SQLite index in the data directory, or, in service mode (QDRANT_URL set), a
 * Qdrant collection. Whatever opened before a failure is closed again.
 */
export async function openStores(config: Config, embedding: Partial<EmbeddingConfig> = {}): Promise<Stores> {
  const embedder = await createEmbedder({ ...config.embedding, ...embedding });
  let catalog: CatalogIndex | null = null;
  try {
    const model = { dimension: embedder.dimension, modelId: embedder.modelId };
    let storedModelId: string;
    if (config.qdrant) {
      const qdrant = await QdrantCatalogIndex.open(config.qdrant, model);
      [catalog, storedModelId] = [qdrant, qdrant.storedModelId];
    } else {
      const sqlite = SqliteCatalogIndex.open(config.data.dir, model);
      [catalog, storedModelId] = [sqlite, sqlite.meta.modelId];
    }
    const features = await openFeatureStore(config);
    const openCatalog = catalog;
    return {
      embedder,
      catalog: openCatalog,
      features,
      storedModelMismatch: storedModelId === embedder.modelId ? null : storedModelId,
      async close() {
        await Promise.allSettled([openCatalog.close(), features.close(), embedder.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([catalog?.close(), embedder.close()]);
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
