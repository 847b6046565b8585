import type { ScoredId } from '../domain/candidate.js';
import type { CatalogIndex, SearchOptions } from '../ports/catalogIndex.js';
import type { FeatureStore } from '../ports/featureStore.js';

/** How far down the popularity list a filtered request may page before giving up. */
const MAX_SCANNED = 20_000;

/**
 * The most popular items that pass the filter and are not excluded. The filter is applied
 * while paging through the popularity list, so a narrow filter still fills `limit`.
 */
export async function popularityHits(
  features: Pick<FeatureStore, 'popular'>,
  catalog: CatalogIndex,
  options: SearchOptions,
): Promise<ScoredId[]> {
  const hits: ScoredId[] = [];
  const pageSize = Math.max(200, options.limit * 2);
  for (let offset = 0; hits.length < options.limit && offset < MAX_SCANNED; offset += pageSize) {
    const page = await features.popular(pageSize, offset);
    let kept = options.excludeIds ? page.filter((hit) => !options.excludeIds!.has(hit.id)) : page;
    if (options.filter && kept.length > 0) {
      const passing = new Set(await catalog.filterIds(kept.map((hit) => hit.id), options.filter));
      kept = kept.filter((hit) => passing.has(hit.id));
    }
    hits.push(...kept.slice(0, options.limit - hits.length));
    if (page.length < pageSize) break;
  }
  return hits;
}
