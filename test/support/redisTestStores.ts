import { randomUUID } from 'node:crypto';
import { RedisFeatureStore, type RedisFeatureStoreOptions } from '../../src/adapters/redis/redisFeatureStore.js';

/** The shared Redis of these machines (set by .ci/run); null elsewhere, where Redis tests skip and say so. */
export const REDIS_URL: string | null = process.env.REDIS_URL?.trim() || null;

export function warnRedisSkipped(what: string): void {
  if (REDIS_URL === null) console.warn(`SKIPPED: ${what} needs Redis; REDIS_URL is not set (.ci/run sets redis://127.0.0.1:6379)`);
}

/** A key prefix no other test or engineer uses: the server is shared, so tests only ever touch their own keys. */
export function uniqueKeyPrefix(): string {
  return `test:issue6:${process.pid}:${randomUUID()}:`;
}

/** A Redis feature store under a prefix of its own whose close() first deletes every key it wrote. */
export async function openTestRedisStore(options: Partial<RedisFeatureStoreOptions> & { url?: string } = {}): Promise<RedisFeatureStore> {
  const keyPrefix = options.keyPrefix ?? uniqueKeyPrefix();
  const store = await RedisFeatureStore.connect({ url: REDIS_URL!, ...options, keyPrefix });
  const close = store.close.bind(store);
  store.close = async () => {
    if (store.ready) await store.deleteAll();
    await close();
  };
  return store;
}
