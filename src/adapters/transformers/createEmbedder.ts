import type { EmbeddingConfig } from '../../config/config.js';
import { withCache } from '../../embedding/withCache.js';
import { withMicroBatching } from '../../embedding/withMicroBatching.js';
import type { Embedder } from '../../ports/embedder.js';
import { loadTransformersEmbedder, locateModel, type TransformersEmbedderOptions } from './loadTransformersEmbedder.js';
import { loadWorkerEmbedder } from './loadWorkerEmbedder.js';

export type CreateEmbedderOptions = TransformersEmbedderOptions;

/**
 * The embedder the gateway uses: the transformers.js model, warmed up, in a worker thread when
 * `worker` is set, behind the micro-batching queue (when `queueWindowMs` > 0) and the LRU cache
 * (when `cacheSize` > 0). Rejects with EmbedderLoadError when the model cannot be found or loaded.
 */
export async function createEmbedder(config: EmbeddingConfig, options: CreateEmbedderOptions = {}): Promise<Embedder> {
  let embedder: Embedder = config.worker ? await inWorker(config, options) : await warmedUp(config, options);
  if (config.queueWindowMs > 0) {
    embedder = withMicroBatching(embedder, { windowMs: config.queueWindowMs, maxBatch: config.queueMaxBatch });
  }
  if (config.cacheSize > 0) {
    embedder = withCache(embedder, { size: config.cacheSize, maxTextsPerCall: config.queueMaxBatch });
  }
  return embedder;
}

async function inWorker(config: EmbeddingConfig, options: CreateEmbedderOptions): Promise<Embedder> {
  // Missing files fail here, on this thread, before a worker starts (see locateModel).
  await locateModel(config);
  return loadWorkerEmbedder(config, options);
}

async function warmedUp(config: EmbeddingConfig, options: CreateEmbedderOptions): Promise<Embedder> {
  const model = await loadTransformersEmbedder(config, options);
  try {
    await model.warmUp();
  } catch (error) {
    await model.close();
    throw error;
  }
  return model;
}
