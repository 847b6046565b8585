import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { filterHolds, UnsupportedFilterError } from './qdrantFilterHolds.js';
import type { OpenApiContract } from './openApiContract.js';

type Json = Record<string, unknown>;
type Sparse = { indices: number[]; values: number[] };
type StoredVector = number[] | Sparse;

interface FakePoint {
  readonly id: string | number;
  payload: Json;
  readonly vectors: Map<string, StoredVector>;
}

interface FakeCollection {
  readonly dense: Map<string, Json>;
  readonly sparse: Map<string, Json>;
  readonly points: Map<string, FakePoint>;
  readonly payloadSchema: Record<string, { data_type: string; points: number }>;
  readonly created: Json;
}

/** How the next requests fail: an HTTP status, or no answer at all until the client gives up. */
export type InjectedFailure = ({ readonly status: number } | { readonly hang: true }) & {
  /** Only requests to this operation fail; others pass. */
  readonly operationId?: string;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A Qdrant stand-in over real HTTP (port 0), implementing what the gateway's adapter uses:
 * collections with named dense and sparse vectors, aliases, payload indexes, upsert, retrieve,
 * delete, scroll, count, vector updates, named-vector creation and removal, and the Query API
 * alone and batched (dense cosine, sparse dot product with the IDF modifier, filters, the
 * recommend query by point ids with the average_vector strategy). Every request body is
 * validated against its operation's schema in Qdrant's OpenAPI spec, and so is every
 * response it sends; a violation is answered with 400 and recorded in `violations`, which
 * the tests require to be empty. Failures can be injected, and the server stopped and
 * restarted on the same port, to see the adapter's behaviour when Qdrant is away.
 */
export class FakeQdrantServer {
  readonly violations: string[] = [];
  /** Operation ids in the order received, for asserting round trips. */
  readonly calls: string[] = [];
  /** The query string of each call, in the same order (`wait=true` on writes). */
  readonly queries: string[] = [];
  version = '1.18.0';
  private readonly collections = new Map<string, FakeCollection>();
  private readonly aliases = new Map<string, string>();
  private readonly failures: InjectedFailure[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | null = null;

  /** Port 0: a free one, kept across stop and start. */
  constructor(
    private readonly contract: OpenApiContract,
    private port = 0,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening and drops every connection: the adapter then sees refused connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `count` requests (of `failure.operationId`, or any) fail this way. */
  failNext(failure: InjectedFailure, count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(failure);
  }

  /** Forgets the failures not yet used, and drops the requests left hanging (their clients see a reset). */
  clearFailures(): void {
    this.failures.length = 0;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  /** Names of the real collections (not aliases). */
  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const matched = this.contract.match(req.method ?? 'GET', url.pathname);
    if (!matched) {
      this.violations.push(`${req.method} ${url.pathname}: no such operation in Qdrant's spec`);
      this.send(res, 404, { status: { error: 'Not found' }, time: 0 });
      return;
    }
    const { operationId } = matched.operation;
    this.calls.push(operationId);
    this.queries.push(url.search);
    const at = this.failures.findIndex((failure) => failure.operationId === undefined || failure.operationId === operationId);
    const failure = at === -1 ? undefined : this.failures.splice(at, 1)[0];
    if (failure && 'hang' in failure) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (failure) {
      this.send(res, failure.status, { status: { error: `injected failure ${failure.status}` }, time: 0 });
      return;
    }
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      this.violations.push(`${operationId}: request body is not JSON`);
      this.send(res, 400, { status: { error: 'body is not JSON' }, time: 0 });
      return;
    }
    const problems = this.contract.requestProblems(operationId, body);
    if (problems.length > 0) {
      const message = `${operationId} request violates Qdrant's spec: ${problems.slice(0, 6).join('; ')}`;
      this.violations.push(message);
      this.send(res, 400, { status: { error: message }, time: 0 });
      return;
    }
    try {
      const result = this.operate(operationId, matched.params, body as Json);
      const answer = operationId === 'root' ? result : { result, status: 'ok', time: 0.0001 };
      const responseProblems = this.contract.responseProblems(operationId, answer);
      if (responseProblems.length > 0) this.violations.push(`${operationId} response of the fake violates the spec: ${responseProblems.slice(0, 6).join('; ')}`);
      this.send(res, 200, answer);
    } catch (error) {
      if (error instanceof UnsupportedFilterError) this.violations.push(`${operationId}: ${error.message}`);
      const status = error instanceof HttpError ? error.status : 400;
      this.send(res, status, { status: { error: (error as Error).message }, time: 0 });
    }
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private operate(operationId: string, params: Record<string, string>, body: Json): unknown {
    switch (operationId) {
      case 'root':
        return { title: 'qdrant - vector search engine (fake)', version: this.version };
      case 'get_collections_aliases':
        return { aliases: [...this.aliases].map(([alias_name, collection_name]) => ({ alias_name, collection_name })) };
      case 'update_aliases':
        return this.updateAliases(body.actions as Json[]);
      case 'collection_exists':
        return { exists: this.aliases.has(params.collection_name!) || this.collections.has(params.collection_name!) };
      case 'create_collection':
        return this.createCollection(params.collection_name!, body);
      case 'delete_collection': {
        const name = params.collection_name!;
        for (const [alias, target] of this.aliases) if (target === name) this.aliases.delete(alias);
        return this.collections.delete(name);
      }
      case 'update_collection': {
        const collection = this.collection(params.collection_name!);
        if (Object.keys(body).some((key) => key !== 'metadata')) throw new HttpError(501, 'the fake updates collection metadata only');
        collection.created.metadata = { ...((collection.created.metadata as Json | undefined) ?? {}), ...(body.metadata as Json) };
        return true;
      }
      case 'get_collection':
        return this.collectionInfo(this.collection(params.collection_name!));
      case 'create_field_index': {
        const collection = this.collection(params.collection_name!);
        collection.payloadSchema[body.field_name as string] = { data_type: body.field_schema as string, points: collection.points.size };
        return updated();
      }
      case 'create_vector_name':
        return this.createVectorName(this.collection(params.collection_name!), params.vector_name!, body);
      case 'delete_vector_name': {
        const collection = this.collection(params.collection_name!);
        if (!collection.dense.delete(params.vector_name!)) throw new HttpError(404, `vector "${params.vector_name}" does not exist`);
        for (const point of collection.points.values()) point.vectors.delete(params.vector_name!);
        return updated();
      }
      case 'upsert_points':
        return this.upsert(this.collection(params.collection_name!), body);
      case 'get_points':
        return this.retrieve(this.collection(params.collection_name!), body);
      case 'delete_points':
        return this.deletePoints(this.collection(params.collection_name!), body);
      case 'update_vectors':
        return this.updateVectors(this.collection(params.collection_name!), body);
      case 'delete_vectors':
        return this.deleteVectors(this.collection(params.collection_name!), body);
      case 'scroll_points':
        return this.scroll(this.collection(params.collection_name!), body);
      case 'count_points': {
        const collection = this.collection(params.collection_name!);
        return { count: [...collection.points.values()].filter((point) => filterHolds(body?.filter, String(point.id), point.payload)).length };
      }
      case 'query_points':
        return { points: this.query(this.collection(params.collection_name!), body) };
      case 'query_batch_points': {
        const collection = this.collection(params.collection_name!);
        return (body.searches as Json[]).map((search) => ({ points: this.query(collection, search) }));
      }
      default:
        this.violations.push(`${operationId}: the fake does not implement this operation`);
        throw new HttpError(501, `the fake does not implement ${operationId}`);
    }
  }

  private collection(nameOrAlias: string): FakeCollection {
    const collection = this.collections.get(this.aliases.get(nameOrAlias) ?? nameOrAlias);
    if (!collection) throw new HttpError(404, `Collection \`${nameOrAlias}\` doesn't exist!`);
    return collection;
  }

  private updateAliases(actions: Json[]): boolean {
    const next = new Map(this.aliases);
    for (const action of actions) {
      if (action.create_alias) {
        const { alias_name, collection_name } = action.create_alias as { alias_name: string; collection_name: string };
        if (!this.collections.has(collection_name)) throw new HttpError(404, `Collection \`${collection_name}\` doesn't exist!`);
        if (this.collections.has(alias_name)) throw new HttpError(409, `a collection is named \`${alias_name}\``);
        next.set(alias_name, collection_name);
      } else if (action.delete_alias) {
        next.delete((action.delete_alias as { alias_name: string }).alias_name);
      } else {
        throw new HttpError(501, `the fake does not implement alias action ${JSON.stringify(action)}`);
      }
    }
    // Alias changes are atomic: all or none.
    this.aliases.clear();
    for (const [alias, target] of next) this.aliases.set(alias, target);
    return true;
  }

  private createCollection(name: string, body: Json): boolean {
    if (this.collections.has(name) || this.aliases.has(name)) throw new HttpError(409, `Collection \`${name}\` already exists!`);
    const vectors = (body.vectors ?? {}) as Json;
    if ('size' in vectors) throw new HttpError(501, 'the fake implements named vectors only');
    this.collections.set(name, {
      dense: new Map(Object.entries(vectors as Record<string, Json>)),
      sparse: new Map(Object.entries((body.sparse_vectors ?? {}) as Record<string, Json>)),
      points: new Map(),
      payloadSchema: {},
      created: body,
    });
    return true;
  }

  private createVectorName(collection: FakeCollection, name: string, body: Json): Json {
    if (collection.dense.has(name) || collection.sparse.has(name)) throw new HttpError(409, `vector "${name}" already exists`);
    if (body.dense) collection.dense.set(name, { ...(body.dense as Json) });
    else collection.sparse.set(name, { ...((body.sparse ?? {}) as Json) });
    return updated();
  }

  private collectionInfo(collection: FakeCollection): Json {
    const created = collection.created;
    return {
      status: 'green',
      optimizer_status: 'ok',
      segments_count: 1,
      points_count: collection.points.size,
      indexed_vectors_count: 0,
      payload_schema: collection.payloadSchema,
      config: {
        params: {
          vectors: Object.fromEntries(collection.dense),
          sparse_vectors: Object.fromEntries(collection.sparse),
          shard_number: 1,
          replication_factor: 1,
          write_consistency_factor: 1,
          on_disk_payload: (created.on_disk_payload as boolean | undefined) ?? true,
        },
        hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000, ...((created.hnsw_config as Json | undefined) ?? {}) },
        optimizer_config: { default_segment_number: 0, flush_interval_sec: 5 },
        quantization_config: (created.quantization_config as Json | undefined) ?? null,
        metadata: (created.metadata as Json | undefined) ?? null,
      },
    };
  }

  private upsert(collection: FakeCollection, body: Json): Json {
    if (!Array.isArray(body.points)) throw new HttpError(501, 'the fake implements the points list form of upsert only');
    const points = (body.points as Json[]).map((point) => {
      const vectors = new Map<string, StoredVector>();
      for (const [name, vector] of Object.entries(point.vector as Record<string, StoredVector>)) vectors.set(name, this.checkedVector(collection, name, vector));
      return { id: point.id as string, payload: (point.payload as Json | undefined) ?? {}, vectors };
    });
    for (const point of points) collection.points.set(String(point.id), point);
    return updated();
  }

  /** Qdrant checks sizes and names, and stores cosine vectors normalised. */
  private checkedVector(collection: FakeCollection, name: string, vector: StoredVector): StoredVector {
    const dense = collection.dense.get(name);
    if (dense) {
      if (!Array.isArray(vector) || vector.length !== dense.size) {
        throw new HttpError(400, `Wrong input: Vector dimension error: expected dim: ${String(dense.size)}, got ${Array.isArray(vector) ? vector.length : 'a sparse vector'}`);
      }
      if (dense.distance !== 'Cosine') return vector;
      const norm = Math.hypot(...vector);
      return norm === 0 ? vector : vector.map((value) => Math.fround(value / norm));
    }
    if (collection.sparse.has(name)) {
      if (Array.isArray(vector)) throw new HttpError(400, `Wrong input: vector "${name}" is sparse`);
      return vector;
    }
    throw new HttpError(400, `Wrong input: Not existing vector name error: ${name}`);
  }

  private record(point: FakePoint, withPayload: unknown, withVector: unknown): Json {
    const out: Json = { id: point.id };
    if (withPayload === true || withPayload === undefined) out.payload = point.payload;
    else if (Array.isArray(withPayload)) out.payload = Object.fromEntries(withPayload.filter((key) => key in point.payload).map((key) => [key, point.payload[key]]));
    if (withVector === true) out.vector = Object.fromEntries(point.vectors);
    else if (Array.isArray(withVector)) out.vector = Object.fromEntries([...point.vectors].filter(([name]) => withVector.includes(name)));
    return out;
  }

  private retrieve(collection: FakeCollection, body: Json): Json[] {
    return (body.ids as (string | number)[])
      .map((id) => collection.points.get(String(id)))
      .filter((point): point is FakePoint => point !== undefined)
      .map((point) => this.record(point, body.with_payload, body.with_vector));
  }

  private deletePoints(collection: FakeCollection, body: Json): Json {
    if (Array.isArray(body.points)) for (const id of body.points) collection.points.delete(String(id));
    else for (const [id, point] of collection.points) if (filterHolds(body.filter, id, point.payload)) collection.points.delete(id);
    return updated();
  }

  private updateVectors(collection: FakeCollection, body: Json): Json {
    const updates = (body.points as Json[]).map((update) => {
      const point = collection.points.get(String(update.id));
      if (!point) throw new HttpError(404, `No point with id ${String(update.id)} found`);
      return { point, vectors: Object.entries(update.vector as Record<string, StoredVector>).map(([name, vector]) => [name, this.checkedVector(collection, name, vector)] as const) };
    });
    for (const { point, vectors } of updates) for (const [name, vector] of vectors) point.vectors.set(name, vector);
    return updated();
  }

  private deleteVectors(collection: FakeCollection, body: Json): Json {
    const names = body.vector as string[];
    for (const [id, point] of collection.points) {
      const selected = Array.isArray(body.points) ? body.points.map(String).includes(id) : filterHolds(body.filter, id, point.payload);
      if (selected) for (const name of names) point.vectors.delete(name);
    }
    return updated();
  }

  private scroll(collection: FakeCollection, body: Json): Json {
    const limit = (body.limit as number | undefined) ?? 10;
    const ordered = [...collection.points.values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const start = body.offset == null ? 0 : ordered.findIndex((point) => String(point.id) === String(body.offset));
    const matching = ordered.slice(Math.max(start, 0)).filter((point) => filterHolds(body.filter, String(point.id), point.payload));
    return {
      points: matching.slice(0, limit).map((point) => this.record(point, body.with_payload, body.with_vector)),
      next_page_offset: matching[limit]?.id ?? null,
    };
  }

  private query(collection: FakeCollection, body: Json): Json[] {
    if (body.prefetch != null) throw new HttpError(501, 'the fake implements queries without prefetch only');
    const using = body.using as string;
    const limit = (body.limit as number | undefined) ?? 10;
    const query = body.query as StoredVector | { nearest: StoredVector } | { recommend: Json };
    let vector: StoredVector;
    let examples = new Set<string>();
    if (!Array.isArray(query) && 'recommend' in query) {
      ({ vector, examples } = recommendVectorOf(collection.points, using, query.recommend));
    } else {
      vector = !Array.isArray(query) && 'nearest' in query ? query.nearest : (query as StoredVector);
    }
    const candidates = [...collection.points.values()].filter(
      (point) => point.vectors.has(using) && !examples.has(String(point.id)) && filterHolds(body.filter, String(point.id), point.payload),
    );
    let scored: { point: FakePoint; score: number }[];
    if (collection.dense.has(using)) {
      if (!Array.isArray(vector) || vector.length !== collection.dense.get(using)!.size) throw new HttpError(400, 'Wrong input: Vector dimension error');
      const norm = Math.hypot(...vector) || 1;
      scored = candidates.map((point) => ({ point, score: dot(vector, point.vectors.get(using) as number[]) / norm }));
    } else if (collection.sparse.has(using)) {
      if (Array.isArray(vector)) throw new HttpError(400, `Wrong input: vector "${using}" is sparse`);
      const idf = collection.sparse.get(using)!.modifier === 'idf' ? inverseDocumentFrequency(collection, using) : () => 1;
      scored = candidates
        .map((point) => ({ point, score: sparseScore(vector, point.vectors.get(using) as Sparse, idf) }))
        .filter((hit) => hit.score !== null) as { point: FakePoint; score: number }[];
    } else {
      throw new HttpError(400, `Wrong input: Not existing vector name error: ${using}`);
    }
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ point, score }) => ({ ...this.record(point, body.with_payload ?? false, body.with_vector), score: Math.fround(score), version: 0 }));
  }
}

