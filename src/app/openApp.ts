import { loadRankerModels } from '../adapters/fs/loadRankerModels.js';
import type { Config } from '../config/config.js';
import { createGateway } from '../pipeline/createGateway.js';
import type { Gateway } from '../pipeline/gateway.js';
import { openStores, type Stores } from './openStores.js';

export interface App {
  readonly gateway: Gateway;
  readonly stores: Stores;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Failures the answers survive (a stage skipped) are reported here. */
  readonly onDegraded?: (stage: string, error: unknown) => void;
  readonly now?: () => number;
}

/** The whole gateway behind its GraphQL layer: stores, embedder, ranker models, pipeline. */
export async function openApp(config: Config, options: OpenAppOptions = {}): Promise<App> {
  const rankers = loadRankerModels(config.ranking.modelPath);
  const stores = await openStores(config);
  const gateway = createGateway({
    catalog: stores.catalog,
    features: stores.features,
    embedder: stores.embedder,
    rankers: () => rankers,
    ranking: config.ranking,
    impressions: { log: stores.features, sampleRate: config.features.impressionSampleRate },
    ...(options.onDegraded ? { onDegraded: options.onDegraded } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return { gateway, stores, close: () => stores.close() };
}
