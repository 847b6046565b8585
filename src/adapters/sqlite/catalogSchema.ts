import type Database from 'better-sqlite3';

/** Bumped when the layout below changes in a way an older data directory cannot be read with. */
export const CATALOG_SCHEMA_VERSION = 1;

/** FTS columns fed from an item's JSON payload; lists become space-separated words. */
const FTS_VALUES = `new.doc,
    json_extract(new.payload, '$.title'),
    json_extract(new.payload, '$.text'),
    (SELECT group_concat(value, ' ') FROM json_each(new.payload, '$.categories')),
    (SELECT group_concat(value, ' ') FROM json_each(new.payload, '$.tags'))`;

/**
 * Items keep their JSON payload and Float32 vector in one row. `doc` is an integer key that the
 * FTS row shares (FTS5 rows are addressed by integer rowid; an alias column survives VACUUM,
 * the implicit rowid does not); `id` is the item id, unique. Triggers keep the FTS table in
 * step with `items`, so that an upsert or a delete is one statement and cannot leave the
 * lexical index disagreeing with the payloads.
 */
export function createCatalogSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS items (
      doc INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      vector BLOB NOT NULL
    );

    -- Collaborative (item2vec) vectors: replaced as a whole by each training run, and gone with
    -- their item. A table of its own, so that an older data directory simply has none yet.
    CREATE TABLE IF NOT EXISTS item_vectors (
      id TEXT PRIMARY KEY,
      vector BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TRIGGER IF NOT EXISTS item_vectors_after_item_delete AFTER DELETE ON items BEGIN
      DELETE FROM item_vectors WHERE id = old.id;
    END;

    CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
      title, text, categories, tags,
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER IF NOT EXISTS items_fts_after_insert AFTER INSERT ON items BEGIN
      INSERT INTO items_fts (rowid, title, text, categories, tags) VALUES (${FTS_VALUES});
    END;

    CREATE TRIGGER IF NOT EXISTS items_fts_after_update AFTER UPDATE OF payload ON items BEGIN
      DELETE FROM items_fts WHERE rowid = old.doc;
      INSERT INTO items_fts (rowid, title, text, categories, tags) VALUES (${FTS_VALUES});
    END;

    CREATE TRIGGER IF NOT EXISTS items_fts_after_delete AFTER DELETE ON items BEGIN
      DELETE FROM items_fts WHERE rowid = old.doc;
    END;
  `);
}
