import type { QdrantClient } from '@qdrant/js-client-rest';
import type { QdrantConfig } from '../../config/config.js';
import type { ScoredId } from '../../domain/candidate.js';
import type { Filter } from '../../domain/filter.js';
import type { Item } from '../../domain/item.js';
import { storedItem } from '../../domain/storedItem.js';
import type { CatalogEntry, CatalogIndex, CollaborativeEntry, Examples, RetrievalQuery, SearchOptions, StoredEntry, VectorSpace } from '../../ports/catalogIndex.js';
import { checkCatalogEntries } from '../checkCatalogEntries.js';
import { checkCollaborativeEntries } from '../checkCollaborativeEntries.js';
import { checkExamples } from '../checkExamples.js';
import { documentSparseVector, querySparseVector } from './bm25SparseVector.js';
import { callQdrant, type CallPolicy } from './callQdrant.js';
import { COLLABORATIVE_VECTOR, LEXICAL_VECTOR, TEXT_VECTOR } from './collectionLayout.js';
import { ensureCollection, type OpenedCollection } from './ensureCollection.js';
import { connectQdrant, type QdrantConnection } from './connectQdrant.js';
import { pointIdOf } from './pointId.js';
import { toQdrantFilter, type QdrantFilter } from './qdrantFilter.js';

export interface QdrantCatalogOptions {
  /** Dimension of the embedder's vectors; the collection must hold the same. */
  readonly dimension: number;
  /** Id of the embedding model, recorded in the collection's metadata. */
  readonly modelId: string;
  /** Where failed calls are logged with their cause. */
  readonly log?: (line: string) => void;
  /**
   * Open the existing collection as it is, to read it out (a reindex, perhaps with a new
   * model): none is created when the alias is missing, and another dimension than
   * `dimension` is accepted (writes of the configured dimension are then refused).
   */
  readonly readExisting?: boolean;
  /** The clock of the collection-layout cache; Date.now unless a test turns it. */
  readonly now?: () => number;
}

/** What the adapter remembers of the collection's layout, and when it read it. */
interface LayoutSnapshot {
  readonly collaborativeDimension: number | null;
  readonly readAt: number;
}

/** Points per write request where the adapter batches (reindexing, collaborative vectors): large enough to amortise a round trip, small enough for one body. */
export const WRITE_BATCH = 256;

type Vector = number[] | { indices: number[]; values: number[] };
interface PointRecord {
  readonly id: string | number;
  readonly payload?: Record<string, unknown> | null;
  readonly vector?: Record<string, unknown> | number[] | unknown;
  readonly score?: number;
}

/**
 * The catalog in a Qdrant collection (service mode): one point per item, its id the UUID v5
 * of the item id, the item as payload, named vectors `text` (cosine), `bm25` (sparse, IDF
 * applied by Qdrant) and, once trained, `collaborative`. The gateway talks to an alias, so
 * that a reindex can build a new collection and switch to it with no downtime.
 *
 * Writes wait until the points are searchable (`wait=true`): when `upsert` returns, searches
 * find them. Scores are Qdrant's: cosine for dense vectors, BM25 for the sparse one.
 */
export class QdrantCatalogIndex implements CatalogIndex {
  readonly dimension: number;

  /** Connects, checks the server version, and creates or checks the collection (idempotent). */
  static async open(config: QdrantConfig, options: QdrantCatalogOptions): Promise<QdrantCatalogIndex> {
    if (!Number.isInteger(options.dimension) || options.dimension < 1) {
      throw new RangeError(`dimension must be a positive integer, got ${options.dimension}`);
    }
    const { client, policy } = connectQdrant(config, options.log);
    const opened = await ensureCollection(client, policy, config, options);
    return new QdrantCatalogIndex(client, policy, config.collection, opened, { ttlMs: config.infoTtlMs, now: options.now ?? Date.now });
  }

  /**
   * Opens the existing collection with the vectors it holds, whatever model made them: for
   * commands that embed nothing, which so need no model. Refuses a missing alias.
   */
  static async openStored(config: QdrantConfig, options: Pick<QdrantCatalogOptions, 'log' | 'now'> = {}): Promise<QdrantCatalogIndex> {
    const { client, policy } = connectQdrant(config, options.log);
    // With readExisting, nothing is created and any dimension is taken: the placeholders are never used.
    const opened = await ensureCollection(client, policy, config, { dimension: 0, modelId: 'unknown', readExisting: true });
    return new QdrantCatalogIndex(client, policy, config.collection, opened, { ttlMs: config.infoTtlMs, now: options.now ?? Date.now });
  }

  /**
   * An index on one collection or alias that the caller has made or checked (reindexing writes
   * a new one); it reads the collection's layout afresh each time.
   */
  static forCollection(connection: QdrantConnection, collection: string, opened: OpenedCollection): QdrantCatalogIndex {
    return new QdrantCatalogIndex(connection.client, connection.policy, collection, opened, { ttlMs: 0, now: Date.now });
  }

