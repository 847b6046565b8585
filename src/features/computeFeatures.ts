import type { Candidate } from '../domain/candidate.js';
import type { Item } from '../domain/item.js';
import type { ItemStats, UserProfile } from '../ports/featureStore.js';
import { cosine } from './cosine.js';
import type { FeatureVector } from './featureNames.js';

/** Everything one candidate's features depend on, fetched beforehand in batches. */
export interface FeatureInputs {
  readonly candidate: Candidate;
  readonly item: Item;
  readonly stats: ItemStats | null;
  readonly user: UserProfile | null;
  readonly itemVector: Float32Array | null;
  /** The user's profile vector, when the request has a user with history. */
  readonly profile: Float32Array | null;
  /** Categories of the seed items (similar items, item-based recommendations). */
  readonly seedCategories: ReadonlySet<string> | null;
  /** The best BM25 score in this request's candidate list, to bring BM25 to 0..1. */
  readonly maxLexical: number;
  /** The year that counts as "now" for recency; passed in so that the function stays pure. */
  readonly referenceYear: number;
}

const DENSE_SOURCES = new Set(['dense', 'profile', 'item_similarity']);
/** Bayesian prior for mean ratings: a film with few ratings is pulled toward 3.5 stars. */
const PRIOR_RATING = 3.5;
const PRIOR_WEIGHT = 5;

export function computeFeatures(inputs: FeatureInputs): FeatureVector {
  const { candidate, item, stats, user } = inputs;
  let dense = 0;
  let lexical = 0;
  // The collaborative space is another space than the text one: its cosine is its own feature.
  let collaborative = 0;
  for (const hit of candidate.hits) {
    if (DENSE_SOURCES.has(hit.source)) dense = Math.max(dense, hit.score);
    if (hit.source === 'collaborative') collaborative = hit.score;
    if (hit.source === 'lexical' && inputs.maxLexical > 0) lexical = hit.score / inputs.maxLexical;
  }
  const ratingMean = stats
    ? (stats.ratingSum + PRIOR_RATING * PRIOR_WEIGHT) / (stats.ratingCount + PRIOR_WEIGHT) - PRIOR_RATING
    : 0;
  let affinity = 0;
  if (user) for (const category of item.categories) affinity += user.categoryAffinity[category] ?? 0;
  let overlap = 0;
  if (inputs.seedCategories && inputs.seedCategories.size > 0 && item.categories.length > 0) {
    const shared = item.categories.filter((category) => inputs.seedCategories!.has(category)).length;
    overlap = shared / (inputs.seedCategories.size + item.categories.length - shared);
  }
  const age = item.year === null ? 30 : Math.max(0, inputs.referenceYear - item.year);
  return {
    rrf: candidate.fusedScore,
    dense_similarity: dense,
    lexical_score: lexical,
    source_count: candidate.hits.length,
    log_popularity: Math.log1p(stats?.positiveUsers ?? 0),
    rating_mean: ratingMean,
    category_affinity: affinity,
    profile_similarity: inputs.profile && inputs.itemVector ? cosine(inputs.profile, inputs.itemVector) : 0,
    seed_category_overlap: overlap,
    recency: Math.exp(-age / 15),
    collaborative_similarity: collaborative,
  };
}
