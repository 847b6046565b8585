import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backendUnavailable } from '../../src/domain/errors.js';
import { startHarness, type Harness } from '../support/graphqlHarness.js';

describe('item, items and user', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  it('returns an item with its stats; eventCount sums every event type and ratingMean is the mean', async () => {
    const result = await harness.run(
      '{ item(id: "1") { id title text categories tags year createdAt stats { ratingCount ratingMean positiveUsers eventCount lastEventAt } } }',
    );
    expect(result).toEqual({
      data: {
        item: {
          id: '1',
          title: 'Toy Story',
          text: '',
          categories: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
          tags: ['pixar'],
          year: 1995,
          createdAt: '2024-01-01T00:00:00.000Z',
          stats: { ratingCount: 3, ratingMean: 13 / 3, positiveUsers: 3, eventCount: 5, lastEventAt: '2024-05-01T12:00:00.000Z' },
        },
      },
    });
  });

  it('gives zero stats to an item nobody touched', async () => {
    const result = await harness.run('{ item(id: "2") { stats { ratingCount ratingMean positiveUsers eventCount lastEventAt } } }');
    expect(result.data).toEqual({ item: { stats: { ratingCount: 0, ratingMean: null, positiveUsers: 0, eventCount: 0, lastEventAt: null } } });
  });

  it('answers null for an unknown item, without an error', async () => {
    expect(await harness.run('{ item(id: "no-such-item") { id title } }')).toEqual({ data: { item: null } });
  });

  it('returns items in the order asked, null where unknown, in one loader batch', async () => {
    const before = harness.gateway.batches.items.length;
    const result = await harness.run('{ items(ids: ["296", "nope", "1", "296"]) { id title } }');
    expect(result).toEqual({
      data: { items: [{ id: '296', title: 'Pulp Fiction' }, null, { id: '1', title: 'Toy Story' }, { id: '296', title: 'Pulp Fiction' }] },
    });
    expect(harness.gateway.batches.items.slice(before)).toEqual([['296', 'nope', '1']]);
  });

  it('returns a user from the profile: counts, mean rating, recent items once each, top categories', async () => {
    const result = await harness.run(`{
      user(id: "7") {
        id eventCount positiveCount ratingMean
        recentItems { id title }
        topCategories(first: 2) { category weight }
      }
    }`);
    expect(result).toEqual({
      data: {
        user: {
          id: '7',
          eventCount: 4,
          positiveCount: 3,
          ratingMean: 4.5,
          recentItems: [{ id: '3114', title: 'Toy Story 2' }, { id: '1', title: 'Toy Story' }],
          topCategories: [{ category: 'Animation', weight: 0.4 }, { category: 'Children', weight: 0.4 }],
        },
      },
    });
  });

  it('limits recentItems with first', async () => {
    const result = await harness.run('{ user(id: "7") { recentItems(first: 1) { id } } }');
    expect(result.data).toEqual({ user: { recentItems: [{ id: '3114' }] } });
  });

  it('with the catalog down, answers what the feature store knows of a user, recentItems null with BACKEND_UNAVAILABLE at its path', async () => {
    harness.gateway.catalogFailure = backendUnavailable('catalog', new Error('ECONNREFUSED 127.0.0.1:6333'));
    try {
      const result = await harness.run('{ user(id: "7") { eventCount positiveCount recentItems { id } topCategories(first: 1) { category } } }');
      expect(result).toEqual({
        data: { user: { eventCount: 4, positiveCount: 3, recentItems: null, topCategories: [{ category: 'Animation' }] } },
        errors: [
          {
            message: 'catalog is unavailable',
            locations: [{ line: 1, column: 44 }],
            path: ['user', 'recentItems'],
            extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'catalog' },
          },
        ],
      });
    } finally {
      harness.gateway.catalogFailure = null;
    }
  });

  it('answers null for a user with no recorded event', async () => {
    expect(await harness.run('{ user(id: "nobody") { id } }')).toEqual({ data: { user: null } });
  });

  it('passes NOT_FOUND from the gateway for similarItems of an unknown item, naming itemId', async () => {
    const result = await harness.run('{ similarItems(itemId: "404") { totalCount } }');
    expect(result.data).toEqual({ similarItems: null });
    expect(result.errors).toEqual([
      { message: 'no item has id "404"', locations: [{ line: 1, column: 3 }], path: ['similarItems'], extensions: { code: 'NOT_FOUND', argument: 'itemId' } },
    ]);
  });

  it('returns similar items with RetrievalSource ITEM_SIMILARITY', async () => {
    const result = await harness.run('{ similarItems(itemId: "260", first: 1) { totalCount edges { node { id } explanation { retrieval { source score rank } } } } }');
    expect(result.data).toEqual({
      similarItems: { totalCount: 5, edges: [{ node: { id: '1196' }, explanation: { retrieval: [{ source: 'ITEM_SIMILARITY', score: 3, rank: 1 }] } }] },
    });
  });

  it('recommends for a user, maps the request and leaves seen items out', async () => {
    const result = await harness.run('{ recommendations(userId: "7", itemIds: ["2"], first: 2, diversity: 0) { edges { rank node { id } } } }');
    expect(harness.gateway.calls.at(-1)).toEqual({
      method: 'recommend',
      request: { userId: '7', itemIds: ['2'], filter: null, diversity: 0, first: 2, offset: 0 },
    });
    expect(result.data).toEqual({ recommendations: { edges: [{ rank: 1, node: { id: '1196' } }, { rank: 2, node: { id: '2355' } }] } });
  });
});
