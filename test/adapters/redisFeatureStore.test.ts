import { describe, expect, it } from '@jest/globals';
import { event, EVENTS, ITEMS } from './support/eventFixture.js';
import { describeFeatureStore } from './featureStoreBehaviour.js';
import { openTestRedisStore, REDIS_URL, warnRedisSkipped } from '../support/redisTestStores.js';
import type { RedisFeatureStore } from '../../src/adapters/redis/redisFeatureStore.js';

warnRedisSkipped('RedisFeatureStore behaviour');
const maybeDescribe = REDIS_URL ? describe : describe.skip;

// Pages of 2: the scans cross page boundaries, ties included.
if (REDIS_URL) describeFeatureStore('RedisFeatureStore', () => openTestRedisStore({ scanPageSize: 2 }));

/** Counts writes on the store's sockets (reads and writes): ioredis writes a pipeline or a command in one write, so writes = round trips. */
function countRoundTrips(store: RedisFeatureStore): { readonly count: number; reset(): void } {
  let count = 0;
  for (const connection of [store.client, store.writer]) {
    const socket = (connection as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
    const write = socket.write.bind(socket);
    socket.write = (...args: unknown[]) => {
      count++;
      return write(...args);
    };
  }
  return {
    get count() {
      return count;
    },
    reset: () => (count = 0),
  };
}

maybeDescribe('RedisFeatureStore round trips and keys', () => {
  it('reads any number of ids in one round trip per call, and writes a batch in one', async () => {
    const store = await openTestRedisStore();
    try {
      const many = Array.from({ length: 400 }, (_, i) => event(`b${i}`, `user${i % 40}`, `item${i % 200}`, 'click', i));
      const trips = countRoundTrips(store);
      await store.applyEvents(many, ITEMS);
      expect(trips.count).toBe(1);
      const itemIds = Array.from({ length: 200 }, (_, i) => `item${i}`);
      const userIds = Array.from({ length: 60 }, (_, i) => `user${i}`);
      for (const [work, trips1] of [
        [() => store.getItemStats(itemIds), 1],
        [() => store.getUserProfiles(userIds), 1],
        [() => store.popular(100, 20), 1],
        [() => store.forgetItems(itemIds.slice(0, 50)), 1],
      ] as const) {
        trips.reset();
        await work();
        expect(trips.count).toBe(trips1);
      }
      const stats = await store.getItemStats(itemIds);
      expect(stats.filter((s) => s !== null)).toHaveLength(150);
      const profiles = await store.getUserProfiles(userIds);
      expect(profiles.filter((p) => p !== null)).toHaveLength(40);
      expect(profiles[0]!.positiveCount).toBe(10);
    } finally {
      await store.close();
    }
  });

  it('keeps every key under its versioned prefix, with a TTL on user keys only', async () => {
    const keyPrefix = `test:issue6:${process.pid}:keys:${Date.now()}:`;
    const store = await openTestRedisStore({ keyPrefix, userTtlSeconds: 3600 });
    try {
      await store.applyEvents(EVENTS, ITEMS);
      const keys = (await store.client.keys(`${keyPrefix}*`)).map((key) => key.slice(keyPrefix.length)).sort();
      expect(keys.every((key) => key.startsWith('v1:'))).toBe(true);
      expect(keys).toContain('v1:events');
      expect(keys).toContain('v1:user:u1');
      const ttl = async (key: string) => store.client.ttl(`${keyPrefix}${key}`);
      await store.logImpression({ requestId: 'r1', surface: 'search', userId: null, timestamp: 0, modelVersion: 'm', items: [] });
      for (const key of ['v1:user:u1', 'v1:user_seen:u1', 'v1:user_pos:u1', 'v1:user_cat:u1', 'v1:user_dcat:u1']) {
        expect(await ttl(key)).toBeGreaterThan(3500);
      }
      expect(await ttl('v1:impression:r1')).toBeGreaterThan(30 * 86_400 - 100);
      // The log, its ids and item aggregates are kept: recompute and idempotency need them.
      for (const key of ['v1:events', 'v1:event_ids', 'v1:item:i1', 'v1:popular']) expect(await ttl(key)).toBe(-1);
    } finally {
      await store.close();
    }
    expect(await countKeys(keyPrefix)).toBe(0);
  });
});

async function countKeys(keyPrefix: string): Promise<number> {
  const probe = await openTestRedisStore();
  try {
    return (await probe.client.keys(`${keyPrefix}*`)).length;
  } finally {
    await probe.close();
  }
}
