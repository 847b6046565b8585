import { loadRerankRules } from '../adapters/fs/loadRerankRules.js';
import { watchRankerModels, type RankerModelSource } from '../adapters/fs/watchRankerModels.js';
import type { Config } from '../config/config.js';
import { createGateway } from '../pipeline/createGateway.js';
import type { Gateway } from '../pipeline/gateway.js';
import { openStores, type Stores } from './openStores.js';

export interface App {
  readonly gateway: Gateway;
  readonly stores: Stores;
  /** The ranker models in use, reloaded when their file changes. */
  readonly rankers: RankerModelSource;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Failures the answers survive (a stage skipped) are reported here. */
  readonly onDegraded?: (stage: string, error: unknown) => void;
  readonly now?: () => number;
  /** Ranker model reloads and refusals, and store calls that failed and were retried (default: stderr). */
  readonly log?: (line: string) => void;
  /** Milliseconds of quiet after a change of the model file before it is read (default 100). */
  readonly modelReloadDebounceMs?: number;
}

/** The whole gateway behind its GraphQL layer: stores, embedder, ranker models, pipeline. */
export async function openApp(config: Config, options: OpenAppOptions = {}): Promise<App> {
  const rerankRules = loadRerankRules(config.ranking.rulesPath);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const rankers = watchRankerModels(config.ranking.modelPath, {
    log,
    ...(options.modelReloadDebounceMs !== undefined ? { debounceMs: options.modelReloadDebounceMs } : {}),
  });
  let stores: Stores;
  try {
    // Search needs no features: a Redis that is down at start degrades answers, as at runtime.
    stores = await openStores(config, { log, startWithoutRedis: true });
  } catch (error) {
    rankers.close();
    throw error;
  }
  const gateway = createGateway({
    catalog: stores.catalog,
    features: stores.features,
    embedder: stores.embedder,
    rankers: rankers.current,
    ranking: config.ranking,
    impressions: { log: stores.features, sampleRate: config.features.impressionSampleRate },
    rerankRules,
    ...(options.onDegraded ? { onDegraded: options.onDegraded } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    gateway,
    stores,
    rankers,
    close: () => {
      rankers.close();
      return stores.close();
    },
  };
}
