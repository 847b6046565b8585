import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../../src/app/openApp.js';
import { seedCatalog } from '../../src/app/seedCatalog.js';
import type { Config } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createServer, type RunningServer } from '../../src/server/createServer.js';
import { healthChecks } from '../../src/app/healthChecks.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_MOVIELENS = path.join(REPO_ROOT, 'test/fixtures/movielens-small');
const MODEL_CACHE = path.join(os.tmpdir(), 'recsys-gateway-test-models');

/** The real configuration of an offline gateway on a fresh data directory and a free port. */
export function fixtureConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_MOVIELENS: FIXTURE_MOVIELENS,
      EMBEDDING_MODEL: 'builtin',
      EMBEDDING_CACHE_DIR: MODEL_CACHE,
      EMBEDDING_ALLOW_DOWNLOADS: 'false',
      // Sampling by request id would make the logged stage come and go; tests that log set 1.
      IMPRESSION_SAMPLE_RATE: '0',
      LOG_LEVEL: 'silent',
      ...env,
    },
    REPO_ROOT,
  );
}

export interface FixtureGateway {
  readonly app: App;
  readonly server: RunningServer;
  readonly dataDir: string;
  /** POSTs a GraphQL operation and returns the status and the parsed body. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Runs an operation that must succeed and returns its data. */
  data(query: string, variables?: Record<string, unknown>): Promise<any>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The real gateway (SQLite stores, builtin transformer model, HTTP) on the MovieLens fixture. */
export async function startFixtureGateway(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<FixtureGateway> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'gateway-e2e-'));
  const config = fixtureConfig(dataDir, options.env);
  const app = await openApp(config);
  await seedCatalog(app.stores, config.data.seedMovieLens, `in ${dataDir}`, () => {});
  const server = await createServer({ config, gateway: app.gateway, ...healthChecks(app.stores), logger: quietLogger });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  return {
    app,
    server,
    dataDir,
    post,
    async data(query, variables) {
      const { status, body } = await post({ query, variables });
      if (status !== 200 || body.errors) throw new Error(`operation failed (${status}): ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async stop({ keepData = false } = {}) {
      await server.stop();
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };
