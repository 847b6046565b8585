import path from 'node:path';
import { LOG_LEVELS, type Config, type EmbeddingConfig, type LogLevel, type QdrantConfig, type QdrantQuantization } from './config.js';

/** Thrown for a configuration that cannot work; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? fallback : raw;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function fraction(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * The only reader of the environment. `cwd` anchors relative paths so that tests can
 * build a configuration for a temporary directory.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const production = text(env, 'NODE_ENV', 'development') === 'production';
  const apiKeys = list(env, 'API_KEYS');
  if (text(env, 'API_KEYS', '') !== '' && apiKeys.length === 0) {
    throw new ConfigError(`API_KEYS must hold at least one key (comma-separated), got "${env.API_KEYS}"; leave it unset to keep mutations open`);
  }
  if (production && apiKeys.length === 0) {
    throw new ConfigError('NODE_ENV=production requires API_KEYS (comma-separated) so that mutations are protected');
  }
  const rules = text(env, 'RERANK_RULES', 'none');
  const seed = text(env, 'SEED_MOVIELENS', path.resolve(cwd, '../shared/data/ml-latest-small'));
  const introspection = flag(env, 'GRAPHQL_INTROSPECTION', !production);
  const operationsAllowlist = optionalPath(env, 'OPERATIONS_ALLOWLIST', cwd);
  const config: Config = {
    server: {
      host: text(env, 'HOST', '0.0.0.0'),
      port: integer(env, 'PORT', 4000, 0, 65535),
      apiKeys,
      production,
      introspection,
      playground: playground(env, production, introspection, operationsAllowlist),
      corsOrigins: corsOrigins(env),
      operationsAllowlist,
      logLevel: logLevel(env),
      healthTimeoutMs: integer(env, 'HEALTH_TIMEOUT_MS', 1000, 10, 60_000),
    },
    data: {
      dir: path.resolve(cwd, text(env, 'DATA_DIR', 'data')),
      seedMovieLens: seed === 'none' ? null : path.resolve(cwd, seed),
    },
    embedding: embeddingConfig(env, cwd),
    ranking: {
      modelPath: path.resolve(cwd, text(env, 'RANKER_MODEL', 'models/ranker.json')),
      candidatesPerSource: integer(env, 'CANDIDATES_PER_SOURCE', 200, 10, 2000),
      poolSize: integer(env, 'CANDIDATE_POOL_SIZE', 300, 10, 5000),
      rulesPath: rules === 'none' ? null : path.resolve(cwd, rules),
      defaultDiversity: fraction(env, 'DEFAULT_DIVERSITY', 0.1),
      collaborative: flag(env, 'COLLABORATIVE_RETRIEVAL', true),
    },
    features: {
      redisUrl: redisUrl(env),
      redisKeyPrefix: text(env, 'REDIS_KEY_PREFIX', 'recsys:'),
      redisCommandTimeoutMs: integer(env, 'REDIS_COMMAND_TIMEOUT_MS', 1000, 0, 60_000),
      userTtlDays: integer(env, 'FEATURE_USER_TTL_DAYS', 180, 0, 36_500),
      impressionSampleRate: fraction(env, 'IMPRESSION_SAMPLE_RATE', 0.01),
      impressionTtlDays: integer(env, 'IMPRESSION_TTL_DAYS', 30, 0, 36_500),
    },
    qdrant: qdrantConfig(env),
  };
  return deepFreeze(config);
}

function embeddingConfig(env: Env, cwd: string): EmbeddingConfig {
  const raw = text(env, 'EMBEDDING_MODEL', 'Xenova/all-MiniLM-L6-v2');
  // A relative model directory is anchored like every other path; hub ids and `builtin` stay as given.
  const model = raw.startsWith('.') ? path.resolve(cwd, raw) : raw;
  return {
    model,
    cacheDir: path.resolve(cwd, text(env, 'EMBEDDING_CACHE_DIR', '.cache/models')),
    allowDownloads: flag(env, 'EMBEDDING_ALLOW_DOWNLOADS', true),
    quantized: flag(env, 'EMBEDDING_QUANTIZED', true),
    batchSize: integer(env, 'EMBEDDING_BATCH_SIZE', 32, 1, 1024),
    maxLength: integer(env, 'EMBEDDING_MAX_LENGTH', 256, 8, 8192),
    builtinDimension: integer(env, 'EMBEDDING_BUILTIN_DIMENSION', 384, 2, 4096),
    cacheSize: integer(env, 'EMBEDDING_CACHE_SIZE', 2000, 0, 1_000_000),
    queueWindowMs: integer(env, 'EMBEDDING_QUEUE_WINDOW_MS', 2, 0, 1000),
    queueMaxBatch: integer(env, 'EMBEDDING_QUEUE_MAX_BATCH', 32, 1, 1024),
    // The builtin model's lookups take about a millisecond; any real encoder needs the worker.
    worker: embeddingWorker(env, model),
  };
}

const QUANTIZATIONS: readonly QdrantQuantization[] = ['none', 'scalar', 'binary'];

// Every QDRANT_* value is checked even without QDRANT_URL, so that a typo is found when it is
// made, not on the day service mode is switched on.
function qdrantConfig(env: Env): QdrantConfig | null {
  const url = text(env, 'QDRANT_URL', '');
  if (url !== '' && (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))) {
    throw new ConfigError(`QDRANT_URL must be an http(s) URL such as http://qdrant:6333, got "${url}"`);
  }
  const collection = text(env, 'QDRANT_COLLECTION', 'items');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(collection)) {
    throw new ConfigError(`QDRANT_COLLECTION must be letters, digits, _ or -, got "${collection}"`);
  }
  const quantization = text(env, 'QDRANT_QUANTIZATION', 'none').toLowerCase() as QdrantQuantization;
  if (!QUANTIZATIONS.includes(quantization)) {
    throw new ConfigError(`QDRANT_QUANTIZATION must be one of ${QUANTIZATIONS.join(', ')}, got "${env.QDRANT_QUANTIZATION}"`);
  }
  const settings = {
    url,
    apiKey: text(env, 'QDRANT_API_KEY', '') || null,
    collection,
    timeoutMs: integer(env, 'QDRANT_TIMEOUT_MS', 5000, 100, 600_000),
    readBudgetMs: integer(env, 'QDRANT_READ_BUDGET_MS', 3000, 100, 600_000),
    retries: integer(env, 'QDRANT_RETRIES', 2, 0, 10),
    retryBaseDelayMs: integer(env, 'QDRANT_RETRY_DELAY_MS', 100, 1, 60_000),
    hnswM: integer(env, 'QDRANT_HNSW_M', 16, 4, 128),
    hnswEfConstruct: integer(env, 'QDRANT_HNSW_EF_CONSTRUCT', 100, 4, 4096),
    onDisk: flag(env, 'QDRANT_ON_DISK', false),
    infoTtlMs: integer(env, 'QDRANT_INFO_TTL_MS', 5000, 0, 600_000),
    quantization,
  };
  return url === '' ? null : settings;
}

/**
 * GraphiQL needs introspection for its documentation and sends documents no allowlist holds,
 * so it is off by default where it could not work, and asking for it there stops the start.
 */
