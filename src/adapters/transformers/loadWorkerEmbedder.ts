import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmbeddingConfig } from '../../config/config.js';
import { assertTexts } from '../../embedding/assertTexts.js';
import { EmbedderLoadError } from '../../embedding/embedderLoadError.js';
import type { Embedder } from '../../ports/embedder.js';
import type { TransformersEmbedderOptions } from './loadTransformersEmbedder.js';
import type { FromWorker, ToWorker } from './workerMessages.js';

/** The transformers.js adapter running in a worker thread; loaded and warmed up when this resolves. */
export interface WorkerEmbedder extends Embedder {
  readonly maxLength: number;
}

/**
 * Starts a worker thread that loads the model (and warms it up), and returns an Embedder that
 * sends it texts. Inference then costs the main thread only the messages: the event loop keeps
 * serving requests while a batch runs. Rejects with EmbedderLoadError like the in-process adapter.
 */
export async function loadWorkerEmbedder(config: EmbeddingConfig, options: TransformersEmbedderOptions = {}): Promise<WorkerEmbedder> {
  const worker = startWorker(config);
  const waiting = new Map<number, { resolve: (vectors: Float32Array[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let closed = false;
  let closing: Promise<void> | null = null;
  let exitError: Error | null = null;

  const ready = new Promise<Extract<FromWorker, { type: 'ready' }>>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(message);
          break;
        case 'load-failed':
          reject(new EmbedderLoadError(message.message, message.model, message.searched));
          break;
        case 'model-call':
          options.onModelCall?.(message.texts);
          break;
        case 'vectors':
          waiting.get(message.id)?.resolve(message.vectors);
          waiting.delete(message.id);
          break;
        case 'failed': {
          const error = new Error(message.message);
          error.name = message.name;
          waiting.get(message.id)?.reject(error);
          waiting.delete(message.id);
          break;
        }
        case 'closed':
          break;
      }
    });
    worker.on('error', (error) => {
      exitError = error;
      reject(error);
    });
    worker.on('exit', (code) => {
      const error = exitError ?? new Error(`the embedder worker exited with code ${code}`);
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  });

  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const stop = async () => {
    // The worker exits by itself once it has answered; terminate() only if it does not.
    const timer = setTimeout(() => void worker.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  };

  let info: Extract<FromWorker, { type: 'ready' }>;
  try {
    info = await ready;
  } catch (error) {
    await stop();
    throw error;
  }

  const post = (message: ToWorker) => worker.postMessage(message);
  return {
    modelId: info.modelId,
    dimension: info.dimension,
    maxLength: info.maxLength,
    async embed(texts) {
      if (closed) throw new Error(`the embedder for "${info.modelId}" is closed`);
      assertTexts(texts);
      if (texts.length === 0) return [];
      const id = nextId++;
      const result = new Promise<Float32Array[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
      post({ type: 'embed', id, texts: [...texts] });
      return result;
    },
    close() {
      // The worker answers in order and waits for work under way: every accepted text gets its answer.
      closed = true;
      closing ??= (async () => {
        post({ type: 'close' });
        await stop();
      })();
      return closing;
    },
  };
}

function startWorker(config: EmbeddingConfig): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./embedderWorker.js', import.meta.url), { workerData: config });
  // Running from TypeScript sources (tsx, Jest): tsx's loader does not carry over to worker
  // threads, so the worker registers it before importing its TypeScript entry.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./embedderWorker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: config });
}
