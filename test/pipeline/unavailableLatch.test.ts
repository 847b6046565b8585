import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import { backendUnavailable } from '../../src/domain/errors.js';
import { createGateway } from '../../src/pipeline/createGateway.js';
import type { Gateway } from '../../src/pipeline/gateway.js';
import { UnavailableLatch } from '../../src/pipeline/unavailableLatch.js';
import type { FeatureStore } from '../../src/ports/featureStore.js';
import type { ImpressionLog } from '../../src/ports/impressionLog.js';
import { fixtureConfig, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

describe('UnavailableLatch', () => {
  it('after a BACKEND_UNAVAILABLE, fails the later calls at once with the same error; other errors do not latch', async () => {
    const latch = new UnavailableLatch();
    const calls: string[] = [];
    const call = (name: string, outcome: () => Promise<string>) => latch.run(() => (calls.push(name), outcome()));
    await expect(call('bug', () => Promise.reject(new TypeError('a bug')))).rejects.toThrow('a bug');
    expect(await call('fine', async () => 'answer')).toBe('answer');
    const down = backendUnavailable('Redis feature store', new Error('Command timed out'));
    await expect(call('timed out', () => Promise.reject(down))).rejects.toBe(down);
    await expect(call('skipped', async () => 'never asked')).rejects.toBe(down);
    expect(calls).toEqual(['bug', 'fine', 'timed out']);
    // A new request's latch asks again.
    expect(await new UnavailableLatch().run(async () => 'asked')).toBe('asked');
  });
});

/**
 * A feature store (and impression log in it) that is down, each call recorded: one request
 * waits for one failed call, not one per stage (each would wait out REDIS_COMMAND_TIMEOUT_MS).
 */
describe('a request stops asking a feature store that one of its calls found unavailable', () => {
  let fixture: FixtureGateway;
  let gateway: Gateway;
  const calls: string[] = [];

  beforeAll(async () => {
    fixture = await startFixtureGateway();
    const down = (name: string) => async () => {
      calls.push(name);
      throw backendUnavailable('Redis feature store', new Error('Command timed out'));
    };
    const store = Object.assign(Object.create(fixture.app.stores.features) as FeatureStore & ImpressionLog, {
      getItemStats: down('getItemStats'),
      getUserProfiles: down('getUserProfiles'),
      popular: down('popular'),
      logImpression: down('logImpression'),
    });
    const config = fixtureConfig(fixture.dataDir);
    const rankers = loadRankerModels(config.ranking.modelPath);
    gateway = createGateway({
      catalog: fixture.app.stores.catalog,
      features: store,
      embedder: fixture.app.stores.embedder,
      rankers: () => rankers,
      ranking: config.ranking,
      impressions: { log: store, sampleRate: 1 },
    });
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('search: one item-statistics read, no impression write', async () => {
    calls.length = 0;
    const page = await gateway.search({ query: 'toy story', filter: null, userId: null, diversity: null, offset: 0, first: 3 }, gateway.createScope());
    expect(page.items).toHaveLength(3);
    expect(page.warnings).toEqual(['feature store unavailable: ranked without item statistics', 'impression log unavailable: this result list was not logged']);
    expect(calls).toEqual(['getItemStats']);
  });

  it('recommendations: one profile read, no popularity read; the next request asks again', async () => {
    calls.length = 0;
    const request = { userId: '1', itemIds: [], filter: null, diversity: 0, offset: 0, first: 5 };
    const page = await gateway.recommend(request, gateway.createScope());
    expect(page.items).toEqual([]);
    expect(calls).toEqual(['getUserProfiles']);
    await gateway.recommend(request, gateway.createScope());
    expect(calls).toEqual(['getUserProfiles', 'getUserProfiles']);
  });
});
