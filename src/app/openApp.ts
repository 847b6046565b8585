import { watchRankerModels, type RankerModelSource } from '../adapters/fs/watchRankerModels.js';
import { watchRerankRules, type RerankRuleSource } from '../adapters/fs/watchRerankRules.js';
import type { Config } from '../config/config.js';
import { createGateway } from '../pipeline/createGateway.js';
import type { FeatureStore } from '../ports/featureStore.js';
import type { LevelledLog } from '../ports/levelledLog.js';
import type { Gateway } from '../pipeline/gateway.js';
import { openStores, type Stores } from './openStores.js';

export interface App {
  readonly gateway: Gateway;
  readonly stores: Stores;
  /** The ranker models in use, reloaded when their file changes. */
  readonly rankers: RankerModelSource;
  /** The business rules in use (RERANK_RULES), reloaded when their file changes. */
  readonly rules: RerankRuleSource;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Failures the answers survive (a stage skipped) are reported here. */
  readonly onDegraded?: (stage: string, error: unknown) => void;
  readonly now?: () => number;
  /** Ranker model and rules reloads (info); refusals, and store calls that failed and were retried (warn). Default: stderr. */
  readonly log?: LevelledLog;
  /** The feature store as the pipeline reads it (the bench counts its reads); default the store itself. */
  readonly readFeaturesThrough?: (features: FeatureStore) => FeatureStore;
  /** Milliseconds of quiet after a change of the model or rules file before it is read (default 100). */
  readonly modelReloadDebounceMs?: number;
}

/** The whole gateway behind its GraphQL layer: stores, embedder, ranker models, pipeline. */
export async function openApp(config: Config, options: OpenAppOptions = {}): Promise<App> {
  const toStderr = (line: string) => process.stderr.write(`${line}\n`);
  const log = options.log ?? { info: toStderr, warn: toStderr };
  const watching = {
    log,
    ...(options.modelReloadDebounceMs !== undefined ? { debounceMs: options.modelReloadDebounceMs } : {}),
  };
  const rankers = watchRankerModels(config.ranking.modelPath, watching);
  let rules: RerankRuleSource;
  let stores: Stores;
  try {
    rules = watchRerankRules(config.ranking.rulesPath, watching);
  } catch (error) {
    rankers.close();
    throw error;
  }
  try {
    // Search needs no features: a Redis that is down at start degrades answers, as at runtime.
    stores = await openStores(config, { log: (line) => log.warn(line), startWithoutRedis: true });
  } catch (error) {
    rankers.close();
    rules.close();
    throw error;
  }
  const gateway = createGateway({
    catalog: stores.catalog,
    features: options.readFeaturesThrough?.(stores.features) ?? stores.features,
    embedder: stores.embedder,
    rankers: rankers.current,
    ranking: config.ranking,
    impressions: { log: stores.features, sampleRate: config.features.impressionSampleRate },
    rerankRules: rules.current,
    ...(options.onDegraded ? { onDegraded: options.onDegraded } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    gateway,
    stores,
    rankers,
    rules,
    close: () => {
      rankers.close();
      rules.close();
      return stores.close();
    },
  };
}
