/**
 * The gateway as the bench loads it, in a process of its own so that the load generator does
 * not share its event loop: the app opened as main opens it (openApp: the watched model file,
 * RERANK_RULES, the impression log), with the FeatureStore the pipeline reads wrapped to count
 * its read calls into a Prometheus counter on /metrics. Prints `{"url": …}` on stdout
 * when it listens; SIGTERM stops it.
 *
 *   node --import tsx src/eval/bench/benchServer.ts DATA_DIR
 */
import { Counter } from 'prom-client';
import { openApp } from '../../app/openApp.js';
import { createMetricsRegistry } from '../../server/metricsRegistry.js';
import { createServer } from '../../server/createServer.js';
import { harnessConfig } from '../gatewayUnderTest.js';
import { countingFeatureStore } from './countingFeatureStore.js';
import { FEATURE_CALLS_METRIC } from './featureStoreCalls.js';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: benchServer.ts DATA_DIR');
  const config = harnessConfig(dataDir, process.env);
  const metrics = createMetricsRegistry();
  const calls = new Counter({
    name: FEATURE_CALLS_METRIC,
    help: 'FeatureStore read calls (round trips), by method; counted by the bench composition.',
    labelNames: ['method'],
    registers: [metrics.registry],
  });
  const app = await openApp(config, { readFeaturesThrough: (features) => countingFeatureStore(features, (method) => calls.inc({ method })) });
  const server = await createServer({ config, gateway: app.gateway, metrics, countItems: () => app.stores.catalog.count({ once: true }) });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => {
    void server
      .stop()
      .then(() => app.close())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
