/**
 * Latency, throughput, stage shares and store round trips of the gateway on MovieLens.
 *
 *   npm run bench -- [--data DIR] [--out DIR] [--seconds S] [--max-requests N] [--concurrency 1,8,32]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchMarkdown } from '../eval/bench/benchMarkdown.js';
import { BENCH_DEFAULTS, runBench } from '../eval/bench/runBench.js';
import { positiveOption } from './positiveOption.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run bench -- [options]

Loads a MovieLens data set into a fresh temporary data directory through the importer
(timing ingestion), starts the gateway in a child process on a free loopback port, and
loads search, recommendations and similarItems with autocannon at each concurrency
(closed loop, each run bounded in time and requests): throughput and p50/p95/p99 latency.
Then, one request at a time, the share of each pipeline stage from the server's own
timings (x-debug-timings) and the FeatureStore calls per request; then, in one process,
the full pipeline against retrieval alone and batched against unbatched feature fetch.
Writes OUT/bench.json and OUT/bench.md and prints the tables. Progress goes to stderr.

Options:
  --data DIR            MovieLens directory (default ../shared/data/ml-latest-small)
  --out DIR             where results go (default results)
  --seconds S           upper bound of each load run (default ${BENCH_DEFAULTS.seconds})
  --max-requests N      upper bound of requests per load run (default ${BENCH_DEFAULTS.maxRequests})
  --concurrency LIST    connections per run, comma-separated (default ${BENCH_DEFAULTS.concurrency.join(',')})
  --rounds R            rounds of the same-process comparisons (default ${BENCH_DEFAULTS.rounds})
  --help                print this and exit

EMBEDDING_MODEL defaults to builtin here (the project's offline model).`;

async function main(): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      options: {
        data: { type: 'string', default: '../shared/data/ml-latest-small' },
        out: { type: 'string', default: 'results' },
        seconds: { type: 'string' },
        'max-requests': { type: 'string' },
        concurrency: { type: 'string' },
        rounds: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    options = {
      dataDir: values.data,
      outDir: path.resolve(values.out),
      seconds: positiveOption('seconds', values.seconds, BENCH_DEFAULTS.seconds),
      maxRequests: positiveOption('max-requests', values['max-requests'], BENCH_DEFAULTS.maxRequests),
      rounds: positiveOption('rounds', values.rounds, BENCH_DEFAULTS.rounds),
      concurrency: values.concurrency === undefined ? BENCH_DEFAULTS.concurrency : values.concurrency.split(',').map((part) => positiveOption('concurrency', part.trim(), 1)),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const report = await runBench({
    ...options,
    env: { EMBEDDING_MODEL: 'builtin', ...process.env },
    command: ['npm run bench --', ...process.argv.slice(2)].join(' '),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${benchMarkdown(report)}\n`);
  process.stderr.write(`wrote ${path.join(options.outDir, 'bench.json')} and bench.md\n`);
  return 0;
}

runCommand(main, { label: 'bench failed', detail: 'stack' });
