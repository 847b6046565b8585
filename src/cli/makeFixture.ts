/**
 * Writes test/fixtures/movielens-small: a deterministic subset of MovieLens ml-latest-small
 * in the same format, small enough to commit, for the end-to-end tests.
 *
 *   npm run fixture:make -- [--source DIR] [--out DIR] [--movies N] [--users N]
 */
import { parse } from 'csv-parse/sync';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/loadConfig.js';
import { runCommand } from './runCommand.js';

/**
 * Movies every fixture has, whatever the options: the Toy Story trilogy that the end-to-end
 * tests search for, and the shapes of row the importer must handle.
 */
const PINNED: readonly { readonly movieId: string; readonly why: string }[] = [
  { movieId: '1', why: 'Toy Story' },
  { movieId: '3114', why: 'Toy Story 2' },
  { movieId: '78499', why: 'Toy Story 3' },
  { movieId: '11', why: 'a quoted title with a comma' },
  { movieId: '171749', why: 'no genres and a span of years' },
  { movieId: '171495', why: 'no year' },
];

const ALWAYS_USER = '1';

const USAGE = `Usage: npm run fixture:make -- [options]

Writes a subset of MovieLens ml-latest-small (movies.csv, ratings.csv, tags.csv and a
README.md with the licence) chosen deterministically, so that the output only changes
when the source or the options do.

Movies: the pinned ones (${pinnedDescription()}), then the most rated movie of each
genre not yet chosen, genre after genre in alphabetical order, until --movies.
Users: user 1, then the users with the most ratings of those movies (ties: lower id).
Ratings: every rating by those users of those movies. Tags: every tag of those movies.
Rows are copied verbatim, in the source's order.

Options:
  --source DIR   ml-latest-small directory (default: SEED_MOVIELENS, or ../shared/data/ml-latest-small)
  --out DIR      output directory (default: test/fixtures/movielens-small)
  --movies N     number of movies (default: 300)
  --users N      number of users (default: 100)
  --help         print this and exit`;

type Row = Readonly<Record<string, string>>;

interface Table {
  readonly header: string;
  readonly rows: readonly { readonly row: Row; readonly raw: string }[];
}

function pinnedDescription(): string {
  return PINNED.map(({ movieId, why }) => `${movieId}: ${why}`).join('; ');
}

// Rows keep their bytes, but every line ends in \n: the source ends lines in \r\n, which Git
// may rewrite on checkout, and the CSV reader's handling of \r\n has its own test.
async function readTable(file: string): Promise<Table> {
  const text = await readFile(file, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).replace(/\r$/, '');
  const records = parse(text, { columns: true, raw: true, bom: true }) as { record: Row; raw: string }[];
  return { header, rows: records.map(({ record, raw }) => ({ row: record, raw: raw.replace(/[\r\n]+$/, '') })) };
}

function chooseMovies(movies: Table, ratings: Table, count: number): Set<string> {
  const ratingCount = new Map<string, number>();
  for (const { row } of ratings.rows) ratingCount.set(row.movieId!, (ratingCount.get(row.movieId!) ?? 0) + 1);
  const byGenre = new Map<string, string[]>();
  for (const { row } of movies.rows) {
    for (const genre of row.genres!.split('|')) byGenre.set(genre, [...(byGenre.get(genre) ?? []), row.movieId!]);
  }
  const popularFirst = (a: string, b: string) => (ratingCount.get(b) ?? 0) - (ratingCount.get(a) ?? 0) || Number(a) - Number(b);
  const queues = [...byGenre.keys()].sort().map((genre) => byGenre.get(genre)!.sort(popularFirst));
  const known = new Set(movies.rows.map(({ row }) => row.movieId!));
  const chosen = new Set(PINNED.map(({ movieId }) => movieId).filter((movieId) => known.has(movieId)));
  while (chosen.size < Math.min(count, known.size)) {
    for (const queue of queues) {
      const next = queue.find((movieId) => !chosen.has(movieId));
      if (next !== undefined && chosen.size < count) chosen.add(next);
    }
  }
  return chosen;
}

function chooseUsers(ratings: Table, movies: ReadonlySet<string>, count: number): Set<string> {
  const perUser = new Map<string, number>();
  for (const { row } of ratings.rows) {
    if (movies.has(row.movieId!)) perUser.set(row.userId!, (perUser.get(row.userId!) ?? 0) + 1);
  }
  const ranked = [...perUser.entries()]
    .filter(([userId]) => userId !== ALWAYS_USER)
    .sort(([a, countA], [b, countB]) => countB - countA || Number(a) - Number(b))
    .map(([userId]) => userId);
  return new Set([ALWAYS_USER, ...ranked].slice(0, count));
}

