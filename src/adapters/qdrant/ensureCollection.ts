import type { QdrantClient } from '@qdrant/js-client-rest';
import type { QdrantConfig } from '../../config/config.js';
import { GatewayError } from '../../domain/errors.js';
import { callQdrant, type CallPolicy } from './callQdrant.js';
import { compareVersions } from './compareVersions.js';
import { COLLABORATIVE_VECTOR, collectionLayout, LEXICAL_VECTOR, PAYLOAD_INDEXES, TEXT_VECTOR, type CollectionMeta } from './collectionLayout.js';
import { describeCause } from './qdrantFailure.js';
import { QdrantSetupError } from './qdrantSetupError.js';

/**
 * The oldest server this adapter is written for: the client (^1.18) speaks to servers of its
 * own minor version, and the adapter uses create_vector_name and collection metadata.
 */
export const MIN_SERVER_VERSION = '1.18.0';

export interface OpenedCollection {
  /** The collection behind the alias. */
  readonly name: string;
  readonly dimension: number;
  readonly modelId: string;
  /** Dimension of the collaborative vectors when the collection was opened; null while there are none. */
  readonly collaborativeDimension: number | null;
}

/**
 * Start-up, idempotent: refuses a server older than MIN_SERVER_VERSION; creates the
 * collection behind the configured alias when there is none (as `<alias>-<time>`, so that
 * a reindex can later switch the alias); refuses a collection whose text vectors do not
 * have the embedder's dimension (never silent corruption); creates missing payload indexes.
 */
export async function ensureCollection(
  client: QdrantClient,
  policy: CallPolicy,
  config: QdrantConfig,
  options: { readonly dimension: number; readonly modelId: string; readonly readExisting?: boolean },
): Promise<OpenedCollection> {
  await checkServerVersion(client, policy, config.url);
  const alias = config.collection;
  let name = await aliasTarget(client, policy, alias);
  if (name === null && options.readExisting) {
    throw new QdrantSetupError(`No collection behind the alias "${alias}" at ${config.url}: nothing to read (to fill it from an embedded catalog: npm run reindex -- --from embedded)`);
  }
  if (name === null) {
    name = await createCollection(client, policy, `${alias}-${Date.now()}`, options.dimension, options.modelId, config);
    await callQdrant('create alias', 'write', policy, () =>
      client.updateCollectionAliases({ actions: [{ create_alias: { alias_name: alias, collection_name: name! } }] }),
    );
  }
  const info = await callQdrant('get collection', 'read', policy, () => client.getCollection(alias));
  const vectors = info.config.params.vectors as Record<string, { size?: number }> | undefined;
  const dimension = vectors?.[TEXT_VECTOR]?.size;
  if (dimension === undefined || !info.config.params.sparse_vectors?.[LEXICAL_VECTOR]) {
    throw new QdrantSetupError(`Qdrant collection "${name}" (alias "${alias}") was not made by this gateway: it has no "${TEXT_VECTOR}" and "${LEXICAL_VECTOR}" vectors; set QDRANT_COLLECTION to another name`);
  }
  if (dimension !== options.dimension && !options.readExisting) {
    throw new QdrantSetupError(
      `Qdrant collection "${name}" (alias "${alias}") holds ${dimension}-dimensional text vectors, but the embedding model ${options.modelId} makes ${options.dimension}; rebuild it with this model (npm run reindex -- --reembed) or configure the model the collection was built with`,
    );
  }
  const meta = (info.config as { metadata?: Partial<CollectionMeta> | null }).metadata;
  const indexed = info.payload_schema ?? {};
  for (const index of PAYLOAD_INDEXES) {
    if (indexed[index.field_name]) continue;
    await callQdrant('create payload index', 'write', policy, () => client.createPayloadIndex(alias, { wait: true, ...index }));
  }
  return {
    name,
    dimension,
    modelId: typeof meta?.modelId === 'string' ? meta.modelId : options.modelId,
    collaborativeDimension: vectors?.[COLLABORATIVE_VECTOR]?.size ?? null,
  };
}

/** Refuses a server older than MIN_SERVER_VERSION, with a message that says what to run. */
export async function checkServerVersion(client: QdrantClient, policy: CallPolicy, url: string): Promise<void> {
  const { version } = await callQdrant('version check', 'read', policy, () => client.versionInfo()).catch((error: unknown) => {
    // The first call on a server: its failure ends the start, so the line names the server and the cause.
    if (error instanceof GatewayError && error.code === 'BACKEND_UNAVAILABLE') {
      throw new QdrantSetupError(`Qdrant at ${url} is unavailable (${describeCause(error.cause)}): start it or set QDRANT_URL to a running server`, { cause: error });
    }
    throw error;
  });
  if (compareVersions(version, MIN_SERVER_VERSION) < 0) {
    throw new QdrantSetupError(`Qdrant at ${url} is version ${version}; this gateway needs ${MIN_SERVER_VERSION} or newer (see docker-compose.yml for the pinned image)`);
  }
}

/** Creates a collection with the gateway's layout and payload indexes; returns its name. */
export async function createCollection(
  client: QdrantClient,
  policy: CallPolicy,
  name: string,
  dimension: number,
  modelId: string,
  config: QdrantConfig,
): Promise<string> {
  await callQdrant('create collection', 'write', policy, () => client.createCollection(name, collectionLayout(dimension, config)));
  const metadata: CollectionMeta = { schemaVersion: 1, modelId };
  await callQdrant('record collection metadata', 'write', policy, () => client.updateCollection(name, { metadata: { ...metadata } }));
  for (const index of PAYLOAD_INDEXES) {
    await callQdrant('create payload index', 'write', policy, () => client.createPayloadIndex(name, { wait: true, ...index }));
  }
  return name;
}

/** The collection an alias points to, null when the alias does not exist. */
export async function aliasTarget(client: QdrantClient, policy: CallPolicy, alias: string): Promise<string | null> {
  const { aliases } = await callQdrant('list aliases', 'read', policy, () => client.getAliases());
  return aliases.find((entry) => entry.alias_name === alias)?.collection_name ?? null;
}
