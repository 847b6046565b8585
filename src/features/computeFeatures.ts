import type { Candidate } from '../domain/candidate.js';
import type { Item } from '../domain/item.js';
import type { ItemStats, UserProfile } from '../ports/featureStore.js';
import { EVENT_TYPES, type EventType } from '../domain/event.js';
import { cosine } from './cosine.js';
import { decayedValue, HALF_LIVES } from './forwardDecay.js';
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
  /** "Now" in epoch ms, for decayed counts and item age; passed in for the same reason. */
  readonly now: number;
}

const DENSE_SOURCES = new Set(['dense', 'profile', 'item_similarity']);
/** Bayesian prior for mean ratings: a film with few ratings is pulled toward 3.5 stars. */
const PRIOR_RATING = 3.5;
const PRIOR_WEIGHT = 5;
/** Click-through prior: 1 click in 20 impressions until an item has impressions of its own. */
const PRIOR_CTR = 0.05;
const PRIOR_IMPRESSIONS = 20;
/** What each interaction type says about an item being in demand now, for `trending`. */
const TREND_WEIGHTS: Readonly<Record<EventType, number>> = { view: 0.25, click: 1, add_to_cart: 2, purchase: 3, rating: 1, impression: 0 };
/** An item's freshness halves every 30 days after it entered the catalog. */
const FRESHNESS_HALF_LIFE_MS = 30 * 86_400_000;

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
  let trend = 0;
  if (stats) {
    for (const type of EVENT_TYPES) trend += TREND_WEIGHTS[type] * decayedValue(stats.decayedCounts[type], inputs.now, HALF_LIVES.itemInteractions);
  }
  const clicks = stats?.counts.click ?? 0;
  const impressions = stats?.counts.impression ?? 0;
  let recentAffinity = 0;
  if (user) for (const category of new Set(item.categories)) recentAffinity += user.recentCategoryAffinity[category] ?? 0;
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
    trending: Math.log1p(trend),
    // Clicks can outnumber logged impressions (sampling, clicks from elsewhere): a rate stays at most 1.
    smoothed_ctr: Math.min(1, (clicks + PRIOR_CTR * PRIOR_IMPRESSIONS) / (impressions + PRIOR_IMPRESSIONS)),
    item_freshness: 2 ** (-Math.max(0, inputs.now - item.createdAt) / FRESHNESS_HALF_LIFE_MS),
    recent_category_affinity: recentAffinity,
    seen_before: user?.seenItemIds.has(item.id) ? 1 : 0,
  };
}
