import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { POSITIVE_RATING } from '../../domain/event.js';
import { ingestFiles } from '../../ingestion/ingestFiles.js';
import { interactionMatrix } from '../baselines/interactionMatrix.js';
import { itemKnnBaseline } from '../baselines/itemKnnBaseline.js';
import { popularityBaseline } from '../baselines/popularityBaseline.js';
import { randomBaseline } from '../baselines/randomBaseline.js';
import type { Recommender } from '../baselines/recommender.js';
import { describeItem2vecRun, trainItem2vec } from '../../app/trainItem2vec.js';
import { startGatewayUnderTest } from '../gatewayUnderTest.js';
import type { Ranking } from '../metrics/ranking.js';
import { readMovies } from '../movieLens/readMovies.js';
import { readRatings } from '../movieLens/readRatings.js';
import { replayClock } from '../movieLens/replayClock.js';
import { writeTrainingDir } from '../movieLens/writeTrainingDir.js';
import { relevantByUser } from '../relevantByUser.js';
import { machineInfo } from '../report/machineInfo.js';
import { temporalSplit } from '../temporalSplit.js';
import type { FetchedRankings } from '../fetchRankings.js';
import { fetchRecommendations } from './fetchRecommendations.js';
import { item2vecAlone } from './item2vecAlone.js';
import { recsMarkdown } from './recsMarkdown.js';
import type { RecsReport, RecsSystemResult } from './recsReport.js';
import { scoreRecommendations } from './scoreRecommendations.js';
import { selectUsers } from './selectUsers.js';

export interface RecsEvalOptions {
  /** A directory in the ml-latest-small format. */
  readonly dataDir: string;
  /** Where eval-recs.json and eval-recs.md go; null: nowhere (tests). */
  readonly outDir?: string | null;
  /** Evaluate only the first N test users (by id); null: all. */
  readonly limitUsers?: number | null;
  readonly seed?: number;
  /** Results asked of every recommender per user. */
  readonly first?: number;
  /** GraphQL requests in flight at once. */
  readonly concurrency?: number;
  readonly itemKnnNeighbours?: number;
  /** Environment for the gateway's configuration (EMBEDDING_MODEL and the like). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The command line to record in the report. */
  readonly command?: string;
  /** Progress lines (to stderr in the CLI). */
  readonly log?: (line: string) => void;
}

export const RECS_EVAL_DEFAULTS = { seed: 42, first: 20, concurrency: 4, itemKnnNeighbours: 100, testFraction: 0.2 } as const;

/**
 * The recommendation evaluation: splits the ratings by time, ingests the training part into a
 * fresh data directory through the project's importer, asks the real gateway (its clock at the
 * end of the training split) over HTTP
 * GraphQL for every test user's recommendations, and scores it beside three baselines
 * computed on the same training data.
 */
