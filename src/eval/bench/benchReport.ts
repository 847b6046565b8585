import type { MachineInfo } from '../report/machineInfo.js';
import type { BatchedVersusUnbatched } from './compareBatching.js';
import type { FullVersusRetrieval } from './compareFullToRetrieval.js';
import type { BenchOperation } from './benchWorkloads.js';
import type { FeatureRead } from './countingFeatureStore.js';
import type { LoadTestResult } from './loadTest.js';
import type { StageShares } from './stageShares.js';

/** Everything results/bench.json holds. */
export interface BenchReport {
  readonly kind: 'bench';
  readonly date: string;
  readonly command: string;
  readonly dataDir: string;
  readonly machine: MachineInfo;
  readonly config: Readonly<Record<string, unknown>>;
  readonly ingestion: {
    readonly items: number;
    readonly itemsPerSecond: number;
    readonly events: number;
    readonly eventsPerSecond: number;
    readonly seconds: number;
  };
  readonly load: Readonly<Record<BenchOperation, readonly LoadTestResult[]>>;
  readonly stages: Readonly<Record<BenchOperation, StageShares>>;
  /** FeatureStore read calls per request, by method. */
  readonly featureStoreCallsPerRequest: Readonly<Record<BenchOperation, Readonly<Record<FeatureRead | 'total', number>>>>;
  readonly inProcess: {
    readonly fullVersusRetrieval: FullVersusRetrieval;
    readonly batchedVersusUnbatched: BatchedVersusUnbatched;
  };
  readonly durations: Readonly<Record<string, number>>;
}
