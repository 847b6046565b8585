import { Redis, type ChainableCommander } from 'ioredis';
import { assertEvents } from '../../domain/assertEvents.js';
import type { ScoredId } from '../../domain/candidate.js';
import { backendUnavailable, GatewayError } from '../../domain/errors.js';
import type { InteractionEvent } from '../../domain/event.js';
import type { Item } from '../../domain/item.js';
import { eventContribution } from '../../features/eventContribution.js';
import type { EventLog } from '../../ports/eventLog.js';
import { eventContent, type ApplyResult, type FeatureStore, type ItemStats, type UserProfile, type WriteOutcome } from '../../ports/featureStore.js';
import type { Impression, ImpressionLog, ImpressionWindow } from '../../ports/impressionLog.js';
import { APPLY_EVENTS_SCRIPT, FORGET_ITEMS_SCRIPT } from './applyEventsScript.js';
import { redisKeys, type RedisKeys } from './redisKeys.js';
import { toItemStats, toUserProfile } from './redisRows.js';

export interface RedisFeatureStoreOptions {
  /** redis://host:port/db */
  readonly url: string;
  /** Put before every key (with the layout version after it), so that deployments and tests share a server. */
  readonly keyPrefix: string;
  /** Positive interactions returned per profile, most recent first (50 unless given). */
  readonly recentPositives?: number;
  /** Positive interactions kept per user; older ones are trimmed (500 unless given). */
  readonly historyLimit?: number;
  /** A user's keys expire this long after their latest event; 0: never (180 days unless given). */
  readonly userTtlSeconds?: number;
  /** A command that has not answered after this long fails, so that a hung server degrades answers instead of stalling them (1000 unless given). */
  readonly commandTimeoutMs?: number;
  /**
   * Whether `connect` waits for the server (true unless given): a command-line tool wants an
   * unreachable server to be an error at once; the gateway (false) starts without it, degrades
   * what needs features, and connects when the server comes up.
   */
  readonly waitForServer?: boolean;
  /** Told once when the server cannot be reached at start and the store goes on without it. */
  readonly log?: (line: string) => void;
  /** Events read per command while scanning the log (1000 unless given). */
  readonly scanPageSize?: number;
  /** Logged impressions expire after this long; 0: never (30 days unless given). */
  readonly impressionTtlSeconds?: number;
}

/** ioredis adds a method per defineCommand; these are ours. */
interface ScriptCommands {
  applyFeatureEvents(...args: (string | number)[]): Promise<[string[], string[], string[]]>;
  forgetFeatureItems(...args: string[]): Promise<number>;
}

type Hash = Record<string, string>;

/** Popularity rank = positive users x SCALE + ratings (see applyEventsScript.ts). */
const SCALE = 16_777_216;
const SERVICE = 'Redis feature store';

/**
 * The service-mode feature store and event log: aggregates in Redis hashes, sets and sorted
 * sets under a versioned key prefix, the log in a list. Every read is one pipeline whatever
 * the number of ids (one round trip per DataLoader batch); every write is one Lua script, so
 * it is atomic and idempotent by event id across gateway replicas.
 *
 * Commands fail at once while the connection is down (no offline queue) and the client keeps
 * reconnecting on its own; a failure surfaces as BACKEND_UNAVAILABLE, which ranking turns into
 * a warning and recordEvents into a per-event FAILED status.
 */
export class RedisFeatureStore implements FeatureStore, EventLog, ImpressionLog {
  private readonly keys: RedisKeys;
  private readonly recent: number;
  private readonly historyLimit: number;
  private readonly userTtlSeconds: number;
  private readonly scanPageSize: number;
  private readonly impressionTtlSeconds: number;

