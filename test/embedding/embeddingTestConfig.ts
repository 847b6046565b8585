import os from 'node:os';
import path from 'node:path';
import type { EmbeddingConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/loadConfig.js';

/** Shared by the embedding suites: the builtin model is generated once and reused (its name hashes its contents). */
export const TEST_MODEL_CACHE = path.join(os.tmpdir(), 'recsys-gateway-test-models');

/**
 * A real configuration through loadConfig, for the builtin model in the test cache. The worker
 * thread is off unless a test asks for it: several model workers started and stopped in one
 * Jest process can abort it on Node 20 (onnxruntime-node 1.14 under the tsx loader), which is
 * a crash, not a test failure; workerEmbedder.test.ts covers the worker on its own.
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
