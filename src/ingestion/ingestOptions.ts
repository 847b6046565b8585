import type { RecordIssue } from './recordIssue.js';

/** How a run treats bad records and reports what it does; every field has a default. */
export interface IngestOptions {
  /** Records per batch; each batch is written in one transaction. */
  readonly batchSize?: number;
  /** Stop at the first refused record (throwing BadRecordError) instead of going on. */
  readonly strict?: boolean;
  /** Called for every record refused or skipped, in file order. */
  readonly onIssue?: (issue: RecordIssue) => void;
  /** Called after each batch with the number of records read so far, good and bad. */
  readonly onProgress?: (processed: number) => void;
  /** The clock: createdAt of new items, the time of events without one. Default Date.now. */
  readonly now?: () => number;
}
