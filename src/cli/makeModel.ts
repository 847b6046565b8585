import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_SEED, BUILTIN_VOCABULARY_SIZE, ensureBuiltinModel } from '../adapters/transformers/builtinModel.js';
import { randomTokenEmbeddingModel } from '../adapters/transformers/randomTokenEmbeddingModel.js';
import { writeModelDirectory } from '../adapters/transformers/writeModelDirectory.js';
import { loadConfig } from '../config/loadConfig.js';

const HELP = `Usage: npm run model:make -- [options]

Writes a model directory that transformers.js loads offline: config.json, tokenizer.json
(BERT WordPiece, lowercasing), tokenizer_config.json, onnx/model.onnx and
onnx/model_quantized.onnx. The model looks each token up in a seeded random table, so mean
pooling gives a weighted bag of words: texts that share words come out close.

Without --out, generates the builtin model (EMBEDDING_MODEL=builtin) in EMBEDDING_CACHE_DIR
with EMBEDDING_BUILTIN_DIMENSION dimensions, as the gateway does at start, and prints its path.

Options:
  --out DIR           directory to write (replaced if it exists)
  --dim N             output dimension (default 384, as all-MiniLM-L6-v2)
  --corpus FILE       text file, one document per line, to build the vocabulary from
                      (default: the built-in English word list, New Dale-Chall)
  --vocab-size N      most tokens in the vocabulary, special tokens included (default ${BUILTIN_VOCABULARY_SIZE})
  --seed N            seed of the random table (default ${BUILTIN_SEED})
  --max-length N      tokens per text before truncation (default 512)
  -h, --help          show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      dim: { type: 'string' },
      corpus: { type: 'string' },
      'vocab-size': { type: 'string' },
      seed: { type: 'string' },
      'max-length': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const started = performance.now();

  if (values.out === undefined) {
    const custom = ['corpus', 'vocab-size', 'seed', 'max-length', 'dim'].filter((name) => values[name as keyof typeof values] !== undefined);
    if (custom.length > 0) throw new UsageError(`--out is required with ${custom.map((name) => `--${name}`).join(', ')}; the builtin model takes its settings from the environment`);
    const config = loadConfig().embedding;
    const directory = await ensureBuiltinModel(config.cacheDir, config.builtinDimension);
    process.stdout.write(`builtin model (${config.builtinDimension} dimensions): ${directory}\n`);
    return;
  }

  const dimension = integerOption(values.dim, 'dim', 384, 1, 8192);
  const vocabularySize = integerOption(values['vocab-size'], 'vocab-size', BUILTIN_VOCABULARY_SIZE, 64, 1_000_000);
  const seed = integerOption(values.seed, 'seed', BUILTIN_SEED, 0, 2 ** 32 - 1);
  const maxLength = integerOption(values['max-length'], 'max-length', 512, 8, 1_000_000);
  const corpus = values.corpus === undefined ? null : (await readFile(values.corpus, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const model = randomTokenEmbeddingModel({ corpus, vocabularySize, dimension, seed, maxLength });
  const directory = path.resolve(values.out);
  await writeModelDirectory(directory, {
    ...model,
    metadata: { ...model.metadata, ...(values.corpus === undefined ? {} : { vocabulary: `corpus ${path.basename(values.corpus)}` }) },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`wrote ${directory}: ${model.tokens.length} tokens × ${dimension} dimensions, seed ${seed}, in ${seconds} s\n`);
}

class UsageError extends Error {}

function integerOption(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`model:make: ${error instanceof Error ? error.message : String(error)}\n${usage ? 'Run with --help for the options.\n' : ''}`);
  process.exitCode = usage ? 2 : 1;
});
