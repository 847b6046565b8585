import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEmbedder } from '../../src/adapters/transformers/createEmbedder.js';
import { ensureBuiltinModel } from '../../src/adapters/transformers/builtinModel.js';
import { EmbedderLoadError } from '../../src/embedding/embedderLoadError.js';
import type { Embedder } from '../../src/ports/embedder.js';
import { TEST_MODEL_CACHE, dot, embeddingTestConfig, norm } from './embeddingTestConfig.js';

describe('createEmbedder: warmed-up model behind the queue and the cache', () => {
  const calls: string[][] = [];
  let embedder: Embedder;

  beforeAll(async () => {
    embedder = await createEmbedder(embeddingTestConfig({ EMBEDDING_QUEUE_WINDOW_MS: '5', EMBEDDING_QUEUE_MAX_BATCH: '8' }), {
      onModelCall: (texts) => calls.push([...texts]),
    });
  });
  afterAll(() => embedder.close());

  it('warms up without reporting a model call', () => {
    expect(calls).toEqual([]);
    expect(embedder.dimension).toBe(384);
  });

  it('embeds a burst of 20 concurrent queries in 3 model calls, and the same burst again in none', async () => {
    const queries = Array.from({ length: 20 }, (_, i) => `query number ${i}`);
    const first = await Promise.all(queries.map((query) => embedder.embed([query])));
    expect(calls.map((call) => call.length)).toEqual([8, 8, 4]);
    expect(calls.flat()).toEqual(queries);
    const second = await Promise.all(queries.map((query) => embedder.embed([query])));
    expect(calls).toHaveLength(3);
    expect(second).toEqual(first);
    for (const [vector] of first) expect(norm(vector!)).toBeCloseTo(1, 5);
  });
});

describe('model loading', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'embedder-load-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('names the model, where it looked and what to do when a local directory does not exist', async () => {
    const missing = path.join(scratch, 'no-such-model');
    const failure = createEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: missing }));
    await expect(failure).rejects.toBeInstanceOf(EmbedderLoadError);
    await expect(failure).rejects.toThrow(
      `Cannot load embedding model "${missing}": no model directory at ${missing}. ` +
        'Fix: point EMBEDDING_MODEL to a model directory exported for transformers.js (or made by `npm run model:make`), ' +
        'use EMBEDDING_MODEL=builtin for the offline model, or a hub id with EMBEDDING_ALLOW_DOWNLOADS=true.',
    );
    await expect(failure).rejects.toMatchObject({ model: missing, searched: [missing] });
  });

  it('says so when a hub model is not cached and downloads are off', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const failure = createEmbedder(
      embeddingTestConfig({ EMBEDDING_MODEL: 'Xenova/all-MiniLM-L6-v2', EMBEDDING_CACHE_DIR: cacheDir, EMBEDDING_ALLOW_DOWNLOADS: 'false' }),
    );
    const where = path.join(cacheDir, 'Xenova/all-MiniLM-L6-v2');
    await expect(failure).rejects.toThrow(
      `Cannot load embedding model "Xenova/all-MiniLM-L6-v2": not in the cache at ${where} ` +
        '(missing config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx) and downloads are off (EMBEDDING_ALLOW_DOWNLOADS=false). ' +
        'Fix: allow downloads (EMBEDDING_ALLOW_DOWNLOADS=true, with network on first use), or set EMBEDDING_MODEL to a local model directory, ' +
        'or EMBEDDING_MODEL=builtin for the offline model.',
    );
    await expect(failure).rejects.toMatchObject({ name: 'EmbedderLoadError', searched: [where] });
  });

  it('points at EMBEDDING_QUANTIZED when a directory has only the other precision', async () => {
    const directory = path.join(scratch, 'full-precision-only');
    await cp(await ensureBuiltinModel(TEST_MODEL_CACHE, 384), directory, { recursive: true });
    await rm(path.join(directory, 'onnx', 'model_quantized.onnx'));
    await expect(createEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: directory }))).rejects.toThrow(
      `${directory} lacks onnx/model_quantized.onnx. It may have only onnx/model.onnx: set EMBEDDING_QUANTIZED=false.`,
    );
    const embedder = await createEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: directory, EMBEDDING_QUANTIZED: 'false' }));
    expect(embedder.modelId).toBe(directory);
    await embedder.close();
  });

  it('generates the builtin model of another dimension on demand, offline', async () => {
    const cacheDir = path.join(scratch, 'fresh-cache');
    const embedder = await createEmbedder(embeddingTestConfig({ EMBEDDING_CACHE_DIR: cacheDir, EMBEDDING_BUILTIN_DIMENSION: '64' }));
    const [a, b] = await embedder.embed(['Toy Story', 'toy story!']);
    expect(embedder.modelId).toMatch(new RegExp(`^${cacheDir}/builtin-64-[0-9a-f]{12}$`));
    expect(a).toHaveLength(64);
    // Lowercasing and punctuation: the same two words, "!" a low-weight token.
    expect(dot(a!, b!)).toBeGreaterThan(0.99);
    await embedder.close();
  });
});
