import { seededRandom } from '../baselines/seededRandom.js';
import type { Rating } from '../movieLens/rating.js';

const RESULT_FIELDS = 'requestId totalCount edges { rank score node { id title year categories } }';

/** The operations the bench sends, as a client showing a page of ten would. */
export const BENCH_OPERATIONS = {
  search: `query BenchSearch($value: String!) { search(query: $value, first: 10) { ${RESULT_FIELDS} } }`,
  recommendations: `query BenchRecommendations($value: ID!) { recommendations(userId: $value, first: 10) { ${RESULT_FIELDS} } }`,
  similarItems: `query BenchSimilarItems($value: ID!) { similarItems(itemId: $value, first: 10) { ${RESULT_FIELDS} } }`,
} as const;
export type BenchOperation = keyof typeof BENCH_OPERATIONS;

export interface BenchInputs {
  /** Search texts: titles of sampled movies, without the year. */
  readonly search: readonly string[];
  /** Sampled users who rated something. */
  readonly recommendations: readonly string[];
  /** Sampled movies with at least 10 ratings. */
  readonly similarItems: readonly string[];
}

function sample<T>(values: readonly T[], count: number, random: () => number): T[] {
  const pool = [...values];
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

/** Varied, seeded inputs, so that a run measures more than one cached query. */
export function benchInputs(movies: readonly { id: string; title: string }[], ratings: readonly Rating[], count: number, seed: number): BenchInputs {
  const random = seededRandom(`bench:${seed}`);
  const ratingCounts = new Map<string, number>();
  for (const rating of ratings) ratingCounts.set(rating.itemId, (ratingCounts.get(rating.itemId) ?? 0) + 1);
  const users = [...new Set(ratings.map((rating) => rating.userId))].sort();
  const rated = movies.filter((movie) => (ratingCounts.get(movie.id) ?? 0) >= 10);
  return {
    search: sample(movies, count, random).map((movie) => movie.title.replace(/\s*\(\d{4}(?:[-–]\d{4})?\)\s*$/, '').trim()),
    recommendations: sample(users, count, random),
    similarItems: sample(rated, count, random).map((movie) => movie.id),
  };
}

/** The JSON request bodies of one operation over its inputs. */
export function benchBodies(operation: BenchOperation, inputs: BenchInputs): string[] {
  return inputs[operation].map((value) => JSON.stringify({ query: BENCH_OPERATIONS[operation], variables: { value } }));
}
