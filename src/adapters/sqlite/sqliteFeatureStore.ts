import type Database from 'better-sqlite3';
import { assertEvents } from '../../domain/assertEvents.js';
import type { ScoredId } from '../../domain/candidate.js';
import { EVENT_TYPES, type EventType, type InteractionEvent } from '../../domain/event.js';
import type { Item } from '../../domain/item.js';
import { eventContribution } from '../../features/eventContribution.js';
import type { EventLog } from '../../ports/eventLog.js';
import { eventContent, type ApplyResult, type FeatureStore, type ItemStats, type UserProfile } from '../../ports/featureStore.js';
import type { Impression, ImpressionLog, ImpressionWindow } from '../../ports/impressionLog.js';
import { toEvent, toItemStats, toUserProfile, type EventRow, type ItemStatsRow, type UserRow } from './featureRows.js';
import { createFeatureSchema, FEATURE_SCHEMA_VERSION } from './featureSchema.js';
import { COUNT_COLUMNS, prepareStatements } from './featureStatements.js';
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

/**
 * The embedded feature store and event log, in `<dir>/features.db` (a file of its own, apart
 * from the catalog: event ingestion is the heavy writer, and SQLite has one writer per
 * database, so catalog upserts never queue behind an event batch, and features can be
 * rebuilt from the log without touching the embedded catalog).
 *
 * Every read is one SQL statement whatever the number of ids (a JSON array parameter read
 * with json_each), so a DataLoader batch costs one round trip. applyEvents is one transaction.
 */
export class SqliteFeatureStore implements FeatureStore, EventLog, ImpressionLog {
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
      const conflicts: string[] = [];
      const counts = COUNT_COLUMNS.map(() => 0);
      for (const event of events) {
        const logged = s.insertEvent.run(event.id, event.type, event.userId, event.itemId, event.timestamp, event.value, event.requestId);
        if (logged.changes === 0) {
          const stored = s.eventContent.get(event.id) as Pick<InteractionEvent, 'type' | 'userId' | 'itemId' | 'value'>;
          (eventContent(stored) === eventContent(event) ? duplicates : conflicts).push(event.id);
          continue;
        }
        applied.push(event.id);
        const { positive, rating, interactionWeight, categories } = eventContribution(event, items.get(event.itemId)?.categories ?? []);
        const rated = rating !== null;
        const ratingValue = rating ?? 0;
        const newPositiveUser = positive ? s.addPositiveUser.run(event.itemId, event.userId).changes : 0;
        const column = TYPE_COLUMN.get(event.type)!;
        counts[column] = 1;
        counts[EVENT_TYPES.length + column] = interactionWeight;
        s.upsertItem.run(event.itemId, ...counts, ratingValue, rated ? 1 : 0, newPositiveUser, event.timestamp);
        counts[column] = 0;
        counts[EVENT_TYPES.length + column] = 0;
        s.upsertUser.run(event.userId, positive ? 1 : 0, ratingValue, rated ? 1 : 0, event.timestamp, event.timestamp);
        if (event.type !== 'impression') s.addSeen.run(event.userId, event.itemId);
        if (positive) {
          s.addPositive.run(logged.lastInsertRowid, event.userId, event.itemId, event.type, event.value, event.timestamp);
          for (const { category, share, decayedShare } of categories) s.addCategory.run(event.userId, category, share, decayedShare);
        }
      }
      return { applied, duplicates, conflicts };
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
    assertEvents(events);
    if (events.length === 0) return { applied: [], duplicates: [], conflicts: [] };
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

  async logImpression(impression: Impression): Promise<void> {
    this.statements.logImpression.run(impression.requestId, impression.timestamp, JSON.stringify(impression));
  }

  async getImpressions(requestIds: readonly string[]): Promise<(Impression | null)[]> {
    if (requestIds.length === 0) return [];
    const entries = this.statements.impressions.all(JSON.stringify(requestIds)) as (string | null)[];
    return entries.map((entry) => (entry === null ? null : (JSON.parse(entry) as Impression)));
  }

  /** A page at a time, so the connection stays free between pages. */
  async *scanImpressions(window: ImpressionWindow): AsyncIterable<Impression> {
    // Every request id sorts after '', so (from, '') starts at `from` inclusive.
    let after: [number, string] = [window.from ?? Number.MIN_SAFE_INTEGER, ''];
    const to = window.to ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = this.statements.impressionPage.all(after[0], after[0], after[1], to, this.scanPageSize) as [string, number, string][];
      for (const [, , entry] of rows) yield JSON.parse(entry) as Impression;
      if (rows.length < this.scanPageSize) return;
      const [requestId, ts] = rows[rows.length - 1]!;
      after = [ts, requestId];
    }
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
  /** In process: the store answers while it is open. */
  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async count(): Promise<number> {
    return this.statements.countEvents.get() as number;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
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
