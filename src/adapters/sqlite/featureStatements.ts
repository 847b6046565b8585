import type Database from 'better-sqlite3';
import { EVENT_TYPES } from '../../domain/event.js';

/** Per event type: its count, then its forward-decayed count. */
export const COUNT_COLUMNS = [...EVENT_TYPES, ...EVENT_TYPES.map((type) => `decayed_${type}`)];

/**
 * Every statement of the feature store, prepared once. Each read takes its ids as one JSON
 * array parameter (json_each), so that any number of ids costs one statement.
 */
export function prepareStatements(db: Database.Database, recentPositives: number) {
  return {
    eventContent: db.prepare('SELECT type, user_id AS userId, item_id AS itemId, value FROM events WHERE id = ?'),
    insertEvent: db.prepare(
      `INSERT INTO events (id, type, user_id, item_id, ts, value, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    addPositiveUser: db.prepare('INSERT INTO item_positive_users (item_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    upsertItem: db.prepare(
      `INSERT INTO item_stats (item_id, ${COUNT_COLUMNS.join(', ')}, rating_sum, rating_count, positive_users, last_event_at)
       VALUES (?, ${COUNT_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET
         ${COUNT_COLUMNS.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')},
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
      `INSERT INTO user_categories (user_id, category, weight, decayed) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, category) DO UPDATE SET weight = weight + excluded.weight, decayed = decayed + excluded.decayed`,
    ),
    itemStats: db.prepare('SELECT s.* FROM json_each(?) AS j LEFT JOIN item_stats AS s ON s.item_id = j.value ORDER BY j.key'),
    // The history, seen set and categories of each user come back as JSON columns of its row.
    userProfiles: db.prepare(
      `SELECT u.*,
         (SELECT json_group_array(json_array(p.item_id, p.type, p.value, p.ts) ORDER BY p.ts DESC, p.seq DESC)
            FROM (SELECT * FROM user_positives WHERE user_id = u.user_id ORDER BY ts DESC, seq DESC LIMIT ${recentPositives}) AS p
         ) AS recent,
         (SELECT json_group_array(item_id) FROM user_items WHERE user_id = u.user_id) AS seen,
         (SELECT json_group_object(category, weight) FROM user_categories WHERE user_id = u.user_id) AS categories,
         (SELECT json_group_object(category, decayed) FROM user_categories WHERE user_id = u.user_id) AS decayed_categories
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
    logImpression: db.prepare('INSERT INTO impressions (request_id, ts, entry) VALUES (?, ?, ?) ON CONFLICT (request_id) DO NOTHING'),
    impressions: db.prepare('SELECT i.entry FROM json_each(?) AS j LEFT JOIN impressions AS i ON i.request_id = j.value ORDER BY j.key').pluck(),
    // Keyset pages on (ts, request_id): the order of the impressions_by_time index.
    impressionPage: db
      .prepare('SELECT request_id, ts, entry FROM impressions WHERE (ts > ? OR (ts = ? AND request_id > ?)) AND ts < ? ORDER BY ts, request_id LIMIT ?')
      .raw(),
    scanPage: db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    countEvents: db.prepare('SELECT count(*) FROM events').pluck(),
  };
}
