import { graphqlRequest } from './graphqlRequest.js';
import { mapConcurrent } from './mapConcurrent.js';
import { rankingFromOrder, type Ranking } from './metrics/ranking.js';

/** A connection as the eval queries select it: item ids in served order. */
type ConnectionData = Readonly<Record<string, { readonly edges: readonly { readonly node: { readonly id: string } }[] }>>;

export interface FetchRankingsOptions<K> {
  /** A GraphQL document whose one root field is a connection selecting `edges { node { id } }`. */
  readonly document: string;
  readonly field: string;
  readonly keyOf: (key: K) => string;
  readonly variables: (key: K) => Record<string, unknown>;
  readonly concurrency: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface FetchedRankings {
  /** Each key's list in served order; absent for keys whose request failed. */
  readonly rankings: Map<string, Ranking>;
  /** Failed requests: the key and what the server said. */
  readonly failures: { readonly key: string; readonly message: string }[];
}

/**
 * Asks the running gateway one operation per key over HTTP GraphQL, as a client would, with
 * a bounded number of requests in flight. A failure is recorded and the run goes on: that key
 * then scores 0, and the report says how many failed.
 */
export async function fetchRankings<K>(url: string, keys: readonly K[], options: FetchRankingsOptions<K>): Promise<FetchedRankings> {
  const rankings = new Map<string, Ranking>();
  const failures: { key: string; message: string }[] = [];
  let done = 0;
  await mapConcurrent(keys, options.concurrency, async (key) => {
    try {
      const { data } = await graphqlRequest<ConnectionData>(url, options.document, options.variables(key));
      rankings.set(options.keyOf(key), rankingFromOrder(data[options.field]!.edges.map((edge) => edge.node.id)));
    } catch (error) {
      failures.push({ key: options.keyOf(key), message: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
    options.onProgress?.(done, keys.length);
  });
  return { rankings, failures };
}
