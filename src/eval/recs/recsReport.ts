import type { MachineInfo } from '../report/machineInfo.js';
import type { RecsScores } from './scoreRecommendations.js';

/** One recommender's figures in a run. */
export interface RecsSystemResult extends RecsScores {
  readonly name: string;
  /** Requests or users that failed (the gateway's errors); they score 0. */
  readonly failures: number;
  readonly seconds: number;
}

/** Everything results/eval-recs.json holds: the figures and what it takes to reproduce them. */
export interface RecsReport {
  readonly kind: 'eval-recs';
  readonly date: string;
  readonly command: string;
  readonly dataDir: string;
  readonly seed: number;
  readonly machine: MachineInfo;
  readonly config: Readonly<Record<string, unknown>>;
  readonly split: {
    readonly ratings: number;
    readonly trainRatings: number;
    readonly testRatings: number;
    readonly users: number;
    /** Users with at least one positive test rating. */
    readonly testUsers: number;
    /** Of them, those evaluated (all, or the first --limit-users). */
    readonly evaluatedUsers: number;
    readonly tagsDropped: number;
  };
  readonly ingestion: Readonly<Record<string, number>>;
  /** The item2vec run on the training split (whether the gateway uses it: config.gateway.ranking.collaborative). */
  readonly item2vec: Readonly<Record<string, unknown>> | null;
  readonly durations: Readonly<Record<string, number>>;
  readonly systems: readonly RecsSystemResult[];
  /** The first few gateway failures, verbatim, for whoever has to fix them. */
  readonly failureSamples: readonly { readonly key: string; readonly message: string }[];
}
