import { rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeEncoderCostGraph } from '../onnx/encodeEncoderCostGraph.js';
import { BUILTIN_SEED, BUILTIN_VOCABULARY_SIZE } from './builtinModel.js';
import { randomTokenEmbeddingModel } from './randomTokenEmbeddingModel.js';
import { writeModelDirectory } from './writeModelDirectory.js';

/** all-MiniLM-L6-v2's sizes: the default production model. */
export const MINILM_SHAPE = { dimension: 384, layers: 6, feedForward: 1536 } as const;

/**
 * A model directory with the builtin tokenizer and a random encoder of the given sizes (see
 * encodeEncoderCostGraph), in full precision only: for measuring what a real encoder costs on
 * this machine. Its vectors carry no meaning.
 */
export async function ensureEncoderCostModel(cacheDir: string, shape: typeof MINILM_SHAPE = MINILM_SHAPE): Promise<string> {
  const { dimension, layers, feedForward } = shape;
  const directory = path.join(path.resolve(cacheDir), `encoder-cost-${dimension}x${layers}x${feedForward}-v1`);
  if (await stat(path.join(directory, 'onnx', 'model.onnx')).catch(() => null)) return directory;
  const model = randomTokenEmbeddingModel({ corpus: null, vocabularySize: BUILTIN_VOCABULARY_SIZE, dimension, seed: BUILTIN_SEED });
  const staging = `${directory}.building-${process.pid}`;
  await writeModelDirectory(staging, { ...model, metadata: { table: 'random encoder for cost measurement only', ...shape } });
  const graph = encodeEncoderCostGraph({ vocabularySize: model.tokens.length, ...shape, seed: BUILTIN_SEED });
  await writeFile(path.join(staging, 'onnx', 'model.onnx'), graph);
  await writeFile(path.join(staging, 'onnx', 'model_quantized.onnx'), graph);
  await rename(staging, directory).catch(async (error: NodeJS.ErrnoException) => {
    if (!(await stat(directory).catch(() => null))) throw error;
  });
  return directory;
}
