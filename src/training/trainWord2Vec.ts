import { skipGramOptions, type SkipGramOptions } from './skipGramOptions.js';
import { trainingCorpus } from './trainingCorpus.js';
import { trainSkipGram } from './trainSkipGram.js';

/** Trained vectors by token, with what the run covered. */
export interface Word2VecModel<T> {
  readonly options: SkipGramOptions;
  /** Tokens that got a vector, in row order. */
  readonly tokens: readonly T[];
  /** tokens.length × dimension, row-major. */
  readonly vectors: Float32Array;
  readonly dimension: number;
  /** Distinct tokens in the input, before minCount. */
  readonly inputVocabulary: number;
  readonly sequences: number;
  readonly tokensTrained: number;
  readonly pairsTrained: number;
}

/**
 * The one word2vec entry point: tokens of any kind (item ids, WordPiece ids) in sequences,
 * vectors out. Tokens that were never trained (too rare, or only ever alone in a sequence)
 * get no vector rather than their random starting one.
 */
export function trainWord2Vec<T>(sequences: Iterable<readonly T[]>, options: Partial<SkipGramOptions> = {}): Word2VecModel<T> {
  const settings = skipGramOptions(options);
  const all = [...sequences];
  const distinct = new Set<T>();
  for (const sequence of all) for (const token of sequence) distinct.add(token);
  const corpus = trainingCorpus(all, settings.minCount);
  const result = trainSkipGram(corpus, settings);
  const { dimension } = settings;
  const tokens: T[] = [];
  const vectors = new Float32Array(corpus.tokens.length * dimension);
  for (let i = 0; i < corpus.tokens.length; i += 1) {
    if (corpus.counts[i] === 0) continue;
    vectors.set(result.vectors.subarray(i * dimension, (i + 1) * dimension), tokens.length * dimension);
    tokens.push(corpus.tokens[i]!);
  }
  return {
    options: settings,
    tokens,
    vectors: vectors.slice(0, tokens.length * dimension),
    dimension,
    inputVocabulary: distinct.size,
    sequences: corpus.sequences.length,
    tokensTrained: result.tokensTrained,
    pairsTrained: result.pairsTrained,
  };
}
