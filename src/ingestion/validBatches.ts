import { BadRecordError } from './badRecordError.js';
import type { RecordIssue } from './recordIssue.js';
import type { SourceRecord } from './sourceRecord.js';

/** A good record's value with where it came from, for issues found later (an unknown item). */
export interface Located<T> {
  readonly value: T;
  readonly file: string;
  readonly line: number;
}

export interface BatchTally {
  /** Records read, good and bad. */
  processed: number;
  bad: number;
}

/**
 * Groups the good records of a stream into batches of `size`, reporting each refused record
 * through `onIssue` and counting it in `tally`; with `strict`, the first refused record
 * throws instead and the batch being filled is dropped unwritten.
 */
export async function* validBatches<T>(
  records: AsyncIterable<SourceRecord<T>>,
  size: number,
  tally: BatchTally,
  options: { readonly strict: boolean; readonly onIssue: (issue: RecordIssue) => void },
): AsyncGenerator<Located<T>[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${size}`);
  let batch: Located<T>[] = [];
  for await (const record of records) {
    tally.processed += 1;
    if (!record.result.ok) {
      tally.bad += 1;
      const issue = { file: record.file, line: record.line, message: record.result.reason };
      if (options.strict) throw new BadRecordError(issue);
      options.onIssue(issue);
      continue;
    }
    batch.push({ value: record.result.value, file: record.file, line: record.line });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
