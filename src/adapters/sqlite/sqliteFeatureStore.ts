import type Database from 'better-sqlite3';
import type { ScoredId } from '../../domain/candidate.js';
import { EVENT_TYPES, isPositive, type EventType, type InteractionEvent } from '../../domain/event.js';
import type { Item } from '../../domain/item.js';
import type { EventLog } from '../../ports/eventLog.js';
import type { ApplyResult, FeatureStore, HistoryEntry, ItemStats, UserProfile } from '../../ports/featureStore.js';
import { createFeatureSchema, FEATURE_SCHEMA_VERSION } from './featureSchema.js';
import { IncompatibleDataError } from './incompatibleDataError.js';
import { IN_MEMORY, openDatabase, type OpenDatabaseOptions } from './openDatabase.js';

export interface SqliteFeatureStoreOptions extends OpenDatabaseOptions {
  /** Positive interactions returned per profile, most recent first (50 unless given). */
  readonly recentPositives?: number;
  /** Events read per query while scanning the log (1000 unless given). */
  readonly scanPageSize?: number;
}

export const FEATURES_FILE = 'features.db';

const DEFAULT_RECENT_POSITIVES = 50;
const DEFAULT_SCAN_PAGE = 1000;
const TYPE_COLUMN = new Map<EventType, number>(EVENT_TYPES.map((type, column) => [type, column]));

interface ItemStatsRow {
  readonly item_id: string | null;
  readonly view: number;
  readonly click: number;
  readonly add_to_cart: number;
  readonly purchase: number;
  readonly rating: number;
  readonly impression: number;
  readonly rating_sum: number;
  readonly rating_count: number;
  readonly positive_users: number;
  readonly last_event_at: number | null;
}

interface UserRow {
  readonly user_id: string | null;
  readonly event_count: number;
  readonly positive_count: number;
  readonly rating_sum: number;
  readonly rating_count: number;
  readonly first_event_at: number | null;
  readonly last_event_at: number | null;
  /** JSON: [[itemId, type, value, ts], ...], most recent first. */
  readonly recent: string;
  /** JSON: [itemId, ...]. */
  readonly seen: string;
  /** JSON: {category: weight, ...}. */
  readonly categories: string;
}

interface EventRow {
  readonly seq: number;
  readonly id: string;
  readonly type: EventType;
  readonly user_id: string;
  readonly item_id: string;
  readonly ts: number;
  readonly value: number | null;
  readonly request_id: string | null;
}

/**
 * The embedded feature store and event log, in `<dir>/features.db` (a file of its own, apart
 * from the catalog: event ingestion is the heavy writer, and SQLite has one writer per
 * database, so catalog upserts never queue behind an event batch, and features can be
 * rebuilt from the log without touching the embedded catalog).
 *
 * Every read is one SQL statement whatever the number of ids (a JSON array parameter read
 * with json_each), so a DataLoader batch costs one round trip. applyEvents is one transaction.
 */
export class SqliteFeatureStore implements FeatureStore, EventLog {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly applyInTransaction: (events: readonly InteractionEvent[], items: ReadonlyMap<string, Item>) => ApplyResult;
  private readonly forgetInTransaction: (idsJson: string) => void;
  private readonly scanPageSize: number;

