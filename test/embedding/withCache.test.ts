import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { loadTransformersEmbedder, type TransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { withCache } from '../../src/embedding/withCache.js';
import { embeddingTestConfig } from './embeddingTestConfig.js';
import { POISON_WORD, mismatchedModel } from './mismatchedModel.js';

describe('LRU cache over the real model', () => {
  const calls: string[][] = [];
  let model: TransformersEmbedder;

  beforeAll(async () => {
    model = await loadTransformersEmbedder(embeddingTestConfig(), { onModelCall: (texts) => calls.push([...texts]) });
  });
  beforeEach(() => {
    calls.length = 0;
  });
  afterAll(() => model.close());

  it('answers a repeated text from the cache, asking the model only for misses', async () => {
    const cached = withCache(model, { size: 10, maxTextsPerCall: 8 });
    const [first] = await cached.embed(['cheap flights to rome']);
    const [again, fresh] = await cached.embed(['cheap flights to rome', 'hotels in paris']);
    expect(calls).toEqual([['cheap flights to rome'], ['hotels in paris']]);
    expect(again).toEqual(first);
    expect(fresh).toHaveLength(384);
  });

  it('embeds a text wanted by concurrent callers once', async () => {
    const cached = withCache(model, { size: 10, maxTextsPerCall: 8 });
    const [[a], [b]] = await Promise.all([cached.embed(['jazz records']), cached.embed(['jazz records'])]);
    expect(calls).toEqual([['jazz records']]);
    expect(b).toEqual(a);
  });

  it('evicts the least recently used text', async () => {
    const cached = withCache(model, { size: 2, maxTextsPerCall: 8 });
    await cached.embed(['one']);
    await cached.embed(['two']);
    await cached.embed(['one']);
    await cached.embed(['three']);
    await cached.embed(['one', 'two']);
    expect(calls).toEqual([['one'], ['two'], ['three'], ['two']]);
  });

  it('hands out copies, so a caller writing to its vector cannot corrupt the cache', async () => {
    const cached = withCache(model, { size: 10, maxTextsPerCall: 8 });
    const [mine] = await cached.embed(['mutable']);
    const original = new Float32Array(mine!);
    mine!.fill(0);
    const [later] = await cached.embed(['mutable']);
    expect(later).toEqual(original);
    expect(calls).toEqual([['mutable']]);
  });

  it('lets bulk calls bypass the cache so that they do not evict queries', async () => {
    const cached = withCache(model, { size: 2, maxTextsPerCall: 2 });
    await cached.embed(['query']);
    await cached.embed(['doc 1', 'doc 2', 'doc 3']);
    await cached.embed(['query']);
    expect(calls).toEqual([['query'], ['doc 1', 'doc 2', 'doc 3']]);
  });
});

describe('a failed embedding', () => {
  it('is not cached: the next call asks the model again', async () => {
    const calls: string[][] = [];
    const model = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: await mismatchedModel() }), {
      onModelCall: (texts) => calls.push([...texts]),
    });
    const cached = withCache(model, { size: 10, maxTextsPerCall: 8 });
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(cached.embed([POISON_WORD])).rejects.toThrow(/indices element out of data bounds/);
      await expect(cached.embed([POISON_WORD])).rejects.toThrow(/indices element out of data bounds/);
      expect(calls).toEqual([[POISON_WORD], [POISON_WORD]]);
    } finally {
      printed.mockRestore();
      await cached.close();
    }
  });
});
