import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGateway } from '../../src/pipeline/createGateway.js';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import { createServer, type RunningServer } from '../../src/server/createServer.js';
import type { FeatureStore } from '../../src/ports/featureStore.js';
import type { CatalogIndex } from '../../src/ports/catalogIndex.js';
import { startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

type Calls = Record<string, number>;

/** Counts every call into a store, by method, as the pipeline makes them. */
function counting<T extends object>(target: T, calls: Calls): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(key)] = (calls[String(key)] ?? 0) + 1;
        return value.apply(object, args);
      };
    },
  });
}

describe('feature fetch is one batched call per store and method, whatever the page size', () => {
  let fixture: FixtureGateway;
  let server: RunningServer;
  const catalogCalls: Calls = {};
  const featureCalls: Calls = {};

  beforeAll(async () => {
    fixture = await startFixtureGateway();
    const { stores } = fixture.app;
    const config = (await import('../support/fixtureGateway.js')).fixtureConfig(fixture.dataDir);
    const rankers = loadRankerModels(config.ranking.modelPath);
    const gateway = createGateway({
      catalog: counting<CatalogIndex>(stores.catalog, catalogCalls),
      features: counting<FeatureStore>(stores.features, featureCalls),
      embedder: stores.embedder,
      rankers: () => rankers,
      ranking: config.ranking,
    });
    server = await createServer({ config, gateway, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await fixture?.stop();
  });

  async function run(query: string): Promise<{ catalog: Calls; features: Calls; edges: number }> {
    for (const calls of [catalogCalls, featureCalls]) for (const key of Object.keys(calls)) delete calls[key];
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    const connection = Object.values(body.data)[0] as { edges: unknown[] };
    return { catalog: { ...catalogCalls }, features: { ...featureCalls }, edges: connection.edges.length };
  }

  it.each([1, 10, 100])('search with first: %i', async (first) => {
    const result = await run(`{ search(query: "toy story", first: ${first}) { edges { node { id title stats { ratingCount } } score } } }`);
    expect(result.edges).toBe(first);
    // Retrieval (a dense and a lexical search in one batch), then the feature fetch: one batch each for
    // payloads and item statistics — the resolvers' node and stats fields reuse them. No item
    // vectors: without a user profile or diversity nothing compares them.
    expect(result.catalog).toEqual({ searchBatch: 1, getItems: 1 });
    expect(result.features).toEqual({ getItemStats: 1 });
  });

  it.each([1, 10, 100])('search for a user with diversity, first: %i', async (first) => {
    const result = await run(`{ search(query: "toy story", userId: "1", diversity: 0.3, first: ${first}) { edges { node { id } } } }`);
    expect(result.edges).toBe(first);
    // The user's recent positives (profile vector), then one batch of candidate vectors.
    expect(result.catalog).toEqual({ searchBatch: 1, getItems: 1, getVectors: 2 });
    expect(result.features).toEqual({ getUserProfiles: 1, getItemStats: 1 });
  });

  it.each([1, 10, 100])('recommendations with first: %i', async (first) => {
    const result = await run(`{ recommendations(userId: "1", first: ${first}) { edges { node { id stats { ratingCount } } } } }`);
    expect(result.edges).toBe(first);
    // The profile (one call), popularity (one page, no filter), one batch of item statistics.
    expect(result.features).toEqual({ getUserProfiles: 1, popular: 1, getItemStats: 1 });
    // Vectors: the user's recent positives (profile and anchors, one batch), then the candidates.
    // Collaborative: the same recent positives' item2vec vectors (one batch). The searches (the
    // profile, three anchors, the collaborative profile) go as one batch.
    expect(result.catalog).toEqual({ getItems: 1, getVectors: 2, searchBatch: 1, getCollaborativeVectors: 1 });
  });

  it.each([1, 10, 100])('similar items with first: %i', async (first) => {
    const result = await run(`{ similarItems(itemId: "1", first: ${first}) { edges { node { id stats { ratingCount } } } } }`);
    expect(result.edges).toBe(first);
    // The item and its collaborative vector (one batch each), then one batch: a recommend query
    // by the item's id in each space (so its text vector is never fetched) and a lexical one;
    // then one batch of payloads and of statistics for the candidates.
    // It has a collaborative vector, so popularity is not asked.
    expect(result.catalog).toEqual({ getItems: 2, getCollaborativeVectors: 1, searchBatch: 1 });
    expect(result.features).toEqual({ getItemStats: 1 });
  });
});