function playground(env: Env, production: boolean, introspection: boolean, allowlist: string | null): boolean {
  const unusableBecause = allowlist !== null ? 'OPERATIONS_ALLOWLIST is set' : !introspection ? 'GRAPHQL_INTROSPECTION is off' : null;
  const wanted = flag(env, 'PLAYGROUND', !production && unusableBecause === null);
  if (wanted && unusableBecause !== null) {
    throw new ConfigError(
      `PLAYGROUND=true cannot work because ${unusableBecause}: the playground needs introspection and runs documents no allowlist holds; unset PLAYGROUND or set it to false`,
    );
  }
  return wanted;
}

/** Browsers send `Origin` as scheme://host[:port], so an entry with anything else would never match. */
function corsOrigins(env: Env): string[] {
  const origins = list(env, 'CORS_ORIGINS');
  for (const origin of origins) {
    if (origin === '*') continue;
    const parsed = URL.canParse(origin) ? new URL(origin) : null;
    if (parsed === null || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      const hint = parsed !== null && /^https?:$/.test(parsed.protocol) ? ` (did you mean "${parsed.origin}"?)` : '';
      throw new ConfigError(`CORS_ORIGINS entries must be origins such as https://app.example.com (scheme://host[:port], no path) or *, got "${origin}"${hint}`);
    }
  }
  return origins;
}

function embeddingWorker(env: Env, model: string): boolean {
  const raw = text(env, 'EMBEDDING_WORKER', 'auto').toLowerCase();
  if (raw === 'auto') return model !== 'builtin';
  try {
    return flag(env, 'EMBEDDING_WORKER', false);
  } catch {
    throw new ConfigError(`EMBEDDING_WORKER must be auto, true or false, got "${env.EMBEDDING_WORKER}"`);
  }
}

function redisUrl(env: Env): string | null {
  const raw = text(env, 'REDIS_URL', '');
  if (raw === '') return null;
  if (!/^rediss?:\/\/./.test(raw)) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got "${raw}"`);
  return raw;
}

function optionalPath(env: Env, name: string, cwd: string): string | null {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? null : path.resolve(cwd, raw);
}

function logLevel(env: Env): LogLevel {
  const raw = text(env, 'LOG_LEVEL', 'info').toLowerCase();
  const level = LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return level;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
