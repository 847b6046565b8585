import type { ItemInput } from '../../pipeline/requests.js';
import { mapRecords } from '../mapRecords.js';
import { readCsvRecords } from '../readCsvRecords.js';
import type { SourceRecord } from '../sourceRecord.js';
import { movieLensItem } from './movieLensItem.js';

/** Streams movies.csv as items, each with its tags from `tagsByMovie` (see readMovieLensTags). */
export function readMovieLensMovies(
  file: string,
  tagsByMovie: ReadonlyMap<string, readonly string[]>,
): AsyncGenerator<SourceRecord<ItemInput>> {
  return mapRecords(readCsvRecords(file), (row) => movieLensItem(row, tagsByMovie.get(String(row.movieId)) ?? []));
}
