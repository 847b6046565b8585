import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import { backendUnavailable } from '../../src/domain/errors.js';
import { createGateway } from '../../src/pipeline/createGateway.js';
import type { Gateway } from '../../src/pipeline/gateway.js';
import { impressionOf } from '../../src/pipeline/impressionOf.js';
import type { FeatureStore } from '../../src/ports/featureStore.js';
import { parseRerankRules } from '../../src/reranking/parseRerankRules.js';
import type { RerankRules } from '../../src/reranking/rerankRules.js';
import { fixtureConfig, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

/**
 * Pins and the request's exclusions on the fixture: user 18 rated Shawshank (318), user 1 did
 * not. A pin never shows a seen item, adds nothing when the seen items are unknown, and a pin
 * that could not be placed for a reason the request did not ask for says so in `warnings`.
 */
describe('pinned items respect exclusions, and dropped pins warn', () => {
  let fixture: FixtureGateway;
  let up: Gateway;
  let down: Gateway;
  let rules: RerankRules;

  const recommend = (gateway: Gateway, userId: string) =>
    gateway.recommend({ userId, itemIds: [], filter: null, diversity: 0, offset: 0, first: 5 }, gateway.createScope());

  beforeAll(async () => {
    fixture = await startFixtureGateway();
    const config = fixtureConfig(fixture.dataDir);
    const rankers = loadRankerModels(config.ranking.modelPath);
    const failing = async () => {
      throw backendUnavailable('Redis feature store', new Error('Command timed out'));
    };
    const store = Object.assign(Object.create(fixture.app.stores.features) as FeatureStore, {
      getItemStats: failing,
      getUserProfiles: failing,
      popular: failing,
    });
    const deps = { catalog: fixture.app.stores.catalog, embedder: fixture.app.stores.embedder, rankers: () => rankers, ranking: config.ranking, rerankRules: () => rules };
    up = createGateway({ ...deps, features: fixture.app.stores.features });
    down = createGateway({ ...deps, features: store });
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  const pin318 = { kind: 'pin', name: 'promo', itemId: '318', position: 1, surfaces: ['recommend'] };

  it('shows the pin to a user who has not seen it, first', async () => {
    rules = parseRerankRules({ rules: [pin318] });
    const page = await recommend(up, '1');
    expect(page.items[0]!.itemId).toBe('318');
    expect(page.items[0]!.rerank.at(-1)!.detail).toBe('pinned to position 1 by rule "promo"');
    expect(page.warnings).toEqual([]);
    // The impression log marks it, so that training leaves the rule's placement out.
    const logged = impressionOf({ ...page, timings: {} }, 'recommendations', '1', 0).items;
    expect(logged.filter((item) => item.pinned).map((item) => [item.itemId, item.position])).toEqual([['318', 0]]);
    expect(logged.slice(1).every((item) => !('pinned' in item))).toBe(true);
  });

  it('never shows it to a user who has seen it (the request excludes seen items; no warning: that is what was asked)', async () => {
    rules = parseRerankRules({ rules: [pin318] });
    const page = await recommend(up, '18');
    expect(page.items).toHaveLength(5);
    expect(page.items.map((item) => item.itemId)).not.toContain('318');
    expect(page.warnings).toEqual([]);
  });

  it('with the feature store down the seen items are unknown: the pin adds nothing and the request is warned', async () => {
    rules = parseRerankRules({ rules: [pin318] });
    const page = await recommend(down, '18');
    // Before: one result, 318 with the PINNED source, though user 18 rated it.
    expect(page.items).toEqual([]);
    expect(page.warnings).toContain(
      'pin rule "promo" (item "318") dropped: the user\'s seen items are unknown, and the pinned item could be one of them',
    );
  });

  it('a pin of an item the catalog does not have, and one an exclude rule removes, each warn', async () => {
    rules = parseRerankRules({
      rules: [
        { kind: 'pin', name: 'gone', itemId: 'no-such-item', position: 2 },
        pin318,
        { kind: 'exclude', name: 'no-shawshank', filter: { must: [{ key: 'id', match: { value: '318' } }] } },
      ],
    });
    const page = await recommend(up, '1');
    expect(page.items.map((item) => item.itemId)).not.toContain('318');
    expect(page.warnings).toEqual([
      'pin rule "gone" (item "no-such-item") dropped: the catalog has no such item',
      'pin rule "promo" (item "318") dropped: an exclude rule removes its item',
    ]);
    const search = await up.search({ query: 'toy story', filter: null, userId: null, diversity: null, offset: 0, first: 3 }, up.createScope());
    expect(search.warnings).toEqual(['pin rule "gone" (item "no-such-item") dropped: the catalog has no such item']);
  });
});