function csv(table: Table, keep: (row: Row) => boolean): { text: string; rows: number } {
  const kept = table.rows.filter(({ row }) => keep(row));
  return { text: [table.header, ...kept.map(({ raw }) => raw)].join('\n') + '\n', rows: kept.length };
}

/** The licence and citation sections of ml-latest-small's README.txt, verbatim. */
function licenceSections(readme: string): string {
  const start = readme.indexOf('Usage License');
  const end = readme.indexOf('Further Information About GroupLens');
  if (start === -1 || end === -1) throw new Error('README.txt of the source has no "Usage License" section to copy');
  return readme.slice(start, end).trim();
}

function fixtureReadme(counts: Record<string, number>, options: { movies: number; users: number }, licence: string): string {
  return `# movielens-small: a subset of MovieLens ml-latest-small

A test fixture of this project: ${counts.movies} movies, ${counts.ratings} ratings by ${counts.users} users and
${counts.tags} tags, taken from MovieLens **ml-latest-small** (F. Maxwell Harper and Joseph A. Konstan,
GroupLens Research, University of Minnesota; generated on September 26, 2018), in the same
format (movies.csv, ratings.csv, tags.csv; rows copied verbatim).

It is a transformation of ml-latest-small and is redistributed under the same license
conditions, reproduced below from the data set's README.txt. Neither the University of
Minnesota nor GroupLens endorses this project. Research and testing use only; no commercial
use without the permission of GroupLens.

Made by \`npm run fixture:make -- --movies ${options.movies} --users ${options.users}\` (src/cli/makeFixture.ts), which
chooses deterministically:

${PINNED.map(({ movieId, why }) => `- movie ${movieId}, ${why};`).join('\n')}
- then the most rated movie of each genre not yet chosen, genre after genre, until ${options.movies};
- user 1 and the users with the most ratings of those movies, ${options.users} in all;
- every rating by those users of those movies, and every tag of those movies.

Do not edit the files by hand: change the script and run it again.

The full data set: <https://grouplens.org/datasets/movielens/>.

---

${licence}
`;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        source: { type: 'string' },
        out: { type: 'string' },
        movies: { type: 'string', default: '300' },
        users: { type: 'string', default: '100' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const movieCount = Number(args.movies);
  const userCount = Number(args.users);
  if (!Number.isInteger(movieCount) || movieCount < PINNED.length || !Number.isInteger(userCount) || userCount < 1) {
    process.stderr.write(`--movies must be an integer of at least ${PINNED.length} and --users a positive integer\n\n${USAGE}\n`);
    return 2;
  }
  const source = args.source ?? loadConfig().data.seedMovieLens;
  if (source === null) {
    process.stderr.write('no source: pass --source DIR (SEED_MOVIELENS is "none")\n');
    return 2;
  }
  const out = path.resolve(args.out ?? 'test/fixtures/movielens-small');

  const [movies, ratings, tags, readme] = await Promise.all([
    readTable(path.join(source, 'movies.csv')),
    readTable(path.join(source, 'ratings.csv')),
    readTable(path.join(source, 'tags.csv')),
    readFile(path.join(source, 'README.txt'), 'utf8'),
  ]);
  const chosenMovies = chooseMovies(movies, ratings, movieCount);
  const chosenUsers = chooseUsers(ratings, chosenMovies, userCount);

  const moviesCsv = csv(movies, (row) => chosenMovies.has(row.movieId!));
  const ratingsCsv = csv(ratings, (row) => chosenMovies.has(row.movieId!) && chosenUsers.has(row.userId!));
  const tagsCsv = csv(tags, (row) => chosenMovies.has(row.movieId!));
  const counts = { movies: moviesCsv.rows, ratings: ratingsCsv.rows, users: chosenUsers.size, tags: tagsCsv.rows };

  await mkdir(out, { recursive: true });
  await Promise.all([
    writeFile(path.join(out, 'movies.csv'), moviesCsv.text),
    writeFile(path.join(out, 'ratings.csv'), ratingsCsv.text),
    writeFile(path.join(out, 'tags.csv'), tagsCsv.text),
    writeFile(path.join(out, 'README.md'), fixtureReadme(counts, { movies: movieCount, users: userCount }, licenceSections(readme))),
  ]);
  const bytes = moviesCsv.text.length + ratingsCsv.text.length + tagsCsv.text.length;
  process.stdout.write(
    `wrote ${out}: ${counts.movies} movies, ${counts.ratings} ratings by ${counts.users} users, ${counts.tags} tags (~${Math.round(bytes / 1024)} KiB)\n`,
  );
  return 0;
}

runCommand(main, { label: 'fixture:make failed' });
