import { readMovieLensRatings } from './readMovieLensRatings.js';

/**
 * Each movie's first rating in ratings.csv (epoch ms), by movieId, and the file's earliest: when it entered the
 * catalog as far as MovieLens can tell, since movies.csv has no such date. Rows that do not
 * parse are left to the import proper, which reports them.
 */
export async function firstRatingTimes(file: string): Promise<Map<string, number> & { readonly earliest: number | undefined }> {
  const first = new Map<string, number>();
  let earliest: number | undefined;
  for await (const record of readMovieLensRatings(file)) {
    if (!record.result.ok) continue;
    const { itemId, timestamp } = record.result.value;
    if (timestamp === null) continue;
    const known = first.get(itemId);
    if (known === undefined || timestamp < known) first.set(itemId, timestamp);
    if (earliest === undefined || timestamp < earliest) earliest = timestamp;
  }
  return Object.assign(first, { earliest });
}
