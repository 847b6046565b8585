import type { EventLog } from '../../ports/eventLog.js';
import type { FeatureStore } from '../../ports/featureStore.js';
import { seededRandom } from '../baselines/seededRandom.js';
import { percentile } from './percentile.js';

export interface FetchTimings {
  readonly rounds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

export interface FeatureFetchResult {
  readonly store: string;
  /** Item stats of `candidates` items and one user's profile, concurrently: the batch rankPool makes per request. */
  readonly fetch: FetchTimings;
  /** Item stats of `candidates` items alone. */
  readonly itemStats: FetchTimings;
}

export interface FeatureFetchOptions {
  readonly candidates: number;
  readonly rounds: number;
  readonly warmup: number;
}

/**
 * Times the feature fetch of one ranking request on a store already holding the events: each
 * round draws `candidates` distinct item ids and one user (seeded, so every store gets the
 * same draws) and reads them the way the per-request DataLoaders batch them.
 */
export async function featureFetchBench(
  store: FeatureStore & EventLog,
  name: string,
  itemIds: readonly string[],
  userIds: readonly string[],
  options: FeatureFetchOptions,
): Promise<FeatureFetchResult> {
  const random = seededRandom(`feature-fetch-${options.candidates}`);
  const draw = () => {
    const picked = new Set<string>();
    while (picked.size < Math.min(options.candidates, itemIds.length)) picked.add(itemIds[Math.floor(random() * itemIds.length)]!);
    return { items: [...picked], user: userIds[Math.floor(random() * userIds.length)]! };
  };
  const fetchMs: number[] = [];
  const statsMs: number[] = [];
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const { items, user } = draw();
    let started = performance.now();
    const [stats, profiles] = await Promise.all([store.getItemStats(items), store.getUserProfiles([user])]);
    const fetched = performance.now() - started;
    started = performance.now();
    await store.getItemStats(items);
    const statsOnly = performance.now() - started;
    if (stats.length !== items.length || profiles.length !== 1) throw new Error(`${name} answered ${stats.length} stats for ${items.length} ids`);
    if (round >= options.warmup) {
      fetchMs.push(fetched);
      statsMs.push(statsOnly);
    }
  }
  return { store: name, fetch: timings(fetchMs), itemStats: timings(statsMs) };
}

function timings(values: number[]): FetchTimings {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    rounds: values.length,
    p50Ms: percentile(sorted, 50)!,
    p99Ms: percentile(sorted, 99)!,
    meanMs: values.reduce((sum, v) => sum + v, 0) / values.length,
  };
}
