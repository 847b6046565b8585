import { access } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CatalogIndex } from '../../ports/catalogIndex.js';
import type { Embedder } from '../../ports/embedder.js';
import type { FeatureStore } from '../../ports/featureStore.js';
import { countLines } from '../countLines.js';
import { ingestEvents } from '../ingestEvents.js';
import { ingestItems, type ItemIngestOptions } from '../ingestItems.js';
import type { IngestProgress } from '../ingestProgress.js';
import type { IngestSummary } from '../ingestSummary.js';
import { firstRatingTimes } from './firstRatingTimes.js';
import { readMovieLensMovies } from './readMovieLensMovies.js';
import { readMovieLensRatings } from './readMovieLensRatings.js';
import { readMovieLensTags } from './readMovieLensTags.js';

export interface ImportMovieLensOptions extends Omit<ItemIngestOptions, 'onProgress' | 'batchSize'> {
  readonly catalog: CatalogIndex;
  readonly features: FeatureStore;
  readonly embedder: Embedder;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly itemBatchSize?: number;
  readonly eventBatchSize?: number;
}

/**
 * Loads a directory in the ml-latest-small format: movies.csv with tags.csv become items,
 * ratings.csv becomes rating events at their real times. A movie enters the catalog at its first
 * rating in ratings.csv, so that its age (item_freshness) means in a replay what it meant then; a
 * movie no one has rated yet counts as there from the start (the file's first rating), not as
 * new: nothing says when it arrived, and "new" would only repeat that it has no ratings. Idempotent (items by movieId, events
 * by `ml:<user>:<movie>:<seconds>`), so an interrupted import is finished by importing again.
 * tags.csv may be absent; movies.csv and ratings.csv may not.
 */
export async function importMovieLens(dir: string, options: ImportMovieLensOptions): Promise<IngestSummary> {
  const files = { movies: path.join(dir, 'movies.csv'), ratings: path.join(dir, 'ratings.csv'), tags: path.join(dir, 'tags.csv') };
  for (const required of [files.movies, files.ratings]) {
    if (!(await exists(required))) throw new Error(`${dir} is not a MovieLens directory: ${path.basename(required)} is missing`);
  }
  const started = performance.now();
  const { onProgress, onIssue = () => {}, strict, now, skipUnchanged } = options;
  const tags = (await exists(files.tags)) ? await readMovieLensTags(files.tags, onIssue) : new Map<string, string[]>();

  const movieTotal = (await countLines(files.movies)) - 1;
  const firstRated = await firstRatingTimes(files.ratings);
  const items = await ingestItems(readMovieLensMovies(files.movies, tags), options, {
    onIssue,
    strict,
    now,
    skipUnchanged,
    createdAtOf: (id) => firstRated.get(id) ?? firstRated.earliest,
    batchSize: options.itemBatchSize,
    onProgress: (processed) => onProgress?.({ stage: 'items', file: files.movies, processed, total: movieTotal }),
  });
  const itemsDone = performance.now();

  const ratingTotal = (await countLines(files.ratings)) - 1;
  const events = await ingestEvents(readMovieLensRatings(files.ratings), options, {
    onIssue,
    strict,
    now,
    batchSize: options.eventBatchSize,
    onProgress: (processed) => onProgress?.({ stage: 'events', file: files.ratings, processed, total: ratingTotal }),
  });
  const finished = performance.now();
  return {
    items,
    events,
    seconds: (finished - started) / 1000,
    itemSeconds: (itemsDone - started) / 1000,
    eventSeconds: (finished - itemsDone) / 1000,
  };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