/**
 * Qdrant's `average_vector` recommend strategy over point-id examples, as its docs give it:
 * `avg(positive)`, or `avg(positive) + avg(positive) - avg(negative)` with negatives, from the
 * stored (for cosine, normalised) vectors; the examples themselves are never returned.
 */
function recommendVectorOf(points: Map<string, FakePoint>, using: string, recommend: Json): { vector: number[]; examples: Set<string> } {
  const strategy = recommend.strategy ?? 'average_vector';
  if (strategy !== 'average_vector') throw new HttpError(501, `the fake implements the average_vector strategy only, not ${String(strategy)}`);
  const vectorsOf = (examples: unknown): number[][] =>
    ((examples ?? []) as unknown[]).map((example) => {
      if (typeof example !== 'string' && typeof example !== 'number') throw new HttpError(501, 'the fake implements point-id examples only');
      const point = points.get(String(example));
      if (!point) throw new HttpError(404, `Not found: No point with id ${String(example)} found`);
      const vector = point.vectors.get(using);
      if (!Array.isArray(vector)) throw new HttpError(400, `Wrong input: Vector "${using}" of point ${String(example)} not found`);
      return vector;
    });
  const positive = vectorsOf(recommend.positive);
  const negative = vectorsOf(recommend.negative);
  if (positive.length === 0) throw new HttpError(400, 'Bad request: At least one positive vector ID required with this strategy');
  const mean = (vectors: number[][]) => positive[0]!.map((_, d) => vectors.reduce((sum, vector) => sum + vector[d]!, 0) / vectors.length);
  const avgPositive = mean(positive);
  const avgNegative = negative.length > 0 ? mean(negative) : null;
  const vector = avgNegative ? avgPositive.map((value, d) => value + value - avgNegative[d]!) : avgPositive;
  const examples = new Set([...((recommend.positive ?? []) as unknown[]), ...((recommend.negative ?? []) as unknown[])].map(String));
  return { vector, examples };
}

function updated(): Json {
  return { operation_id: 0, status: 'completed' };
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

/** Qdrant's IDF over the points that have the sparse vector: ln(1 + (N - n + 0.5) / (n + 0.5)). */
function inverseDocumentFrequency(collection: FakeCollection, name: string): (index: number) => number {
  const withVector = [...collection.points.values()].filter((point) => point.vectors.has(name));
  const counts = new Map<number, number>();
  for (const point of withVector) for (const index of (point.vectors.get(name) as Sparse).indices) counts.set(index, (counts.get(index) ?? 0) + 1);
  const total = withVector.length;
  return (index) => {
    const n = counts.get(index) ?? 0;
    return Math.log(1 + (total - n + 0.5) / (n + 0.5));
  };
}

/** Dot product over shared indices; null when none is shared (Qdrant returns only overlapping points). */
function sparseScore(query: Sparse, document: Sparse, idf: (index: number) => number): number | null {
  const values = new Map(document.indices.map((index, i) => [index, document.values[i]!]));
  let score: number | null = null;
  query.indices.forEach((index, i) => {
    const value = values.get(index);
    if (value !== undefined) score = (score ?? 0) + query.values[i]! * value * idf(index);
  });
  return score;
}
