import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../../app/openApp.js';
import { describeItem2vecRun, trainItem2vec } from '../../app/trainItem2vec.js';
import { ingestFiles } from '../../ingestion/ingestFiles.js';
import { describeConfig, harnessConfig } from '../gatewayUnderTest.js';
import { graphqlRequest } from '../graphqlRequest.js';
import { readMovies } from '../movieLens/readMovies.js';
import { readRatings } from '../movieLens/readRatings.js';
import { machineInfo } from '../report/machineInfo.js';
import { benchMarkdown } from './benchMarkdown.js';
import type { BenchReport } from './benchReport.js';
import { benchBodies, benchInputs, BENCH_OPERATIONS, type BenchOperation } from './benchWorkloads.js';
import { compareBatching } from './compareBatching.js';
import { compareFullToRetrieval } from './compareFullToRetrieval.js';
import { FEATURE_READS } from './countingFeatureStore.js';
import { featureStoreCalls } from './featureStoreCalls.js';
import { loadTest, type LoadTestResult } from './loadTest.js';
import { spawnBenchServer } from './spawnBenchServer.js';
import { stageShares, type StageShares } from './stageShares.js';

export interface BenchOptions {
  /** A MovieLens directory: the catalog and events loaded for the bench. */
  readonly dataDir: string;
  readonly outDir?: string | null;
  readonly concurrency?: readonly number[];
  /** Upper bound of each load run, in seconds. */
  readonly seconds?: number;
  /** Upper bound of each load run, in requests. */
  readonly maxRequests?: number;
  /** Distinct inputs per operation. */
  readonly inputs?: number;
  /** Rounds of the same-process comparisons. */
  readonly rounds?: number;
  readonly seed?: number;
  readonly env?: NodeJS.ProcessEnv;
  readonly command?: string;
  readonly log?: (line: string) => void;
}

export const BENCH_DEFAULTS = { concurrency: [1, 8, 32], seconds: 10, maxRequests: 5000, inputs: 64, rounds: 3, seed: 42 } as const;

/**
 * Loads MovieLens into a fresh data directory (timing ingestion), serves it from a child
 * process and loads each operation at each concurrency with autocannon; then asks one request
 * at a time for the server's own stage timings and FeatureStore calls; then, in this process,
 * compares the full pipeline to retrieval alone and batched to unbatched feature fetch.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const concurrency = options.concurrency ?? BENCH_DEFAULTS.concurrency;
  const seconds = options.seconds ?? BENCH_DEFAULTS.seconds;
  const maxRequests = options.maxRequests ?? BENCH_DEFAULTS.maxRequests;
  const rounds = options.rounds ?? BENCH_DEFAULTS.rounds;
  const seed = options.seed ?? BENCH_DEFAULTS.seed;
  const env = options.env ?? {};
  const log = options.log ?? (() => {});
  const started = performance.now();
  const dataDir = path.resolve(options.dataDir);
  const [movies, ratings] = await Promise.all([readMovies(path.join(dataDir, 'movies.csv')), readRatings(path.join(dataDir, 'ratings.csv'))]);
  const inputs = benchInputs(movies, ratings, options.inputs ?? BENCH_DEFAULTS.inputs, seed);
  const operations = Object.keys(BENCH_OPERATIONS) as BenchOperation[];

  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  try {
    const storeDir = path.join(work, 'data');
    const config = harnessConfig(storeDir, env);
    log(`ingesting ${dataDir} into ${storeDir}`);
    const app = await openApp(config);
    let ingestion: BenchReport['ingestion'];
    let gatewayConfig: Record<string, unknown>;
    try {
      const summary = await ingestFiles({ movieLens: dataDir }, app.stores);
      ingestion = {
        items: summary.items.ok,
        itemsPerSecond: summary.items.ok / summary.itemSeconds,
        events: summary.events.accepted,
        eventsPerSecond: summary.events.accepted / summary.eventSeconds,
        seconds: summary.seconds,
      };
      // As the demo does after its seed, so that the measured path includes the collaborative source.
      log(describeItem2vecRun(await trainItem2vec({ catalog: app.stores.catalog, events: app.stores.features })));
      gatewayConfig = describeConfig(config, app.stores);
    } finally {
      await app.close();
    }
    log(`ingested ${ingestion.items} items (${ingestion.itemsPerSecond.toFixed(0)}/s) and ${ingestion.events} events`);

    const load = {} as Record<BenchOperation, LoadTestResult[]>;
    const stages = {} as Record<BenchOperation, StageShares>;
    const calls = {} as Record<BenchOperation, Record<(typeof FEATURE_READS)[number] | 'total', number>>;
    const server = await spawnBenchServer(storeDir, env);
    try {
      const metricsUrl = server.url.replace(/\/graphql$/, '/metrics');
      for (const operation of operations) {
        const bodies = benchBodies(operation, inputs);
        // Warm-up: every input once, which also proves each one answers without errors.
        for (const body of bodies) {
          const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
          await graphqlRequest(server.url, query, variables);
        }
        load[operation] = [];
        for (const connections of concurrency) {
          log(`${operation}: ${connections} connection(s), up to ${seconds} s / ${maxRequests} requests`);
          const result = await loadTest({ url: server.url, bodies, connections, seconds, maxRequests });
          log(`  ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50Ms?.toFixed(1)} ms, p95 ${result.p95Ms?.toFixed(1)} ms, p99 ${result.p99Ms?.toFixed(1)} ms`);
          load[operation].push(result);
        }
        const before = await featureStoreCalls(metricsUrl);
        stages[operation] = await stageShares(server.url, bodies);
        const after = await featureStoreCalls(metricsUrl);
        const perRequest = Object.fromEntries(FEATURE_READS.map((method) => [method, (after[method] - before[method]) / bodies.length]));
        calls[operation] = { ...perRequest, total: Object.values(perRequest).reduce((a, b) => a + b, 0) } as (typeof calls)[BenchOperation];
      }
    } finally {
      await server.stop();
    }

    log(`same-process comparisons (${rounds} rounds)`);
    const inProcessApp = await openApp(config);
    let inProcess: BenchReport['inProcess'];
    try {
      const fullVersusRetrieval = await compareFullToRetrieval(
        inProcessApp.gateway,
        { catalog: inProcessApp.stores.catalog, embedder: inProcessApp.stores.embedder, candidatesPerSource: config.ranking.candidatesPerSource },
        inputs.search,
        rounds,
      );
      const batchedVersusUnbatched = await compareBatching(inProcessApp.gateway, inProcessApp.stores, inputs.recommendations, rounds);
      inProcess = { fullVersusRetrieval, batchedVersusUnbatched };
    } finally {
      await inProcessApp.close();
    }

    const report: BenchReport = {
      kind: 'bench',
      date: new Date().toISOString(),
      command: options.command ?? 'runBench',
      dataDir,
      machine: machineInfo(),
      config: { concurrency, seconds, maxRequests, inputs: options.inputs ?? BENCH_DEFAULTS.inputs, rounds, seed, ...gatewayConfig },
      ingestion,
      load,
      stages,
      featureStoreCallsPerRequest: calls,
      inProcess,
      durations: { totalSeconds: (performance.now() - started) / 1000 },
    };
    if (options.outDir) {
      await mkdir(options.outDir, { recursive: true });
      await writeFile(path.join(options.outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(path.join(options.outDir, 'bench.md'), benchMarkdown(report));
    }
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
