/**
 * Rebuilds every feature from the event log.
 *
 *   npm run recompute:features -- [--batch-size N] [--target-prefix PREFIX]
 */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURES_FILE } from '../adapters/sqlite/sqliteFeatureStore.js';
import { openDataStores, openFeatureStore } from '../app/openStores.js';
import { recomputeFeatures, type RecomputeSummary } from '../app/recomputeFeatures.js';
import { loadConfig } from '../config/loadConfig.js';
import { createProgressReporter } from '../ingestion/createProgressReporter.js';
import type { FeatureStore } from '../ports/featureStore.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run recompute:features -- [options]

Rebuilds every feature (item counts and decayed counts, ratings, popularity, user histories,
seen sets, category affinities) from the event log, through the same code that recordEvents
runs online, so that the result equals what the online path produced for the same events.
Run it to backfill, or after a feature definition (a half-life, a weight) changes.

Embedded (no REDIS_URL): rebuilds DATA_DIR/${FEATURES_FILE} into a new file and moves it into
place when complete; stop the gateway first (SQLite has one writer, and a running gateway
would keep writing to the old file).

Service mode (REDIS_URL): reads the log under REDIS_KEY_PREFIX and writes the rebuilt store
under --target-prefix, which the gateways then use (set REDIS_KEY_PREFIX to it). Running it
again with the same target catches up the events recorded meanwhile: each counts once.

Options:
  --batch-size N          events per write (default 1000)
  --target-prefix PREFIX  Redis only: the key prefix to build under (required with REDIS_URL)
  --help                  print this and exit

Configuration (DATA_DIR, QDRANT_URL, REDIS_URL, REDIS_KEY_PREFIX) comes from the environment
as for npm start. No embedding model is loaded (nothing is embedded), so this runs offline.`;

interface Options {
  readonly batchSize: number;
  readonly targetPrefix: string | null;
}

function parseOptions(): Options | 'help' {
  const { values } = parseArgs({
    options: { 'batch-size': { type: 'string' }, 'target-prefix': { type: 'string' }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) return 'help';
  const raw = values['batch-size'] ?? '1000';
  const batchSize = Number(raw);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error(`--batch-size must be an integer from 1 to 100000, got "${raw}"`);
  return { batchSize, targetPrefix: values['target-prefix']?.trim() || null };
}

async function main(): Promise<number> {
  let options: Options;
  try {
    const parsed = parseOptions();
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const redis = config.features.redisUrl;
  if (redis && (options.targetPrefix === null || options.targetPrefix === config.features.redisKeyPrefix)) {
    process.stderr.write(`With REDIS_URL, --target-prefix must name a prefix other than REDIS_KEY_PREFIX (${config.features.redisKeyPrefix}).\n\n${USAGE}\n`);
    return 2;
  }
  if (!redis && options.targetPrefix !== null) {
    process.stderr.write(`--target-prefix is for Redis (REDIS_URL); the embedded store is rebuilt in place.\n\n${USAGE}\n`);
    return 2;
  }
  const stores = await openDataStores(config);
  const scratch = redis ? null : mkdtempSync(path.join(config.data.dir, 'recompute-'));
  let target: FeatureStore | null = null;
  let summary: RecomputeSummary;
  const reporter = createProgressReporter(process.stderr);
  try {
    const total = await stores.features.count();
    process.stderr.write(`recomputing features from ${total} logged events ${redis ? `into prefix ${options.targetPrefix}` : `in ${config.data.dir}`}\n`);
    target = await openFeatureStore(config, scratch ? { dir: scratch } : { redisKeyPrefix: options.targetPrefix! });
    summary = await recomputeFeatures(
      { log: stores.features, target, catalog: stores.catalog },
      { batchSize: options.batchSize, onProgress: (processed) => reporter.update({ stage: 'events', file: 'event log', processed, total }) },
    );
    reporter.stop();
  } catch (error) {
    reporter.stop();
    await Promise.allSettled([target?.close(), stores.close()]);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  await Promise.all([target.close(), stores.close()]);
  if (scratch) {
    // Complete and closed (its WAL checkpointed): only now does it replace the old file.
    for (const suffix of ['-wal', '-shm']) rmSync(path.join(config.data.dir, FEATURES_FILE + suffix), { force: true });
    renameSync(path.join(scratch, FEATURES_FILE), path.join(config.data.dir, FEATURES_FILE));
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(
    `recomputed ${summary.events} events (${summary.applied} applied, ${summary.duplicates} already in the target), ` +
      `${summary.forgottenItems} items no longer in the catalog forgotten\n` +
      (redis ? `Set REDIS_KEY_PREFIX=${options.targetPrefix} on the gateways; run again with the same --target-prefix to catch up events recorded meanwhile.\n` : ''),
  );
  return 0;
}

runCommand(main, { label: 'recompute:features failed' });
