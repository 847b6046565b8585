import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadTransformersEmbedder, type TransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { loadWorkerEmbedder, type WorkerEmbedder } from '../../src/adapters/transformers/loadWorkerEmbedder.js';
import { syntheticTexts } from '../../src/cli/embedBench/syntheticTexts.js';
import { EmbedderLoadError } from '../../src/embedding/embedderLoadError.js';
import { embeddingTestConfig } from './embeddingTestConfig.js';
import { POISON_WORD, mismatchedModel } from './mismatchedModel.js';

describe('the model in a worker thread', () => {
  const calls: string[][] = [];
  const config = embeddingTestConfig({ EMBEDDING_BATCH_SIZE: '256' });
  let worker: WorkerEmbedder;
  let local: TransformersEmbedder;

  beforeAll(async () => {
    [worker, local] = await Promise.all([
      loadWorkerEmbedder(config, { onModelCall: (texts) => calls.push([...texts]) }),
      loadTransformersEmbedder(config),
    ]);
  });
  afterAll(() => Promise.all([worker.close(), local.close()]));

  it('gives the same vectors as the model in the main thread, and reports its model calls', async () => {
    calls.length = 0;
    const texts = ['Heat transfer in a laminar boundary layer', 'Toy Story (1995)', ''];
    const vectors = await worker.embed(texts);
    expect(vectors).toEqual(await local.embed(texts));
    expect(vectors[0]).toBeInstanceOf(Float32Array);
    expect([worker.modelId, worker.dimension, worker.maxLength]).toEqual([local.modelId, 384, 256]);
    expect(calls).toEqual([texts]);
  });

  it('keeps the event loop free while a big batch runs', async () => {
    const texts = syntheticTexts(128, 100, 150, 5);
    const timerTicksDuring = async (embedder: { embed(texts: readonly string[]): Promise<Float32Array[]> }) => {
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 1);
      const started = performance.now();
      await embedder.embed(texts);
      const elapsedMs = performance.now() - started;
      clearInterval(timer);
      return { ticks, elapsedMs };
    };
    const inMainThread = await timerTicksDuring(local);
    const inWorker = await timerTicksDuring(worker);
    // In the main thread the batch (hundreds of ms here) is one synchronous stretch: no timer runs.
    expect(inMainThread.ticks).toBe(0);
    expect(inMainThread.elapsedMs).toBeGreaterThan(50);
    // With the worker, timers keep firing (a 1 ms timer manages a few hundred a second on a busy machine).
    expect(inWorker.ticks).toBeGreaterThan(Math.min(20, inWorker.elapsedMs / 10));
  });
});

describe('worker failures', () => {
  it('rejects at start with the same EmbedderLoadError as in the main thread', async () => {
    const config = embeddingTestConfig({ EMBEDDING_MODEL: '/no/such/model' });
    const inMainThread = await loadTransformersEmbedder(config).catch((error: unknown) => error);
    const inWorker = await loadWorkerEmbedder(config).catch((error: unknown) => error);
    expect(inWorker).toBeInstanceOf(EmbedderLoadError);
    expect(inWorker).toEqual(inMainThread);
    expect(inWorker).toMatchObject({ model: '/no/such/model', searched: ['/no/such/model'] });
  });

  it('rejects only the call whose batch failed, and finishes accepted work on close', async () => {
    const worker = await loadWorkerEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: await mismatchedModel() }));
    const results = await Promise.allSettled([worker.embed([`a ${POISON_WORD}`]), worker.embed(['fine'])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/indices element out of data bounds/);
    const accepted = worker.embed(['accepted before close']);
    await worker.close();
    await expect(accepted).resolves.toHaveLength(1);
    await expect(worker.embed(['too late'])).rejects.toThrow(/is closed/);
  });
});
