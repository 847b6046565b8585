/**
 * Every key the Redis feature store writes, under one prefix. The layout version is part of the
 * prefix, so that a gateway reading another layout never misreads keys: it starts from empty
 * keys instead (and `recompute:features` rebuilds them from the log).
 */
export const REDIS_LAYOUT_VERSION = 1;

export interface RedisKeys {
  /** `<prefix>v<layout>:`; the Lua scripts append the per-item and per-user parts themselves. */
  readonly base: string;
  readonly events: string;
  readonly eventIds: string;
  readonly popular: string;
  item(id: string): string;
  user(id: string): string;
  userSeen(id: string): string;
  userPositives(id: string): string;
  userCategories(id: string): string;
  userDecayedCategories(id: string): string;
  impression(requestId: string): string;
  /** Sorted set of logged request ids by serving time, for time-range reads. */
  readonly impressionsByTime: string;
}

export function redisKeys(prefix: string): RedisKeys {
  const base = `${prefix}v${REDIS_LAYOUT_VERSION}:`;
  return {
    base,
    events: `${base}events`,
    eventIds: `${base}event_ids`,
    popular: `${base}popular`,
    item: (id) => `${base}item:${id}`,
    user: (id) => `${base}user:${id}`,
    userSeen: (id) => `${base}user_seen:${id}`,
    userPositives: (id) => `${base}user_pos:${id}`,
    userCategories: (id) => `${base}user_cat:${id}`,
    userDecayedCategories: (id) => `${base}user_dcat:${id}`,
    impression: (requestId) => `${base}impression:${requestId}`,
    impressionsByTime: `${base}impressions_by_time`,
  };
}
