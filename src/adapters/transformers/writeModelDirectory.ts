import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeEmbeddingGraph } from '../onnx/encodeEmbeddingGraph.js';
import { SPECIAL_TOKENS } from './specialTokens.js';
import { tokenizerFiles } from './tokenizerFiles.js';

/** A token-embedding model: one table row per vocabulary token. */
export interface TokenEmbeddingModel {
  /** WordPiece tokens, row order; must contain [PAD] [UNK] [CLS] [SEP] [MASK]. */
  readonly tokens: readonly string[];
  /** tokens.length × dimension floats, row-major. */
  readonly table: Float32Array;
  readonly dimension: number;
  /** The tokenizer's model_max_length (default 512, like BERT). */
  readonly maxLength?: number;
  /** Free-form provenance stored in config.json under `recsys_gateway` (seed, corpus, trainer...). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface WriteModelDirectoryOptions {
  /** Replace an existing directory (default). When false, an existing directory wins and is kept. */
  readonly overwrite?: boolean;
}

/**
 * Writes a model directory that transformers.js loads offline as a BERT feature extractor:
 * config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx and
 * onnx/model_quantized.onnx. The files are written into a sibling temporary directory and
 * renamed into place, so a concurrent reader never sees half a model.
 */
export async function writeModelDirectory(
  directory: string,
  model: TokenEmbeddingModel,
  options: WriteModelDirectoryOptions = {},
): Promise<void> {
  const { tokens, table, dimension } = model;
  const maxLength = model.maxLength ?? 512;
  if (new Set(tokens).size !== tokens.length) throw new RangeError('vocabulary tokens must be unique');
  const { tokenizer, tokenizerConfig } = tokenizerFiles(tokens, maxLength);
  const graphOptions = { vocabularySize: tokens.length, dimension };
  const full = encodeEmbeddingGraph(table, { ...graphOptions, quantized: false });
  const quantized = encodeEmbeddingGraph(table, { ...graphOptions, quantized: true });
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dimension,
    vocab_size: tokens.length,
    max_position_embeddings: maxLength,
    type_vocab_size: 2,
    pad_token_id: tokens.indexOf(SPECIAL_TOKENS.pad),
    recsys_gateway: { kind: 'token-embedding-lookup', ...model.metadata },
  };

  const target = path.resolve(directory);
  const staging = `${target}.tmp-${randomUUID()}`;
  await mkdir(path.join(staging, 'onnx'), { recursive: true });
  try {
    await Promise.all([
      writeFile(path.join(staging, 'config.json'), `${JSON.stringify(config, null, 2)}\n`),
      writeFile(path.join(staging, 'tokenizer.json'), JSON.stringify(tokenizer)),
      writeFile(path.join(staging, 'tokenizer_config.json'), `${JSON.stringify(tokenizerConfig, null, 2)}\n`),
      writeFile(path.join(staging, 'onnx', 'model.onnx'), full),
      writeFile(path.join(staging, 'onnx', 'model_quantized.onnx'), quantized),
    ]);
    await moveIntoPlace(staging, target, options.overwrite ?? true);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function moveIntoPlace(staging: string, target: string, overwrite: boolean): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing && !overwrite) return;
  const retired = existing ? `${target}.old-${randomUUID()}` : null;
  if (retired) await rename(target, retired);
  try {
    await rename(staging, target);
  } catch (error) {
    if (retired) await rename(retired, target).catch(() => undefined);
    // Another writer got there first: theirs is as complete as ours.
    if (!overwrite && isCode(error, 'ENOTEMPTY', 'EEXIST')) return;
    throw error;
  }
  if (retired) await rm(retired, { recursive: true, force: true });
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}