  /** Opens or creates the store in `dir` (`:memory:` for a throwaway one). */
  static open(dir: string, options: SqliteFeatureStoreOptions = {}): SqliteFeatureStore {
    const db = openDatabase(dir, FEATURES_FILE, options);
    try {
      createFeatureSchema(db);
      ensureSchemaVersion(db, dir === IN_MEMORY ? 'the in-memory feature store' : dir);
      return new SqliteFeatureStore(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    options: SqliteFeatureStoreOptions,
  ) {
    const recent = positiveInteger(options.recentPositives ?? DEFAULT_RECENT_POSITIVES, 'recentPositives');
    this.scanPageSize = positiveInteger(options.scanPageSize ?? DEFAULT_SCAN_PAGE, 'scanPageSize');
    const s = prepareStatements(db, recent);
    this.statements = s;

    this.applyInTransaction = db.transaction((events: readonly InteractionEvent[], items: ReadonlyMap<string, Item>) => {
      const applied: string[] = [];
      const duplicates: string[] = [];
      const counts = [0, 0, 0, 0, 0, 0];
      for (const event of events) {
        const logged = s.insertEvent.run(event.id, event.type, event.userId, event.itemId, event.timestamp, event.value, event.requestId);
        if (logged.changes === 0) {
          duplicates.push(event.id);
          continue;
        }
        applied.push(event.id);
        const positive = isPositive(event);
        const rated = event.type === 'rating' && event.value !== null;
        const ratingValue = rated ? event.value! : 0;
        const newPositiveUser = positive ? s.addPositiveUser.run(event.itemId, event.userId).changes : 0;
        const column = TYPE_COLUMN.get(event.type)!;
        counts[column] = 1;
        s.upsertItem.run(event.itemId, ...counts, ratingValue, rated ? 1 : 0, newPositiveUser, event.timestamp);
        counts[column] = 0;
        s.upsertUser.run(event.userId, positive ? 1 : 0, ratingValue, rated ? 1 : 0, event.timestamp, event.timestamp);
        if (event.type !== 'impression') s.addSeen.run(event.userId, event.itemId);
        if (positive) {
          s.addPositive.run(logged.lastInsertRowid, event.userId, event.itemId, event.type, event.value, event.timestamp);
          const categories = new Set(items.get(event.itemId)?.categories ?? []);
          for (const category of categories) s.addCategory.run(event.userId, category, 1 / categories.size);
        }
      }
      return { applied, duplicates };
    });

    this.forgetInTransaction = db.transaction((idsJson: string) => {
      for (const statement of s.forget) statement.run(idsJson);
    });
  }

  /**
   * Logs the events and updates every aggregate they touch, in one transaction. An event whose
   * id is already logged (earlier, or earlier in the same batch) changes nothing and is
   * reported as a duplicate. Categories come from `items` as they are now; an event on an item
   * missing from `items` counts everywhere but in category affinity.
   */
  async applyEvents(events: readonly InteractionEvent[], items: ReadonlyMap<string, Item>): Promise<ApplyResult> {
    events.forEach(checkEvent);
    if (events.length === 0) return { applied: [], duplicates: [] };
    return this.applyInTransaction(events, items);
  }

  async getItemStats(itemIds: readonly string[]): Promise<(ItemStats | null)[]> {
    if (itemIds.length === 0) return [];
    const rows = this.statements.itemStats.all(JSON.stringify(itemIds)) as ItemStatsRow[];
    return rows.map(toItemStats);
  }

  async getUserProfiles(userIds: readonly string[]): Promise<(UserProfile | null)[]> {
    if (userIds.length === 0) return [];
    const rows = this.statements.userProfiles.all(JSON.stringify(userIds)) as UserRow[];
    return rows.map(toUserProfile);
  }

  /** Items by distinct positive users, then by number of ratings, then by id. */
  async popular(limit: number, offset: number): Promise<ScoredId[]> {
    if (!(limit > 0)) return [];
    const rows = this.statements.popular.all(Math.floor(limit), Math.max(0, Math.floor(offset))) as [string, number][];
    return rows.map(([id, score]) => ({ id, score }));
  }

  /**
   * Drops what is kept per item (stats, positive users) and the items' places in user
   * histories and seen sets, so that a deleted item is never recommended from them again.
   * User totals and category affinity stay: they describe the user's past, which happened.
   * The event log keeps the events too: it is the append-only record that training reads;
   * a rebuild from the log forgets the same items again.
   */
  async forgetItems(itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    this.forgetInTransaction(JSON.stringify(itemIds));
  }

  /** Every logged event in log order, read a page at a time so the connection stays free between pages. */
  async *scan(): AsyncIterable<InteractionEvent> {
    let after = 0;
    for (;;) {
      const rows = this.statements.scanPage.all(after, this.scanPageSize) as EventRow[];
      for (const row of rows) yield toEvent(row);
      if (rows.length < this.scanPageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** Number of logged events. */
  async count(): Promise<number> {
    return this.statements.countEvents.get() as number;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database, recentPositives: number) {
  return {
    insertEvent: db.prepare(
      `INSERT INTO events (id, type, user_id, item_id, ts, value, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    addPositiveUser: db.prepare('INSERT INTO item_positive_users (item_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    upsertItem: db.prepare(
      `INSERT INTO item_stats (item_id, ${EVENT_TYPES.join(', ')}, rating_sum, rating_count, positive_users, last_event_at)
       VALUES (?, ${EVENT_TYPES.map(() => '?').join(', ')}, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET
         ${EVENT_TYPES.map((type) => `${type} = ${type} + excluded.${type}`).join(', ')},
         rating_sum = rating_sum + excluded.rating_sum,
         rating_count = rating_count + excluded.rating_count,
         positive_users = positive_users + excluded.positive_users,
         last_event_at = max(coalesce(last_event_at, excluded.last_event_at), excluded.last_event_at)`,
    ),
    upsertUser: db.prepare(
      `INSERT INTO users (user_id, event_count, positive_count, rating_sum, rating_count, first_event_at, last_event_at)
       VALUES (?, 1, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET
         event_count = event_count + 1,
         positive_count = positive_count + excluded.positive_count,
         rating_sum = rating_sum + excluded.rating_sum,
         rating_count = rating_count + excluded.rating_count,
         first_event_at = min(coalesce(first_event_at, excluded.first_event_at), excluded.first_event_at),
         last_event_at = max(coalesce(last_event_at, excluded.last_event_at), excluded.last_event_at)`,
    ),
    addSeen: db.prepare('INSERT INTO user_items (user_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    addPositive: db.prepare('INSERT INTO user_positives (seq, user_id, item_id, type, value, ts) VALUES (?, ?, ?, ?, ?, ?)'),
    addCategory: db.prepare(
      `INSERT INTO user_categories (user_id, category, weight) VALUES (?, ?, ?)
       ON CONFLICT (user_id, category) DO UPDATE SET weight = weight + excluded.weight`,
    ),
    itemStats: db.prepare('SELECT s.* FROM json_each(?) AS j LEFT JOIN item_stats AS s ON s.item_id = j.value ORDER BY j.key'),
    // One statement for any number of users: the history, seen set and categories of each
    // come back as JSON columns of its row.
    userProfiles: db.prepare(
      `SELECT u.*,
         (SELECT json_group_array(json_array(p.item_id, p.type, p.value, p.ts) ORDER BY p.ts DESC, p.seq DESC)
            FROM (SELECT * FROM user_positives WHERE user_id = u.user_id ORDER BY ts DESC, seq DESC LIMIT ${recentPositives}) AS p
         ) AS recent,
         (SELECT json_group_array(item_id) FROM user_items WHERE user_id = u.user_id) AS seen,
         (SELECT json_group_object(category, weight) FROM user_categories WHERE user_id = u.user_id) AS categories
       FROM json_each(?) AS j LEFT JOIN users AS u ON u.user_id = j.value
       ORDER BY j.key`,
    ),
    popular: db
      .prepare('SELECT item_id, positive_users FROM item_stats ORDER BY positive_users DESC, rating_count DESC, item_id LIMIT ? OFFSET ?')
      .raw(),
    forget: [
      'DELETE FROM item_stats WHERE item_id IN (SELECT value FROM json_each(?))',
      'DELETE FROM item_positive_users WHERE item_id IN (SELECT value FROM json_each(?))',
      'DELETE FROM user_items WHERE item_id IN (SELECT value FROM json_each(?))',
      'DELETE FROM user_positives WHERE item_id IN (SELECT value FROM json_each(?))',
    ].map((sql) => db.prepare(sql)),
    scanPage: db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    countEvents: db.prepare('SELECT count(*) FROM events').pluck(),
  };
}

function ensureSchemaVersion(db: Database.Database, location: string): void {
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
  if (stored === undefined) {
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(FEATURE_SCHEMA_VERSION));
  } else if (Number(stored) !== FEATURE_SCHEMA_VERSION) {
    throw new IncompatibleDataError(
      `The feature store in ${location} has storage schema version ${stored}; this gateway reads version ${FEATURE_SCHEMA_VERSION}. ` +
        `Delete ${location}/${FEATURES_FILE} and record the events again (or ingest the event files again).`,
    );
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** The store's own invariants, checked before the transaction so that a bad event changes nothing. */
function checkEvent(event: InteractionEvent, index: number): void {
  const problem =
    typeof event.id !== 'string' || event.id.length === 0
      ? 'id must be a non-empty string'
      : !TYPE_COLUMN.has(event.type)
        ? `type must be one of ${EVENT_TYPES.join(', ')}`
        : typeof event.userId !== 'string' || event.userId.length === 0
          ? 'userId must be a non-empty string'
          : typeof event.itemId !== 'string' || event.itemId.length === 0
            ? 'itemId must be a non-empty string'
            : !Number.isSafeInteger(event.timestamp)
              ? 'timestamp must be an integer number of epoch milliseconds'
              : event.value !== null && !Number.isFinite(event.value)
                ? 'value must be a finite number or null'
                : null;
  if (problem !== null) throw new TypeError(`events[${index}] (${JSON.stringify(event.id)}): ${problem}`);
}

function toItemStats(row: ItemStatsRow): ItemStats | null {
  if (row.item_id === null) return null;
  return {
    itemId: row.item_id,
    counts: {
      view: row.view,
      click: row.click,
      add_to_cart: row.add_to_cart,
      purchase: row.purchase,
      rating: row.rating,
      impression: row.impression,
    },
    ratingSum: row.rating_sum,
    ratingCount: row.rating_count,
    positiveUsers: row.positive_users,
    lastEventAt: row.last_event_at,
  };
}

function toUserProfile(row: UserRow): UserProfile | null {
  if (row.user_id === null) return null;
  const recent = JSON.parse(row.recent) as [string, EventType, number | null, number][];
  const weights = JSON.parse(row.categories) as Record<string, number>;
  let total = 0;
  for (const weight of Object.values(weights)) total += weight;
  const categoryAffinity: Record<string, number> = {};
  if (total > 0) for (const [category, weight] of Object.entries(weights)) categoryAffinity[category] = weight / total;
  return {
    userId: row.user_id,
    eventCount: row.event_count,
    positiveCount: row.positive_count,
    ratingSum: row.rating_sum,
    ratingCount: row.rating_count,
    recentPositives: recent.map(([itemId, type, value, timestamp]): HistoryEntry => ({ itemId, type, value, timestamp })),
    seenItemIds: new Set(JSON.parse(row.seen) as string[]),
    categoryAffinity,
    firstEventAt: row.first_event_at,
    lastEventAt: row.last_event_at,
  };
}

function toEvent(row: EventRow): InteractionEvent {
  return {
    id: row.id,
    type: row.type,
    userId: row.user_id,
    itemId: row.item_id,
    timestamp: row.ts,
    value: row.value,
    requestId: row.request_id,
  };
}
