import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { loadTransformersEmbedder, type TransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { withMicroBatching } from '../../src/embedding/withMicroBatching.js';
import { embeddingTestConfig } from './embeddingTestConfig.js';
import { POISON_WORD, mismatchedModel } from './mismatchedModel.js';

describe('micro-batching queue over the real model', () => {
  const calls: string[][] = [];
  let model: TransformersEmbedder;

  beforeAll(async () => {
    model = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_BATCH_SIZE: '64' }), {
      onModelCall: (texts) => calls.push([...texts]),
    });
  });
  beforeEach(() => {
    calls.length = 0;
  });
  afterAll(() => model.close());

  it('merges concurrent calls into one model call and hands each caller its own vectors', async () => {
    const queue = withMicroBatching(model, { windowMs: 5, maxBatch: 32 });
    const texts = ['red apples', 'green pears', 'blue sky', 'deep sea', 'old road'];
    const results = await Promise.all(texts.map((text) => queue.embed([text])));
    expect(calls).toEqual([texts]);
    const direct = await model.embed(texts);
    expect(results.map(([vector]) => vector)).toEqual(direct);
  });

  it('sends a batch as soon as it is full, and the rest after the window', async () => {
    const queue = withMicroBatching(model, { windowMs: 5, maxBatch: 4 });
    await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((text) => queue.embed([text])));
    expect(calls).toEqual([
      ['a1', 'a2', 'a3', 'a4'],
      ['a5', 'a6'],
    ]);
  });

  it('keeps a caller\'s texts in one batch and sends large calls straight through', async () => {
    const queue = withMicroBatching(model, { windowMs: 5, maxBatch: 4 });
    await Promise.all([queue.embed(['b1', 'b2', 'b3']), queue.embed(['b4', 'b5']), queue.embed(['c1', 'c2', 'c3', 'c4', 'c5'])]);
    expect(calls).toEqual([
      ['b1', 'b2', 'b3'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['b4', 'b5'],
    ]);
  });

  it('embeds a text asked for by several callers once, and gives each a separate array', async () => {
    const queue = withMicroBatching(model, { windowMs: 5, maxBatch: 32 });
    const [[first], [second], [other]] = await Promise.all([queue.embed(['same text']), queue.embed(['same text']), queue.embed(['other'])]);
    expect(calls).toEqual([['same text', 'other']]);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(other).not.toEqual(first);
  });

  it('waits no longer than the window', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const queue = withMicroBatching(model, { windowMs: 50, maxBatch: 32 });
      const pending = queue.embed(['late']);
      jest.advanceTimersByTime(49);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(calls).toEqual([['late']]);
      await expect(pending).resolves.toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects a caller\'s bad input alone, before it reaches a shared batch', async () => {
    const queue = withMicroBatching(model, { windowMs: 5, maxBatch: 32 });
    const results = await Promise.allSettled([queue.embed(['fine']), queue.embed([42 as unknown as string])]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toEqual({ status: 'rejected', reason: new TypeError('embed() expects an array of strings, got number at index 0') });
    expect(calls).toEqual([['fine']]);
  });

  it('finishes accepted work on close, then refuses new work', async () => {
    const queue = withMicroBatching(model, { windowMs: 1000, maxBatch: 32 });
    const pending = queue.embed(['accepted before close']);
    const closing = queue.close();
    await expect(pending).resolves.toHaveLength(1);
    await closing;
    expect(calls).toEqual([['accepted before close']]);
    await expect(queue.embed(['too late'])).rejects.toThrow(/is closed/);
  });

  it('refuses options that cannot work', () => {
    expect(() => withMicroBatching(model, { windowMs: 0, maxBatch: 8 })).toThrow('windowMs must be a number of milliseconds above 0, got 0');
    expect(() => withMicroBatching(model, { windowMs: 2, maxBatch: 0.5 })).toThrow('maxBatch must be a positive integer, got 0.5');
  });
});

describe('a failed batch', () => {
  it('rejects only the callers in that batch', async () => {
    const calls: string[][] = [];
    const model = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: await mismatchedModel() }), {
      onModelCall: (texts) => calls.push([...texts]),
    });
    const queue = withMicroBatching(model, { windowMs: 5, maxBatch: 2 });
    // transformers.js prints the failing inputs; the assertions below say what matters.
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const results = await Promise.allSettled([
        queue.embed([`a ${POISON_WORD}`]),
        queue.embed(['shares the failing batch']),
        queue.embed(['next batch']),
        queue.embed(['also next batch']),
      ]);
      expect(calls).toEqual([[`a ${POISON_WORD}`, 'shares the failing batch'], ['next batch', 'also next batch']]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled']);
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/indices element out of data bounds/);
      expect(printed).toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      await queue.close();
    }
  });
});
