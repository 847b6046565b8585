/**
 * Feature fetch for one ranking request (200 candidates), p50 and p99, on each feature store.
 *
 *   npm run bench:features -- [--data DIR] [--out DIR] [--candidates N] [--rounds R]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RedisFeatureStore } from '../adapters/redis/redisFeatureStore.js';
import { SqliteFeatureStore } from '../adapters/sqlite/sqliteFeatureStore.js';
import { loadConfig } from '../config/loadConfig.js';
import type { InteractionEvent } from '../domain/event.js';
import type { Item } from '../domain/item.js';
import { featureFetchBench, type FeatureFetchResult } from '../eval/bench/featureFetchBench.js';
import { readMovies } from '../eval/movieLens/readMovies.js';
import { readRatings } from '../eval/movieLens/readRatings.js';
import { describeMachine, machineInfo } from '../eval/report/machineInfo.js';
import { markdownTable } from '../eval/report/markdownTable.js';
import { createProgressReporter } from '../ingestion/createProgressReporter.js';
import type { EventLog } from '../ports/eventLog.js';
import type { FeatureStore } from '../ports/featureStore.js';
import { positiveOption } from './positiveOption.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run bench:features -- [options]

Loads MovieLens ratings into each feature store (SQLite in a temporary directory; Redis at
REDIS_URL under a temporary key prefix, deleted afterwards, when REDIS_URL is set), then
times the feature fetch of one ranking request: the stats of N candidate items and one
user's profile, read as the per-request DataLoaders batch them (one call per store), and
the item stats alone. Writes OUT/bench-features.json and OUT/bench-features.md.

Options:
  --data DIR          MovieLens directory (default ../shared/data/ml-latest-small)
  --out DIR           where results go (default results)
  --candidates N      candidate items per request (default 200)
  --rounds R          timed requests per store, after 50 warm-up ones (default 1000)
  --help              print this and exit`;

async function main(): Promise<number> {
  let data: string;
  let out: string;
  let candidates: number;
  let rounds: number;
  try {
    const { values } = parseArgs({
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        candidates: { type: 'string' },
        rounds: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    data = path.resolve(values.data ?? '../shared/data/ml-latest-small');
    out = path.resolve(values.out ?? 'results');
    candidates = positiveOption('candidates', values.candidates, 200);
    rounds = positiveOption('rounds', values.rounds, 1000);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const movies = await readMovies(path.join(data, 'movies.csv'));
  const items = new Map<string, Item>(movies.map((m) => [m.id, { id: m.id, title: m.title, text: '', categories: m.genres, tags: [], year: null, createdAt: 0 }]));
  const events: InteractionEvent[] = (await readRatings(path.join(data, 'ratings.csv'))).map((r) => ({
    id: `ml-${r.userId}-${r.itemId}`,
    type: 'rating',
    userId: r.userId,
    itemId: r.itemId,
    timestamp: r.timestamp * 1000,
    value: r.value,
    requestId: null,
  }));
  const userIds = [...new Set(events.map((e) => e.userId))];
  const itemIds = [...items.keys()];
  const options = { candidates, rounds, warmup: 50 };
  const results: FeatureFetchResult[] = [];

  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-features-'));
  try {
    const sqlite = SqliteFeatureStore.open(dir);
    results.push(await measure(sqlite, 'SQLite (embedded)', events, items, itemIds, userIds, options).finally(() => sqlite.close()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const redisUrl = config.features.redisUrl;
  if (redisUrl) {
    const prefix = `bench:${process.pid}:${Date.now()}:`;
    const redis = await RedisFeatureStore.connect({ url: redisUrl, keyPrefix: prefix });
    try {
      results.push(await measure(redis, 'Redis (service mode)', events, items, itemIds, userIds, options));
    } finally {
      await redis.deleteAll();
      await redis.close();
    }
  } else {
    process.stderr.write('REDIS_URL is not set: the Redis store is not measured\n');
  }

  const report = { candidates, rounds, events: events.length, items: items.size, machine: machineInfo(), results };
  const table = markdownTable(
    ['store', `fetch p50 ms`, 'fetch p99 ms', 'fetch mean ms', 'item stats p50 ms', 'item stats p99 ms'],
    results.map((r) => [r.store, r.fetch.p50Ms, r.fetch.p99Ms, r.fetch.meanMs, r.itemStats.p50Ms, r.itemStats.p99Ms]),
    3,
  );
  const markdown =
    `# Feature fetch, ${candidates} candidates\n\n` +
    `${events.length} MovieLens ratings loaded into each store; ${rounds} requests per store after 50 warm-up ones. ` +
    `"fetch" = stats of ${candidates} items and one user's profile, concurrently (one call each, as the DataLoaders batch them).\n\n` +
    `${table}\n\nMachine: ${describeMachine(report.machine)}\n`;
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'bench-features.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(out, 'bench-features.md'), markdown);
  process.stdout.write(`${markdown}`);
  return 0;
}

async function measure(
  store: FeatureStore & EventLog,
  name: string,
  events: readonly InteractionEvent[],
  items: ReadonlyMap<string, Item>,
  itemIds: readonly string[],
  userIds: readonly string[],
  options: { candidates: number; rounds: number; warmup: number },
): Promise<FeatureFetchResult> {
  const reporter = createProgressReporter(process.stderr);
  for (let start = 0; start < events.length; start += 5000) {
    await store.applyEvents(events.slice(start, start + 5000), items);
    reporter.update({ stage: 'events', file: `ratings.csv into ${name}`, processed: Math.min(events.length, start + 5000), total: events.length });
  }
  reporter.stop();
  process.stderr.write(`timing ${options.rounds} feature fetches on ${name}\n`);
  return featureFetchBench(store, name, itemIds, userIds, options);
}

runCommand(main, { label: 'bench:features failed' });
