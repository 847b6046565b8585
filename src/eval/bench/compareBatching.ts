import { performance } from 'node:perf_hooks';
import { createLoaders } from '../../features/loaders.js';
import type { Gateway, RequestScope } from '../../pipeline/gateway.js';
import { UnavailableLatch } from '../../pipeline/unavailableLatch.js';
import type { RecommendRequest } from '../../pipeline/requests.js';
import type { CatalogIndex } from '../../ports/catalogIndex.js';
import type { FeatureStore } from '../../ports/featureStore.js';
import { countingFeatureStore } from './countingFeatureStore.js';
import { summarizeMs, type MsSummary } from './summarizeMs.js';

export interface BatchingSide {
  /** Whole recommendation requests. */
  readonly request: MsSummary;
  /** The pipeline's own `features` stage. */
  readonly featureStage: MsSummary;
  /** FeatureStore read calls per request. */
  readonly featureStoreCallsPerRequest: number;
}

export interface BatchedVersusUnbatched {
  readonly users: number;
  readonly rounds: number;
  readonly batched: BatchingSide;
  readonly unbatched: BatchingSide;
  /** Median unbatched / median batched feature stage. */
  readonly featureStageRatio: number;
}

/**
 * Recommendations with the per-request DataLoaders as the gateway builds them (one call per
 * store per request) against the same loaders with maxBatchSize 1 (one call per candidate),
 * on the same users in the same process, alternating which goes first.
 */
export async function compareBatching(
  gateway: Gateway,
  stores: { readonly catalog: CatalogIndex; readonly features: FeatureStore },
  users: readonly string[],
  rounds: number,
): Promise<BatchedVersusUnbatched> {
  let calls = 0;
  const features = countingFeatureStore(stores.features, () => {
    calls += 1;
  });
  const sides = {
    batched: { request: [] as number[], stage: [] as number[], calls: 0, n: 0 },
    unbatched: { request: [] as number[], stage: [] as number[], calls: 0, n: 0 },
  };
  const run = async (side: keyof typeof sides, userId: string, timed: boolean) => {
    const scope: RequestScope = { loaders: createLoaders({ catalog: stores.catalog, features }, side === 'unbatched' ? { maxBatchSize: 1 } : {}), featureStore: new UnavailableLatch() };
    const request: RecommendRequest = { userId, itemIds: [], filter: null, diversity: null, offset: 0, first: 10 };
    const before = calls;
    const start = performance.now();
    const page = await gateway.recommend(request, scope);
    const elapsed = performance.now() - start;
    if (!timed) return;
    const entry = sides[side];
    entry.request.push(elapsed);
    entry.stage.push(page.timings['features'] ?? 0);
    entry.calls += calls - before;
    entry.n += 1;
  };
  for (const user of users) {
    await run('batched', user, false);
    await run('unbatched', user, false);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const user of users) {
      const order: (keyof typeof sides)[] = round % 2 === 0 ? ['batched', 'unbatched'] : ['unbatched', 'batched'];
      for (const side of order) await run(side, user, true);
    }
  }
  const summary = (side: keyof typeof sides): BatchingSide => ({
    request: summarizeMs(sides[side].request),
    featureStage: summarizeMs(sides[side].stage),
    featureStoreCallsPerRequest: sides[side].calls / sides[side].n,
  });
  const batched = summary('batched');
  const unbatched = summary('unbatched');
  return { users: users.length, rounds, batched, unbatched, featureStageRatio: unbatched.featureStage.medianMs / batched.featureStage.medianMs };
}
