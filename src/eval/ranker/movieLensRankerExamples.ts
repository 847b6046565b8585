import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../app/openApp.js';
import { trainItem2vec } from '../../app/trainItem2vec.js';
import { POSITIVE_RATING } from '../../domain/event.js';
import { FEATURE_NAMES } from '../../features/featureNames.js';
import { ingestFiles } from '../../ingestion/ingestFiles.js';
import type { IngestProgress } from '../../ingestion/ingestProgress.js';
import type { ExampleSet } from '../../training/ranker/exampleSet.js';
import type { LabelledRequest } from '../../training/ranker/labelledRequest.js';
import { windowOf, type RankerExamples } from '../../training/ranker/rankerExamples.js';
import { requestExamples } from './requestExamples.js';
import { harnessConfig } from '../gatewayUnderTest.js';
import { mapConcurrent } from '../mapConcurrent.js';
import type { Rating } from '../movieLens/rating.js';
import { readRatings } from '../movieLens/readRatings.js';
import { replayClock } from '../movieLens/replayClock.js';
import { writeTrainingDir } from '../movieLens/writeTrainingDir.js';
import { temporalSplit } from '../temporalSplit.js';

export interface MovieLensExampleOptions {
  /** A directory in the ml-latest-small format. */
  readonly dataDir: string;
  /** Environment for the gateway's configuration (EMBEDDING_MODEL, ranking settings). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Share of each user's ratings, latest first, per period (default 0.2, as eval:recs holds out). */
  readonly periodFraction?: number;
  /** Users asked at once. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly log?: (line: string) => void;
}

/** Label period of one example set and the ratings the gateway may know before it. */
interface Period {
  readonly name: 'training' | 'validation';
  readonly before: readonly Rating[];
  readonly labels: readonly Rating[];
  /** Every rating the gateway must not see: the label period and all that follows. */
  readonly after: readonly Rating[];
}

/**
 * The MovieLens recipe for ranker examples, without leakage. Each user's ratings in time order
 * are cut into periods from the end, `periodFraction` of them each (temporalSplit):
 *
 *   [ ... features for training | training labels | validation labels | eval:recs test ]
 *
 * The last period is eval:recs's test set and is never read, so eval:recs can score the
 * learned model honestly. For each of the two label periods a fresh gateway is built from the
 * ratings before it alone (the MovieLens importer, then item2vec, as eval:recs does), whose
 * clock stands at the latest of those ratings (replayClock); every
 * user with a positive (rating ≥ 4) in the period gets recommendations for their whole
 * candidate pool from the real pipeline, and each candidate is a positive when the user rated
 * it ≥ 4 in the period. Training labels come before validation labels for every user: the
 * train/validation split is by time.
 */
export async function movieLensRankerExamples(options: MovieLensExampleOptions): Promise<RankerExamples> {
  const fraction = options.periodFraction ?? 0.2;
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const ratings = await readRatings(path.join(dataDir, 'ratings.csv'));
  const held = temporalSplit(ratings, { testFraction: fraction });
  const validationCut = temporalSplit(held.train, { testFraction: fraction });
  const trainingCut = temporalSplit(validationCut.train, { testFraction: fraction });
  const periods: Period[] = [
    { name: 'training', before: trainingCut.train, labels: trainingCut.test, after: [...trainingCut.test, ...validationCut.test, ...held.test] },
    { name: 'validation', before: validationCut.train, labels: validationCut.test, after: [...validationCut.test, ...held.test] },
  ];
  log(
    `${ratings.length} ratings; eval:recs test period (${held.test.length}) left out; ` +
      `training labels ${trainingCut.test.length}, validation labels ${validationCut.test.length}`,
  );
  const work = await mkdtemp(path.join(os.tmpdir(), 'train-ranker-'));
  try {
    const [train, validation] = [
      await periodExamples(periods[0]!, dataDir, work, options),
      await periodExamples(periods[1]!, dataDir, work, options),
    ];
    return {
      train,
      validation,
      trainingWindow: windowOf(trainingCut.test.map((rating) => rating.timestamp * 1000)),
      validationWindow: windowOf(validationCut.test.map((rating) => rating.timestamp * 1000)),
      dataSource:
        `MovieLens ${path.basename(dataDir)}: per user, candidates retrieved from the ratings before a period, ` +
        `labelled positive when rated ≥ ${POSITIVE_RATING} in it (periods of ${fraction * 100}% of each user's ratings; eval:recs's test period unread)`,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function periodExamples(period: Period, sourceDir: string, work: string, options: MovieLensExampleOptions): Promise<ExampleSet> {
  const log = options.log ?? (() => {});
  const movieLensDir = path.join(work, `${period.name}-movielens`);
  await mkdir(movieLensDir);
  await writeTrainingDir(sourceDir, movieLensDir, period.before, period.after);
  // No business rules, no default diversity: the examples are the whole pool, whatever its order.
  const config = harnessConfig(path.join(work, `${period.name}-data`), { ...options.env, RERANK_RULES: 'none', DEFAULT_DIVERSITY: '0' });
  // The gateway lives at the period's cutoff: decayed and age features as they were then.
  const now = replayClock(period.before);
  const app = await openApp(config, { now });
  try {
    log(`${period.name}: ingesting ${period.before.length} earlier ratings (now = ${new Date(now()).toISOString()})`);
    await ingestFiles({ movieLens: movieLensDir }, app.stores, { now, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    await trainItem2vec({ catalog: app.stores.catalog, events: app.stores.features });
    const requests = ratingLabels(period.labels);
    let done = 0;
    const groups = await mapConcurrent(requests, options.concurrency ?? 2, async (request) => {
      const group = await requestExamples(app.gateway, request, config.ranking.poolSize);
      done += 1;
      options.onProgress?.({ stage: 'examples', file: period.name, processed: done, total: requests.length });
      return group;
    });
    return { featureNames: [...FEATURE_NAMES], groups };
  } finally {
    await app.close();
  }
}

/** A period's ratings as requests: one per user with a rating ≥ 4 in it, over the whole pool. */
function ratingLabels(ratings: readonly Rating[]): LabelledRequest[] {
  const positives = new Map<string, Set<string>>();
  for (const rating of ratings) {
    if (rating.value < POSITIVE_RATING) continue;
    const set = positives.get(rating.userId) ?? new Set<string>();
    set.add(rating.itemId);
    positives.set(rating.userId, set);
  }
  return [...positives.keys()].sort().map((userId) => ({ id: userId, userId, shown: null, positives: positives.get(userId)! }));
}