  /**
   * Connects and waits until the server answers; an unreachable server is an error that names
   * the URL, unless `waitForServer` is false: then the store is returned anyway, and the client
   * keeps reconnecting.
   */
  static async connect(options: RedisFeatureStoreOptions): Promise<RedisFeatureStore> {
    const commandTimeout = nonNegativeInteger(options.commandTimeoutMs ?? 1000, 'commandTimeoutMs') || undefined;
    const open = () => {
      const client = new Redis(options.url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout,
        // Reconnect forever, backing off to 2 s: the store comes back when the server does.
        retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
      });
      // Without a listener an 'error' event would crash the process; failures reach callers through their commands.
      client.on('error', () => {});
      return client;
    };
    // Redis answers a connection's commands in order: a write held up (CLIENT PAUSE WRITE, a long
    // script) would hold up every read queued behind it, so reads and writes get a connection each.
    const client = open();
    const writer = open();
    try {
      await Promise.all([client.connect(), writer.connect()]);
    } catch (error) {
      if (options.waitForServer ?? true) {
        client.disconnect();
        writer.disconnect();
        throw backendUnavailable(`${SERVICE} at ${redactUrl(options.url)}`, error);
      }
      options.log?.(`${SERVICE} at ${redactUrl(options.url)} is unavailable (${(error as Error).message}); serving without features until it answers`);
    }
    return new RedisFeatureStore(client, writer, options);
  }

  private constructor(
    /** The connection of reads; public for instrumentation (tests count round trips on its socket). */
    readonly client: Redis,
    /** The connection of writes (the event and forget scripts, impressions, deletes), public like `client`. */
    readonly writer: Redis,
    options: RedisFeatureStoreOptions,
  ) {
    this.keys = redisKeys(options.keyPrefix);
    this.recent = positiveInteger(options.recentPositives ?? 50, 'recentPositives');
    this.historyLimit = Math.max(this.recent, positiveInteger(options.historyLimit ?? 500, 'historyLimit'));
    this.userTtlSeconds = nonNegativeInteger(options.userTtlSeconds ?? 180 * 86_400, 'userTtlSeconds');
    this.scanPageSize = positiveInteger(options.scanPageSize ?? 1000, 'scanPageSize');
    this.impressionTtlSeconds = nonNegativeInteger(options.impressionTtlSeconds ?? 30 * 86_400, 'impressionTtlSeconds');
    writer.defineCommand('applyFeatureEvents', { numberOfKeys: 0, lua: APPLY_EVENTS_SCRIPT });
    writer.defineCommand('forgetFeatureItems', { numberOfKeys: 0, lua: FORGET_ITEMS_SCRIPT });
  }

  /** Whether both connections are up (each reconnects on its own after a failure). */
  get ready(): boolean {
    return this.client.status === 'ready' && this.writer.status === 'ready';
  }

  private get scripts(): ScriptCommands {
    return this.writer as unknown as ScriptCommands;
  }

  async applyEvents(events: readonly InteractionEvent[], items: ReadonlyMap<string, Item>): Promise<ApplyResult> {
    assertEvents(events);
    if (events.length === 0) return { applied: [], duplicates: [], conflicts: [] };
    const args: (string | number)[] = [this.keys.base, this.userTtlSeconds, this.historyLimit];
    for (const event of events) {
      const { positive, rating, interactionWeight, categories } = eventContribution(event, items.get(event.itemId)?.categories ?? []);
      args.push(
        event.id,
        JSON.stringify(event),
        event.type,
        event.userId,
        event.itemId,
        event.timestamp,
        rating === null ? '' : String(rating),
        positive ? '1' : '0',
        String(interactionWeight),
        JSON.stringify(categories.map((c) => [c.category, String(c.share), String(c.decayedShare)])),
        JSON.stringify([event.itemId, event.type, event.value, event.timestamp]),
        eventContent(event),
      );
    }
    const [applied, duplicates, conflicts] = await this.write(() => this.scripts.applyFeatureEvents(...args));
    return { applied, duplicates, conflicts };
  }

  async getItemStats(itemIds: readonly string[]): Promise<(ItemStats | null)[]> {
    if (itemIds.length === 0) return [];
    const replies = await this.pipeline((batch) => itemIds.forEach((id) => batch.hgetall(this.keys.item(id))));
    return itemIds.map((id, i) => toItemStats(id, replies[i] as Record<string, string>));
  }

  async getUserProfiles(userIds: readonly string[]): Promise<(UserProfile | null)[]> {
    if (userIds.length === 0) return [];
    const replies = await this.pipeline((batch) => {
      for (const id of userIds) {
        batch
          .hgetall(this.keys.user(id))
          .zrevrange(this.keys.userPositives(id), 0, this.recent - 1)
          .smembers(this.keys.userSeen(id))
          .hgetall(this.keys.userCategories(id))
          .hgetall(this.keys.userDecayedCategories(id));
      }
    });
    return userIds.map((id, i) => {
      const [user, positives, seen, categories, decayed] = replies.slice(i * 5, i * 5 + 5) as [Hash, string[], string[], Hash, Hash];
      return toUserProfile(id, user, positives, seen, categories, decayed);
    });
  }

  /** Items by distinct positive users, then by number of ratings, then by id. */
  async popular(limit: number, offset: number): Promise<ScoredId[]> {
    if (!(limit > 0)) return [];
    const start = Math.max(0, Math.floor(offset));
    const flat = await this.run(() => this.client.zrange(this.keys.popular, start, start + Math.floor(limit) - 1, 'WITHSCORES'));
    const hits: ScoredId[] = [];
    for (let i = 0; i < flat.length; i += 2) hits.push({ id: flat[i]!, score: Math.floor(-Number(flat[i + 1]) / SCALE) });
    return hits;
  }

  /** As SqliteFeatureStore.forgetItems: per-item data and the items' places in histories go; user totals and the log stay. */
  async forgetItems(itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    const args = [this.keys.base, ...itemIds.flatMap((id) => [id, JSON.stringify(id)])];
    await this.run(() => this.scripts.forgetFeatureItems(...args));
  }

  /**
   * One key per list (NX: the first entry stays), expiring after the impression TTL, and its id
   * in the time index, from which ids older than the TTL are pruned: one transaction.
   */
  async logImpression(impression: Impression): Promise<void> {
    const key = this.keys.impression(impression.requestId);
    const entry = JSON.stringify(impression);
    const index = this.keys.impressionsByTime;
    await this.run(async () => {
      const batch = this.writer.multi();
      if (this.impressionTtlSeconds > 0) {
        batch.set(key, entry, 'EX', this.impressionTtlSeconds, 'NX');
        batch.zremrangebyscore(index, '-inf', `(${impression.timestamp - this.impressionTtlSeconds * 1000}`);
      } else {
        batch.set(key, entry, 'NX');
      }
      batch.zadd(index, 'NX', impression.timestamp, impression.requestId);
      const replies = await batch.exec();
      const failed = replies?.find(([error]) => error !== null);
      if (failed) throw failed[0];
    });
  }

  async getImpressions(requestIds: readonly string[]): Promise<(Impression | null)[]> {
    if (requestIds.length === 0) return [];
    const entries = await this.run(() => this.client.mget(...requestIds.map((id) => this.keys.impression(id))));
    return entries.map((entry) => (entry === null ? null : (JSON.parse(entry) as Impression)));
  }

  /** Ids from the time index a page at a time, then their lists (one MGET per page); aged-out ones are skipped. */
  async *scanImpressions(window: ImpressionWindow): AsyncIterable<Impression> {
    const min = window.from === null ? '-inf' : String(window.from);
    const max = window.to === null ? '+inf' : `(${window.to}`;
    // Offsets shift when the index is pruned during the scan; the set keeps an id from coming twice.
    const read = new Set<string>();
    for (let offset = 0; ; offset += this.scanPageSize) {
      const ids = await this.run(() => this.client.zrangebyscore(this.keys.impressionsByTime, min, max, 'LIMIT', offset, this.scanPageSize));
      const fresh = ids.filter((id) => !read.has(id));
      fresh.forEach((id) => read.add(id));
      for (const impression of await this.getImpressions(fresh)) if (impression !== null) yield impression;
      if (ids.length < this.scanPageSize) return;
    }
  }

  /** Every logged event in log order, a page per command. */
  async *scan(): AsyncIterable<InteractionEvent> {
    for (let start = 0; ; start += this.scanPageSize) {
      const page = await this.run(() => this.client.lrange(this.keys.events, start, start + this.scanPageSize - 1));
      for (const entry of page) yield JSON.parse(entry) as InteractionEvent;
      if (page.length < this.scanPageSize) return;
    }
  }

  async count(): Promise<number> {
    return this.run(() => this.client.llen(this.keys.events));
  }

  async ping(): Promise<void> {
    await this.run(() => this.client.ping());
  }

  /**
   * Deletes every key of this store (SCAN and UNLINK under its prefix, never FLUSHDB: a shared
   * server keeps everyone else's keys). For benchmarks, tests and retired prefixes.
   */
  async deleteAll(): Promise<number> {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await this.run(() => this.client.scan(cursor, 'MATCH', `${this.keys.base}*`, 'COUNT', 1000));
      if (keys.length > 0) deleted += await this.run(() => this.writer.unlink(...keys));
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.client, this.writer].map(async (connection) => {
        if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
        else connection.disconnect();
      }),
    );
  }

  private async pipeline(fill: (batch: ChainableCommander) => void): Promise<unknown[]> {
    const batch = this.client.pipeline();
    fill(batch);
    const results = await this.run(() => batch.exec());
    return (results ?? []).map(([error, reply]) => {
      if (error) throw backendUnavailable(SERVICE, error);
      return reply;
    });
  }

  /**
   * A write, whose failure says whether it may have been applied (WriteOutcome): with no offline
   * queue, a command refused while the connection is not ready was never sent; once sent, a
   * timeout or a dropped connection leaves its outcome unknown.
   */
  private async write<T>(command: () => Promise<T>): Promise<T> {
    const ready = this.writer.status === 'ready';
    try {
      return await command();
    } catch (error) {
      const writeOutcome: WriteOutcome = !ready || isOfflineRefusal(error) ? 'not-written' : 'unknown';
      throw new GatewayError('BACKEND_UNAVAILABLE', `${SERVICE} is unavailable`, { backend: SERVICE, writeOutcome }, { cause: error });
    }
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw backendUnavailable(SERVICE, error);
    }
  }
}

/** ioredis's refusal of a command while the connection is not writable (enableOfflineQueue off): nothing was sent. */
function isOfflineRefusal(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("Stream isn't writeable");
}

/** A URL without its password, fit for an error message. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured REDIS_URL';
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function nonNegativeInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}
