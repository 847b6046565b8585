/**
 * Trains the recommendation ranker (logistic regression) on MovieLens or on the gateway's logged
 * impressions, and writes the model file.
 *
 *   npm run train:ranker -- [--source movielens|impressions] [--data DIR] [--reference FILE] [--out FILE]
 *                           [--l2 X] [--tolerance X] [--max-iterations N] [--class-weighting balanced|none]
 *                           [--period-fraction X] [--attribution-hours X] [--validation-fraction X]
 *                           [--allow-worse] [--min-validation-groups N]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRankerModels } from '../adapters/fs/loadRankerModels.js';
import { impressionRankerExamples } from '../app/impressionRankerExamples.js';
import { loadConfig } from '../config/loadConfig.js';
import { writeRankerModels } from '../adapters/fs/writeRankerModels.js';
import { movieLensRankerExamples } from '../eval/ranker/movieLensRankerExamples.js';
import { createProgressReporter } from '../ingestion/createProgressReporter.js';
import { learnedRankerModels } from '../training/ranker/learnedRankerModels.js';
import type { RankerExamples } from '../training/ranker/rankerExamples.js';
import { TRAIN_RANKER_DEFAULTS, trainRanker, type ClassWeighting, type TrainRankerOptions } from '../training/ranker/trainRanker.js';
import { DEFAULT_MIN_VALIDATION_GROUPS, modelRefusal, type ModelRefusalOptions } from '../training/ranker/modelRefusal.js';
import { trainingTable } from '../training/ranker/trainingTable.js';
import { runCommand } from './runCommand.js';

const d = TRAIN_RANKER_DEFAULTS;
const USAGE = `Usage: npm run train:ranker -- [options]

Builds ranker training examples and fits the recommendation ranker.

--source movielens (default): examples from MovieLens without leakage. Per user, ratings in time order are cut into periods of --period-fraction each: the
last is eval:recs's test period and is never read; the one before gives the validation labels,
the one before that the training labels. For each label period a fresh gateway (MovieLens
importer, item2vec) is built from the ratings before it, every user with a rating of 4 or
more in the period gets their whole candidate pool from the real pipeline, and a candidate is
a positive when the user rated it 4 or more in the period. The features are those the gateway
served (one implementation for training and serving). Each replayed gateway's clock stands at
the latest rating it holds, so time-decayed and age features are what they were then.

--source impressions: examples from the stores configured as for npm start (DATA_DIR's SQLite
feature store, or Redis with REDIS_URL and REDIS_KEY_PREFIX): every recommendation list the
gateway logged (IMPRESSION_SAMPLE_RATE), with the feature values its ranker read, labelled
positive for the items the same user then clicked, added to cart, bought or rated 4 or more,
with the list's requestId or, without one, within --attribution-hours. Lists with no positive
are left out; the latest --validation-fraction of the lists by serving time validate.

Fits L2-regularised logistic regression on standardised features by Newton's method with a
Cholesky solve, prints AUC, log loss and NDCG@10 on the validation period beside the
reference model and the retrieval order, and writes the model file (atomically: a running
gateway reloads it): the learned recommend model, with its standardisation, metrics,
training window and data source, beside the reference file's search and similar models.
It refuses to write (exit 1, both figures printed) a model whose validation NDCG@10 or AUC is
below the reference's, unless --allow-worse, and a run with fewer than
--min-validation-groups validation groups, whose figures say too little to compare.

Options:
  --source S               movielens or impressions (default movielens)
  --data DIR               MovieLens directory (default ../shared/data/ml-latest-small)
  --reference FILE         model file to compare with and to keep search/similar from
                           (default models/ranker-hand-set.json)
  --out FILE               where the model file goes (default models/ranker.json)
  --l2 X                   L2 penalty on the standardised weights (default ${d.l2})
  --tolerance X            converged when every gradient component is below X (default ${d.tolerance})
  --max-iterations N       Newton steps at most (default ${d.maxIterations})
  --class-weighting W      balanced (each class half the weight) or none (default ${d.classWeighting})
  --fit F                  within-group: features centred per user, so that only what differs
                           between one user's candidates is learnt (what a ranker can use);
                           pooled: one fit over all examples (default ${d.withinGroup ? 'within-group' : 'pooled'})
  --period-fraction X      movielens: share of each user's ratings per period (default 0.2)
  --attribution-hours X    impressions: how long after a list a positive without a requestId
                           still counts for it (default 24)
  --validation-fraction X  impressions: share of the lists, latest first, that validate (default 0.2)
  --allow-worse            write the model even when it validates worse than the reference
  --min-validation-groups N  refuse to write with fewer validation groups (default ${DEFAULT_MIN_VALIDATION_GROUPS})
  --help                   print this and exit

The gateways' configuration comes from the environment as for npm start (EMBEDDING_MODEL
defaults to builtin here, CANDIDATE_POOL_SIZE, COLLABORATIVE_RETRIEVAL). Progress goes to stderr.`;

type Source =
  | { readonly kind: 'movielens'; readonly data: string; readonly periodFraction: number }
  | { readonly kind: 'impressions'; readonly attributionWindowMs: number; readonly validationFraction: number };

interface Args {
  readonly source: Source;
  readonly reference: string;
  readonly out: string;
  readonly training: TrainRankerOptions;
  readonly refusal: ModelRefusalOptions;
}

function number(name: string, raw: string | undefined, fallback: number, check: (x: number) => boolean, expected: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) throw new Error(`--${name} must be ${expected}, got "${raw}"`);
  return value;
}

function parse(): Args | 'help' {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/ml-latest-small' },
      reference: { type: 'string', default: 'models/ranker-hand-set.json' },
      out: { type: 'string', default: 'models/ranker.json' },
      l2: { type: 'string' },
      tolerance: { type: 'string' },
      'max-iterations': { type: 'string' },
      'class-weighting': { type: 'string' },
      'period-fraction': { type: 'string' },
      source: { type: 'string', default: 'movielens' },
      'attribution-hours': { type: 'string' },
      'validation-fraction': { type: 'string' },
      fit: { type: 'string' },
      'allow-worse': { type: 'boolean', default: false },
      'min-validation-groups': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const weighting = values['class-weighting'] ?? d.classWeighting;
  if (weighting !== 'balanced' && weighting !== 'none') throw new Error(`--class-weighting must be balanced or none, got "${weighting}"`);
  const fit = values.fit ?? (d.withinGroup ? 'within-group' : 'pooled');
  if (fit !== 'within-group' && fit !== 'pooled') throw new Error(`--fit must be within-group or pooled, got "${fit}"`);
  let source: Source;
  if (values.source === 'movielens') {
    source = {
      kind: 'movielens',
      data: path.resolve(values.data),
      periodFraction: number('period-fraction', values['period-fraction'], 0.2, (x) => x > 0 && x < 0.34, 'a number above 0 and below 0.34 (three periods must fit)'),
    };
  } else if (values.source === 'impressions') {
    source = {
      kind: 'impressions',
      attributionWindowMs: number('attribution-hours', values['attribution-hours'], 24, (x) => x >= 0, 'a number of hours, 0 or more') * 3_600_000,
      validationFraction: number('validation-fraction', values['validation-fraction'], 0.2, (x) => x > 0 && x < 1, 'a number above 0 and below 1'),
    };
  } else {
    throw new Error(`--source must be movielens or impressions, got "${values.source}"`);
  }
  return {
    source,
    reference: path.resolve(values.reference),
    out: path.resolve(values.out),
    training: {
      l2: number('l2', values.l2, d.l2, (x) => x > 0, 'a positive number'),
      tolerance: number('tolerance', values.tolerance, d.tolerance, (x) => x > 0, 'a positive number'),
      maxIterations: number('max-iterations', values['max-iterations'], d.maxIterations, (x) => Number.isInteger(x) && x >= 1, 'a positive integer'),
      classWeighting: weighting as ClassWeighting,
      withinGroup: fit === 'within-group',
    },
    refusal: {
      allowWorse: values['allow-worse'],
      minValidationGroups: number(
        'min-validation-groups',
        values['min-validation-groups'],
        DEFAULT_MIN_VALIDATION_GROUPS,
        (x) => Number.isInteger(x) && x >= 1,
        'a positive integer',
      ),
    },
  };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    const parsed = parse();
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const reference = loadRankerModels(args.reference);
  const examples = await readExamples(args.source);
  const run = trainRanker(examples.train, examples.validation, reference.recommend, args.training);
  process.stdout.write(`${trainingTable(run, reference.recommend.version)}\n`);
  const refused = modelRefusal(run, args.refusal);
  if (refused !== null) {
    process.stderr.write(`train:ranker did not write ${args.out}: ${refused}\n`);
    return 1;
  }
  const models = learnedRankerModels(run, {
    reference,
    trainedAt: new Date(),
    dataSource: examples.dataSource,
    trainingWindow: examples.trainingWindow,
    validationWindow: examples.validationWindow,
  });
  await writeRankerModels(args.out, models);
  process.stderr.write(`wrote ${args.out} (${models.recommend.version})\n`);
  return run.fit.converged ? 0 : 1;
}

async function readExamples(source: Source): Promise<RankerExamples> {
  if (source.kind === 'impressions') {
    const examples = await impressionRankerExamples(loadConfig(process.env), source);
    const { read, usable, otherSurface, otherFeatures, withoutPositive, pinnedLeftOut } = examples.counts;
    process.stderr.write(
      `${read} logged lists: ${usable} recommendation lists usable, ${withoutPositive} of them with no positive; ` +
        `${otherSurface} of other surfaces or without a user, ${otherFeatures} with other features; ` +
        `${pinnedLeftOut} pinned items left out (placed by a rule, not the ranker)\n`,
    );
    return examples;
  }
  const progress = createProgressReporter(process.stderr);
  return movieLensRankerExamples({
    dataDir: source.data,
    env: { EMBEDDING_MODEL: 'builtin', ...process.env },
    periodFraction: source.periodFraction,
    onProgress: (p) => progress.update(p),
    log: (line) => progress.log(line),
  }).finally(() => progress.stop());
}

runCommand(main, { label: 'train:ranker failed' });
