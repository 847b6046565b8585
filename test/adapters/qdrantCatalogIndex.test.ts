import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { QdrantClient } from '@qdrant/js-client-rest';
import { QdrantCatalogIndex } from '../../src/adapters/qdrant/qdrantCatalogIndex.js';
import { GatewayError } from '../../src/domain/errors.js';
import { describeCatalogIndex } from './catalogIndexBehaviour.js';
import { FILMS } from './support/catalogFixture.js';
import { FakeQdrantServer } from '../support/qdrant/fakeQdrantServer.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { OpenApiContract } from '../support/qdrant/openApiContract.js';
import { qdrantTestConfig } from '../support/qdrant/qdrantTestConfig.js';

const withSpec = describeWithQdrantSpec('the Qdrant adapter\'s contract tests need it');

withSpec('QdrantCatalogIndex against the spec-validating fake Qdrant', () => {
  let fake: FakeQdrantServer;
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);

  beforeAll(async () => {
    fake = await new FakeQdrantServer(OpenApiContract.load()).start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  afterEach(() => {
    // Every request the adapter sent, and every answer of the fake, followed Qdrant's spec.
    expect(fake.violations).toEqual([]);
  });

  describeCatalogIndex('QdrantCatalogIndex (fake Qdrant over HTTP)', (dimension) =>
    QdrantCatalogIndex.open(qdrantTestConfig(fake.url), { dimension, modelId: 'test-model', log }),
  );

  describe('collection layout, remembered for QDRANT_INFO_TTL_MS', () => {
    const query = Float32Array.from([1, 0]);
    const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id);

    it('costs no get_collection within the TTL; its own training run refreshes it at once, another replica\'s after the TTL', async () => {
      let clock = 1_000_000;
      const config = qdrantTestConfig(fake.url, { QDRANT_INFO_TTL_MS: '5000' });
      const index = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'm', log, now: () => clock });
      const replica = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS);
      let before = fake.calls.length;
      // Known since start-up: no collaborative vectors, so nothing is asked at all.
      expect(await index.searchCollaborative(query, { limit: 3 })).toEqual([]);
      expect(await index.getCollaborativeVectors(['heat'])).toEqual([null]);
      expect(fake.calls.slice(before)).toEqual([]);

      await replica.replaceCollaborativeVectors([{ id: 'heat', vector: query }]);
      clock += 4999;
      expect(await index.searchCollaborative(query, { limit: 3 })).toEqual([]);
      clock += 1;
      before = fake.calls.length;
      expect(ids(await index.searchCollaborative(query, { limit: 3 }))).toEqual(['heat']);
      expect(ids(await index.searchCollaborative(query, { limit: 3 }))).toEqual(['heat']);
      expect(fake.calls.slice(before)).toEqual(['get_collection', 'query_points', 'query_points']);

      await index.replaceCollaborativeVectors([{ id: 'matrix', vector: Float32Array.from([0, 0, 1]) }]);
      before = fake.calls.length;
      expect(await index.collaborativeDimension()).toBe(3);
      expect(ids(await index.searchBatch([{ kind: 'collaborative', vector: Float32Array.from([0, 0, 1]), options: { limit: 3 } }]).then((lists) => lists[0]!))).toEqual(['matrix']);
      expect(fake.calls.slice(before)).toEqual(['query_batch_points']);
    });

    it('reads it on every collaborative request with QDRANT_INFO_TTL_MS=0, and always afresh before a write', async () => {
      const config = qdrantTestConfig(fake.url, { QDRANT_INFO_TTL_MS: '0' });
      const index = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS);
      const before = fake.calls.length;
      expect(await index.searchCollaborative(query, { limit: 3 })).toEqual([]);
      expect(await index.searchCollaborative(query, { limit: 3 })).toEqual([]);
      await index.upsert(FILMS.slice(0, 1));
      expect(fake.calls.slice(before)).toEqual(['get_collection', 'get_collection', 'get_collection', 'upsert_points']);
    });
  });

  describe('start-up', () => {
    it('creates the collection behind an alias once, with payload indexes, and reopens it', async () => {
      const config = qdrantTestConfig(fake.url, { QDRANT_QUANTIZATION: 'scalar', QDRANT_ON_DISK: 'true', QDRANT_HNSW_M: '32' });
      const first = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'model-a', log });
      await first.upsert(FILMS);
      const collections = fake.collectionNames().length;
      const again = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'model-b', log });
      expect(fake.collectionNames()).toHaveLength(collections);
      expect(await again.count()).toBe(6);
      expect(again.storedModelId).toBe('model-a');
      const client = new QdrantClient({ url: fake.url, checkCompatibility: false });
      const info = await client.getCollection(config.collection);
      expect(info.config.params.vectors).toEqual({ text: { size: 4, distance: 'Cosine', on_disk: true } });
      expect(info.config.params.sparse_vectors).toEqual({ bm25: { modifier: 'idf' } });
      expect(info.config.quantization_config).toEqual({ scalar: { type: 'int8' } });
      expect(info.config.hnsw_config.m).toBe(32);
      expect(Object.fromEntries(Object.entries(info.payload_schema).map(([field, schema]) => [field, schema?.data_type]))).toEqual({
        id: 'keyword',
        categories: 'keyword',
        tags: 'keyword',
        year: 'integer',
        createdAt: 'integer',
      });
      const { aliases } = await client.getAliases();
      expect(aliases.find((alias) => alias.alias_name === config.collection)?.collection_name).toMatch(new RegExp(`^${config.collection}-\\d+$`));
    });

    it('refuses a collection whose vectors do not have the embedder dimension', async () => {
      const config = qdrantTestConfig(fake.url);
      await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'model-a', log });
      await expect(QdrantCatalogIndex.open(config, { dimension: 8, modelId: 'model-b', log })).rejects.toThrow(
        /holds 4-dimensional text vectors, but the embedding model model-b makes 8; rebuild it with this model \(npm run reindex -- --reembed\)/,
      );
    });

    it('refuses a Qdrant server older than the client supports', async () => {
      fake.version = '1.9.2';
      try {
        await expect(QdrantCatalogIndex.open(qdrantTestConfig(fake.url), { dimension: 4, modelId: 'm', log })).rejects.toThrow(
          /is version 1\.9\.2; this gateway needs 1\.18\.0 or newer/,
        );
      } finally {
        fake.version = '1.18.0';
      }
    });
  });

  describe('point ids and payloads', () => {
    it('stores each item under the UUID v5 of its id, with the id in the payload', async () => {
      const config = qdrantTestConfig(fake.url);
      const index = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS.slice(0, 1));
      const client = new QdrantClient({ url: fake.url, checkCompatibility: false });
      const { points } = await client.scroll(config.collection, { with_payload: true, with_vector: false });
      // uuid v5 of "toy-story" in the gateway's namespace: fixed forever, or every stored point moves.
      expect(points).toEqual([{ id: '371a58c6-4976-5dc9-8ad2-1afb231a78f0', payload: FILMS[0]!.item }]);
    });
  });

  describe('writes', () => {
    it('sends one upsert call as one request that waits, whatever its size', async () => {
      const index = await QdrantCatalogIndex.open(qdrantTestConfig(fake.url), { dimension: 4, modelId: 'm', log });
      const many = Array.from({ length: 600 }, (_, i) => ({ item: { ...FILMS[0]!.item, id: `film-${i}` }, vector: FILMS[0]!.vector }));
      const before = fake.calls.length;
      await index.upsert(many);
      const upserts = fake.calls.flatMap((call, i) => (i >= before && call === 'upsert_points' ? [fake.queries[i]] : []));
      expect(upserts).toEqual(['?wait=true']);
      expect(await index.count()).toBe(600);
    });
  });

  describe('failures', () => {
    it('retries an idempotent read after a 503 and a timeout, then answers', async () => {
      const index = await QdrantCatalogIndex.open(qdrantTestConfig(fake.url, { QDRANT_RETRIES: '2', QDRANT_TIMEOUT_MS: '300' }), { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS);
      fake.failNext({ status: 503 });
      fake.failNext({ hang: true });
      logged.length = 0;
      expect(await index.count()).toBe(6);
      expect(logged).toEqual([
        expect.stringMatching(/^qdrant count failed \(attempt 1 of 3, retrying\): .*503/),
        expect.stringMatching(/^qdrant count failed \(attempt 2 of 3, retrying\): (AbortError|QdrantClientTimeoutError)/),
      ]);
    });

    it('gives up after the retries with BACKEND_UNAVAILABLE, the cause logged', async () => {
      const index = await QdrantCatalogIndex.open(qdrantTestConfig(fake.url, { QDRANT_RETRIES: '1' }), { dimension: 4, modelId: 'm', log });
      fake.failNext({ status: 502 }, 2);
      logged.length = 0;
      const failure = index.getItems(['heat']);
      await expect(failure).rejects.toBeInstanceOf(GatewayError);
      await expect(failure).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE', message: 'Qdrant is unavailable (retrieve)' });
      expect(logged).toHaveLength(2);
      expect(logged[1]).toMatch(/^qdrant retrieve failed \(attempt 2 of 2\): HTTP 502/);
      // The next request is served.
      expect(await index.getItems(['nope'])).toEqual([null]);
    });

    it('never retries a write: one attempt, BACKEND_UNAVAILABLE', async () => {
      const index = await QdrantCatalogIndex.open(qdrantTestConfig(fake.url, { QDRANT_RETRIES: '3' }), { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS);
      fake.failNext({ status: 503, operationId: 'delete_points' });
      const before = fake.calls.length;
      await expect(index.delete(['heat'])).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      fake.failNext({ status: 500, operationId: 'upsert_points' });
      await expect(index.upsert(FILMS.slice(0, 1))).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      // One delete_points and one upsert_points: neither was sent twice.
      expect(fake.calls.slice(before)).toEqual(['get_points', 'delete_points', 'get_collection', 'upsert_points']);
    });

    it('maps a refusal that is not about the caller\'s input (4xx) to BACKEND_UNAVAILABLE, the reason logged, not sent', async () => {
      const index = await QdrantCatalogIndex.open(qdrantTestConfig(fake.url), { dimension: 4, modelId: 'm', log });
      fake.failNext({ status: 400 });
      const before = logged.length;
      await expect(index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 3 })).rejects.toEqual(
        new GatewayError('BACKEND_UNAVAILABLE', 'Qdrant is unavailable (dense search)'),
      );
      expect(logged.slice(before)).toEqual(['qdrant dense search failed (attempt 1 of 3): HTTP 400 Error: Bad Request (injected failure 400)']);
    });

    it('reports a collection dropped under a running gateway as BACKEND_UNAVAILABLE, not as the caller\'s fault', async () => {
      const config = qdrantTestConfig(fake.url, { QDRANT_COLLECTION: 'dropped-items' });
      const index = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS);
      const client = new QdrantClient({ url: fake.url, checkCompatibility: false });
      const { aliases } = await client.getAliases();
      await client.deleteCollection(aliases.find((alias) => alias.alias_name === 'dropped-items')!.collection_name);
      const before = logged.length;
      await expect(index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 3 })).rejects.toEqual(
        new GatewayError('BACKEND_UNAVAILABLE', 'Qdrant is unavailable (dense search)'),
      );
      await expect(index.count()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      expect(logged[before]).toEqual("qdrant dense search failed (attempt 1 of 3): HTTP 404 Error: Not Found (Collection `dropped-items` doesn't exist!)");
    });

    it('reports BACKEND_UNAVAILABLE while the server is down (refused connections), and serves again when it is back', async () => {
      const index = await QdrantCatalogIndex.open(qdrantTestConfig(fake.url, { QDRANT_RETRIES: '1' }), { dimension: 4, modelId: 'm', log });
      await index.upsert(FILMS);
      await fake.stop();
      logged.length = 0;
      try {
        await expect(index.count()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
        // The first attempt may find a pooled connection that the stop closed; the retry is refused.
        expect(logged).toHaveLength(2);
        expect(logged[1]).toMatch(/^qdrant count failed \(attempt 2 of 2\): TypeError: fetch failed \(cause: connect ECONNREFUSED/);
      } finally {
        await fake.start();
      }
      expect(await index.count()).toBe(6);
    });
  });
});

const QDRANT_URL = process.env.QDRANT_URL;
if (!QDRANT_URL) console.warn('SKIPPED: QDRANT_URL is not set; the CatalogIndex behaviour suite runs against the fake Qdrant only, not a real server');
const withQdrant = QDRANT_URL ? describe : describe.skip;

withQdrant('QdrantCatalogIndex against a real Qdrant (QDRANT_URL)', () => {
  const created: string[] = [];
  afterAll(async () => {
    // Only this run's collections, made under unique aliases, are removed.
    const client = new QdrantClient({ url: QDRANT_URL!, checkCompatibility: false });
    const { aliases } = await client.getAliases();
    for (const alias of created) {
      const target = aliases.find((entry) => entry.alias_name === alias)?.collection_name;
      if (target) await client.deleteCollection(target);
    }
  });
  describeCatalogIndex('QdrantCatalogIndex (real Qdrant)', (dimension) => {
    const config = qdrantTestConfig(QDRANT_URL!, { QDRANT_COLLECTION: `gateway-test-${process.pid}-${Date.now()}-${created.length}` });
    created.push(config.collection);
    return QdrantCatalogIndex.open(config, { dimension, modelId: 'test-model' });
  });
});
