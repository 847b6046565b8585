import { access, copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Rating } from './rating.js';
import { readMovieLensCsv } from './readMovieLensCsv.js';

export interface TrainingDirSummary {
  readonly ratings: number;
  readonly tagsKept: number;
  readonly tagsDropped: number;
}

/**
 * Writes a MovieLens directory that holds only the training split, for the project's own
 * importer: movies.csv as it is, ratings.csv with the training ratings, and tags.csv without
 * the tags a user put on a movie they rated in the test period, so that nothing a test
 * interaction left behind reaches the gateway.
 */
export async function writeTrainingDir(sourceDir: string, targetDir: string, train: readonly Rating[], test: readonly Rating[]): Promise<TrainingDirSummary> {
  await copyFile(path.join(sourceDir, 'movies.csv'), path.join(targetDir, 'movies.csv'));
  const lines = ['userId,movieId,rating,timestamp', ...train.map((r) => `${r.userId},${r.itemId},${r.value},${r.timestamp}`)];
  await writeFile(path.join(targetDir, 'ratings.csv'), `${lines.join('\n')}\n`);

  const tagsFile = path.join(sourceDir, 'tags.csv');
  const hasTags = await access(tagsFile).then(
    () => true,
    () => false,
  );
  if (!hasTags) return { ratings: train.length, tagsKept: 0, tagsDropped: 0 };
  const held = new Set(test.map((r) => `${r.userId}:${r.itemId}`));
  const { header, rows } = await readMovieLensCsv(tagsFile);
  const kept = rows.filter(({ fields }) => !held.has(`${fields.userId}:${fields.movieId}`));
  await writeFile(path.join(targetDir, 'tags.csv'), `${[header, ...kept.map((row) => row.raw)].join('\n')}\n`);
  return { ratings: train.length, tagsKept: kept.length, tagsDropped: rows.length - kept.length };
}
