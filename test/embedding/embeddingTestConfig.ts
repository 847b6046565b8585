import os from 'node:os';
import path from 'node:path';
import type { EmbeddingConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/loadConfig.js';

/** Shared by the embedding suites: the builtin model is generated once and reused (its name hashes its contents). */
export const TEST_MODEL_CACHE = path.join(os.tmpdir(), 'recsys-gateway-test-models');

/**
 * A real configuration through loadConfig, for the builtin model in the test cache. The
 * worker thread is off unless a test asks for it: two worker threads that fail to load a
 * model and exit in one Jest process corrupt the heap under onnxruntime-node 1.14 on Node 20
 * (a crash, not a test failure), and the load-failure messages do not depend on the thread.
 */
export function embeddingTestConfig(env: Record<string, string> = {}): EmbeddingConfig {
  return loadConfig(
    { EMBEDDING_MODEL: 'builtin', EMBEDDING_CACHE_DIR: TEST_MODEL_CACHE, EMBEDDING_ALLOW_DOWNLOADS: 'false', EMBEDDING_WORKER: 'false', ...env },
    '/',
  ).embedding;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

export function norm(vector: Float32Array): number {
  return Math.sqrt(dot(vector, vector));
}
