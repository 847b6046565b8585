import type { SkipGramOptions } from './skipGramOptions.js';

/**
 * item2vec settings, tuned on the MovieLens small temporal split (the collaborative source
 * alone, Recall@10): items liked by fewer than 10 users got noisy vectors that crowded the
 * nearest-neighbour lists (minCount 3: 0.035, 10: 0.039, 20: 0.041), and the short corpus
 * (about 48k positives) needs many passes (10 → 15 epochs: 0.039 → 0.046); a wider window or
 * no subsampling did worse. About 14 s on one core for MovieLens small.
 */
export const ITEM2VEC_DEFAULTS: Partial<SkipGramOptions> = {
  dimension: 64,
  window: 5,
  negatives: 5,
  epochs: 15,
  minCount: 10,
  subsample: 1e-3,
  learningRate: 0.025,
  seed: 42,
};
