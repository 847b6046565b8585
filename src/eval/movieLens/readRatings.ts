import type { Rating } from './rating.js';
import { readMovieLensCsv } from './readMovieLensCsv.js';

/** ratings.csv (userId,movieId,rating,timestamp) as ratings; a malformed row stops the run. */
export async function readRatings(file: string): Promise<Rating[]> {
  const { rows } = await readMovieLensCsv(file);
  return rows.map(({ fields }, index) => {
    const value = Number(fields.rating);
    const timestamp = Number(fields.timestamp);
    if (!fields.userId || !fields.movieId || !Number.isFinite(value) || !Number.isFinite(timestamp)) {
      throw new Error(`${file} row ${index + 2}: expected userId,movieId,rating,timestamp, got ${JSON.stringify(fields)}`);
    }
    return { userId: fields.userId, itemId: fields.movieId, value, timestamp };
  });
}
