import type { SourceRecord } from './sourceRecord.js';
import type { Validation } from './validation.js';

/** Applies a parsing step to the good records of a stream; refused ones pass through as they are. */
export async function* mapRecords<A, B>(
  records: AsyncIterable<SourceRecord<A>>,
  step: (value: A) => Validation<B>,
): AsyncGenerator<SourceRecord<B>> {
  for await (const { file, line, result } of records) {
    yield { file, line, result: result.ok ? step(result.value) : result };
  }
}
