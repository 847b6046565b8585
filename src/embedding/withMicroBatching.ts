import type { Embedder } from '../ports/embedder.js';
import { assertTexts } from './assertTexts.js';

export interface MicroBatchingOptions {
  /** How long the first waiting text waits for company, in ms (> 0). */
  readonly windowMs: number;
  /** Texts per merged model call; a call with this many texts or more goes straight through. */
  readonly maxBatch: number;
}

interface Waiting {
  readonly texts: readonly string[];
  readonly resolve: (vectors: Float32Array[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Merges concurrent embed() calls into one call of `inner`: a burst of single-query calls costs
 * a few model runs instead of one each. A merged batch is sent when it holds `maxBatch` texts or
 * when `windowMs` has passed since its first text. Duplicate texts in a batch are embedded once.
 * When a batch fails, its callers (and only they) get the error.
 */
export function withMicroBatching(inner: Embedder, options: MicroBatchingOptions): Embedder {
  const { windowMs, maxBatch } = normalizeOptions(options);
  let waiting: Waiting[] = [];
  let waitingTexts = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = [];
    waitingTexts = 0;
    if (batch.length === 0) return;

    const unique = [...new Set(batch.flatMap((entry) => entry.texts))];
    const position = new Map(unique.map((text, index) => [text, index]));
    track(inner.embed(unique)).then(
      (vectors) => {
        const handedOut = new Set<Float32Array>();
        for (const entry of batch) {
          entry.resolve(
            entry.texts.map((text) => {
              const vector = vectors[position.get(text) ?? -1];
              if (vector === undefined) throw new Error(`inner embedder returned ${vectors.length} vectors for ${unique.length} texts`);
              // Each caller owns its arrays, even when two asked for the same text.
              if (handedOut.has(vector)) return new Float32Array(vector);
              handedOut.add(vector);
              return vector;
            }),
          );
        }
      },
      (error: unknown) => {
        for (const entry of batch) entry.reject(error);
      },
    ).catch((error: unknown) => {
      for (const entry of batch) entry.reject(error);
    });
  };

  return {
    modelId: inner.modelId,
    dimension: inner.dimension,
    async embed(texts) {
      if (closed) throw new Error(`the embedder for "${inner.modelId}" is closed`);
      assertTexts(texts);
      if (texts.length === 0) return [];
      if (texts.length >= maxBatch) return track(inner.embed(texts));
      if (waitingTexts + texts.length > maxBatch) flush();
      const result = new Promise<Float32Array[]>((resolve, reject) => {
        waiting.push({ texts, resolve, reject });
      });
      waitingTexts += texts.length;
      if (waitingTexts >= maxBatch) flush();
      else timer ??= setTimeout(flush, windowMs);
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      flush();
      await Promise.allSettled([...inFlight]);
      await inner.close();
    },
  };
}

function normalizeOptions(options: MicroBatchingOptions): MicroBatchingOptions {
  const { windowMs, maxBatch } = options;
  if (!Number.isFinite(windowMs) || windowMs <= 0) {
    throw new RangeError(`windowMs must be a number of milliseconds above 0, got ${windowMs}`);
  }
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  }
  return { windowMs, maxBatch };
}
