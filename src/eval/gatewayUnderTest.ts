import path from 'node:path';
import { openApp } from '../app/openApp.js';
import type { Stores } from '../app/openStores.js';
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/loadConfig.js';
import type { Gateway } from '../pipeline/gateway.js';
import { createServer } from '../server/createServer.js';
import { healthChecks } from '../app/healthChecks.js';

/** The real gateway, composed by the project's own openApp and listening on loopback. */
export interface GatewayUnderTest {
  /** The GraphQL endpoint. */
  readonly url: string;
  readonly config: Config;
  /** The app's own stores and embedder: what ingestion writes and what the gateway reads. */
  readonly stores: Stores;
  /** The pipeline itself, for same-process comparisons. */
  readonly gateway: Gateway;
  /** The configuration that matters to the figures (model, ranking settings), for reports. */
  readonly describe: Readonly<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface StartGatewayOptions {
  /** A data directory for the run's own stores. */
  readonly dataDir: string;
  /** The environment the configuration is read from (EMBEDDING_MODEL, ranking settings). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Run on the stores before the server listens (ingestion). */
  readonly prepare?: (stores: Stores) => Promise<void>;
  /** The gateway's clock (a replay's cutoff); default the wall clock. */
  readonly now?: () => number;
}

/**
 * Configuration for a harness run: the given environment, but always the given data
 * directory, a free port on loopback, no seeding and no API keys, whatever the shell says;
 * and features in that directory too, never a REDIS_URL of the shell, whose keys would mix
 * another run's events into this one's (and write into a shared server). Per-request JSON
 * logs are off (warnings and errors only): measured runs send thousands.
 */
export function harnessConfig(dataDir: string, env: Readonly<Record<string, string | undefined>>): Config {
  return loadConfig({ ...env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', SEED_MOVIELENS: 'none', API_KEYS: '', NODE_ENV: 'development', REDIS_URL: '', LOG_LEVEL: 'warn' });
}

/** The model as configured, and for `builtin` the generated model's name rather than its local path. */
export function embeddingModelName(config: Config, stores: Stores): string {
  return config.embedding.model === 'builtin' ? `builtin (${path.basename(stores.embedder.modelId)})` : stores.embedder.modelId;
}

export function describeConfig(config: Config, stores: Stores): Record<string, unknown> {
  return {
    embeddingModel: embeddingModelName(config, stores),
    embeddingDimension: stores.embedder.dimension,
    ranking: config.ranking,
  };
}

/** Opens the app on a data directory, lets the caller fill it, then serves it over HTTP. */
export async function startGatewayUnderTest(options: StartGatewayOptions): Promise<GatewayUnderTest> {
  const config = harnessConfig(options.dataDir, options.env);
  const app = await openApp(config, options.now ? { now: options.now } : {});
  try {
    await options.prepare?.(app.stores);
    const server = await createServer({ config, gateway: app.gateway, ...healthChecks(app.stores) });
    return {
      url: server.url,
      config,
      stores: app.stores,
      gateway: app.gateway,
      describe: describeConfig(config, app.stores),
      async stop() {
        await server.stop();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