  private layout: LayoutSnapshot;

  private constructor(
    private readonly client: QdrantClient,
    private readonly policy: CallPolicy,
    /** The alias every call goes through. */
    readonly collection: string,
    opened: OpenedCollection,
    private readonly layoutCache: { readonly ttlMs: number; readonly now: () => number },
  ) {
    this.dimension = opened.dimension;
    this.storedModelId = opened.modelId;
    this.layout = { collaborativeDimension: opened.collaborativeDimension, readAt: layoutCache.now() };
  }

  /** The embedding model recorded with the collection when it was created. */
  readonly storedModelId: string;

  private read<T>(operation: string, call: (client: QdrantClient) => Promise<T>): Promise<T> {
    return callQdrant(operation, 'read', this.policy, () => call(this.client));
  }

  private write<T>(operation: string, call: (client: QdrantClient) => Promise<T>): Promise<T> {
    return callQdrant(operation, 'write', this.policy, () => call(this.client));
  }

  async upsert(entries: readonly CatalogEntry[]): Promise<void> {
    // Everything is checked before anything is written, so a bad entry changes nothing.
    checkCatalogEntries(entries, this.dimension);
    if (entries.length === 0) return;
    // An upsert replaces the whole point; the collaborative vector, trained separately, is kept.
    const kept = await this.collaborativeByPoint(entries.map((e) => e.item.id));
    const points = entries.map(({ item, vector }) => {
      const stored = storedItem(item);
      const pointId = pointIdOf(item.id);
      const vectors: Record<string, Vector> = { [TEXT_VECTOR]: Array.from(vector) };
      const sparse = documentSparseVector(stored);
      if (sparse.indices.length > 0) vectors[LEXICAL_VECTOR] = sparse;
      const collaborative = kept.get(pointId);
      if (collaborative) vectors[COLLABORATIVE_VECTOR] = collaborative;
      return { id: pointId, vector: vectors, payload: { ...stored } };
    });
    // One request per call (callers batch: ingestion by 500, mutations at most 500, reindex by
    // WRITE_BATCH), so that a call is one Qdrant operation, applied whole or refused whole.
    await this.write('upsert', (client) => client.upsert(this.collection, { wait: true, points }));
  }

  async delete(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const existing = new Set((await this.retrieve(unique, false, false)).map((record) => record.payload?.id as string));
    const existed = unique.filter((id) => existing.has(id));
    if (existed.length > 0) {
      await this.write('delete', (client) => client.delete(this.collection, { wait: true, points: existed.map(pointIdOf) }));
    }
    return existed;
  }

