import DataLoader from 'dataloader';
import type { Item } from '../domain/item.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { FeatureStore, ItemStats, UserProfile } from '../ports/featureStore.js';

/**
 * Per-request batch loaders: every item, vector, stats or profile that one request needs is
 * fetched in one call per store, whichever stage or resolver asks. Built per request, never
 * shared, so that a cache never serves one request's data to another after a write.
 */
export interface Loaders {
  readonly items: DataLoader<string, Item | null>;
  readonly vectors: DataLoader<string, Float32Array | null>;
  /** Collaborative (item2vec) vectors: a second space, null for items it has not learnt. */
  readonly collaborativeVectors: DataLoader<string, Float32Array | null>;
  readonly itemStats: DataLoader<string, ItemStats | null>;
  readonly userProfiles: DataLoader<string, UserProfile | null>;
}

export interface LoaderStores {
  readonly catalog: CatalogIndex;
  readonly features: Pick<FeatureStore, 'getItemStats' | 'getUserProfiles'>;
}

export function createLoaders(stores: LoaderStores, options: { maxBatchSize?: number } = {}): Loaders {
  const maxBatchSize = options.maxBatchSize ?? 1000;
  return {
    items: new DataLoader((ids) => stores.catalog.getItems(ids), { maxBatchSize }),
    vectors: new DataLoader((ids) => stores.catalog.getVectors(ids), { maxBatchSize }),
    collaborativeVectors: new DataLoader((ids) => stores.catalog.getCollaborativeVectors(ids), { maxBatchSize }),
    itemStats: new DataLoader((ids) => stores.features.getItemStats(ids), { maxBatchSize }),
    userProfiles: new DataLoader((ids) => stores.features.getUserProfiles(ids), { maxBatchSize }),
  };
}
