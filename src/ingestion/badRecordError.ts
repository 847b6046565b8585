import type { RecordIssue } from './recordIssue.js';

/** Ends a strict run at the first refused record; batches written before it stay written. */
export class BadRecordError extends Error {
  override name = 'BadRecordError';

  constructor(readonly issue: RecordIssue) {
    super(`${issue.file}:${issue.line}: ${issue.message}`);
  }
}
