import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { RedisFeatureStore } from '../../src/adapters/redis/redisFeatureStore.js';
import { startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';
import { HAS_REDIS_SERVER, PrivateRedis } from '../support/privateRedis.js';

if (!HAS_REDIS_SERVER) console.warn('SKIPPED: the Redis gateway e2e test starts a redis-server of its own, and none is on PATH');
const maybeDescribe = HAS_REDIS_SERVER ? describe : describe.skip;

const RECOMMEND = `query Rec($user: ID!) { recommendations(userId: $user, first: 10) {
  edges { node { id } explanation { retrieval { source } } } } }`;
const RECORD = `mutation Rec($events: [EventInput!]!) { recordEvents(events: $events) { acceptedCount results { index status reason } } }`;

/**
 * The real gateway in service mode: features and the event log in a redis-server of the test's
 * own (seeded with the fixture's ratings), which the test stops and starts again to see reads
 * degrade, writes fail loudly and the client reconnect by itself.
 */
maybeDescribe('gateway on Redis features', () => {
  let redis: PrivateRedis;
  let gateway: FixtureGateway;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    gateway = await startFixtureGateway({ env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'e2e:', REDIS_COMMAND_TIMEOUT_MS: '2000' } });
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await redis?.stop();
  });

  const store = () => gateway.app.stores.features as RedisFeatureStore;
  const recommend = async (user: string) => (await gateway.post({ query: RECOMMEND, variables: { user } })).body;

  it('holds the seeded event log and aggregates in Redis', async () => {
    expect(await store().count()).toBe(13_922);
    expect(await store().client.llen('e2e:v1:events')).toBe(13_922);
    const [toyStory] = await store().getItemStats(['1']);
    expect(toyStory!.ratingCount).toBeGreaterThan(0);
  });

  it('a recorded event changes the next recommendations at once', async () => {
    const before = await recommend('redis-user');
    expect(before.extensions?.warnings).toBeUndefined();
    const sourcesOf = (body: any) => new Set(body.data.recommendations.edges.flatMap((e: any) => e.explanation.retrieval.map((h: any) => h.source)));
    expect([...sourcesOf(before)]).toEqual(['POPULARITY']);
    const liked = before.data.recommendations.edges[0].node.id;
    const events = [{ id: 'redis-e1', type: 'RATING', userId: 'redis-user', itemId: liked, value: 5, timestamp: '2018-01-01T00:00:00Z' }];
    expect((await gateway.data(RECORD, { events })).recordEvents).toEqual({ acceptedCount: 1, results: [{ index: 0, status: 'ACCEPTED', reason: null }] });
    const after = await recommend('redis-user');
    const ids = after.data.recommendations.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(liked);
    expect(sourcesOf(after).has('PROFILE')).toBe(true);
    expect((await gateway.data(RECORD, { events })).recordEvents.results[0].status).toBe('DUPLICATE');
  });

  it('degrades reads and reports failed writes while Redis is down, and reconnects by itself', async () => {
    await redis.stop();
    // Profile and popularity both live in the store: a user-only request has nothing left to
    // retrieve from, and says why instead of failing.
    const userOnly = await recommend('redis-user');
    expect(userOnly.errors).toBeUndefined();
    expect(userOnly.data.recommendations.edges).toEqual([]);
    expect(userOnly.extensions.warnings).toEqual([
      'feature store unavailable: results not personalised',
      'feature store unavailable: popularity retrieval skipped',
      "feature store unavailable: no recommendations without the user's history or popularity; send itemIds to recommend from items",
    ]);
    const seeded = (await gateway.post({ query: '{ recommendations(userId: "redis-user", itemIds: ["1"], first: 5) { edges { node { id } } } }' })).body;
    expect(seeded.errors).toBeUndefined();
    expect(seeded.data.recommendations.edges).toHaveLength(5);
    expect(seeded.extensions.warnings).toEqual([
      'feature store unavailable: results not personalised',
      'feature store unavailable: popularity retrieval skipped',
      'feature store unavailable: ranked without item statistics',
    ]);

    const events = [
      { id: 'redis-e2', type: 'CLICK', userId: 'redis-user', itemId: '2', timestamp: '2018-01-02T00:00:00Z' },
      { id: 'redis-e3', type: 'CLICK', userId: 'redis-user', itemId: 'no-such-film', timestamp: '2018-01-02T00:00:00Z' },
    ];
    const failed = (await gateway.data(RECORD, { events })).recordEvents;
    expect(failed).toEqual({
      acceptedCount: 0,
      results: [
        {
          index: 0,
          status: 'FAILED',
          reason:
            'Redis feature store is unavailable: not recorded (nothing of the batch was); send the batch again with these eventIds as ids: ' +
            'whatever was recorded comes back DUPLICATE, the rest is recorded',
        },
        { index: 1, status: 'REJECTED', reason: 'unknown item id "no-such-film"' },
      ],
    });

    await redis.start();
    // The data were in memory only: the restarted server is empty, and the client finds it without help.
    for (let attempt = 0; attempt < 100 && !store().ready; attempt++) await new Promise((r) => setTimeout(r, 50));
    expect(store().ready).toBe(true);
    const retried = (await gateway.data(RECORD, { events })).recordEvents;
    expect(retried.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'REJECTED']);
    expect(await store().count()).toBe(1);
    expect((await recommend('redis-user')).extensions?.warnings).toBeUndefined();
  });

  it('answers reads while a write is held up (CLIENT PAUSE WRITE): reads and writes have a connection each', async () => {
    const admin = new Redis(redis.url);
    try {
      // Longer than REDIS_COMMAND_TIMEOUT_MS (2000): on one shared connection the reads would queue behind the write and time out.
      await admin.call('CLIENT', 'PAUSE', '3000', 'WRITE');
      const held = gateway.data(RECORD, { events: [{ id: 'held-e1', type: 'CLICK', userId: 'held-user', itemId: '2' }] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The server restarted empty in the test before: answered reads give zeros, failed ones errors and warnings.
      const read = (await gateway.post({ query: '{ item(id: "1") { title stats { ratingCount } } }' })).body;
      expect(read).toEqual({ data: { item: { title: 'Toy Story', stats: { ratingCount: 0 } } } });
      expect((await held).recordEvents.results[0].status).toBe('FAILED');
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      admin.disconnect();
    }
  }, 30_000);

  it('says a write sent to a paused server has an unknown outcome, and a resend with the returned id counts it once', async () => {
    const admin = new Redis(redis.url);
    try {
      // Longer than REDIS_COMMAND_TIMEOUT_MS (2000): the script runs when the pause ends, after the gateway gave up on it.
      await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
      const RECORD_IDS = `mutation Rec($events: [EventInput!]!) { recordEvents(events: $events) { results { eventId status reason } } }`;
      const purchase = { type: 'PURCHASE', userId: 'paused-user', itemId: '1' };
      const [failed] = (await gateway.data(RECORD_IDS, { events: [purchase] })).recordEvents.results;
      expect(failed.status).toBe('FAILED');
      expect(failed.reason).toBe(
        'Redis feature store is unavailable: the write was sent but not answered, so whether the batch was recorded is unknown (all of it or none); ' +
          'send the batch again with these eventIds as ids: whatever was recorded comes back DUPLICATE, the rest is recorded',
      );
      expect(failed.eventId).toMatch(/^[0-9a-f]{32}$/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Resent as advised, without the timestamp the server stamped: the same id and content, so no conflict.
      const [resent] = (await gateway.data(RECORD_IDS, { events: [{ ...purchase, id: failed.eventId }] })).recordEvents.results;
      expect(resent).toEqual({ eventId: failed.eventId, status: 'DUPLICATE', reason: null });
      expect((await gateway.data('{ user(id: "paused-user") { eventCount } }', {})).user).toEqual({ eventCount: 1 });
    } finally {
      admin.disconnect();
    }
  }, 30_000);

  it('starts while Redis is down, searching and saying what it lacks, with /health degraded naming the features; then connects when Redis comes up', async () => {
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'e2e:', REDIS_COMMAND_TIMEOUT_MS: '2000' };
    await gateway.stop({ keepData: true });
    await redis.stop();
    // The same data directory: its catalog is there, the features were in the stopped Redis.
    gateway = await startFixtureGateway({ dataDir: gateway.dataDir, env });
    const health = async () => {
      const response = await fetch(gateway.server.url.replace('/graphql', '/health'));
      return { status: response.status, body: await response.json() };
    };
    // Search still works without features: the instance stays in rotation, degraded.
    expect(await health()).toEqual({ status: 200, body: { status: 'degraded', unavailable: ['features'], itemCount: 300, backends: { catalog: 'ok', features: 'unavailable' } } });
    const search = (await gateway.post({ query: '{ search(query: "toy story", first: 3) { edges { node { title } } } }' })).body;
    expect(search.errors).toBeUndefined();
    expect(search.data.search.edges.map((e: any) => e.node.title).sort()).toEqual(['Toy Story', 'Toy Story 2', 'Toy Story 3']);
    expect(search.extensions.warnings).toEqual(['feature store unavailable: ranked without item statistics']);
    const userOnly = await recommend('redis-user');
    expect(userOnly.data.recommendations.edges).toEqual([]);
    expect(userOnly.extensions.warnings).toContain("feature store unavailable: no recommendations without the user's history or popularity; send itemIds to recommend from items");

    await redis.start();
    for (let attempt = 0; attempt < 100 && !store().ready; attempt++) await new Promise((r) => setTimeout(r, 50));
    expect(store().ready).toBe(true);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', itemCount: 300, backends: { catalog: 'ok', features: 'ok' } } });
    const events = [{ id: 'after-start-e1', type: 'CLICK', userId: 'late-user', itemId: '1' }];
    expect((await gateway.data(RECORD, { events })).recordEvents).toEqual({ acceptedCount: 1, results: [{ index: 0, status: 'ACCEPTED', reason: null }] });
    expect((await recommend('late-user')).extensions?.warnings).toBeUndefined();
  }, 60_000);
});
