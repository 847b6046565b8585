/**
 * Trains the collaborative (item2vec) vectors of a data directory from its event log.
 *
 *   npm run train:item2vec -- [--dimension N] [--window N] [--negatives N] [--epochs N]
 *                             [--min-count N] [--subsample X] [--learning-rate X] [--seed S]
 */
import { parseArgs } from 'node:util';
import { openDataStores } from '../app/openStores.js';
import { describeItem2vecRun, trainItem2vec } from '../app/trainItem2vec.js';
import { loadConfig } from '../config/loadConfig.js';
import { ITEM2VEC_DEFAULTS } from '../training/item2vecDefaults.js';
import type { SkipGramOptions } from '../training/skipGramOptions.js';
import { runCommand } from './runCommand.js';

const d = ITEM2VEC_DEFAULTS;
const USAGE = `Usage: npm run train:item2vec -- [options]

Reads every event of DATA_DIR through the event log, turns each user's positive events
(ratings of 4 or more, clicks, add-to-carts, purchases) into one time-ordered sequence of
items, trains skip-gram with negative sampling (item2vec) on them and replaces the
catalog's collaborative vectors with the result. The gateway reads them at start: restart
it afterwards. Items with fewer than --min-count positive events get no vector and are
recommended through the other sources (text, item similarity, popularity).

Options (defaults tuned on MovieLens small):
  --dimension N       vector length (default ${d.dimension})
  --window N          items each side that count as context (default ${d.window})
  --negatives N       noise items per positive pair (default ${d.negatives})
  --epochs N          passes over the sequences (default ${d.epochs})
  --min-count N       positive events an item needs to get a vector (default ${d.minCount})
  --subsample X       down-sampling threshold for very popular items, 0 = off (default ${d.subsample})
  --learning-rate X   starting rate, decayed linearly (default ${d.learningRate})
  --seed S            same seed, same data: same vectors (default ${d.seed})
  --help              print this and exit

Configuration (DATA_DIR, QDRANT_URL) comes from the environment as for npm start. No embedding
model is loaded: the catalog is read with the vectors it holds, so this runs offline.`;

const INTEGER_OPTIONS = { dimension: 'dimension', window: 'window', negatives: 'negatives', epochs: 'epochs', 'min-count': 'minCount', seed: 'seed' } as const;
const NUMBER_OPTIONS = { subsample: 'subsample', 'learning-rate': 'learningRate' } as const;

function trainerOptions(values: Record<string, string | boolean | undefined>): Partial<SkipGramOptions> {
  const options: Record<string, number> = {};
  for (const [flag, name] of Object.entries({ ...INTEGER_OPTIONS, ...NUMBER_OPTIONS })) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const value = Number(raw);
    const integer = flag in INTEGER_OPTIONS;
    if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw new Error(`--${flag} must be ${integer ? 'an integer' : 'a number'}, got "${raw}"`);
    }
    options[name] = value;
  }
  return options;
}

async function main(): Promise<number> {
  let options: Partial<SkipGramOptions>;
  try {
    const { values } = parseArgs({
      options: {
        ...Object.fromEntries([...Object.keys(INTEGER_OPTIONS), ...Object.keys(NUMBER_OPTIONS)].map((flag) => [flag, { type: 'string' as const }])),
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    options = trainerOptions(values);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const stores = await openDataStores(config);
  try {
    const events = await stores.features.count();
    if (events === 0) {
      process.stderr.write(`No events in ${config.data.dir}: load some first (npm run ingest -- --events FILE, or --movielens DIR).\n`);
      return 1;
    }
    process.stderr.write(`training item2vec on ${events} events in ${config.data.dir}\n`);
    const run = await trainItem2vec({ catalog: stores.catalog, events: stores.features }, options);
    process.stdout.write(`${describeItem2vecRun(run)}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}

runCommand(main, { label: 'train:item2vec failed' });
