import { fetchRankings, type FetchedRankings } from '../fetchRankings.js';

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

export interface SearchQuery {
  readonly id: string;
  readonly text: string;
}

/** Every query's results from the gateway's GraphQL `search`; failures keyed by query id. */
export function fetchSearchResults(
  url: string,
  queries: readonly SearchQuery[],
  options: { readonly first: number; readonly concurrency: number },
): Promise<FetchedRankings> {
  return fetchRankings(url, queries, {
    document: SEARCH,
    field: 'search',
    keyOf: (query) => query.id,
    variables: (query) => ({ query: query.text, first: options.first }),
    concurrency: options.concurrency,
  });
}
