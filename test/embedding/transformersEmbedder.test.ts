import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadTransformersEmbedder, type TransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { builtinModelDirectory } from '../../src/adapters/transformers/builtinModel.js';
import { TEST_MODEL_CACHE, dot, embeddingTestConfig, norm } from './embeddingTestConfig.js';

describe('transformers.js embedder on the builtin model', () => {
  const calls: string[][] = [];
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    embedder = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_BATCH_SIZE: '4' }), {
      onModelCall: (texts) => calls.push([...texts]),
    });
  });
  afterAll(() => embedder.close());

  it('embeds real text into unit vectors of the configured dimension (typed arrays cross the Jest sandbox)', async () => {
    const [vector] = await embedder.embed(['A quiet story about a family on a farm.']);
    expect(embedder.dimension).toBe(384);
    expect(embedder.modelId).toBe(builtinModelDirectory(TEST_MODEL_CACHE, 384));
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(384);
    expect(norm(vector!)).toBeCloseTo(1, 5);
  });

  it('gives identical texts identical vectors, alone or inside a padded batch', async () => {
    const text = 'the dog ran across the field';
    const [alone] = await embedder.embed([text]);
    const [again] = await embedder.embed([text]);
    const batch = await embedder.embed(['a', 'a much longer sentence about the weather and the sea and the sky', text]);
    expect(again).toEqual(alone);
    expect(batch[2]).toEqual(alone);
  });

  it('puts texts that share words closer than texts that share none', async () => {
    const [cat, cats, market] = await embedder.embed(['The cat sat on the mat', 'a cat on a mat', 'stock markets fell sharply']);
    expect(dot(cat!, cats!)).toBeGreaterThan(0.6);
    expect(Math.abs(dot(cat!, market!))).toBeLessThan(0.15);
  });

  it('splits work into batches of batchSize', async () => {
    calls.length = 0;
    const texts = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(10);
    expect(calls).toEqual([
      ['one', 'two', 'three', 'four'],
      ['five', 'six', 'seven', 'eight'],
      ['nine', 'ten'],
    ]);
  });

  it('embeds an empty string and whitespace as the same unit vector, and an empty list without a model call', async () => {
    calls.length = 0;
    const [empty, blank] = await embedder.embed(['', '   \n\t']);
    expect(norm(empty!)).toBeCloseTo(1, 5);
    expect(blank).toEqual(empty);
    await expect(embedder.embed([])).resolves.toEqual([]);
    expect(calls).toEqual([['', '   \n\t']]);
  });
});

describe('truncation', () => {
  it('cuts a very long text at maxLength tokens instead of failing', async () => {
    const short = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MAX_LENGTH: '16' }));
    const long = await loadTransformersEmbedder(embeddingTestConfig());
    try {
      // 15 one-token words fit after [CLS]; 2,000 more words about something else follow.
      const opening = 'apple banana cherry grape lemon orange peach plum pear corn berry nut bread cake pie';
      const text = `${opening} ${'river mountain valley forest '.repeat(500)}`;
      expect(short.maxLength).toBe(16);
      expect(long.maxLength).toBe(256);
      const [truncated] = await short.embed([text]);
      const [[openingOnly], [full]] = [await long.embed([opening]), await long.embed([text])];
      expect(norm(truncated!)).toBeCloseTo(1, 5);
      // Same fifteen words; only [SEP] (cut by truncation) and its tiny row differ.
      expect(dot(truncated!, openingOnly!)).toBeGreaterThan(0.999);
      // 256 tokens reach the landscape words, which then dominate.
      expect(dot(full!, openingOnly!)).toBeLessThan(0.3);
    } finally {
      await Promise.all([short.close(), long.close()]);
    }
  });
});

describe('quantized and full-precision files of the same model', () => {
  it('give nearly the same vectors', async () => {
    const quantized = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_QUANTIZED: 'true' }));
    const full = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_QUANTIZED: 'false' }));
    try {
      const texts = ['a winter night in the old town', 'Toy Story (1995)', ''];
      const [a, b] = [await quantized.embed(texts), await full.embed(texts)];
      texts.forEach((_, i) => expect(dot(a[i]!, b[i]!)).toBeGreaterThan(0.999));
      expect(a[0]).not.toEqual(b[0]);
    } finally {
      await Promise.all([quantized.close(), full.close()]);
    }
  });
});