  async getItems(ids: readonly string[]): Promise<(Item | null)[]> {
    const byId = new Map((await this.retrieve(ids, true, false)).map((record) => [record.payload!.id as string, record.payload as unknown as Item]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async getVectors(ids: readonly string[]): Promise<(Float32Array | null)[]> {
    return this.vectorsByItem(ids, TEXT_VECTOR);
  }

  async searchDense(vector: Float32Array, options: SearchOptions): Promise<ScoredId[]> {
    return this.query('dense search', { kind: 'dense', vector, options });
  }

  async searchLexical(query: string, options: SearchOptions): Promise<ScoredId[]> {
    return this.query('lexical search', { kind: 'lexical', text: query, options });
  }

  async replaceCollaborativeVectors(entries: readonly CollaborativeEntry[]): Promise<number> {
    const dimension = checkCollaborativeEntries(entries);
    const existing = new Set((await this.retrieve(entries.map((e) => e.id), false, false)).map((record) => record.payload?.id as string));
    const known = entries.filter(({ id }) => existing.has(id));
    // Writes decide on the layout as it is now, never on a remembered one.
    const current = await this.readCollaborativeDimension();
    // Whatever happens below, the remembered layout may be wrong until read again.
    this.layout = { collaborativeDimension: current, readAt: Number.NEGATIVE_INFINITY };
    // A new run may change the dimension: the named vector is dropped and made again, which
    // also clears every old vector; with the same dimension the old vectors are deleted.
    if (current !== null && (current !== dimension || known.length === 0)) {
      await this.write('delete collaborative vector', (client) => client.deleteVectorName(this.collection, COLLABORATIVE_VECTOR, { wait: true }));
    } else if (current !== null) {
      await this.write('clear collaborative vectors', (client) =>
        client.deleteVectors(this.collection, { wait: true, filter: { must: [] }, vector: [COLLABORATIVE_VECTOR] }),
      );
    }
    if (known.length === 0) {
      this.layout = { collaborativeDimension: null, readAt: this.layoutCache.now() };
      return 0;
    }
    if (current !== dimension) {
      await this.write('create collaborative vector', (client) =>
        client.createVectorName(this.collection, COLLABORATIVE_VECTOR, { dense: { size: dimension, distance: 'Cosine' } }, { wait: true }),
      );
    }
    for (let start = 0; start < known.length; start += WRITE_BATCH) {
      const points = known.slice(start, start + WRITE_BATCH).map(({ id, vector }) => ({ id: pointIdOf(id), vector: { [COLLABORATIVE_VECTOR]: Array.from(vector) } }));
      await this.write('update collaborative vectors', (client) => client.updateVectors(this.collection, { wait: true, points }));
    }
    this.layout = { collaborativeDimension: dimension, readAt: this.layoutCache.now() };
    return known.length;
  }

  /**
   * Remembered for QDRANT_INFO_TTL_MS, so that collaborative reads do not cost a get_collection
   * each: this instance's own training run refreshes it at once; another replica's run is
   * seen once the time is up (until then its new vectors are found or missed as before it).
   */
  async collaborativeDimension(): Promise<number | null> {
    const { collaborativeDimension, readAt } = this.layout;
    const now = this.layoutCache.now();
    if (now - readAt < this.layoutCache.ttlMs) return collaborativeDimension;
    const read = await this.readCollaborativeDimension();
    this.layout = { collaborativeDimension: read, readAt: now };
    return read;
  }

  private async readCollaborativeDimension(): Promise<number | null> {
    const info = await this.read('get collection', (client) => client.getCollection(this.collection));
    const vectors = info.config.params.vectors as Record<string, { size?: number }> | undefined;
    return vectors?.[COLLABORATIVE_VECTOR]?.size ?? null;
  }

  async getCollaborativeVectors(ids: readonly string[]): Promise<(Float32Array | null)[]> {
    if ((await this.collaborativeDimension()) === null) return ids.map(() => null);
    return this.vectorsByItem(ids, COLLABORATIVE_VECTOR);
  }

  async searchCollaborative(vector: Float32Array, options: SearchOptions): Promise<ScoredId[]> {
    if ((await this.collaborativeDimension()) === null) return [];
    return this.query('collaborative search', { kind: 'collaborative', vector, options });
  }

  /** Qdrant's Query API `recommend` query by point ids, strategy average_vector. */
  async recommend(examples: Examples, space: VectorSpace, options: SearchOptions): Promise<ScoredId[]> {
    return this.query('recommend', { kind: 'recommend', examples, space, options });
  }

  async filterIds(ids: readonly string[], filter: Filter): Promise<string[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const passing = new Set<string>();
    const qdrantFilter = toQdrantFilter(filter);
    const points = unique.map(pointIdOf);
    const page = await this.read('filter ids', (client) =>
      client.scroll(this.collection, {
        filter: { must: [{ has_id: points }, ...(qdrantFilter ? [qdrantFilter] : [])] },
        limit: unique.length,
        with_payload: ['id'],
        with_vector: false,
      }),
    );
    for (const record of page.points) passing.add(record.payload?.id as string);
    return ids.filter((id) => passing.has(id));
  }

  async count(options: { readonly once?: boolean } = {}): Promise<number> {
    const policy = options.once ? { ...this.policy, retries: 0 } : this.policy;
    const result = await callQdrant('count', 'read', policy, () => this.client.count(this.collection, { exact: true }));
    return result.count;
  }

  /** Scroll pages in point-id order, with the payload and both dense vectors. */
  async *scan(batchSize: number): AsyncIterable<StoredEntry[]> {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    let offset: string | number | null = null;
    do {
      const from: string | number | null = offset;
      const page: { points: unknown[]; next_page_offset?: unknown } = await this.read('scroll', (client) =>
        client.scroll(this.collection, { limit: batchSize, with_payload: true, with_vector: [TEXT_VECTOR, COLLABORATIVE_VECTOR], ...(from !== null ? { offset: from } : {}) }),
      );
      const entries = (page.points as PointRecord[]).map((record) => {
        const vectors = (record.vector ?? {}) as Record<string, number[] | undefined>;
        const collaborative = vectors[COLLABORATIVE_VECTOR];
        return {
          item: record.payload as unknown as Item,
          vector: Float32Array.from(vectors[TEXT_VECTOR] ?? []),
          collaborative: collaborative ? Float32Array.from(collaborative) : null,
        };
      });
      if (entries.length > 0) yield entries;
      offset = (page.next_page_offset as string | number | null | undefined) ?? null;
    } while (offset !== null);
  }

  /** The HTTP client keeps no connection that needs closing; the collection stays. */
  async close(): Promise<void> {}

  /**
   * One query_batch_points request for all the queries that can match anything (a lexical
   * query without words, a limit of 0, or a collaborative query while there are no
   * collaborative vectors answer nothing without asking).
   */
  async searchBatch(queries: readonly RetrievalQuery[]): Promise<ScoredId[][]> {
    const collaborative = queries.some((query) => query.kind === 'collaborative') && (await this.collaborativeDimension()) !== null;
    const asked: { index: number; body: QueryBody }[] = [];
    queries.forEach((query, index) => {
      const body = query.kind === 'collaborative' && !collaborative ? null : queryBody(query);
      if (body) asked.push({ index, body });
    });
    const results: ScoredId[][] = queries.map(() => []);
    if (asked.length === 0) return results;
    const responses = await this.read('batch search', (client) => client.queryBatch(this.collection, { searches: asked.map((entry) => entry.body) }));
    responses.forEach((response, i) => {
      results[asked[i]!.index] = hitsOf(response.points as PointRecord[]);
    });
    return results;
  }

  private async query(operation: string, query: RetrievalQuery): Promise<ScoredId[]> {
    const body = queryBody(query);
    if (body === null) return [];
    const response = await this.read(operation, (client) => client.query(this.collection, body));
    return hitsOf(response.points as PointRecord[]);
  }

  private async retrieve(ids: readonly string[], withPayload: boolean, withVector: false | string[]): Promise<PointRecord[]> {
    if (ids.length === 0) return [];
    const points = [...new Set(ids)].map(pointIdOf);
    return this.read('retrieve', (client) =>
      client.retrieve(this.collection, { ids: points, with_payload: withPayload ? true : ['id'], with_vector: withVector }),
    ) as Promise<PointRecord[]>;
  }

  private async vectorsByItem(ids: readonly string[], name: string): Promise<(Float32Array | null)[]> {
    const byId = new Map<string, Float32Array>();
    for (const record of await this.retrieve(ids, false, [name])) {
      const vector = (record.vector as Record<string, unknown> | undefined)?.[name];
      if (Array.isArray(vector)) byId.set(record.payload!.id as string, Float32Array.from(vector as number[]));
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Collaborative vectors of the given items' points, to carry them across an upsert. */
  private async collaborativeByPoint(ids: readonly string[]): Promise<Map<string, number[]>> {
    const kept = new Map<string, number[]>();
    // Read afresh, not remembered: a vector another replica has just trained must not be lost.
    const dimension = await this.readCollaborativeDimension();
    this.layout = { collaborativeDimension: dimension, readAt: this.layoutCache.now() };
    if (dimension === null) return kept;
    for (const record of await this.retrieve(ids, false, [COLLABORATIVE_VECTOR])) {
      const vector = (record.vector as Record<string, unknown> | undefined)?.[COLLABORATIVE_VECTOR];
      if (Array.isArray(vector)) kept.set(String(record.id), vector as number[]);
    }
    return kept;
  }
}

interface RecommendQuery {
  recommend: { positive: string[]; negative: string[]; strategy: 'average_vector' };
}

interface QueryBody {
  query: Vector | RecommendQuery;
  using: string;
  limit: number;
  with_payload: string[];
  with_vector: false;
  filter?: QdrantFilter;
}

/** The Query API body of one search; null when it can match nothing. */
function queryBody(query: RetrievalQuery): QueryBody | null {
  // A recommend query without a positive is refused even when it could return nothing.
  const exampleIds = query.kind === 'recommend' ? checkExamples(query.examples) : null;
  const limit = Math.floor(query.options.limit);
  if (!(limit > 0)) return null;
  let vector: Vector | RecommendQuery;
  let using: string;
  let excludeIds = query.options.excludeIds;
  if (query.kind === 'lexical') {
    const sparse = querySparseVector(query.text);
    if (sparse === null) return null;
    [vector, using] = [{ indices: sparse.indices, values: sparse.values }, LEXICAL_VECTOR];
  } else if (query.kind === 'recommend') {
    const { positive, negative = [] } = query.examples;
    vector = { recommend: { positive: positive.map(pointIdOf), negative: negative.map(pointIdOf), strategy: 'average_vector' } };
    using = query.space === 'text' ? TEXT_VECTOR : COLLABORATIVE_VECTOR;
    // Qdrant leaves id examples out of the results; saying so in the filter keeps that promise
    // whatever the server version does.
    excludeIds = new Set([...(excludeIds ?? []), ...exampleIds!]);
  } else {
    [vector, using] = [Array.from(query.vector), query.kind === 'dense' ? TEXT_VECTOR : COLLABORATIVE_VECTOR];
  }
  const filter = toQdrantFilter(query.options.filter, excludeIds);
  return { query: vector, using, limit, with_payload: ['id'], with_vector: false, ...(filter ? { filter } : {}) };
}

function hitsOf(points: readonly PointRecord[]): ScoredId[] {
  return points.map((point) => ({ id: point.payload!.id as string, score: point.score! }));
}
