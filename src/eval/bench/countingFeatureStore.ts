import type { FeatureStore } from '../../ports/featureStore.js';

/** Read methods of the FeatureStore: each call is one round trip to the store. */
export const FEATURE_READS = ['getItemStats', 'getUserProfiles', 'popular'] as const;
export type FeatureRead = (typeof FEATURE_READS)[number];

/**
 * The FeatureStore with every read call counted (by `onCall`), for the bench's round trips
 * per request. Only the bench composes it; the gateway cannot tell it from the store.
 */
export function countingFeatureStore(inner: FeatureStore, onCall: (method: FeatureRead) => void): FeatureStore {
  return {
    getItemStats: (ids) => {
      onCall('getItemStats');
      return inner.getItemStats(ids);
    },
    getUserProfiles: (ids) => {
      onCall('getUserProfiles');
      return inner.getUserProfiles(ids);
    },
    popular: (limit, offset) => {
      onCall('popular');
      return inner.popular(limit, offset);
    },
    applyEvents: (events, items) => inner.applyEvents(events, items),
    forgetItems: (ids) => inner.forgetItems(ids),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
