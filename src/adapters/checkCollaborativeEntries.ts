import type { CollaborativeEntry } from '../ports/catalogIndex.js';

/**
 * What every catalog adapter checks of one training run's collaborative vectors before it
 * stores any: non-empty string ids, Float32Arrays of finite numbers, all of the first one's
 * dimension (one run gives one dimension). Returns that dimension (0 for no entries).
 */
export function checkCollaborativeEntries(entries: readonly CollaborativeEntry[]): number {
  const dimension = entries[0]?.vector.length ?? 0;
  entries.forEach(({ id, vector }, index) => {
    if (typeof id !== 'string' || id.length === 0) throw new TypeError(`entries[${index}]: a collaborative vector needs a non-empty string id`);
    if (!(vector instanceof Float32Array)) throw new TypeError(`item ${JSON.stringify(id)}: the collaborative vector must be a Float32Array`);
    if (vector.length !== dimension || dimension === 0) {
      throw new RangeError(`item ${JSON.stringify(id)}: collaborative vector has ${vector.length} dimensions, the first entry has ${dimension}; one run gives one dimension`);
    }
    if (!vector.every(Number.isFinite)) throw new RangeError(`item ${JSON.stringify(id)}: collaborative vector has a value that is not a finite number`);
  });
  return dimension;
}
