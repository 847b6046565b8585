import type { CatalogEntry } from '../ports/catalogIndex.js';

/**
 * What every catalog adapter checks before it writes anything of an upsert, so that a bad
 * entry changes nothing: a non-empty string id, and a Float32Array of the catalog's
 * dimension holding finite numbers. Throws naming the item and what was expected.
 */
export function checkCatalogEntries(entries: readonly CatalogEntry[], dimension: number): void {
  entries.forEach(({ item, vector }, index) => {
    if (typeof item?.id !== 'string' || item.id.length === 0) throw new TypeError(`entries[${index}]: an item needs a non-empty string id`);
    if (!(vector instanceof Float32Array)) throw new TypeError(`item ${JSON.stringify(item.id)}: the vector must be a Float32Array`);
    if (vector.length !== dimension) {
      throw new RangeError(`item ${JSON.stringify(item.id)}: vector has ${vector.length} dimensions, but this catalog holds ${dimension}-dimensional vectors`);
    }
    if (!vector.every(Number.isFinite)) throw new RangeError(`item ${JSON.stringify(item.id)}: vector has a value that is not a finite number`);
  });
}
