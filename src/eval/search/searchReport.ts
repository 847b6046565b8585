import type { MachineInfo } from '../report/machineInfo.js';
import type { SearchScores } from './scoreSearch.js';

export interface SearchSystemResult extends SearchScores {
  readonly name: string;
  /** How the system's rankings were obtained. */
  readonly path: string;
  readonly failures: number;
  readonly seconds: number;
}

/** Everything results/eval-search.json holds. */
export interface SearchReport {
  readonly kind: 'eval-search';
  readonly date: string;
  readonly command: string;
  readonly dataDir: string;
  readonly machine: MachineInfo;
  readonly config: Readonly<Record<string, unknown>>;
  readonly collection: {
    readonly documents: number;
    readonly emptyDocuments: readonly string[];
    readonly queries: number;
    readonly judgements: number;
  };
  readonly ingestion: Readonly<Record<string, number>>;
  readonly durations: Readonly<Record<string, number>>;
  readonly systems: readonly SearchSystemResult[];
  readonly failureSamples: readonly { readonly key: string; readonly message: string }[];
}
