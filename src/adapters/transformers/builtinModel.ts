import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildVocabulary } from './buildVocabulary.js';
import { randomTokenEmbeddingModel } from './randomTokenEmbeddingModel.js';
import { writeModelDirectory } from './writeModelDirectory.js';

/** The `EMBEDDING_MODEL` value that selects the project's own offline model. */
export const BUILTIN_MODEL = 'builtin';

export const BUILTIN_SEED = 42;
export const BUILTIN_VOCABULARY_SIZE = 8000;

// Bump when the generated files change for the same inputs, so old cache entries are not reused.
const FORMAT_VERSION = 2;

/**
 * Where the builtin model of this dimension lives under the cache directory:
 * `<cacheDir>/builtin-<dimension>-<hash>`, the hash covering everything the files depend on.
 */
export function builtinModelDirectory(cacheDir: string, dimension: number): string {
  const vocabulary = buildVocabulary({ corpus: null, size: BUILTIN_VOCABULARY_SIZE });
  const hash = createHash('sha256')
    .update(JSON.stringify({ FORMAT_VERSION, dimension, seed: BUILTIN_SEED, tokens: vocabulary.tokens }))
    .update(new Uint8Array(vocabulary.weights.buffer))
    .digest('hex')
    .slice(0, 12);
  return path.join(path.resolve(cacheDir), `builtin-${dimension}-${hash}`);
}

/**
 * The builtin model's directory, generated on first use (a second or so for 384 dimensions)
 * and reused afterwards. Needs no network.
 */
export async function ensureBuiltinModel(cacheDir: string, dimension: number): Promise<string> {
  const directory = builtinModelDirectory(cacheDir, dimension);
  if (await stat(path.join(directory, 'config.json')).catch(() => null)) return directory;
  const model = randomTokenEmbeddingModel({ corpus: null, vocabularySize: BUILTIN_VOCABULARY_SIZE, dimension, seed: BUILTIN_SEED });
  await writeModelDirectory(directory, model, { overwrite: false });
  return directory;
}
