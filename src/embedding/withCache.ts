import { LRUCache } from 'lru-cache';
import type { Embedder } from '../ports/embedder.js';
import { assertTexts } from './assertTexts.js';

export interface CacheOptions {
  /** Vectors kept, least recently used evicted first (> 0). */
  readonly size: number;
  /**
   * Calls with more texts than this bypass the cache: they are bulk ingestion, whose texts
   * would evict the repeated queries the cache is for.
   */
  readonly maxTextsPerCall: number;
}

/**
 * An LRU cache of vectors keyed by text in front of `inner`. Texts already being embedded for
 * another caller are awaited rather than embedded twice; a failure is not cached.
 */
export function withCache(inner: Embedder, options: CacheOptions): Embedder {
  const { size, maxTextsPerCall } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`cache size must be a positive integer, got ${size}`);
  if (!Number.isInteger(maxTextsPerCall) || maxTextsPerCall < 1) {
    throw new RangeError(`maxTextsPerCall must be a positive integer, got ${maxTextsPerCall}`);
  }
  const cache = new LRUCache<string, Float32Array>({ max: size });
  const pending = new Map<string, Promise<Float32Array>>();

  const embedMisses = (misses: readonly string[]): void => {
    const batch = inner.embed(misses);
    misses.forEach((text, index) => {
      const vector = batch.then((vectors) => {
        const found = vectors[index];
        if (found === undefined) throw new Error(`inner embedder returned ${vectors.length} vectors for ${misses.length} texts`);
        cache.set(text, found);
        return found;
      });
      pending.set(text, vector);
      const settle = () => {
        if (pending.get(text) === vector) pending.delete(text);
      };
      vector.then(settle, settle);
    });
  };

  return {
    modelId: inner.modelId,
    dimension: inner.dimension,
    async embed(texts) {
      assertTexts(texts);
      if (texts.length > maxTextsPerCall) return inner.embed(texts);
      const misses = [...new Set(texts.filter((text) => !cache.has(text) && !pending.has(text)))];
      const hits = new Map<string, Float32Array>();
      for (const text of texts) {
        const vector = cache.get(text);
        if (vector !== undefined) hits.set(text, vector);
      }
      if (misses.length > 0) embedMisses(misses);
      const vectors = await Promise.all(texts.map((text) => hits.get(text) ?? (pending.get(text) as Promise<Float32Array>)));
      // Cached arrays are shared; callers may write to theirs.
      return vectors.map((vector) => new Float32Array(vector));
    },
    async close() {
      cache.clear();
      await inner.close();
    },
  };
}
