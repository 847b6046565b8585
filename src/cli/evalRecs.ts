/**
 * Recommendation quality on MovieLens against baselines, through the real gateway.
 *
 *   npm run eval:recs -- [--data DIR] [--out DIR] [--limit-users N] [--seed S] [--concurrency C]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recsMarkdown } from '../eval/recs/recsMarkdown.js';
import { RECS_EVAL_DEFAULTS, runRecsEval } from '../eval/recs/runRecsEval.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run eval:recs -- [options]

Splits a MovieLens data set by time (per user, the last 20% of ratings are the test set;
a rating of 4 or more is a positive), ingests the training ratings into a fresh temporary
data directory through the MovieLens importer, starts the gateway on a free loopback port,
asks it over GraphQL for recommendations(userId, first: 20) for every test user, and scores
it beside three baselines on the same split: random, most popular and item-kNN.
Writes OUT/eval-recs.json and OUT/eval-recs.md and prints the table.

Options:
  --data DIR          MovieLens directory (default ../shared/data/ml-latest-small)
  --out DIR           where results go (default results)
  --limit-users N     evaluate only the first N test users by id (default: all)
  --seed S            seed of the random baseline (default ${RECS_EVAL_DEFAULTS.seed})
  --concurrency C     GraphQL requests in flight (default ${RECS_EVAL_DEFAULTS.concurrency})
  --help              print this and exit

The gateway's configuration comes from the environment as for npm start; EMBEDDING_MODEL
defaults to builtin here (the project's offline model). Progress goes to stderr.`;

function positiveInteger(name: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string', default: '../shared/data/ml-latest-small' },
        out: { type: 'string', default: 'results' },
        'limit-users': { type: 'string' },
        seed: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    positiveInteger('limit-users', values['limit-users']);
    positiveInteger('concurrency', values.concurrency);
    if (values.seed !== undefined && !Number.isInteger(Number(values.seed))) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const report = await runRecsEval({
    dataDir: values.data,
    outDir: path.resolve(values.out),
    limitUsers: positiveInteger('limit-users', values['limit-users']),
    seed: values.seed === undefined ? RECS_EVAL_DEFAULTS.seed : Number(values.seed),
    concurrency: positiveInteger('concurrency', values.concurrency) ?? RECS_EVAL_DEFAULTS.concurrency,
    env: { EMBEDDING_MODEL: 'builtin', ...process.env },
    command: ['npm run eval:recs --', ...process.argv.slice(2)].join(' '),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${recsMarkdown(report)}\n`);
  process.stderr.write(`wrote ${path.join(values.out, 'eval-recs.json')} and eval-recs.md\n`);
  return 0;
}

runCommand(main, { label: 'eval:recs failed', detail: 'stack' });