export async function runRecsEval(options: RecsEvalOptions): Promise<RecsReport> {
  const seed = options.seed ?? RECS_EVAL_DEFAULTS.seed;
  const first = options.first ?? RECS_EVAL_DEFAULTS.first;
  const concurrency = options.concurrency ?? RECS_EVAL_DEFAULTS.concurrency;
  const neighbours = options.itemKnnNeighbours ?? RECS_EVAL_DEFAULTS.itemKnnNeighbours;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const dataDir = path.resolve(options.dataDir);

  const [movies, ratings] = await Promise.all([readMovies(path.join(dataDir, 'movies.csv')), readRatings(path.join(dataDir, 'ratings.csv'))]);
  const split = temporalSplit(ratings, { testFraction: RECS_EVAL_DEFAULTS.testFraction });
  const relevant = relevantByUser(split.test);
  const users = selectUsers(relevant.keys(), options.limitUsers ?? null);
  const judgements = new Map(users.map((user) => [user, relevant.get(user)!]));
  log(`split: ${split.train.length} training and ${split.test.length} test ratings; evaluating ${users.length} of ${relevant.size} test users`);

  const work = await mkdtemp(path.join(os.tmpdir(), 'eval-recs-'));
  try {
    const trainingDir = path.join(work, 'movielens-train');
    await mkdir(trainingDir);
    const written = await writeTrainingDir(dataDir, trainingDir, split.train, split.test);

    let ingestion: RecsReport['ingestion'] = {};
    let item2vec: RecsReport['item2vec'] = null;
    // The gateway answers at the end of the training split, as it would have then.
    const now = replayClock(split.train);
    const gateway = await startGatewayUnderTest({
      dataDir: path.join(work, 'data'),
      env: options.env ?? {},
      now,
      prepare: async (stores) => {
        log(`ingesting the training split through the MovieLens importer (now = ${new Date(now()).toISOString()})`);
        const summary = await ingestFiles({ movieLens: trainingDir }, stores, { now });
        ingestion = {
          items: summary.items.ok,
          itemsRefused: summary.items.bad,
          events: summary.events.accepted,
          eventsRefused: summary.events.rejected + summary.events.unknownItem,
          seconds: summary.seconds,
          itemsPerSecond: summary.items.ok / summary.itemSeconds,
        };
        // As the demo does after its seed: collaborative vectors from the training split only.
        const run = await trainItem2vec({ catalog: stores.catalog, events: stores.features });
        log(describeItem2vecRun(run));
        item2vec = {
          stored: run.stored,
          dimension: run.options.dimension,
          options: run.options,
          tokensTrained: run.tokensTrained,
          seconds: run.trainSeconds,
          tokensPerSecond: run.tokensPerSecond,
        };
      },
    });
    let gatewayResult: RecsSystemResult;
    let gatewayFailures: FetchedRankings['failures'];
    let item2vecAloneResult: RecsSystemResult;
    const systems: RecsSystemResult[] = [];
    const catalogIds = new Set(movies.map((movie) => movie.id));
    const genres = new Map(movies.map((movie) => [movie.id, movie.genres]));
    const score = (name: string, rankings: ReadonlyMap<string, Ranking>, failures: number, seconds: number): RecsSystemResult => ({
      name,
      failures,
      seconds,
      ...scoreRecommendations({ judgements, rankings, catalogIds, genresOf: (id) => genres.get(id) }),
    });
    try {
      log(`asking ${gateway.url} for ${users.length} users' recommendations (first: ${first}, ${concurrency} in flight)`);
      const fetchStarted = performance.now();
      const fetched = await fetchRecommendations(gateway.url, users, {
        first,
        concurrency,
        onProgress: (done, total) => {
          if (done % 50 === 0 || done === total) log(`  ${done}/${total} users`);
        },
      });
      gatewayFailures = fetched.failures;
      const aloneStarted = performance.now();
      const alone = await item2vecAlone(gateway.stores, users, first);
      item2vecAloneResult = score('item2vec alone (collaborative source, no fusion)', alone, 0, (performance.now() - aloneStarted) / 1000);
      gatewayResult = score(`gateway (GraphQL, collaborative ${gateway.config.ranking.collaborative ? 'on' : 'off'})`, fetched.rankings, fetched.failures.length, (performance.now() - fetchStarted) / 1000);
    } finally {
      await gateway.stop();
    }
    systems.push(gatewayResult, item2vecAloneResult);

    const matrix = interactionMatrix(
      movies.map((movie) => movie.id),
      split.train,
    );
    const baselines: (() => Recommender)[] = [() => randomBaseline(matrix, seed), () => popularityBaseline(matrix), () => itemKnnBaseline(matrix, { neighbours })];
    for (const build of baselines) {
      const baselineStarted = performance.now();
      const recommender = build();
      const rankings = new Map(users.map((user) => [user, recommender.recommend(user, first)]));
      systems.push(score(recommender.name, rankings, 0, (performance.now() - baselineStarted) / 1000));
      log(`baseline ${recommender.name} done`);
    }

    const report: RecsReport = {
      kind: 'eval-recs',
      date: new Date().toISOString(),
      command: options.command ?? 'runRecsEval',
      dataDir,
      seed,
      machine: machineInfo(),
      config: {
        first,
        concurrency,
        testFraction: RECS_EVAL_DEFAULTS.testFraction,
        positiveRating: POSITIVE_RATING,
        limitUsers: options.limitUsers ?? null,
        itemKnnNeighbours: neighbours,
        gateway: gateway.describe,
      },
      split: {
        ratings: ratings.length,
        trainRatings: split.train.length,
        testRatings: split.test.length,
        users: new Set(ratings.map((rating) => rating.userId)).size,
        testUsers: relevant.size,
        evaluatedUsers: users.length,
        tagsDropped: written.tagsDropped,
      },
      ingestion,
      item2vec,
      durations: {
        totalSeconds: (performance.now() - started) / 1000,
        ...Object.fromEntries(systems.map((system) => [`${system.name} seconds`, system.seconds])),
      },
      systems,
      failureSamples: gatewayFailures.slice(0, 5),
    };
    if (options.outDir) {
      await mkdir(options.outDir, { recursive: true });
      await writeFile(path.join(options.outDir, 'eval-recs.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(path.join(options.outDir, 'eval-recs.md'), recsMarkdown(report));
    }
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
