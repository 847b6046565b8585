import { readMovieLensRatings } from './readMovieLensRatings.js';

/**
 * Each movie's first rating in ratings.csv (epoch ms), by movieId: when it entered the
 * catalog as far as MovieLens can tell, since movies.csv has no such date. Rows that do not
 * parse are left to the import proper, which reports them.
 */
export async function firstRatingTimes(file: string): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  for await (const record of readMovieLensRatings(file)) {
    if (!record.result.ok) continue;
    const { itemId, timestamp } = record.result.value;
    if (timestamp === null) continue;
    const known = first.get(itemId);
    if (known === undefined || timestamp < known) first.set(itemId, timestamp);
  }
  return first;
}
