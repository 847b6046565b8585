import type { Config } from '../config/config.js';
import { isPositive, type InteractionEvent } from '../domain/event.js';
import { FEATURE_NAMES } from '../features/featureNames.js';
import type { Impression } from '../ports/impressionLog.js';
import { impressionExamples, type ImpressionExampleOptions, type ImpressionExampleCounts } from '../training/ranker/impressionExamples.js';
import type { RankerExamples } from '../training/ranker/rankerExamples.js';
import { openFeatureStore } from './openStores.js';

/**
 * The impressions example source on the configured stores (SQLite in DATA_DIR, or Redis with
 * REDIS_URL): every logged list and the event log's positives, joined by impressionExamples.
 */
export async function impressionRankerExamples(
  config: Config,
  options: ImpressionExampleOptions,
): Promise<RankerExamples & { readonly counts: ImpressionExampleCounts }> {
  const store = await openFeatureStore(config);
  try {
    const impressions: Impression[] = [];
    for await (const impression of store.scanImpressions({ from: null, to: null })) impressions.push(impression);
    const positives: InteractionEvent[] = [];
    for await (const event of store.scan()) if (isPositive(event)) positives.push(event);
    const examples = impressionExamples(impressions, positives, FEATURE_NAMES, options);
    const where = config.features.redisUrl === null ? `SQLite feature store in ${config.data.dir}` : `Redis feature store, key prefix "${config.features.redisKeyPrefix}"`;
    return {
      ...examples,
      dataSource:
        `impressions logged by the gateway (${where}): ${examples.counts.usable - examples.counts.withoutPositive} recommendation lists with a positive, ` +
        `features as the ranker read them, labelled by clicks, carts, purchases and ratings ≥ 4 with the list's requestId ` +
        `or within ${options.attributionWindowMs / 3_600_000} h without one; the latest ${options.validationFraction * 100}% of the lists validate`,
    };
  } finally {
    await store.close();
  }
}
