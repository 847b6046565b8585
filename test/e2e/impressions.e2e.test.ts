import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

const RECOMMEND = `{ recommendations(userId: "1", first: 5, after: null) { requestId
  edges { node { id } score explanation { features { name value } } } } }`;

/** Every list logged (IMPRESSION_SAMPLE_RATE=1): what was shown can be joined to the clicks on it. */
describe('impression log', () => {
  let gateway: FixtureGateway;

  beforeAll(async () => {
    gateway = await startFixtureGateway({ env: { IMPRESSION_SAMPLE_RATE: '1' } });
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('logs the served list with positions, scores and the feature values used, and a click joins it', async () => {
    const { recommendations } = await gateway.data(RECOMMEND);
    const [logged] = await gateway.app.stores.features.getImpressions([recommendations.requestId]);
    expect(logged).toMatchObject({ requestId: recommendations.requestId, surface: 'recommendations', userId: '1' });
    expect(logged!.items).toEqual(
      recommendations.edges.map((edge: any, position: number) => ({
        itemId: edge.node.id,
        position,
        score: edge.score,
        features: Object.fromEntries(edge.explanation.features.map((f: any) => [f.name, f.value])),
      })),
    );
    expect(Object.keys(logged!.items[0]!.features)).toContain('smoothed_ctr');

    const clicked = recommendations.edges[2].node.id;
    const { recordEvents } = await gateway.data(
      `mutation ($events: [EventInput!]!) { recordEvents(events: $events) { acceptedCount } }`,
      { events: [{ id: 'imp-click', type: 'CLICK', userId: '1', itemId: clicked, requestId: recommendations.requestId }] },
    );
    expect(recordEvents.acceptedCount).toBe(1);
    const events = [];
    for await (const event of gateway.app.stores.features.scan()) if (event.id === 'imp-click') events.push(event);
    const [shown] = await gateway.app.stores.features.getImpressions(events.map((event) => event.requestId!));
    expect(shown!.items.find((item) => item.itemId === clicked)!.position).toBe(2);
  });

  it('logs search and similar items too, each under its own request id', async () => {
    const { search } = await gateway.data('{ search(query: "toy story", first: 3) { requestId totalCount } }');
    const { similarItems } = await gateway.data('{ similarItems(itemId: "1", first: 3) { requestId } }');
    const logged = await gateway.app.stores.features.getImpressions([search.requestId, similarItems.requestId]);
    expect(logged.map((entry) => [entry?.surface, entry?.items.length])).toEqual([
      ['search', 3],
      ['similar_items', 3],
    ]);
  });
});
