import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import { createGateway } from '../../src/pipeline/createGateway.js';
import type { Embedder } from '../../src/ports/embedder.js';
import type { FeatureStore } from '../../src/ports/featureStore.js';
import { createServer, type RunningServer } from '../../src/server/createServer.js';
import { fixtureConfig, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

/**
 * Fault injection around the real stores and model: the embedder and the item statistics fail
 * on demand, the way a crashed model worker or an unreachable feature store would.
 */
describe('a failing optional stage degrades the answer and says so', () => {
  let fixture: FixtureGateway;
  let server: RunningServer;
  const failing = { embedder: false, itemStats: false, userProfiles: false };
  const degraded: string[] = [];

  beforeAll(async () => {
    fixture = await startFixtureGateway();
    const { stores } = fixture.app;
    const embedder: Embedder = {
      modelId: stores.embedder.modelId,
      dimension: stores.embedder.dimension,
      embed: (texts) => (failing.embedder ? Promise.reject(new Error('model worker exited')) : stores.embedder.embed(texts)),
      close: () => Promise.resolve(),
    };
    const features: FeatureStore = Object.assign(Object.create(stores.features) as FeatureStore, {
      getItemStats: (ids: readonly string[]) =>
        failing.itemStats ? Promise.reject(new Error('connection refused')) : stores.features.getItemStats(ids),
      getUserProfiles: (ids: readonly string[]) =>
        failing.userProfiles ? Promise.reject(new Error('connection refused')) : stores.features.getUserProfiles(ids),
    });
    const config = fixtureConfig(fixture.dataDir);
    const rankers = loadRankerModels(config.ranking.modelPath);
    const gateway = createGateway({
      catalog: stores.catalog,
      features,
      embedder,
      rankers: () => rankers,
      ranking: config.ranking,
      onDegraded: (stage) => degraded.push(stage),
    });
    server = await createServer({ config, gateway, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await fixture?.stop();
  });

  async function search(userId?: string): Promise<any> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ search(query: "toy story", first: 3${userId ? `, userId: "${userId}"` : ''}) { edges { node { id } explanation { retrieval { source } features { name value } } } } }`,
      }),
    });
    return response.json();
  }

  it('answers from BM25 alone when the embedder fails', async () => {
    failing.embedder = true;
    const body = await search();
    failing.embedder = false;
    expect(body.errors).toBeUndefined();
    expect(body.extensions.warnings).toEqual(['embedder unavailable: dense retrieval skipped, results from BM25 only']);
    expect(body.data.search.edges.map((e: any) => e.node.id).sort()).toEqual(['1', '3114', '78499']);
    for (const edge of body.data.search.edges) {
      expect(edge.explanation.retrieval.map((h: any) => h.source)).toEqual(['LEXICAL']);
    }
    expect(degraded).toEqual(['embedding']);
  });

  it('ranks without item statistics when the feature store fails', async () => {
    failing.itemStats = true;
    const body = await search();
    failing.itemStats = false;
    expect(body.errors).toBeUndefined();
    expect(body.extensions.warnings).toEqual(['feature store unavailable: ranked without item statistics']);
    expect(body.data.search.edges).toHaveLength(3);
    for (const edge of body.data.search.edges) {
      const popularity = edge.explanation.features.find((f: any) => f.name === 'log_popularity');
      expect(popularity.value).toBe(0);
    }
  });

  it('answers a personalised search without personalisation when the user profile cannot be read', async () => {
    failing.userProfiles = true;
    const body = await search('1');
    failing.userProfiles = false;
    expect(body.errors).toBeUndefined();
    expect(body.extensions.warnings).toEqual(['feature store unavailable: results not personalised']);
    for (const edge of body.data.search.edges) {
      expect(edge.explanation.features.find((f: any) => f.name === 'category_affinity').value).toBe(0);
    }
    expect(degraded.at(-1)).toBe('user profile');
    const personalised = await search('1');
    expect(personalised.extensions?.warnings).toBeUndefined();
    expect(personalised.data.search.edges[0].explanation.features.find((f: any) => f.name === 'category_affinity').value).toBeGreaterThan(0);
  });

  it('has no warnings when every stage works', async () => {
    const body = await search();
    expect(body.extensions?.warnings).toBeUndefined();
    const popularity = body.data.search.edges[0].explanation.features.find((f: any) => f.name === 'log_popularity');
    expect(popularity.value).toBeGreaterThan(0);
  });
});
