import type { ScoredCandidate } from '../../domain/scoredItem.js';
import type { ExampleGroup } from './exampleSet.js';

/**
 * One example group from a ranked list the gateway served: each item's raw feature values as
 * the serving path computed them (its explanation's contributions), in `featureNames` order,
 * labelled 1 when the item is among `positives`. Reading the features back from the served
 * list is what keeps training and serving on one implementation of the features. Pure.
 */
export function examplesFromPage(
  id: string,
  items: readonly Pick<ScoredCandidate, 'itemId' | 'contributions'>[],
  featureNames: readonly string[],
  positives: ReadonlySet<string>,
): ExampleGroup {
  const rows = items.map((item) => {
    const values = new Map(item.contributions.map((c) => [c.name, c.value]));
    return Float64Array.from(featureNames, (name) => {
      const value = values.get(name);
      if (value === undefined) throw new Error(`item ${item.itemId} of ${id} has no value for feature ${name}`);
      return value;
    });
  });
  return { id, itemIds: items.map((item) => item.itemId), rows, labels: Uint8Array.from(items, (item) => (positives.has(item.itemId) ? 1 : 0)) };
}
