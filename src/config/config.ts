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
}

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

export interface Config {
  readonly server: ServerConfig;
  readonly data: DataConfig;
  readonly embedding: EmbeddingConfig;
  readonly ranking: RankingConfig;
}
