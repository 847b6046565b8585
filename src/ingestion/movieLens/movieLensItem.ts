import type { ItemInput } from '../../pipeline/requests.js';
import { describeValue } from '../describeValue.js';
import type { RawFields } from '../sourceRecord.js';
import { ITEM_LIMITS, validateItem } from '../validateItem.js';
import { invalid, type Validation } from '../validation.js';
import { movieLensText } from './movieLensText.js';
import { splitMovieTitle } from './splitMovieTitle.js';

const NO_GENRES = '(no genres listed)';

/**
 * One row of movies.csv (movieId,title,genres) as an item: id is the movieId, the year moves
 * from the title into `year`, genres become categories, and `tags` are the movie's tags as
 * rankTags ordered them (the most applied first, as many as an item may have).
 */
export function movieLensItem(row: RawFields, tags: readonly string[]): Validation<ItemInput> {
  const { movieId, title, genres } = row;
  if (typeof movieId !== 'string' || !/^\d+$/.test(movieId)) {
    return invalid(`movieId must be a number, got ${describeValue(movieId)}`);
  }
  if (typeof title !== 'string') return invalid(`title is required, got ${describeValue(title)}`);
  if (typeof genres !== 'string') return invalid(`genres is required, got ${describeValue(genres)}`);
  const split = splitMovieTitle(title);
  const categories = genres === NO_GENRES ? [] : genres.split('|').filter((genre) => genre.length > 0);
  const kept = tags.slice(0, ITEM_LIMITS.tags);
  return validateItem({
    id: movieId,
    title: split.title,
    text: movieLensText(categories, split.year, kept),
    categories,
    tags: kept,
    year: split.year,
  });
}
