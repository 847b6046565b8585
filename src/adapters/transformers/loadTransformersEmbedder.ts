import { access } from 'node:fs/promises';
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import type { EmbeddingConfig } from '../../config/config.js';
import { assertTexts } from '../../embedding/assertTexts.js';
import { EmbedderLoadError } from '../../embedding/embedderLoadError.js';
import { meanPoolUnitVectors } from '../../embedding/meanPoolUnitVectors.js';
import type { Embedder } from '../../ports/embedder.js';
import { ensureBuiltinModel } from './builtinModel.js';
import { requiredModelFiles, resolveModelSource, type ModelSource } from './resolveModelSource.js';

export interface TransformersEmbedderOptions {
  /** Called with the texts of every model invocation (after splitting by batch size). */
  readonly onModelCall?: (texts: readonly string[]) => void;
}

/** The transformers.js adapter: one pipeline run per batch of at most `batchSize` texts. */
export interface TransformersEmbedder extends Embedder {
  /** Tokens per text after truncation: the configured maximum capped by what the model allows. */
  readonly maxLength: number;
  /** Runs the model once without reporting it, so that the first real query is not the slow one. */
  warmUp(): Promise<void>;
}

// transformers.js keeps its settings in one module-level `env`; loads are serialised so that
// two embedders configured differently never read each other's settings.
let loading: Promise<unknown> = Promise.resolve();

/**
 * Loads the configured model (a hub id, a local directory, or `builtin`) into a
 * feature-extraction pipeline. Throws EmbedderLoadError when it cannot.
 */
export async function loadTransformersEmbedder(
  config: EmbeddingConfig,
  options: TransformersEmbedderOptions = {},
): Promise<TransformersEmbedder> {
  const load = loading.then(() => loadPipeline(config));
  loading = load.catch(() => undefined);
  const { extractor, modelId } = await load;
  return wrapPipeline(extractor, modelId, config, options);
}

/**
 * Finds the model's files, generating the builtin model when it is missing, and throws the
 * EmbedderLoadError that says what to do when they are not there. Cheap (file checks), so the
 * worker-thread embedder runs it before starting a worker: a worker that exits at once after a
 * failed load can abort the process on Node 20 (seen with two in a row), and most failures are
 * missing files.
 */
export async function locateModel(config: EmbeddingConfig): Promise<{ source: ModelSource; directory: string | null }> {
  const source = resolveModelSource(config);
  const files = requiredModelFiles(config.quantized);
  let directory: string | null = null;

  if (source.kind === 'builtin') {
    try {
      directory = await ensureBuiltinModel(config.cacheDir, config.builtinDimension);
    } catch (error) {
      throw new EmbedderLoadError(
        `Cannot generate the builtin embedding model in ${source.directory}: ${describe(error)}. ` +
          'Fix: make EMBEDDING_CACHE_DIR a writable directory.',
        config.model,
        [source.directory],
        { cause: error },
      );
    }
  } else if (source.kind === 'directory') {
    directory = source.directory;
  }

  if (directory !== null) {
    const missing = await missingFiles(directory, files);
    if (missing.length > 0) throw missingLocalModel(config, directory, missing);
  } else if (source.kind === 'hub' && !config.allowDownloads) {
    const missing = await missingFiles(source.cachedDirectory, files);
    if (missing.length > 0) throw missingHubModel(config, source, missing, null);
  }
  return { source, directory };
}

async function loadPipeline(config: EmbeddingConfig): Promise<{ extractor: FeatureExtractionPipeline; modelId: string }> {
  const { source, directory } = await locateModel(config);
  const modelId = directory ?? config.model;
  env.cacheDir = config.cacheDir;
  // Absolute directories are passed as model ids; a root local path makes them resolve as-is.
  env.localModelPath = directory === null ? config.cacheDir : '/';
  env.allowLocalModels = true;
  env.allowRemoteModels = directory === null && config.allowDownloads;
  try {
    const extractor = await pipeline('feature-extraction', modelId, {
      quantized: config.quantized,
      cache_dir: config.cacheDir,
      local_files_only: !env.allowRemoteModels,
    });
    return { extractor, modelId };
  } catch (error) {
    if (source.kind === 'hub') throw missingHubModel(config, source, [], error);
    throw new EmbedderLoadError(
      `Cannot load embedding model "${config.model}" from ${modelId}: ${describe(error)}. ` +
        'Fix: point EMBEDDING_MODEL to a directory made by `npm run model:make` or exported for transformers.js, or use EMBEDDING_MODEL=builtin.',
      config.model,
      [modelId],
      { cause: error },
    );
  }
}

