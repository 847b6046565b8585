import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeQdrantServer } from '../support/qdrant/fakeQdrantServer.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { OpenApiContract } from '../support/qdrant/openApiContract.js';
import { startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

const withSpec = describeWithQdrantSpec('the service-mode end-to-end test needs it for the fake Qdrant');

/**
 * The whole gateway in service mode (QDRANT_URL set): the MovieLens fixture seeded into a
 * Qdrant collection (the spec-validating fake, over HTTP), item2vec vectors stored as the
 * collaborative named vector, GraphQL answered from it; and /health following the backend
 * down and back up.
 */
const RECORD = `mutation Rec($events: [EventInput!]!) { recordEvents(events: $events) { acceptedCount results { index eventId status reason } } }`;
const EVENTS = [
  { id: 'qdrant-down-e1', type: 'CLICK', userId: 'qdrant-down-user', itemId: '1' },
  { id: 'qdrant-down-e2', type: 'RATING', userId: 'qdrant-down-user', itemId: '2', value: 4 },
  { id: 'qdrant-down-e3', type: 'RATING', userId: 'qdrant-down-user', itemId: '2' },
];
const NOT_LOOKED_UP =
  'Qdrant is unavailable (retrieve): not recorded (nothing of the batch was: its items could not be looked up); ' +
  'send the batch again with these eventIds as ids: whatever was recorded comes back DUPLICATE, the rest is recorded';
/** Per-event answers while the catalog cannot be read: the valid events FAILED with their ids, the invalid one REJECTED as ever. */
const FAILED_EVENTS = {
  acceptedCount: 0,
  results: [
    { index: 0, eventId: 'qdrant-down-e1', status: 'FAILED', reason: NOT_LOOKED_UP },
    { index: 1, eventId: 'qdrant-down-e2', status: 'FAILED', reason: NOT_LOOKED_UP },
    { index: 2, eventId: 'qdrant-down-e3', status: 'REJECTED', reason: 'value is required on rating events' },
  ],
};

withSpec('the gateway in service mode on the fake Qdrant', () => {
  let fake: FakeQdrantServer;
  let gateway: FixtureGateway;
  let health: () => Promise<{ status: number; body: unknown }>;

  beforeAll(async () => {
    fake = await new FakeQdrantServer(OpenApiContract.load()).start();
    // The longest layout TTL, so that the counted round trips do not depend on how slow the machine is.
    gateway = await startFixtureGateway({
      env: {
        QDRANT_URL: fake.url,
        QDRANT_COLLECTION: `e2e-${process.pid}`,
        QDRANT_RETRIES: '1',
        QDRANT_RETRY_DELAY_MS: '1',
        QDRANT_INFO_TTL_MS: '600000',
        // Budgets far under Jest's timeout: a test on a hung Qdrant ends only because they hold.
        QDRANT_TIMEOUT_MS: '30000',
        QDRANT_READ_BUDGET_MS: '400',
        HEALTH_TIMEOUT_MS: '300',
      },
    });
    const url = gateway.server.url.replace('/graphql', '/health');
    health = async () => {
      const response = await fetch(url);
      return { status: response.status, body: await response.json() };
    };
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await fake?.stop();
  });

  it('seeded the catalog into Qdrant, every request following the spec', async () => {
    expect(fake.violations).toEqual([]);
    expect(await gateway.app.stores.catalog.count()).toBe(300);
    expect(await gateway.app.stores.catalog.collaborativeDimension()).toEqual(expect.any(Number));
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', itemCount: 300, backends: { catalog: 'ok', features: 'ok' } } });
  });

  it('search("toy story") returns the three Toy Story films first, found by BM25 and dense retrieval', async () => {
    const data = await gateway.data(`{ search(query: "toy story", first: 5) { edges { node { id title } explanation { retrieval { source } } } } }`);
    const edges = data.search.edges;
    expect(edges.slice(0, 3).map((e: any) => e.node.title).sort()).toEqual(['Toy Story', 'Toy Story 2', 'Toy Story 3']);
    expect(edges[0].explanation.retrieval.map((r: any) => r.source).sort()).toEqual(['DENSE', 'LEXICAL']);
    expect(fake.violations).toEqual([]);
  });

  it('costs two round trips to Qdrant per search: one batch query for both sources, one retrieve of payloads', async () => {
    const before = fake.calls.length;
    await gateway.data(`{ search(query: "heat", first: 10) { edges { node { id title } } } }`);
    expect(fake.calls.slice(before)).toEqual(['query_batch_points', 'get_points']);
  });

  it('batches the retrieval of similarItems and recommendations into one query each', async () => {
    const counts = (calls: string[]) => Object.fromEntries([...new Set(calls)].sort().map((call) => [call, calls.filter((c) => c === call).length]));
    let before = fake.calls.length;
    await gateway.data(`{ similarItems(itemId: "1", first: 10) { edges { node { id } } } }`);
    // The item and its collaborative vector, one batch query for the three sources (recommend
    // queries by the item's id: its text vector never leaves Qdrant), the candidates' payloads.
    // The collection's layout is remembered (QDRANT_INFO_TTL_MS): no get_collection.
    expect(counts(fake.calls.slice(before))).toEqual({ get_points: 3, query_batch_points: 1 });
    before = fake.calls.length;
    await gateway.data(`{ recommendations(userId: "1", first: 10) { edges { node { id } } } }`);
    // Recent items' text and collaborative vectors, one batch query for profile, anchors and
    // the collaborative profile, then the candidates' payloads and vectors.
    expect(counts(fake.calls.slice(before))).toEqual({ get_points: 4, query_batch_points: 1 });
  });

  it('applies filters inside Qdrant retrieval', async () => {
    const data = await gateway.data(`{
      search(query: "story", first: 20, filter: { must: [{ field: CATEGORY, match: { value: "Animation" } }], mustNot: [{ field: YEAR, range: { lt: 1995 } }] }) {
        edges { node { id categories year } }
      }
    }`);
    const nodes = data.search.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes) {
      expect(node.categories).toContain('Animation');
      expect(node.year).toBeGreaterThanOrEqual(1995);
    }
    expect(fake.violations).toEqual([]);
  });

  it('similarItems of Toy Story uses the collaborative vectors stored in Qdrant', async () => {
    const data = await gateway.data(`{ similarItems(itemId: "1", first: 5) { edges { node { id } explanation { retrieval { source } } } } }`);
    const sources = data.similarItems.edges.flatMap((e: any) => e.explanation.retrieval.map((r: any) => r.source));
    expect(sources).toContain('COLLABORATIVE');
    expect(data.similarItems.edges.map((e: any) => e.node.id).slice(0, 2).sort()).toEqual(['3114', '78499']);
  });

  it('reports the backend down on /health and as BACKEND_UNAVAILABLE, keeps serving, and recovers when Qdrant returns', async () => {
    await fake.stop();
    try {
      expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', unavailable: ['catalog'], backends: { catalog: 'unavailable', features: 'ok' } } });
      const { status, body } = await gateway.post({ query: '{ item(id: "1") { title } }' });
      expect(status).toBe(200);
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['BACKEND_UNAVAILABLE']);
      expect((await gateway.data(RECORD, { events: EVENTS })).recordEvents).toEqual(FAILED_EVENTS);
    } finally {
      await fake.start();
    }
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', itemCount: 300, backends: { catalog: 'ok', features: 'ok' } } });
    expect(await gateway.data('{ item(id: "1") { title } }')).toEqual({ item: { title: 'Toy Story' } });
  });

  it('answers /health, a search and recordEvents within their budgets while Qdrant hangs', async () => {
    fake.failNext({ hang: true }, 1000);
    try {
      expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', unavailable: ['catalog'], backends: { catalog: 'unavailable', features: 'ok' } } });
      const { body } = await gateway.post({ query: '{ search(query: "heat", first: 3) { edges { node { id } } } }' });
      expect(body.errors.map((e: any) => [e.message, e.extensions.code])).toEqual([['Qdrant is unavailable (batch search)', 'BACKEND_UNAVAILABLE']]);
      expect((await gateway.data(RECORD, { events: EVENTS })).recordEvents).toEqual(FAILED_EVENTS);
    } finally {
      fake.clearFailures();
    }
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', itemCount: 300, backends: { catalog: 'ok', features: 'ok' } } });
  }, 20_000);
});
