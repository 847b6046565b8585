import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { LevelledLog } from '../../ports/levelledLog.js';

/** The current value read from a file, replaced when the file changes. */
export interface WatchedFile<T> {
  current(): T;
  /** Re-reads the file now (what a change of the file triggers); returns whether the value was replaced. */
  reload(): boolean;
  close(): void;
}

export interface WatchFileOptions<T> {
  /** Reads and validates the file; throws, with a message that names the file, when it cannot. */
  readonly load: (file: string) => T;
  /** How the log names the value: "ranker models", "re-ranking rules". */
  readonly subject: string;
  /** How the log names the file when it refuses it: "ranker model file". */
  readonly fileSubject: string;
  /** What the log says of a value (its versions, its counts). */
  readonly describe: (value: T) => string;
  /** Reloads are reported at info, refusals and a lost watch at warn, one line each. */
  readonly log: LevelledLog;
  /** Quiet time after the last change before the file is read (editors write in several steps). */
  readonly debounceMs?: number;
}

/** What a caller of a watcher for one kind of file chooses: where lines go, how long to wait. */
export type WatchLogOptions = Pick<WatchFileOptions<unknown>, 'log' | 'debounceMs'>;

/**
 * Loads a configuration file (a bad file at start is the caller's error) and watches it. The
 * directory is watched, not the file, because an atomic replace (write a temporary file,
 * rename it over) gives the path a new inode that a watch on the old one never sees. A new
 * file that cannot be read or does not validate is refused with a logged message and the
 * previous value stays. A request keeps the value it started with, since it reads it once, so
 * a reload never changes a list half-way.
 */
export function watchFile<T>(file: string, options: WatchFileOptions<T>): WatchedFile<T> {
  let value = options.load(file);
  let timer: NodeJS.Timeout | null = null;
  const name = path.basename(file);
  const reload = (): boolean => {
    try {
      const next = options.load(file);
      if (JSON.stringify(next) === JSON.stringify(value)) return false;
      value = next;
      options.log.info(`${options.subject} reloaded from ${file}: ${options.describe(value)}`);
      return true;
    } catch (error) {
      options.log.warn(`${options.fileSubject} refused, still serving ${options.describe(value)}: ${(error as Error).message}`);
      return false;
    }
  };
  let watcher: FSWatcher | null = watch(path.dirname(file), { persistent: false }, (_event, changed) => {
    if (changed !== null && changed !== name) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      reload();
    }, options.debounceMs ?? 100);
  });
  watcher.on('error', (error) => {
    options.log.warn(`cannot watch ${file} any more (${error.message}); restart to load a new ${options.fileSubject}`);
    watcher?.close();
    watcher = null;
  });
  return {
    current: () => value,
    reload,
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
      watcher = null;
    },
  };
}
