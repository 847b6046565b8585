import { graphqlRequest } from '../graphqlRequest.js';
import { mapConcurrent } from '../mapConcurrent.js';
import { rankingFromOrder, type Ranking } from '../metrics/ranking.js';

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

interface RecommendationsData {
  readonly recommendations: { readonly edges: readonly { readonly node: { readonly id: string } }[] };
}

export interface FetchedRecommendations {
  /** Each user's list in served order; absent for users whose request failed. */
  readonly rankings: Map<string, Ranking>;
  /** Failed requests: user and what the server said. */
  readonly failures: { readonly userId: string; readonly message: string }[];
}

export interface FetchOptions {
  readonly first: number;
  readonly concurrency: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Asks the running gateway for every user's recommendations over HTTP GraphQL, as a client
 * would, with a bounded number of requests in flight. A failure is recorded and the run
 * goes on: the user then scores 0, and the report says how many failed.
 */
export async function fetchRecommendations(url: string, userIds: readonly string[], options: FetchOptions): Promise<FetchedRecommendations> {
  const rankings = new Map<string, Ranking>();
  const failures: { userId: string; message: string }[] = [];
  let done = 0;
  await mapConcurrent(userIds, options.concurrency, async (userId) => {
    try {
      const { data } = await graphqlRequest<RecommendationsData>(url, RECOMMENDATIONS, { userId, first: options.first });
      rankings.set(userId, rankingFromOrder(data.recommendations.edges.map((edge) => edge.node.id)));
    } catch (error) {
      failures.push({ userId, message: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
    options.onProgress?.(done, userIds.length);
  });
  return { rankings, failures };
}
