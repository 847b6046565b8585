import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadTransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { randomTokenEmbeddingModel } from '../../src/adapters/transformers/randomTokenEmbeddingModel.js';
import { writeModelDirectory } from '../../src/adapters/transformers/writeModelDirectory.js';
import { embeddingTestConfig } from './embeddingTestConfig.js';

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

describe('writeModelDirectory: a model directory from a vocabulary and a table', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'model-directory-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  // A hand-made table: special rows zero except [UNK], one axis per word.
  const tokens = [...SPECIALS, 'apple', 'pie', 'car'];
  const table = Float32Array.from([
    ...[0, 0, 0, 0], // [PAD]
    ...[0, 0, 0, 2], // [UNK]
    ...[0, 0, 0, 0], // [CLS]
    ...[0, 0, 0, 0], // [SEP]
    ...[0, 0, 0, 0], // [MASK]
    ...[1, 0, 0, 0], // apple
    ...[0, 1, 0, 0], // pie
    ...[0, 0, 3, 0], // car
  ]);

  it.each([false, true])('is loaded by transformers.js and pools the given rows (quantized %s)', async (quantized) => {
    const directory = path.join(scratch, 'hand-made');
    await writeModelDirectory(directory, { tokens, table, dimension: 4, metadata: { trainer: 'test' } });
    const embedder = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: directory, EMBEDDING_QUANTIZED: String(quantized) }));
    try {
      const [applePie, car, unknown, empty] = await embedder.embed(['Apple PIE', 'car car', 'banana', '']);
      expect(embedder.dimension).toBe(4);
      expect(Array.from(applePie!)).toEqual([Math.SQRT1_2, Math.SQRT1_2, 0, 0].map((x) => Math.fround(x)));
      expect(Array.from(car!)).toEqual([0, 0, 1, 0]);
      expect(Array.from(unknown!)).toEqual([0, 0, 0, 1]);
      // Only zero rows: the zero vector, not NaN.
      expect(Array.from(empty!)).toEqual([0, 0, 0, 0]);
    } finally {
      await embedder.close();
    }
    const config = JSON.parse(await readFile(path.join(directory, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 4, vocab_size: 8, recsys_gateway: { trainer: 'test' } });
  });

  it('replaces a directory that exists', async () => {
    const directory = path.join(scratch, 'replaced');
    await writeModelDirectory(directory, { tokens, table, dimension: 4 });
    const swapped = Float32Array.from(table);
    swapped.set([0, 0, 0, 5], 5 * 4); // apple now points along the last axis
    await writeModelDirectory(directory, { tokens, table: swapped, dimension: 4 });
    const embedder = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: directory, EMBEDDING_QUANTIZED: 'false' }));
    await expect(embedder.embed(['apple'])).resolves.toEqual([Float32Array.from([0, 0, 0, 1])]);
    await embedder.close();
  });

  it('states the contract when the input cannot make a model', async () => {
    const directory = path.join(scratch, 'never');
    await expect(writeModelDirectory(directory, { tokens, table: new Float32Array(10), dimension: 4 })).rejects.toThrow(
      'table must hold vocabularySize × dimension = 8 × 4 = 32 floats, got 10',
    );
    await expect(writeModelDirectory(directory, { tokens: ['[PAD]', 'apple'], table: new Float32Array(8), dimension: 4 })).rejects.toThrow(
      'the vocabulary must contain the special token [UNK] (it needs all of [PAD] [UNK] [CLS] [SEP] [MASK])',
    );
    await expect(writeModelDirectory(directory, { tokens: [...tokens, 'car'], table: new Float32Array(36), dimension: 4 })).rejects.toThrow(
      'vocabulary tokens must be unique',
    );
  });

  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const options = { corpus: null, vocabularySize: 500, dimension: 16 };
    await writeModelDirectory(path.join(scratch, 'a'), randomTokenEmbeddingModel({ ...options, seed: 7 }));
    await writeModelDirectory(path.join(scratch, 'b'), randomTokenEmbeddingModel({ ...options, seed: 7 }));
    await writeModelDirectory(path.join(scratch, 'c'), randomTokenEmbeddingModel({ ...options, seed: 8 }));
    const onnx = (name: string) => readFile(path.join(scratch, name, 'onnx', 'model.onnx'));
    expect((await onnx('a')).equals(await onnx('b'))).toBe(true);
    expect((await onnx('a')).equals(await onnx('c'))).toBe(false);
  });
});
