/**
 * Trains a domain text model (word2vec over the corpus's WordPiece tokens) and writes it as a
 * transformers.js model directory that EMBEDDING_MODEL=<dir> loads offline.
 *
 *   npm run train:text-model -- --corpus FILE [--format lines|cranfield] [--out DIR] [options]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { TEXT_MODEL_DEFAULTS, trainedTokenEmbeddingModel } from '../adapters/transformers/trainedTokenEmbeddingModel.js';
import { writeModelDirectory } from '../adapters/transformers/writeModelDirectory.js';
import { parseDotRecords } from '../eval/cranfield/parseDotRecords.js';
import { runCommand } from './runCommand.js';

const t = TEXT_MODEL_DEFAULTS.trainer;
const USAGE = `Usage: npm run train:text-model -- --corpus FILE [options]

Builds a WordPiece vocabulary from the corpus, trains skip-gram with negative sampling
(word2vec) over the corpus's own WordPiece tokens, and writes a transformers.js model
directory (tokenizer, ONNX token-embedding graph) whose table holds the trained vectors.
Serve with EMBEDDING_MODEL=<out dir> (an absolute path, or one starting with ./); re-ingest
the catalog afterwards, since its vectors must come from the same model as the queries'.

Options:
  --corpus FILE        the documents (required)
  --format F           lines: one document per line (default); cranfield: .I/.T/.W records
                       (cran.all.1400), title and text of each
  --out DIR            where the model goes (default .cache/models/text-model)
  --vocabulary N       vocabulary size, special tokens included (default ${TEXT_MODEL_DEFAULTS.vocabularySize})
  --identity-share X   share of each trained row kept as the token's own direction, 0..1 (default ${TEXT_MODEL_DEFAULTS.identityShare})
  --dimension N        vector length (default ${t.dimension})
  --window N           tokens each side (default ${t.window})
  --negatives N        noise tokens per pair (default ${t.negatives})
  --epochs N           passes over the corpus (default ${t.epochs})
  --min-count N        occurrences a token needs to be trained (default ${t.minCount})
  --subsample X        down-sampling threshold for frequent tokens, 0 = off (default ${t.subsample})
  --learning-rate X    starting rate, decayed linearly (default ${t.learningRate})
  --seed S             same seed, same corpus: same model (default ${t.seed})
  --help               print this and exit`;

function numberOption(values: Record<string, unknown>, flag: string, integer: boolean): number | undefined {
  const raw = values[flag];
  if (typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new Error(`--${flag} must be ${integer ? 'an integer' : 'a number'}, got "${raw}"`);
  }
  return value;
}

/** Documents of a Cranfield file: each record's title and text, the fields the catalog indexes. */
function cranfieldDocuments(text: string): string[] {
  return parseDotRecords(text).map((record) => [record.fields['T'] ?? '', record.fields['W'] ?? ''].join('\n').trim());
}

async function main(): Promise<number> {
  const numeric = ['vocabulary', 'identity-share', 'dimension', 'window', 'negatives', 'epochs', 'min-count', 'subsample', 'learning-rate', 'seed'];
  let values: Record<string, unknown>;
  let settings;
  try {
    ({ values } = parseArgs({
      options: {
        corpus: { type: 'string' },
        format: { type: 'string', default: 'lines' },
        out: { type: 'string', default: '.cache/models/text-model' },
        ...Object.fromEntries(numeric.map((flag) => [flag, { type: 'string' as const }])),
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
    if (values['help']) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (typeof values['corpus'] !== 'string') throw new Error('--corpus FILE is required');
    if (values['format'] !== 'lines' && values['format'] !== 'cranfield') throw new Error(`--format must be lines or cranfield, got "${String(values['format'])}"`);
    const trainer = Object.fromEntries(
      (
        [
          ['dimension', 'dimension', true],
          ['window', 'window', true],
          ['negatives', 'negatives', true],
          ['epochs', 'epochs', true],
          ['min-count', 'minCount', true],
          ['subsample', 'subsample', false],
          ['learning-rate', 'learningRate', false],
          ['seed', 'seed', true],
        ] as const
      )
        .map(([flag, name, integer]) => [name, numberOption(values, flag, integer)] as const)
        .filter(([, value]) => value !== undefined),
    );
    settings = {
      vocabularySize: numberOption(values, 'vocabulary', true) ?? TEXT_MODEL_DEFAULTS.vocabularySize,
      identityShare: numberOption(values, 'identity-share', false) ?? TEXT_MODEL_DEFAULTS.identityShare,
      trainer,
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const text = await readFile(values['corpus'] as string, 'utf8');
  const documents = values['format'] === 'cranfield' ? cranfieldDocuments(text) : text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  if (documents.length === 0) {
    process.stderr.write(`${String(values['corpus'])} holds no documents\n`);
    return 1;
  }
  process.stderr.write(`training on ${documents.length} documents from ${String(values['corpus'])}\n`);
  const started = performance.now();
  const trained = trainedTokenEmbeddingModel(documents, settings);
  const seconds = (performance.now() - started) / 1000;
  const out = path.resolve(values['out'] as string);
  await writeModelDirectory(out, trained.model);
  process.stdout.write(
    `text model: ${trained.model.tokens.length} tokens (${trained.trainedTokens} trained), ${trained.model.dimension} dimensions; ` +
      `${trained.tokensTrained} tokens in ${seconds.toFixed(2)} s = ${Math.round(trained.tokensTrained / seconds)} tokens/s\n` +
      `wrote ${out}\nserve it with EMBEDDING_MODEL=${out}\n`,
  );
  return 0;
}

runCommand(main, { label: 'train:text-model failed' });
