/**
 * One worker-thread scenario per process, run by workerEmbedder.test.ts: several model workers
 * started and stopped in one process can abort it on Node 20 (onnxruntime-node 1.14 under the
 * tsx loader; seen in and out of Jest), so each lifetime gets a process of its own and the
 * test reads what happened from the JSON this prints.
 *
 *   node --import tsx test/embedding/workerScenario.ts vectors|event-loop|load-failure|batch-failure
 */
import { loadTransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { loadWorkerEmbedder } from '../../src/adapters/transformers/loadWorkerEmbedder.js';
import { syntheticTexts } from '../../src/cli/embedBench/syntheticTexts.js';
import { embeddingTestConfig } from './embeddingTestConfig.js';
import { POISON_WORD, mismatchedModel } from './mismatchedModel.js';

const scenarios: Record<string, () => Promise<unknown>> = {
  async vectors() {
    const config = embeddingTestConfig({ EMBEDDING_BATCH_SIZE: '256' });
    const calls: string[][] = [];
    const worker = await loadWorkerEmbedder(config, { onModelCall: (texts) => calls.push([...texts]) });
    const local = await loadTransformersEmbedder(config);
    const texts = ['Heat transfer in a laminar boundary layer', 'Toy Story (1995)', ''];
    const fromWorker = await worker.embed(texts);
    const fromLocal = await local.embed(texts);
    await Promise.all([worker.close(), local.close()]);
    return {
      same: fromWorker.every((vector, i) => vector instanceof Float32Array && vector.length === fromLocal[i]!.length && vector.every((x, d) => x === fromLocal[i]![d])),
      identity: [worker.modelId === local.modelId, worker.dimension, worker.maxLength],
      calls,
    };
  },

  async 'event-loop'() {
    const config = embeddingTestConfig({ EMBEDDING_BATCH_SIZE: '256' });
    const worker = await loadWorkerEmbedder(config);
    const local = await loadTransformersEmbedder(config);
    const texts = syntheticTexts(128, 100, 150, 5);
    const during = async (embedder: { embed(texts: readonly string[]): Promise<Float32Array[]> }) => {
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 1);
      const started = performance.now();
      await embedder.embed(texts);
      const elapsedMs = performance.now() - started;
      clearInterval(timer);
      return { ticks, elapsedMs };
    };
    const inMainThread = await during(local);
    const inWorker = await during(worker);
    await Promise.all([worker.close(), local.close()]);
    return { inMainThread, inWorker };
  },

  async 'load-failure'() {
    const config = embeddingTestConfig({ EMBEDDING_MODEL: '/no/such/model' });
    const describe = (error: unknown) => ({ ...(error as object), name: (error as Error).name, message: (error as Error).message });
    const inMainThread = await loadTransformersEmbedder(config).then(() => null, describe);
    const inWorker = await loadWorkerEmbedder(config).then(() => null, describe);
    return { inMainThread, inWorker };
  },

  async 'batch-failure'() {
    const worker = await loadWorkerEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: await mismatchedModel() }));
    const results = await Promise.allSettled([worker.embed([`a ${POISON_WORD}`]), worker.embed(['fine'])]);
    const accepted = worker.embed(['accepted before close']);
    await worker.close();
    const afterClose = await worker.embed(['too late']).then(() => 'resolved', (error: Error) => error.message);
    return {
      statuses: results.map((result) => result.status),
      reason: String((results[0] as PromiseRejectedResult).reason),
      accepted: (await accepted).length,
      afterClose,
    };
  },
};

const name = process.argv[2] ?? '';
const scenario = scenarios[name];
if (!scenario) throw new Error(`unknown scenario "${name}": one of ${Object.keys(scenarios).join(', ')}`);
process.stdout.write(`${JSON.stringify(await scenario())}\n`);
