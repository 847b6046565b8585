import { readMovieLensCsv } from './readMovieLensCsv.js';

export interface Movie {
  readonly id: string;
  /** As in the file, with the year in brackets. */
  readonly title: string;
  /** Genres; empty for "(no genres listed)", as the importer has it. */
  readonly genres: readonly string[];
}

const NO_GENRES = '(no genres listed)';

/** movies.csv as the harness needs it: ids for coverage, genres for diversity, titles for bench queries. */
export async function readMovies(file: string): Promise<Movie[]> {
  const { rows } = await readMovieLensCsv(file);
  return rows.map(({ fields }) => ({
    id: fields.movieId ?? '',
    title: fields.title ?? '',
    genres: !fields.genres || fields.genres === NO_GENRES ? [] : fields.genres.split('|').filter((genre) => genre.length > 0),
  }));
}