function wrapPipeline(
  extractor: FeatureExtractionPipeline,
  modelId: string,
  config: EmbeddingConfig,
  options: TransformersEmbedderOptions,
): TransformersEmbedder {
  const modelConfig = extractor.model.config as { hidden_size?: number; max_position_embeddings?: number };
  const dimension = modelConfig.hidden_size;
  if (!Number.isInteger(dimension) || (dimension ?? 0) < 1) {
    throw new EmbedderLoadError(
      `Embedding model "${modelId}" has no hidden_size in its config.json; expected a BERT-like encoder.`,
      config.model,
      [modelId],
    );
  }
  const tokenizer = extractor.tokenizer as { model_max_length?: number };
  const maxLength = Math.min(
    config.maxLength,
    tokenizer.model_max_length ?? Number.POSITIVE_INFINITY,
    modelConfig.max_position_embeddings ?? Number.POSITIVE_INFINITY,
  );
  // The pipeline truncates at the tokenizer's model_max_length; this is the only knob it reads.
  tokenizer.model_max_length = maxLength;

  let closed = false;
  type Encoded = { attention_mask: { data: ArrayLike<bigint>; dims: number[] } };
  type Hidden = { data: Float32Array; dims: number[] };
  // The pipeline's steps (tokenize with padding and truncation, run, pool), with our own pooling.
  const run = async (texts: readonly string[]): Promise<Float32Array[]> => {
    const inputs = extractor.tokenizer([...texts], { padding: true, truncation: true }) as Encoded;
    const outputs = (await extractor.model(inputs)) as Record<string, Hidden | undefined>;
    const hidden = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
    if (hidden === undefined) throw new Error(`model "${modelId}" returned none of last_hidden_state, logits, token_embeddings`);
    return meanPoolUnitVectors(hidden.data, hidden.dims, inputs.attention_mask.data);
  };

  return {
    modelId,
    dimension: dimension as number,
    maxLength,
    async warmUp() {
      await run(['warm up the embedding model', '']);
    },
    async embed(texts) {
      if (closed) throw new Error(`the embedder for "${modelId}" is closed`);
      assertTexts(texts);
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += config.batchSize) {
        // A model run never yields (onnxruntime-node runs synchronously inside a nextTick), so a
        // long call would hold the event loop for all its batches; let other work in between.
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        const batch = texts.slice(start, start + config.batchSize);
        options.onModelCall?.(batch);
        vectors.push(...(await run(batch)));
      }
      return vectors;
    },
    async close() {
      if (closed) return;
      closed = true;
      await extractor.dispose();
    },
  };
}

async function missingFiles(directory: string, files: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const file of files) {
    await access(path.join(directory, file)).catch(() => missing.push(file));
  }
  return missing;
}

function missingLocalModel(config: EmbeddingConfig, directory: string, missing: readonly string[]): EmbedderLoadError {
  const other = requiredModelFiles(!config.quantized).at(-1);
  const hint = missing.length === 1 && missing[0]?.startsWith('onnx/')
    ? ` It may have only ${other}: set EMBEDDING_QUANTIZED=${!config.quantized}.`
    : '';
  const problem = missing.length === requiredModelFiles(config.quantized).length
    ? `no model directory at ${directory}`
    : `${directory} lacks ${missing.join(', ')}`;
  return new EmbedderLoadError(
    `Cannot load embedding model "${config.model}": ${problem}.${hint} ` +
      'Fix: point EMBEDDING_MODEL to a model directory exported for transformers.js (or made by `npm run model:make`), ' +
      'use EMBEDDING_MODEL=builtin for the offline model, or a hub id with EMBEDDING_ALLOW_DOWNLOADS=true.',
    config.model,
    [directory],
  );
}

function missingHubModel(
  config: EmbeddingConfig,
  source: Extract<ModelSource, { kind: 'hub' }>,
  missing: readonly string[],
  cause: unknown,
): EmbedderLoadError {
  const remote = `${env.remoteHost}${source.id}`;
  const searched = config.allowDownloads ? [source.cachedDirectory, remote] : [source.cachedDirectory];
  const where = config.allowDownloads
    ? `looked in the cache at ${source.cachedDirectory}, then on the model hub at ${remote}, which failed: ${describe(cause)}`
    : `not in the cache at ${source.cachedDirectory} (missing ${missing.join(', ')}) and downloads are off (EMBEDDING_ALLOW_DOWNLOADS=false)`;
  return new EmbedderLoadError(
    `Cannot load embedding model "${config.model}": ${where}. ` +
      (config.allowDownloads
        ? 'Fix: give this machine access to the model hub for the first start (the model is cached after it), '
        : 'Fix: allow downloads (EMBEDDING_ALLOW_DOWNLOADS=true, with network on first use), ') +
      'or set EMBEDDING_MODEL to a local model directory, or EMBEDDING_MODEL=builtin for the offline model.',
    config.model,
    searched,
    cause === null ? {} : { cause },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
