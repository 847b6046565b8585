/** The gateway's configuration: validated once, frozen, passed down as a value. */
export interface EmbeddingConfig {
  /**
   * A model id on the hub (default `Xenova/all-MiniLM-L6-v2`), a local model directory
   * (a path starting with `.` or `/`), or `builtin`: the project's own model, generated
   * offline on demand under `cacheDir`.
   */
  readonly model: string;
  readonly cacheDir: string;
  readonly allowDownloads: boolean;
  readonly quantized: boolean;
  readonly batchSize: number;
  readonly maxLength: number;
  /** Output dimension of the builtin model (384 matches all-MiniLM-L6-v2). */
  readonly builtinDimension: number;
  /** Entries in the LRU cache of query embeddings; 0 turns it off. */
  readonly cacheSize: number;
  /** How long the micro-batching queue waits for more texts, in ms; 0 turns it off. */
  readonly queueWindowMs: number;
  readonly queueMaxBatch: number;
  /**
   * Run the model in a worker thread, so that inference does not block the event loop. Set by
   * EMBEDDING_WORKER=auto (default: on for every model but `builtin`, whose lookups take about
   * a millisecond), true or false.
   */
  readonly worker: boolean;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Mutations need one of these in the `x-api-key` header; empty: mutations are open. */
  readonly apiKeys: readonly string[];
  readonly production: boolean;
  /** Whether GraphQL introspection is on (on unless production). */
  readonly introspection: boolean;
  /** Whether a browser's GET /graphql gets the GraphiQL playground (PLAYGROUND; on unless production). */
  readonly playground: boolean;
  /**
   * Origins that browsers may call the API from (CORS_ORIGINS, comma-separated; `*` for any).
   * Empty: no CORS headers, so only same-origin pages (such as the playground) can call it.
   */
  readonly corsOrigins: readonly string[];
  /**
   * A persisted-documents manifest (`{ "<sha256>": "<document>" }`, as codegen's client preset
   * writes it) to lock the server to known operations (OPERATIONS_ALLOWLIST); null: any operation.
   */
  readonly operationsAllowlist: string | null;
  /** The pino level of the JSON logs (LOG_LEVEL: fatal, error, warn, info, debug, trace or silent). */
  readonly logLevel: LogLevel;
  /**
   * GET /health asks each backend once, without retries, and counts one that has not answered
   * after this long as unavailable (HEALTH_TIMEOUT_MS), so that the probe answers in bounded time.
   */
  readonly healthTimeoutMs: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DataConfig {
  /** Where the embedded stores live; survives restarts. */
  readonly dir: string;
  /** MovieLens directory loaded into an empty data directory at start; null: none. */
  readonly seedMovieLens: string | null;
}

export interface RankingConfig {
  /** JSON model file of the logistic-regression ranker (models/ranker.json: hand-set weights). */
  readonly modelPath: string;
  /** Candidates each retrieval source returns before fusion. */
  readonly candidatesPerSource: number;
  /** Candidates kept after fusion, ranked and paged through. */
  readonly poolSize: number;
  /**
   * Whether recommendations and similar items use the collaborative (item2vec) vectors as a
   * retrieval source (COLLABORATIVE_RETRIEVAL, default true); off serves text, item-similarity
   * and popularity only, for comparison.
   */
  readonly collaborative: boolean;
  /**
   * JSON file of business rules (boost, bury, pin, exclude) and category caps applied after the
   * ranker (RERANK_RULES); null: none.
   */
  readonly rulesPath: string | null;
  /** Default MMR trade-off when a request does not give one (0 = relevance only). */
  readonly defaultDiversity: number;
}

export interface FeaturesConfig {
  /**
   * Service mode: the feature store and event log live in Redis at this URL (REDIS_URL);
   * null: embedded, in SQLite in the data directory.
   */
  readonly redisUrl: string | null;
  /** Put before every Redis key (REDIS_KEY_PREFIX), so that deployments sharing a server stay apart. */
  readonly redisKeyPrefix: string;
  /** A Redis command that has not answered after this long fails and the answer degrades (REDIS_COMMAND_TIMEOUT_MS). */
  readonly redisCommandTimeoutMs: number;
  /** A user's Redis keys expire this many days after their latest event; 0: never (FEATURE_USER_TTL_DAYS). */
  readonly userTtlDays: number;
  /** Share of served result lists logged as impressions, 0..1 (IMPRESSION_SAMPLE_RATE). */
  readonly impressionSampleRate: number;
  /** Logged impressions expire from Redis after this many days; 0: never (IMPRESSION_TTL_DAYS). */
  readonly impressionTtlDays: number;
}

/** Vector storage after quantization: none, int8 scalars, or one bit per dimension. */
export type QdrantQuantization = 'none' | 'scalar' | 'binary';

/** Service mode: the catalog lives in a Qdrant collection (QDRANT_URL set). */
export interface QdrantConfig {
  readonly url: string;
  readonly apiKey: string | null;
  /** The alias the gateway reads and writes; reindexing builds `<alias>-<time>` collections behind it. */
  readonly collection: string;
  /** Per-attempt timeout in ms of every call (a write has one attempt, so this bounds it). */
  readonly timeoutMs: number;
  /**
   * A read with its retries and their waits ends after this long, in ms, as BACKEND_UNAVAILABLE
   * (QDRANT_READ_BUDGET_MS): what a hung server costs a request, whatever the retries.
   */
  readonly readBudgetMs: number;
  /** Extra attempts for idempotent reads after a timeout, refused connection or 5xx; writes get none. */
  readonly retries: number;
  /** First retry delay in ms; doubled per attempt, with full jitter. */
  readonly retryBaseDelayMs: number;
  readonly hnswM: number;
  readonly hnswEfConstruct: number;
  /** Keep the dense vectors and the payload on disk (memory-mapped) rather than in RAM. */
  readonly onDisk: boolean;
  readonly quantization: QdrantQuantization;
  /**
   * How long, in ms, the collection's layout (whether collaborative vectors exist, and their
   * dimension) is reused before it is read again; this instance's own writes refresh it at
   * once. 0 reads it on every collaborative request.
   */
  readonly infoTtlMs: number;
}

export interface Config {
  readonly server: ServerConfig;
  readonly data: DataConfig;
  readonly embedding: EmbeddingConfig;
  readonly ranking: RankingConfig;
  readonly features: FeaturesConfig;
  /** Null in embedded mode (the default). */
  readonly qdrant: QdrantConfig | null;
}
