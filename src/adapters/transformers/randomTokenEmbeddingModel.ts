import { buildVocabulary } from './buildVocabulary.js';
import { randomEmbeddingTable } from './randomEmbeddingTable.js';
import type { TokenEmbeddingModel } from './writeModelDirectory.js';

export interface RandomTokenEmbeddingModelOptions {
  /** Documents to build the vocabulary from; null: the built-in English word list. */
  readonly corpus: Iterable<string> | null;
  readonly vocabularySize: number;
  readonly dimension: number;
  readonly seed: number;
  readonly maxLength?: number;
}

/** A seeded, untrained token-embedding model: a lexical-overlap embedder, deterministic. */
export function randomTokenEmbeddingModel(options: RandomTokenEmbeddingModelOptions): TokenEmbeddingModel {
  const vocabulary = buildVocabulary({ corpus: options.corpus, size: options.vocabularySize });
  return {
    tokens: vocabulary.tokens,
    table: randomEmbeddingTable(vocabulary.tokens, vocabulary.weights, options.dimension, options.seed),
    dimension: options.dimension,
    ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    metadata: {
      table: 'random directions scaled by token weight',
      seed: options.seed,
      vocabulary: options.corpus === null ? 'built-in English word list (New Dale-Chall)' : 'corpus',
    },
  };
}
