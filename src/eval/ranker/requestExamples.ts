import { FEATURE_NAMES } from '../../features/featureNames.js';
import type { Gateway } from '../../pipeline/gateway.js';
import type { ExampleGroup } from '../../training/ranker/exampleSet.js';
import { examplesFromPage } from '../../training/ranker/examplesFromPage.js';
import type { LabelledRequest } from '../../training/ranker/labelledRequest.js';

/**
 * The examples of one labelled request: the gateway's recommendation pool for the user, with
 * the features it served (examplesFromPage cuts it to the items shown, when known). The
 * gateway must hold only what was known before the request, or the features leak its outcome.
 */
export async function requestExamples(gateway: Gateway, request: LabelledRequest, poolSize: number): Promise<ExampleGroup> {
  const page = await gateway.recommend(
    { userId: request.userId, itemIds: [], filter: null, diversity: 0, offset: 0, first: poolSize },
    gateway.createScope(),
  );
  return examplesFromPage(request, page.items, FEATURE_NAMES);
}
