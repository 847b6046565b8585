import { describeMachine } from '../report/machineInfo.js';
import { markdownTable } from '../report/markdownTable.js';
import type { BenchReport } from './benchReport.js';
import { BENCH_OPERATIONS, type BenchOperation } from './benchWorkloads.js';
import { FEATURE_READS } from './countingFeatureStore.js';

const STAGE_ORDER = ['embedding', 'retrieval', 'features', 'scoring', 'reranking', 'graphql execution (outside stages)', 'parse, validate, context'];

export function benchMarkdown(report: BenchReport): string {
  const operations = Object.keys(BENCH_OPERATIONS) as BenchOperation[];
  const load = markdownTable(
    ['Operation', 'Concurrency', 'Requests', 'Req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Errors'],
    operations.flatMap((operation) =>
      report.load[operation].map((run) => [
        operation,
        run.connections,
        run.requests,
        run.requestsPerSecond,
        run.p50Ms,
        run.p95Ms,
        run.p99Ms,
        run.errors + run.non2xx + run.graphqlErrors,
      ]),
    ),
    1,
  );
  const stageNames = [...new Set([...STAGE_ORDER, ...operations.flatMap((operation) => Object.keys(report.stages[operation].share))])].filter((stage) =>
    operations.some((operation) => stage in report.stages[operation].share),
  );
  const stages = markdownTable(
    ['Operation', 'Mean ms', ...stageNames],
    operations.map((operation) => {
      const { share, meanMs } = report.stages[operation];
      const total = Object.values(meanMs).reduce((a, b) => a + b, 0);
      return [operation, total, ...stageNames.map((stage) => (stage in share ? `${(share[stage]! * 100).toFixed(1)}%` : '–'))];
    }),
    2,
  );
  const calls = markdownTable(
    ['Operation', ...FEATURE_READS, 'total'],
    operations.map((operation) => [operation, ...FEATURE_READS.map((method) => report.featureStoreCallsPerRequest[operation][method]), report.featureStoreCallsPerRequest[operation].total]),
    2,
  );
  const { fullVersusRetrieval: fr, batchedVersusUnbatched: bu } = report.inProcess;
  const inProcess = markdownTable(
    ['Comparison (same process, interleaved)', 'Side', 'Median ms', 'Mean ms', 'FeatureStore calls via loaders/request', 'Ratio'],
    [
      ['search: full pipeline vs retrieval alone', 'full pipeline', fr.full.medianMs, fr.full.meanMs, '', `${fr.ratio.toFixed(2)}×`],
      ['', 'retrieval alone', fr.retrievalOnly.medianMs, fr.retrievalOnly.meanMs, '', ''],
      ['recommendations: feature fetch batched vs unbatched', 'DataLoader batch (features stage)', bu.batched.featureStage.medianMs, bu.batched.featureStage.meanMs, bu.batched.featureStoreCallsPerRequest, `${bu.featureStageRatio.toFixed(2)}×`],
      ['', 'one call per candidate (features stage)', bu.unbatched.featureStage.medianMs, bu.unbatched.featureStage.meanMs, bu.unbatched.featureStoreCallsPerRequest, ''],
      ['', 'batched, whole request', bu.batched.request.medianMs, bu.batched.request.meanMs, '', ''],
      ['', 'unbatched, whole request', bu.unbatched.request.medianMs, bu.unbatched.request.meanMs, '', ''],
    ],
    2,
  );
  const { ingestion } = report;
  return [
    '# Performance: MovieLens catalog, embedded mode',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${describeMachine(report.machine)}`,
    `- Data: ${report.dataDir}; embedding model ${String(report.config['embeddingModel'])}`,
    `- Command: \`${report.command}\``,
    `- Load: autocannon, closed loop over loopback, server in its own process; each run at most ${String(report.config['seconds'])} s and ${String(report.config['maxRequests'])} requests, cycling over ${String(report.config['inputs'])} inputs per operation (page of 10)`,
    '',
    '## Latency and throughput',
    '',
    load,
    '',
    '## Where the time goes (server timings, x-debug-timings, one request at a time)',
    '',
    stages,
    '',
    '## Feature-store round trips per request',
    '',
    calls,
    '',
    '## Ingestion',
    '',
    `${ingestion.items} items at ${ingestion.itemsPerSecond.toFixed(0)} items/s (embedding included); ${ingestion.events} rating events at ${ingestion.eventsPerSecond.toFixed(0)} events/s; ${ingestion.seconds.toFixed(1)} s in all.`,
    '',
    '## Same-process comparisons',
    '',
    inProcess,
    '',
  ].join('\n');
}
