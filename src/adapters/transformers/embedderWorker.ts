// Worker-thread entry: runs the transformers.js model off the main thread, so that inference,
// which onnxruntime-node runs synchronously, never holds the gateway's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddingConfig } from '../../config/config.js';
import { EmbedderLoadError } from '../../embedding/embedderLoadError.js';
import { loadTransformersEmbedder } from './loadTransformersEmbedder.js';
import type { FromWorker, ToWorker } from './workerMessages.js';

const port = parentPort;
if (port === null) throw new Error('embedderWorker.ts runs inside a worker thread only');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const embedder = await loadTransformersEmbedder(workerData as EmbeddingConfig, {
    onModelCall: (texts) => send({ type: 'model-call', texts: [...texts] }),
  });
  await embedder.warmUp();
  const inFlight = new Set<Promise<void>>();
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'close') {
      // A long call yields between its batches, so a close can arrive while work is under way.
      await Promise.all([...inFlight]);
      await embedder.close();
      send({ type: 'closed' });
      // Exiting on its own: Node 20 can abort the process when terminate() tears down a worker
      // whose modules went through a loader hook (tsx).
      port.close();
      return;
    }
    const work = embedder.embed(message.texts).then(
      (vectors) => send({ type: 'vectors', id: message.id, vectors }, vectors.map((vector) => vector.buffer as ArrayBuffer)),
      (error: unknown) => send({ type: 'failed', id: message.id, name: errorName(error), message: errorMessage(error) }),
    );
    inFlight.add(work);
    await work;
    inFlight.delete(work);
  });
  send({ type: 'ready', modelId: embedder.modelId, dimension: embedder.dimension, maxLength: embedder.maxLength });
} catch (error) {
  send(
    error instanceof EmbedderLoadError
      ? { type: 'load-failed', message: error.message, model: error.model, searched: [...error.searched] }
      : { type: 'load-failed', message: errorMessage(error), model: (workerData as EmbeddingConfig).model, searched: [] },
  );
  port.close();
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
