/**
 * Share of the catalog that appears in at least one list: how much of the catalog a
 * recommender ever shows. Ids outside the catalog are not counted.
 */
export function catalogCoverage(lists: Iterable<readonly string[]>, catalogIds: ReadonlySet<string>): number {
  if (catalogIds.size === 0) throw new Error('catalogCoverage needs a non-empty catalog; got 0 ids');
  const shown = new Set<string>();
  for (const list of lists) for (const id of list) if (catalogIds.has(id)) shown.add(id);
  return shown.size / catalogIds.size;
}
