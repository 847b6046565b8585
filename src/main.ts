/**
 * The composition root: configuration, stores, pipeline, HTTP server.
 *
 *   npm start [-- --help]
 */
import { parseArgs } from 'node:util';
import { openApp } from './app/openApp.js';
import { seedCatalog } from './app/seedCatalog.js';
import { ConfigError, loadConfig } from './config/loadConfig.js';
import { createLogger } from './server/createLogger.js';
import { createServer } from './server/createServer.js';
import { healthChecks } from './app/healthChecks.js';

const USAGE = `Usage: npm start [-- --help]

Starts the GraphQL gateway (search, recommendations, similar items) on the embedded stores
in DATA_DIR, or, in service mode (QDRANT_URL set), with the catalog in a Qdrant collection.
An empty catalog is first filled from SEED_MOVIELENS (default ../shared/data/ml-latest-small)
when that directory exists, and item2vec is trained on its ratings (npm run train:item2vec
retrains it later).

Configuration (environment variables; a bad value stops the start naming the variable):
  PORT=4000  HOST=0.0.0.0  DATA_DIR=./data  SEED_MOVIELENS=DIR|none  NODE_ENV=development|production
  EMBEDDING_MODEL=Xenova/all-MiniLM-L6-v2 | builtin | ./local/model/dir
  EMBEDDING_CACHE_DIR=.cache/models  EMBEDDING_ALLOW_DOWNLOADS=true  EMBEDDING_QUANTIZED=true
  EMBEDDING_BATCH_SIZE=32  EMBEDDING_MAX_LENGTH=256  EMBEDDING_BUILTIN_DIMENSION=384
  EMBEDDING_CACHE_SIZE=2000  EMBEDDING_QUEUE_WINDOW_MS=2  EMBEDDING_QUEUE_MAX_BATCH=32
  EMBEDDING_WORKER=auto|true|false
  RANKER_MODEL=models/ranker.json (watched, reloaded on change)  DEFAULT_DIVERSITY=0.1
  RERANK_RULES=rules.json|none (boost, bury, pin, exclude, category caps; watched, reloaded on change)
  CANDIDATES_PER_SOURCE=200  CANDIDATE_POOL_SIZE=300  COLLABORATIVE_RETRIEVAL=true|false
  API_KEYS=key1,key2 (mutations need one in x-api-key; NODE_ENV=production requires them)
  REDIS_URL=redis://host:6379 (features and events in Redis)  REDIS_KEY_PREFIX=recsys:
  REDIS_COMMAND_TIMEOUT_MS=1000  FEATURE_USER_TTL_DAYS=180  IMPRESSION_SAMPLE_RATE=0.01
  IMPRESSION_TTL_DAYS=30
  GRAPHQL_INTROSPECTION=true|false (on unless production)
  PLAYGROUND=true|false (on unless production, OPERATIONS_ALLOWLIST or introspection off;
    asking for it with either of those stops the start)
  CORS_ORIGINS=https://app.example.com,... | * (origins: scheme://host[:port], no path)
  OPERATIONS_ALLOWLIST=examples/generated/persisted-documents.json  LOG_LEVEL=info
  HEALTH_TIMEOUT_MS=1000 (/health: one attempt per backend; 503 only while the catalog is down)
  QDRANT_URL=http://qdrant:6333 (service mode)  QDRANT_API_KEY  QDRANT_COLLECTION=items
  QDRANT_TIMEOUT_MS=5000 (per attempt)  QDRANT_READ_BUDGET_MS=3000 (a read with its retries)
  QDRANT_RETRIES=2  QDRANT_RETRY_DELAY_MS=100
  QDRANT_HNSW_M=16  QDRANT_HNSW_EF_CONSTRUCT=100  QDRANT_ON_DISK=false  QDRANT_QUANTIZATION=none|scalar|binary
  QDRANT_INFO_TTL_MS=5000 (QDRANT_* values are checked even without QDRANT_URL)
Logs are JSON lines (pino) on stdout; progress bars go to stderr.
See README.md for all of them.`;

async function main(): Promise<number> {
  let help: boolean | undefined;
  try {
    // Configuration is the environment's; the only option is --help, and anything else is a mistake.
    ({ values: { help } } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.server.logLevel);
  const log = (line: string) => logger.info(line);
  const catalogName = config.qdrant ? `Qdrant collection alias "${config.qdrant.collection}" at ${config.qdrant.url}` : `in ${config.data.dir}`;
  const catalogAt = config.qdrant ? `Qdrant ${config.qdrant.url} (collection alias "${config.qdrant.collection}") and ${config.data.dir}` : config.data.dir;
  log(`opening ${catalogAt} with embedding model ${config.embedding.model}`);
  const app = await openApp(config, {
    // Ranker reloads at info; refused model files and retried Qdrant calls at warn: JSON like every line.
    log: logger,
    onDegraded: (stage, error) => logger.warn({ stage, err: error }, `degraded: ${stage} failed`),
  });
  if (app.stores.storedModelMismatch) {
    logger.warn(
      `the catalog was embedded with "${app.stores.storedModelMismatch}" but the gateway embeds queries with ` +
        `"${app.stores.embedder.modelId}"; dense retrieval compares unrelated vectors until the catalog is re-ingested`,
    );
  }
  let server: Awaited<ReturnType<typeof createServer>>;
  try {
    await seedCatalog(app.stores, config.data.seedMovieLens, catalogName, log);
    server = await createServer({ config, gateway: app.gateway, log: logger, ...healthChecks(app.stores) });
  } catch (error) {
    // An open app keeps the process alive (a Redis client reconnecting, the model file watched): a failed start must end it.
    await app.close();
    throw error;
  }
  log(`gateway ready: ${server.url} (${await app.stores.catalog.count()} items)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping`);
    await server.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    // JSON like every other line of the server; a configuration error comes before the configured level is known.
    createLogger('info').fatal(`gateway failed to start: ${startFailure(error)}`);
    process.exitCode = 1;
  },
);

/** What a person can act on: our own errors by message, a busy port by its fix, anything else with its stack. */
function startFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { port, address } = error as NodeJS.ErrnoException & { port?: number; address?: string };
    return `cannot listen on ${address ?? 'the configured host'}:${port ?? '?'} (${code}): set PORT (and HOST) to a free port`;
  }
  if (error instanceof ConfigError || (error instanceof Error && error.name !== 'Error')) return error.message;
  return String((error as Error)?.stack ?? error);
}
