/**
 * The ranker's features, in model order. Training and serving both build them with
 * `computeFeatures`, and a model file whose names differ from these is refused.
 */
export const FEATURE_NAMES = [
  'rrf',
  'dense_similarity',
  'lexical_score',
  'source_count',
  'log_popularity',
  'rating_mean',
  'category_affinity',
  'profile_similarity',
  'seed_category_overlap',
  'recency',
  'collaborative_similarity',
  'trending',
  'smoothed_ctr',
  'item_freshness',
  'recent_category_affinity',
  'seen_before',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export type FeatureVector = Readonly<Record<FeatureName, number>>;
