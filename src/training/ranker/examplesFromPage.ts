import type { FeatureContribution } from '../../domain/scoredItem.js';
import type { ExampleGroup } from './exampleSet.js';
import type { LabelledRequest } from './labelledRequest.js';

/**
 * One example group from a list the gateway ranked for a labelled request: each item's raw
 * feature values as the serving path computed them (its explanation's contributions), in
 * `featureNames` order, labelled 1 when the request's user engaged with it; cut to the items
 * the request showed when it says which (a logged list: the values it logged). Reading the features back from the served list is
 * what keeps training and serving on one implementation of the features. Pure.
 */
export function examplesFromPage(
  request: LabelledRequest,
  ranked: readonly { readonly itemId: string; readonly contributions: readonly Pick<FeatureContribution, 'name' | 'value'>[] }[],
  featureNames: readonly string[],
): ExampleGroup {
  const items = request.shown === null ? ranked : ranked.filter((item) => request.shown!.has(item.itemId));
  const rows = items.map((item) => {
    const values = new Map(item.contributions.map((c) => [c.name, c.value]));
    return Float64Array.from(featureNames, (name) => {
      const value = values.get(name);
      if (value === undefined) throw new Error(`item ${item.itemId} of request ${request.id} has no value for feature ${name}`);
      return value;
    });
  });
  return {
    id: request.id,
    itemIds: items.map((item) => item.itemId),
    rows,
    labels: Uint8Array.from(items, (item) => (request.positives.has(item.itemId) ? 1 : 0)),
  };
}
