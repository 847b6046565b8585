import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { QdrantClient } from '@qdrant/js-client-rest';
import { QdrantCatalogIndex } from '../../src/adapters/qdrant/qdrantCatalogIndex.js';
import { reindexQdrant } from '../../src/adapters/qdrant/reindexQdrant.js';
import { SqliteCatalogIndex } from '../../src/adapters/sqlite/sqliteCatalogIndex.js';
import type { Embedder } from '../../src/ports/embedder.js';
import { FakeQdrantServer } from '../support/qdrant/fakeQdrantServer.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { OpenApiContract } from '../support/qdrant/openApiContract.js';
import { qdrantTestConfig } from '../support/qdrant/qdrantTestConfig.js';
import { FILMS } from './support/catalogFixture.js';

const withSpec = describeWithQdrantSpec('reindexing is not tested');

withSpec('reindexQdrant: a new collection, then the alias switches', () => {
  let fake: FakeQdrantServer;
  let client: QdrantClient;
  const log = () => {};

  beforeAll(async () => {
    fake = await new FakeQdrantServer(OpenApiContract.load()).start();
    client = new QdrantClient({ url: fake.url, checkCompatibility: false });
  });
  afterAll(async () => {
    await fake.stop();
  });
  afterEach(() => {
    expect(fake.violations).toEqual([]);
  });

  async function embeddedCatalog(): Promise<SqliteCatalogIndex> {
    const embedded = SqliteCatalogIndex.open(':memory:', { dimension: 4, modelId: 'model-a' });
    await embedded.upsert(FILMS);
    await embedded.replaceCollaborativeVectors([
      { id: 'toy-story', vector: Float32Array.from([1, 0]) },
      { id: 'heat', vector: Float32Array.from([0, 1]) },
    ]);
    return embedded;
  }

  const target = async (alias: string) => (await client.getAliases()).aliases.find((a) => a.alias_name === alias)?.collection_name ?? null;

  it('copies the embedded catalog into Qdrant, then rebuilds from Qdrant itself with new settings while a reader keeps reading', async () => {
    const config = qdrantTestConfig(fake.url);
    const embedded = await embeddedCatalog();
    const progress: [number, number][] = [];
    const first = await reindexQdrant(config, { source: embedded, sourceModelId: 'model-a', onProgress: (done, total) => progress.push([done, total]), log });
    expect(first).toEqual({ collection: await target(config.collection), previous: null, items: 6, collaborativeVectors: 2 });
    expect(progress).toEqual([[6, 6]]);

    const reader = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'model-a', log });
    const before = await reader.searchLexical('story', { limit: 4 });
    expect(await reader.getCollaborativeVectors(['toy-story', 'matrix'])).toEqual([Float32Array.from([1, 0]), null]);

    const rebuilt = { ...config, quantization: 'binary' as const };
    const second = await reindexQdrant(rebuilt, { source: reader, sourceModelId: reader.storedModelId, log });
    expect(second.previous).toBe(first.collection);
    expect(await target(config.collection)).toBe(second.collection);
    // The previous collection is gone, and the reader, on the alias, sees the same catalog in the new one.
    expect(fake.collectionNames()).not.toContain(first.collection);
    expect((await client.getCollection(config.collection)).config.quantization_config).toEqual({ binary: {} });
    expect(await reader.count()).toBe(6);
    expect(await reader.searchLexical('story', { limit: 4 })).toEqual(before);
    expect(await reader.getItems(['heat'])).toEqual([FILMS[3]!.item]);
    expect(await reader.getCollaborativeVectors(['heat'])).toEqual([Float32Array.from([0, 1])]);
  });

  it('re-embeds every item with another model, making a collection of its dimension', async () => {
    const config = qdrantTestConfig(fake.url);
    const calls: number[] = [];
    const embedder: Embedder = {
      modelId: 'model-b',
      dimension: 2,
      async embed(texts) {
        calls.push(texts.length);
        return texts.map((text) => Float32Array.from([text.includes('Toy') ? 1 : 0, text.includes('Toy') ? 0 : 1]));
      },
      async close() {},
    };
    await reindexQdrant(config, { source: await embeddedCatalog(), sourceModelId: 'model-a', reembed: embedder, log });
    expect(calls).toEqual([6]);
    const reopened = await QdrantCatalogIndex.open(config, { dimension: 2, modelId: 'model-b', log });
    expect(reopened.storedModelId).toBe('model-b');
    const hits = await reopened.searchDense(Float32Array.from([1, 0]), { limit: 2 });
    expect(hits.map((hit) => hit.id)).toEqual(['toy-story', 'toy-story-2']);
  });

  it('leaves the alias and the serving collection untouched when a write fails, and drops the half-built one', async () => {
    const config = qdrantTestConfig(fake.url);
    const first = await reindexQdrant(config, { source: await embeddedCatalog(), sourceModelId: 'model-a', log });
    const collections = fake.collectionNames();
    fake.failNext({ status: 500, operationId: 'upsert_points' });
    await expect(reindexQdrant(config, { source: await embeddedCatalog(), sourceModelId: 'model-a', log })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(await target(config.collection)).toBe(first.collection);
    expect(fake.collectionNames()).toEqual(collections);
  });
});
