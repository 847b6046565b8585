import type { Ranking } from '../metrics/ranking.js';

/**
 * Something that ranks catalog items for a user: a baseline here, the gateway over GraphQL
 * in the harness. The ranking holds at least `k` places when that many items qualify, and
 * the whole tie group that the k-th place falls in.
 */
export interface Recommender {
  readonly name: string;
  recommend(userId: string, k: number): Ranking;
}
