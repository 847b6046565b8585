import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Called with the SQL of every statement executed, parameters expanded: for tests and debugging. */
  readonly trace?: (sql: string) => void;
}

/** The directory value that keeps a store in memory, for tests: nothing touches the disk. */
export const IN_MEMORY = ':memory:';

/**
 * Opens `<dir>/<file>`, creating the directory, in WAL mode: readers never wait for the one
 * writer, and a commit is a sequential append, which is what bulk ingestion needs.
 * synchronous=NORMAL is durable across process crashes in WAL mode; only an OS crash can lose
 * the last commits, never corrupt the file.
 */
export function openDatabase(dir: string, file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const location = dir === IN_MEMORY ? IN_MEMORY : path.join(dir, file);
  if (dir !== IN_MEMORY) mkdirSync(dir, { recursive: true });
  const db = new Database(location, options.trace ? { verbose: (sql) => options.trace!(String(sql)) } : {});
  try {
    if (dir !== IN_MEMORY) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
