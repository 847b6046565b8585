import type Database from 'better-sqlite3';

/** Bumped when the layout below changes in a way an older data directory cannot be read with. */
export const FEATURE_SCHEMA_VERSION = 2;

/**
 * The event log and the aggregates derived from it, in one database so that appending an event
 * and counting it commit together: a crash never leaves an event logged but uncounted, and a
 * retried batch finds its events already logged (the idempotency key is the event id).
 *
 * Aggregates are kept per key, the way the Redis adapter will keep them (a hash per item and
 * per user, a set per item of positive users, a sorted list of positives per user), so that
 * both adapters answer from the same shapes.
 */
export function createFeatureSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- seq gives the scan order; AUTOINCREMENT never reuses a seq, so a reader's cursor stays valid.
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL CHECK (type IN ('view', 'click', 'add_to_cart', 'purchase', 'rating', 'impression')),
      user_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      ts INTEGER NOT NULL,
      value REAL,
      request_id TEXT
    );

    CREATE TABLE IF NOT EXISTS item_stats (
      item_id TEXT PRIMARY KEY,
      view INTEGER NOT NULL DEFAULT 0,
      click INTEGER NOT NULL DEFAULT 0,
      add_to_cart INTEGER NOT NULL DEFAULT 0,
      purchase INTEGER NOT NULL DEFAULT 0,
      rating INTEGER NOT NULL DEFAULT 0,
      impression INTEGER NOT NULL DEFAULT 0,
      -- Forward-decayed counts (features/forwardDecay.ts).
      decayed_view REAL NOT NULL DEFAULT 0,
      decayed_click REAL NOT NULL DEFAULT 0,
      decayed_add_to_cart REAL NOT NULL DEFAULT 0,
      decayed_purchase REAL NOT NULL DEFAULT 0,
      decayed_rating REAL NOT NULL DEFAULT 0,
      decayed_impression REAL NOT NULL DEFAULT 0,
      rating_sum REAL NOT NULL DEFAULT 0,
      rating_count INTEGER NOT NULL DEFAULT 0,
      positive_users INTEGER NOT NULL DEFAULT 0,
      last_event_at INTEGER
    ) WITHOUT ROWID;

    -- popular() pages through this order without sorting the table.
    CREATE INDEX IF NOT EXISTS item_stats_by_popularity ON item_stats (positive_users DESC, rating_count DESC, item_id);

    CREATE TABLE IF NOT EXISTS item_positive_users (
      item_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      PRIMARY KEY (item_id, user_id)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS users (
      user_id TEXT PRIMARY KEY,
      event_count INTEGER NOT NULL DEFAULT 0,
      positive_count INTEGER NOT NULL DEFAULT 0,
      rating_sum REAL NOT NULL DEFAULT 0,
      rating_count INTEGER NOT NULL DEFAULT 0,
      first_event_at INTEGER,
      last_event_at INTEGER
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS user_items (
      user_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      PRIMARY KEY (user_id, item_id)
    ) WITHOUT ROWID;

    -- Every positive interaction, keyed by its event's seq; profiles read the latest few.
    CREATE TABLE IF NOT EXISTS user_positives (
      seq INTEGER PRIMARY KEY,
      user_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      type TEXT NOT NULL,
      value REAL,
      ts INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS user_positives_latest ON user_positives (user_id, ts DESC, seq DESC);

    -- Served result lists (a sample), kept so that clicks can be joined to what was shown.
    CREATE TABLE IF NOT EXISTS impressions (
      request_id TEXT PRIMARY KEY,
      ts INTEGER NOT NULL,
      entry TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS impressions_by_time ON impressions (ts, request_id);

    -- Each positive interaction adds 1/n to each of its item's n categories (weight), and its
    -- forward-decay weight divided by n (decayed).
    CREATE TABLE IF NOT EXISTS user_categories (
      user_id TEXT NOT NULL,
      category TEXT NOT NULL,
      weight REAL NOT NULL,
      decayed REAL NOT NULL,
      PRIMARY KEY (user_id, category)
    ) WITHOUT ROWID;
  `);
}
