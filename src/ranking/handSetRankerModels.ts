import { FEATURE_NAMES, type FeatureName } from '../features/featureNames.js';
import type { RankerModel, RankerModels } from './rankerModel.js';

/** Hand-set weights on features scaled by a typical spread, so that the weights read as importances. */
function handSet(version: string, spec: Partial<Record<FeatureName, { std: number; weight: number }>>, bias: number): RankerModel {
  return {
    version,
    featureNames: [...FEATURE_NAMES],
    mean: FEATURE_NAMES.map(() => 0),
    std: FEATURE_NAMES.map((name) => spec[name]?.std ?? 1),
    weights: FEATURE_NAMES.map((name) => spec[name]?.weight ?? 0),
    bias,
  };
}

/**
 * The defaults until a learned model is configured. Search trusts query relevance (BM25,
 * fusion, cosine) and uses popularity to break ties; recommendations trust taste (profile,
 * category affinity, seed overlap) and popularity.
 */
export const HAND_SET_RANKER_MODELS: RankerModels = {
  search: handSet(
    'hand-set-search-1',
    {
      rrf: { std: 0.01, weight: 1.0 },
      lexical_score: { std: 0.25, weight: 1.2 },
      dense_similarity: { std: 0.2, weight: 0.5 },
      source_count: { std: 1, weight: 0.2 },
      log_popularity: { std: 1.5, weight: 0.25 },
      rating_mean: { std: 0.5, weight: 0.15 },
      category_affinity: { std: 0.2, weight: 0.3 },
      profile_similarity: { std: 0.2, weight: 0.2 },
    },
    -6,
  ),
  recommend: handSet(
    'hand-set-recommend-1',
    {
      rrf: { std: 0.01, weight: 0.6 },
      dense_similarity: { std: 0.2, weight: 0.2 },
      source_count: { std: 1, weight: 0.2 },
      log_popularity: { std: 1.5, weight: 0.8 },
      rating_mean: { std: 0.5, weight: 0.3 },
      category_affinity: { std: 0.2, weight: 0.6 },
      profile_similarity: { std: 0.2, weight: 0.5 },
      seed_category_overlap: { std: 0.3, weight: 0.6 },
    },
    -6,
  ),
};
