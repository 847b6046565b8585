import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { RankerModels } from '../../ranking/rankerModel.js';
import { loadRankerModels } from './loadRankerModels.js';

/** The current ranker models, replaced when their file changes. */
export interface RankerModelSource {
  current(): RankerModels;
  /** Re-reads the file now (what a change of the file triggers); returns whether the models were replaced. */
  reload(): boolean;
  close(): void;
}

export interface WatchRankerModelsOptions {
  /** Reloads and refusals are reported here, one line each. */
  readonly log: (line: string) => void;
  /** Quiet time after the last change before the file is read (editors write in several steps). */
  readonly debounceMs?: number;
}

function versions(models: RankerModels): string {
  return `search ${models.search.version}, recommend ${models.recommend.version}, similar ${models.similar.version}`;
}

/**
 * Loads the model file (a bad file at start is the caller's error) and watches it. The
 * directory is watched, not the file, because an atomic replace (write a temporary file,
 * rename it over) gives the path a new inode that a watch on the old one never sees. A new
 * file that cannot be read or whose features do not match the code is refused with a logged
 * message and the previous models stay. A request keeps the models it started with, since it
 * reads them once, so a reload never changes a list half-way.
 */
export function watchRankerModels(file: string, options: WatchRankerModelsOptions): RankerModelSource {
  let models = loadRankerModels(file);
  let timer: NodeJS.Timeout | null = null;
  const name = path.basename(file);
  const reload = (): boolean => {
    try {
      const next = loadRankerModels(file);
      if (JSON.stringify(next) === JSON.stringify(models)) return false;
      models = next;
      options.log(`ranker models reloaded from ${file}: ${versions(models)}`);
      return true;
    } catch (error) {
      options.log(`ranker model file refused, still serving ${versions(models)}: ${(error as Error).message}`);
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
    options.log(`cannot watch ${file} any more (${error.message}); restart to load a new model`);
    watcher?.close();
    watcher = null;
  });
  return {
    current: () => models,
    reload,
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
      watcher = null;
    },
  };
}
