import { fetchRankings, type FetchedRankings } from '../fetchRankings.js';

const RECOMMENDATIONS = /* GraphQL */ `
  query EvalRecommendations($userId: ID!, $first: Int!) {
    recommendations(userId: $userId, first: $first) {
      edges {
        node {
          id
        }
      }
    }
  }
`;

export interface FetchOptions {
  readonly first: number;
  readonly concurrency: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Every user's recommendations from the running gateway; failures keyed by user id. */
export function fetchRecommendations(url: string, userIds: readonly string[], options: FetchOptions): Promise<FetchedRankings> {
  return fetchRankings(url, userIds, {
    document: RECOMMENDATIONS,
    field: 'recommendations',
    keyOf: (userId) => userId,
    variables: (userId) => ({ userId, first: options.first }),
    concurrency: options.concurrency,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
