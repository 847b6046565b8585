import type { ScoredId } from '../domain/candidate.js';
import type { CatalogIndex, RetrievalQuery } from '../ports/catalogIndex.js';

/**
 * Runs the given searches as one batch (one round trip to a remote catalog) and returns one
 * hit list per slot, in order; a null slot (a source with nothing to search with) gets none.
 */
export async function searchEach(catalog: CatalogIndex, queries: readonly (RetrievalQuery | null)[]): Promise<ScoredId[][]> {
  const asked = queries.filter((query): query is RetrievalQuery => query !== null);
  const answers = asked.length > 0 ? await catalog.searchBatch(asked) : [];
  let next = 0;
  return queries.map((query) => (query === null ? [] : answers[next++]!));
}
