import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRecord } from '../../src/ingestion/sourceRecord.js';
import { movieLensText } from '../../src/ingestion/movieLens/movieLensText.js';
import { rankTags } from '../../src/ingestion/movieLens/rankTags.js';
import { readMovieLensMovies } from '../../src/ingestion/movieLens/readMovieLensMovies.js';
import { readMovieLensRatings } from '../../src/ingestion/movieLens/readMovieLensRatings.js';
import { readMovieLensTags } from '../../src/ingestion/movieLens/readMovieLensTags.js';
import { splitMovieTitle } from '../../src/ingestion/movieLens/splitMovieTitle.js';
import type { RecordIssue } from '../../src/ingestion/recordIssue.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/movielens-small');

async function collect<T>(records: AsyncIterable<SourceRecord<T>>): Promise<SourceRecord<T>[]> {
  const all: SourceRecord<T>[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe('splitMovieTitle', () => {
  it('moves the trailing year out of the title', () => {
    expect(splitMovieTitle('Toy Story (1995)')).toEqual({ title: 'Toy Story', year: 1995 });
    expect(splitMovieTitle('American President, The (1995)')).toEqual({ title: 'American President, The', year: 1995 });
    expect(splitMovieTitle('City of Lost Children, The (Cité des enfants perdus, La) (1995)')).toEqual({
      title: 'City of Lost Children, The (Cité des enfants perdus, La)',
      year: 1995,
    });
    expect(splitMovieTitle('From Dusk Till Dawn 2: Texas Blood Money (1999) ')).toEqual({
      title: 'From Dusk Till Dawn 2: Texas Blood Money',
      year: 1999,
    });
    expect(splitMovieTitle('Death Note: Desu nôto (2006–2007)')).toEqual({ title: 'Death Note: Desu nôto', year: 2006 });
    expect(splitMovieTitle('Cosmos')).toEqual({ title: 'Cosmos', year: null });
    expect(splitMovieTitle('1492: Conquest of Paradise (1992)')).toEqual({ title: '1492: Conquest of Paradise', year: 1992 });
    expect(splitMovieTitle('(1995)')).toEqual({ title: '(1995)', year: null });
  });
});

describe('rankTags', () => {
  it('merges spellings, puts the most applied first and breaks ties alphabetically', () => {
    expect(rankTags(['pixar', 'fun', 'Pixar', 'pixar', ' Fun ', 'animation', 'Zany', ''])).toEqual([
      'pixar',
      'fun',
      'animation',
      'Zany',
    ]);
  });
});

describe('movieLensText', () => {
  it('describes the film in words a person searches with', () => {
    expect(movieLensText(['Adventure', 'Animation'], 1995, ['pixar', 'fun'])).toBe(
      'Adventure, Animation film from 1995, tagged pixar, fun.',
    );
    expect(movieLensText([], null, [])).toBe('Film.');
  });
});

describe('MovieLens fixture', () => {
  it('reads Toy Story with its year, genres and tags', async () => {
    const issues: RecordIssue[] = [];
    const tags = await readMovieLensTags(path.join(fixture, 'tags.csv'), (issue) => issues.push(issue));
    expect(issues).toEqual([]);
    expect(tags.get('1')).toEqual(['pixar', 'fun']);
    expect(tags.get('3114')).toEqual(['Pixar', 'animation', 'Disney', 'funny', 'original', 'sequel', 'Tom Hanks']);

    const file = path.join(fixture, 'movies.csv');
    const movies = await collect(readMovieLensMovies(file, tags));
    expect(movies).toHaveLength(300);
    expect(movies.every((movie) => movie.result.ok)).toBe(true);
    expect(movies[0]).toEqual({
      file,
      line: 2,
      result: {
        ok: true,
        value: {
          id: '1',
          title: 'Toy Story',
          text: 'Adventure, Animation, Children, Comedy, Fantasy film from 1995, tagged pixar, fun.',
          categories: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
          tags: ['pixar', 'fun'],
          year: 1995,
        },
      },
    });
    const byId = new Map(movies.map(({ result }) => (result.ok ? [result.value.id, result.value] : ['', null])));
    expect(byId.get('78499')).toMatchObject({ title: 'Toy Story 3', year: 2010, categories: expect.arrayContaining(['IMAX']) });
    expect(byId.get('11')).toMatchObject({ title: 'American President, The', year: 1995, tags: ['politics', 'president'] });
    expect(byId.get('171749')).toEqual({
      id: '171749',
      title: 'Death Note: Desu nôto',
      text: 'Film from 2006.',
      categories: [],
      tags: [],
      year: 2006,
    });
    expect(byId.get('171495')).toMatchObject({ title: 'Cosmos', year: null, categories: [], text: 'Film.' });
  });

  it('reads ratings as rating events at their real times', async () => {
    const ratings = await collect(readMovieLensRatings(path.join(fixture, 'ratings.csv')));
    expect(ratings).toHaveLength(13922);
    expect(ratings[0]).toEqual({
      file: path.join(fixture, 'ratings.csv'),
      line: 2,
      result: {
        ok: true,
        value: {
          id: 'ml:1:1:964982703',
          type: 'rating',
          userId: '1',
          itemId: '1',
          timestamp: 964982703000,
          value: 4,
          requestId: null,
        },
      },
    });
    const ofUserOne = ratings.filter(({ result }) => result.ok && result.value.userId === '1');
    expect(ofUserOne).toHaveLength(81);
  });
});
