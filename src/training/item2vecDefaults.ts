import type { SkipGramOptions } from './skipGramOptions.js';

/**
 * item2vec settings for rating logs. A user's likes are a set more than a sentence (MovieLens
 * users rate in bulk, many at one timestamp), so the window is wide; items are rarer than words,
 * so a low minimum count keeps most of the catalog; more epochs make up for short corpora.
 */
export const ITEM2VEC_DEFAULTS: Partial<SkipGramOptions> = {
  dimension: 64,
  window: 5,
  negatives: 5,
  epochs: 5,
  minCount: 3,
  subsample: 1e-3,
  learningRate: 0.025,
  seed: 42,
};
