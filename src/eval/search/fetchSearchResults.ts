import { graphqlRequest } from '../graphqlRequest.js';
import { mapConcurrent } from '../mapConcurrent.js';
import { rankingFromOrder, type Ranking } from '../metrics/ranking.js';

const SEARCH = /* GraphQL */ `
  query EvalSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      edges {
        node {
          id
        }
      }
    }
  }
`;

interface SearchData {
  readonly search: { readonly edges: readonly { readonly node: { readonly id: string } }[] };
}

export interface SearchQuery {
  readonly id: string;
  readonly text: string;
}

/** Runs every query through the gateway's GraphQL `search` over HTTP; failures are kept, not thrown. */
export async function fetchSearchResults(
  url: string,
  queries: readonly SearchQuery[],
  options: { readonly first: number; readonly concurrency: number },
): Promise<{ rankings: Map<string, Ranking>; failures: { queryId: string; message: string }[] }> {
  const rankings = new Map<string, Ranking>();
  const failures: { queryId: string; message: string }[] = [];
  await mapConcurrent(queries, options.concurrency, async (query) => {
    try {
      const { data } = await graphqlRequest<SearchData>(url, SEARCH, { query: query.text, first: options.first });
      rankings.set(query.id, rankingFromOrder(data.search.edges.map((edge) => edge.node.id)));
    } catch (error) {
      failures.push({ queryId: query.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { rankings, failures };
}
